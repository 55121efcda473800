using System.Security.Cryptography;

namespace GridGov.Features.Identity;

public static class Passwords
{
    // A generated password that meets the policy: letters without look-alikes, always a digit and a
    // lower-case letter. Given once to the person (first start, new account, reset).
    public static string New()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        return RandomNumberGenerator.GetString(letters, 8) + RandomNumberGenerator.GetString(digits, 3)
            + RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz", 1);
    }
}
