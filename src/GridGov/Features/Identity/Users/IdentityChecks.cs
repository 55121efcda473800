using Microsoft.AspNetCore.Identity;

namespace GridGov.Features.Identity.Users;

static class IdentityChecks
{
    // Steps that cannot fail for a valid account (a flag, a stamp, a generated password that meets
    // the policy): a failure is a defect, not an answer for the user.
    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Description)));
    }
}
