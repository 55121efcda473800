using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Houses;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry;

public sealed record VerifyRequest(VerificationState State, int? Version = null);

public sealed record Verified(long Id, VerificationState State, string StateName, string? StateByName, DateTime? StateAt, int Version);

public sealed record PendingCounts(int People, int Addresses, int Houses, int Units = 0);

// The door-step check of a registry record (issue 12 §6): 已核实, 有误已更正 or 已迁出/注销, with who and when.
// The record must be in the caller's area (404 otherwise); a stale version is a conflict, never a
// silent overwrite. What waits (待核实) in the caller's area is counted for the work list.
public sealed class VerifyRecord(GridDbContext db, CurrentUser user, TimeProvider clock)
{
    public Task<Result<Verified>> PersonAsync(long id, VerifyRequest r, CancellationToken ct = default) => ApplyAsync(db.Set<Person>(), id, r, ct);
    public Task<Result<Verified>> AddressAsync(long id, VerifyRequest r, CancellationToken ct = default) => ApplyAsync(db.Set<Address>(), id, r, ct);
    public Task<Result<Verified>> HouseAsync(long id, VerifyRequest r, CancellationToken ct = default) => ApplyAsync(db.Set<House>(), id, r, ct);

    // The other registry parts by their route segment: 实有单位, 养犬, 部件, 居住证.
    public Task<Result<Verified>> PartAsync(string part, long id, VerifyRequest r, CancellationToken ct = default) => part switch
    {
        "units" => ApplyAsync(db.Set<Units.Unit>(), id, r, ct),
        "dogs" => ApplyAsync(db.Set<Dogs.Dog>(), id, r, ct),
        "components" => ApplyAsync(db.Set<Components.Component>(), id, r, ct),
        "permits" => ApplyAsync(db.Set<Permits.ResidencePermit>(), id, r, ct),
        _ => Task.FromResult(Result<Verified>.NotFound()),
    };

    async Task<Result<Verified>> ApplyAsync<T>(DbSet<T> set, long id, VerifyRequest r, CancellationToken ct) where T : RegistryRecord
    {
        if (r.State == VerificationState.Pending || !Enum.IsDefined(r.State))
            return Result<Verified>.Invalid("state", "核实结果应为 已核实（Verified）、有误已更正（Corrected）或 已迁出/注销（Removed）");
        var record = await set.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (record is null) return Result<Verified>.NotFound();
        if (r.Version is { } v && v != record.Version)
            return Result<Verified>.Conflict("该记录已被他人修改，请刷新后再核实", extensions: new Dictionary<string, object?> { ["version"] = record.Version });
        var now = clock.GetUtcNow().UtcDateTime;
        record.State = r.State;
        record.StateById = user.UserId;
        record.StateByName = user.DisplayName;
        record.StateAt = now;
        record.UpdatedAt = now;
        record.Version++;
        await db.SaveChangesAsync(ct);
        return Result<Verified>.Ok(new(record.Id, record.State, RegistryNames.State(record.State), record.StateByName, record.StateAt, record.Version));
    }

    public async Task<Result<PendingCounts>> PendingAsync(CancellationToken ct = default) => Result<PendingCounts>.Ok(new(
        await db.Set<Person>().CountAsync(p => p.State == VerificationState.Pending, ct),
        await db.Set<Address>().CountAsync(a => a.State == VerificationState.Pending, ct),
        await db.Set<House>().CountAsync(h => h.State == VerificationState.Pending, ct),
        await db.Set<Units.Unit>().CountAsync(u => u.State == VerificationState.Pending, ct)));
}
