using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Text;

namespace GridGov.Features.Registry.People;

// A person's ID and phone numbers as they are stored: keyed hashes (to find them), ciphers (to read
// them back with the permission) and masked forms (to show). Hashes first: a known, unchanged person
// needs no encryption at all.
sealed class PersonNumbers
{
    public required string IdNumber { get; init; }
    public required string IdHash { get; init; }
    public string? Phone { get; init; }
    public string? PhoneHash { get; init; }
    public string? IdCipher { get; private set; }
    public string? PhoneCipher { get; private set; }

    public static string IdHashOf(PersonalData personal, string idType, string number) => personal.Hash(idType + ":" + number);
    public static string PhoneHashOf(PersonalData personal, string phone) => personal.Hash("tel:" + phone);

    public static PersonNumbers Hash(PersonalData personal, PersonDraft d) => new()
    {
        IdNumber = d.IdNumber, IdHash = IdHashOf(personal, "111", d.IdNumber),
        Phone = d.Phone, PhoneHash = d.Phone is null ? null : PhoneHashOf(personal, d.Phone),
    };

    public void Encrypt(PersonalData personal)
    {
        IdCipher ??= personal.Encrypt(IdNumber);
        if (Phone is not null) PhoneCipher ??= personal.Encrypt(Phone);
    }

    public string IdMasked => IdNumbers.Mask(IdNumber);
    public string? PhoneMasked => Phone is null ? null : Phones.Mask(Phone);
}
