using Microsoft.Extensions.Caching.Memory;

namespace GridGov.Features.Identity;

// Slows password guessing without handing anyone a switch that locks an account: failures are
// counted per (account name, client address), so a stranger who guesses from one address holds up
// only that address. The first few failures cost nothing; after that each attempt from that address
// waits 1, 2, 4 … up to 15 minutes. The count is forgotten an hour after the last failure or at a
// success. The same for names that do not exist, so the answers tell no real account from a wrong name.
// CheckSignIn also counts each name's failures from all addresses (FreeNameFailures): it slows the name
// everywhere except where its account signed in lately, and never locks it. Kept in memory:
// a restart forgets the counts, and each node of a scaled-out deployment counts its own.
public sealed class SignInThrottle(IMemoryCache cache, TimeProvider time)
{
    public const int FreeFailures = 5, FreeNameFailures = 50;
    static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15), Forget = TimeSpan.FromHours(1);

    sealed class Count { public int Failures; public DateTimeOffset Until; }

    static string Key(string kind, string subject, string? ip) => $"signin:{kind}:{subject.Trim().ToUpperInvariant()}|{ip ?? "?"}";

    // How long the attempt must wait; null when it may go ahead.
    public TimeSpan? WaitFor(string kind, string subject, string? ip) =>
        cache.Get<Count>(Key(kind, subject, ip)) is { } c && c.Until > time.GetUtcNow() ? c.Until - time.GetUtcNow() : null;

    public void Failed(string kind, string subject, string? ip, int free = FreeFailures)
    {
        var count = cache.GetOrCreate(Key(kind, subject, ip), e => { e.SlidingExpiration = Forget; return new Count(); })!;
        lock (count)
        {
            count.Failures++;
            if (count.Failures < free) return;
            var wait = TimeSpan.FromMinutes(Math.Pow(2, Math.Min(count.Failures - free, 4)));
            count.Until = time.GetUtcNow() + (wait < MaxWait ? wait : MaxWait);
        }
    }

    public void Succeeded(string kind, string subject, string? ip) => cache.Remove(Key(kind, subject, ip));

    public static string Minutes(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)).ToString();
}
