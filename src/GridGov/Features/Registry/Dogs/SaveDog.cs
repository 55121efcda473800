using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Dogs;

// Registering a dog and editing it. The keeper is a person of the caller's area (404 otherwise), the
// dog is kept at the keeper's home unless another address of the area is named, and its grid is that
// address's (or the keeper's). 大型犬/烈性犬 follows from the breed. A licence number belongs to one dog
// city-wide: a second use is a conflict.
public sealed class SaveDog(GridDbContext db, ListDogs list, TimeProvider clock)
{
    public async Task<Result<DogRow>> CreateAsync(DogRequest r, CancellationToken ct = default)
    {
        var dog = new Dog { Source = RecordSource.Collected, State = VerificationState.Verified, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var applied = await ApplyAsync(dog, r, ct);
        if (applied is not null) return applied;
        db.Add(dog);
        await db.SaveChangesAsync(ct);
        var row = await list.GetAsync(dog.Id, ct);
        return row.Succeeded ? Result<DogRow>.Created(row.Value!, $"/api/v1/registry/dogs/{dog.Id}") : row;
    }

    public async Task<Result<DogRow>> EditAsync(long id, DogRequest r, CancellationToken ct = default)
    {
        var dog = await db.Set<Dog>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (dog is null) return Result<DogRow>.NotFound();
        if (r.Version is { } v && v != dog.Version)
            return Result<DogRow>.Conflict("该犬只登记已被他人修改，请刷新后再保存", extensions: new Dictionary<string, object?> { ["version"] = dog.Version });
        var applied = await ApplyAsync(dog, r, ct);
        if (applied is not null) return applied;
        dog.Version++;
        await db.SaveChangesAsync(ct);
        return await list.GetAsync(dog.Id, ct);
    }

    // Null when the request is applied; else the answer (404, 400 or 409).
    async Task<Result<DogRow>?> ApplyAsync(Dog dog, DogRequest r, CancellationToken ct)
    {
        var keeper = await db.Set<Person>().AsNoTracking().Where(p => p.Id == r.KeeperId).Select(p => new { p.Id, p.Name, p.AddressId, p.GridCode }).FirstOrDefaultAsync(ct);
        if (keeper is null) return Result<DogRow>.NotFound();
        var errors = Check(r.Breed, r.Name, r.Colour, r.Gender, r.BornOn, r.LicenceNo, r.LicenceExpires, r.VaccinatedOn, r.ChipNo, list.Today, out var gender);
        var addressId = r.AddressId ?? keeper.AddressId;
        var grid = keeper.GridCode;
        if (addressId is { } a)
        {
            if (await db.Set<Address>().AsNoTracking().Where(x => x.Id == a).Select(x => (long?)x.GridCode).FirstOrDefaultAsync(ct) is { } g) grid = g;
            else errors["addressId"] = ["饲养地址不存在或不在您的管理范围内"];
        }
        if (errors.Count > 0) return Result<DogRow>.Invalid(errors);
        var licence = Trim(r.LicenceNo);
        if (licence is not null && await db.Set<Dog>().IgnoreQueryFilters().AnyAsync(d => d.LicenceNo == licence && d.Id != dog.Id, ct))
            return Result<DogRow>.Conflict($"养犬登记证号“{licence}”已登记在另一只犬名下，请核对", "登记证号重复");
        var breed = r.Breed.Trim();
        (dog.KeeperId, dog.KeeperName, dog.AddressId, dog.GridCode, dog.Breed, dog.Restricted) = (keeper.Id, keeper.Name, addressId, grid, breed, DogRules.IsRestricted(breed));
        (dog.Name, dog.Colour, dog.Gender, dog.BornOn) = (Trim(r.Name), Trim(r.Colour), gender, r.BornOn);
        (dog.LicenceNo, dog.LicenceExpires, dog.VaccinatedOn, dog.ChipNo) = (licence, r.LicenceExpires, r.VaccinatedOn, Trim(r.ChipNo));
        dog.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return null;
    }

    // The rules of a dog's own fields by field name; shared with the import (which names them in Chinese).
    internal static Dictionary<string, string[]> Check(string? breed, string? name, string? colour, string? genderText, DateOnly? bornOn, string? licenceNo,
        DateOnly? licenceExpires, DateOnly? vaccinatedOn, string? chipNo, DateOnly today, out string? gender, Func<string, string>? field = null)
    {
        field ??= f => f;
        var errors = new Dictionary<string, string[]>();
        void Max(string f, string? v, int max, string label)
        {
            if (v?.Trim().Length > max) errors[field(f)] = [$"{label}不能超过 {max} 个字"];
        }
        if (string.IsNullOrWhiteSpace(breed)) errors[field("breed")] = ["请填写品种"];
        Max("breed", breed, 30, "品种");
        Max("name", name, 30, "犬名");
        Max("colour", colour, 20, "毛色");
        Max("licenceNo", licenceNo, 30, "养犬登记证号");
        Max("chipNo", chipNo, 30, "芯片号");
        gender = DogRules.GenderCode(genderText);
        if (gender == "?") errors[field("gender")] = [$"性别“{genderText}”应为 公 或 母"];
        if (bornOn > today) errors[field("bornOn")] = ["出生日期不能晚于今天"];
        if (vaccinatedOn > today) errors[field("vaccinatedOn")] = ["疫苗接种日期不能晚于今天"];
        if (licenceExpires is not null && string.IsNullOrWhiteSpace(licenceNo)) errors[field("licenceNo")] = ["填写了登记证有效期，请同时填写养犬登记证号"];
        return errors;
    }

    static string? Trim(string? s) => s?.Trim() is { Length: > 0 } t ? t : null;
}
