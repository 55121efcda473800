using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Text;

namespace GridGov.Features.Registry.Demo;

// One generated person: a valid ID number (GB 11643) of a plausible region and age, a name that
// matches the sex the number says, a phone, and the base block's usual codes.
sealed class DemoPeople(PersonalData personal, IReadOnlyList<string> homeDistricts, Random random)
{
    readonly HashSet<string> issued = [];

    public Person Make(ResidencyType residency, int minAge, int maxAge, bool? male, DateOnly today)
    {
        var isMale = male ?? random.Next(2) == 0;
        var region = residency == ResidencyType.Registered || residency == ResidencyType.Lodger && random.Next(2) == 0
            ? homeDistricts[random.Next(homeDistricts.Count)]
            : DemoNames.Origins[random.Next(DemoNames.Origins.Length)];
        string id;
        DateOnly birth;
        do
        {
            birth = today.AddDays(-random.Next(minAge * 365 + 1, maxAge * 365 + 364));
            var sequence = random.Next(0, 500) * 2 + (isMale ? 1 : 0);
            var first17 = $"{region}{birth:yyyyMMdd}{sequence:000}";
            id = first17 + IdNumbers.CheckChar(first17);
        } while (!issued.Add(id));
        var foreigner = residency == ResidencyType.Foreigner;
        var idType = foreigner ? "414" : "111";
        if (foreigner) id = "E" + random.Next(10_000_000, 99_999_999);
        var phone = today.Year - birth.Year < 12 ? null : $"1{"3578"[random.Next(4)]}{random.Next(0, 10)}{random.Next(10_000_000, 99_999_999)}";
        return new Person
        {
            IdType = idType, IdCipher = personal.Encrypt(id), IdHash = PersonNumbers.IdHashOf(personal, idType, id), IdMasked = IdNumbers.Mask(id),
            Name = foreigner ? (isMale ? "约翰·史密斯" : "玛丽·史密斯") : DemoNames.Name(random, isMale), Gender = isMale ? "1" : "2", BirthDate = birth,
            Ethnicity = foreigner ? null : random.NextDouble() < 0.95 ? "01" : "03", NativePlace = foreigner ? null : region,
            Marital = today.Year - birth.Year < 22 ? "10" : random.NextDouble() < 0.8 ? "20" : "10",
            Political = random.NextDouble() < 0.08 ? "01" : today.Year - birth.Year < 28 && random.NextDouble() < 0.4 ? "03" : "13",
            PhoneCipher = phone is null ? null : personal.Encrypt(phone), PhoneHash = phone is null ? null : PersonNumbers.PhoneHashOf(personal, phone),
            PhoneMasked = phone is null ? null : Phones.Mask(phone),
            RegisteredPlace = foreigner ? null : region, Residency = residency,
            Source = RecordSource.Imported, SourceSystem = "示范数据", State = VerificationState.Verified,
        };
    }
}
