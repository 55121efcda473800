using System.Security.Cryptography;
using System.Text;

namespace GridGov.Infrastructure.Crypto;

// A random secret kept in a file of its own beside the data (owner-only), made on first use: the keys
// that must never enter the database (the audit chain's, the personal data's) live this way unless the
// operator configures them.
public static class SecretFile
{
    // The base64 text of the file, made with a fresh 32-byte secret if there is none yet. Written aside
    // and moved into place, so two processes starting at once end with one secret.
    public static string ReadOrCreate(string path)
    {
        if (File.Exists(path)) return File.ReadAllText(path);
        var dir = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
        else Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var w = new StreamWriter(temp, Encoding.ASCII, options)) w.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        try { File.Move(temp, path, overwrite: false); }
        catch (IOException) when (File.Exists(path)) { File.Delete(temp); } // another process made it first
        return File.ReadAllText(path);
    }
}
