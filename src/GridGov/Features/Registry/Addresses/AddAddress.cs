using System.Globalization;
using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Addresses;

public sealed record NewAddress(long? ParentId, long? Community, string? Name, string? Kind = null, long? GridCode = null, int? Floors = null, double? Lon = null, double? Lat = null);

// Adds one standard address by hand: a 小区 or 街路巷 in a community (its grid given), or the next level
// under an address (楼栋 under a 小区, 单元 under a 楼栋, 户室 under a 单元 or a 街路巷), inheriting the
// grid and point; its serial from its number (3栋 → 003) or the next free one. Source 采集, 待核实.
public sealed class AddAddress(GridDbContext db, Places places, TimeProvider clock)
{
    public async Task<Result<AddressNode>> HandleAsync(NewAddress r, CancellationToken ct = default)
    {
        var name = Infrastructure.Import.ImportCleaning.Value(r.Name ?? "");
        if (name.Length == 0) return Result<AddressNode>.Invalid("name", "名称必填");
        if (name.Length > 30) return Result<AddressNode>.Invalid("name", "名称不能超过 30 个字");
        Address? parent = null;
        long community;
        AddressKind kind;
        if (r.ParentId is { } parentId)
        {
            parent = await db.Set<Address>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == parentId, ct);
            if (parent is null) return Result<AddressNode>.NotFound();
            community = parent.CommunityCode;
            kind = parent.Kind switch
            {
                AddressKind.Compound => AddressKind.Building,
                AddressKind.Building => r.Kind == "户室" ? AddressKind.Room : AddressKind.Unit,
                AddressKind.Unit or AddressKind.Road => AddressKind.Room,
                _ => (AddressKind)(-1),
            };
            if (!Enum.IsDefined(kind)) return Result<AddressNode>.Invalid("parentId", "户室下不能再添加地址");
            if (kind == AddressKind.Building && !name.EndsWith('栋') && name.All(char.IsAsciiDigit)) name += "栋";
            if (kind == AddressKind.Unit && name.All(char.IsAsciiDigit)) name += "单元";
            if (kind == AddressKind.Room && name.All(char.IsAsciiDigit)) name += parent.Kind == AddressKind.Road ? "号" : "室";
        }
        else
        {
            if (r.Community is not { } c || OrgCode.LevelOf(c) != OrgLevel.Community || !db.Scope.Contains(OrgCode.Pad(c)) || await places.NameAsync(c, ct) is null)
                return Result<AddressNode>.Invalid("community", "请选择您辖区内的社区");
            community = c;
            kind = r.Kind == "街路巷" ? AddressKind.Road : AddressKind.Compound;
            if (r.GridCode is null) return Result<AddressNode>.Invalid("gridCode", "新的小区或街路巷须指定所属网格");
        }
        var grid = r.GridCode ?? parent!.GridCode;
        if (!db.Scope.Contains(grid) || OrgCode.Community(grid) != community || OrgCode.LevelOf(grid) != OrgLevel.Grid || await places.NameAsync(grid, ct) is null)
            return Result<AddressNode>.Invalid("gridCode", $"网格 {grid} 不属于该社区或不在您的数据范围内");
        if (r.Floors is { } f && (kind != AddressKind.Building || f is < 1 or > 200)) return Result<AddressNode>.Invalid("floors", "层数只用于楼栋，应为 1–200");
        var fullName = (parent?.FullName ?? "") + name;
        if (await db.Set<Address>().IgnoreQueryFilters().AnyAsync(a => a.CommunityCode == community && a.FullName == fullName, ct))
            return Result<AddressNode>.Conflict($"“{fullName}”已经存在", "地址已存在");
        var parentCode = parent?.Code ?? community.ToString(CultureInfo.InvariantCulture);
        var width = AddressCodes.Width(kind);
        var siblings = await db.Set<Address>().IgnoreQueryFilters().Where(a => a.CommunityCode == community && a.Code.StartsWith(parentCode)
            && a.Code.Length == parentCode.Length + width).Select(a => a.Code).ToListAsync(ct);
        var taken = siblings.Select(s => int.Parse(s[parentCode.Length..], CultureInfo.InvariantCulture)).ToHashSet();
        var serial = AddressCodes.SerialOf(name, kind) is { } n && !taken.Contains(n) ? n : (taken.Count == 0 ? 1 : taken.Max() + 1);
        if (serial >= Math.Pow(10, width)) return Result<AddressNode>.Invalid("name", "该级地址已满，无法再编号");
        var now = clock.GetUtcNow().UtcDateTime;
        var address = new Address
        {
            ParentId = parent?.Id, Kind = kind, Name = name, FullName = fullName, Code = AddressCodes.Child(parentCode, kind, serial), CommunityCode = community,
            GridCode = grid, Floors = r.Floors, Lon = r.Lon ?? parent?.Lon, Lat = r.Lat ?? parent?.Lat, Source = RecordSource.Collected, SourceSystem = "人工采集",
            State = VerificationState.Pending, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(address);
        await db.SaveChangesAsync(ct);
        return Result<AddressNode>.Created(new(address.Id, kind, AddressCodes.KindName(kind), name, fullName, address.Code, false), $"/api/v1/registry/addresses/{address.Id}");
    }
}
