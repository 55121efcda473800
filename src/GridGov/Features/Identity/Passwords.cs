using System.Security.Cryptography;

namespace GridGov.Features.Identity;

// Passwords the system hands out (a new account without one, a reset): shown once, then changed by
// their owner, so they are short enough to type from paper yet meet the password policy.
public static class Passwords
{
    public static string New()
    {
        // Letters without look-alikes, and always a digit and a lower-case letter (the password policy).
        const string letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        return RandomNumberGenerator.GetString(letters, 8) + RandomNumberGenerator.GetString(digits, 3)
            + RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz", 1);
    }
}
