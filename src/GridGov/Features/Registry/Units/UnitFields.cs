using System.Text.Json;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Text;

namespace GridGov.Features.Registry.Units;

// Puts a checked draft onto a unit: people's numbers hashed, encrypted and masked, the rest as it is.
// A number or the other fields left out of the draft keep what is registered. Answers whether anything
// changed, so that the same file imported twice writes nothing the second time.
static class UnitFields
{
    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string FieldsJson(SortedDictionary<string, string> fields) => JsonSerializer.Serialize(fields, Json);

    public static Dictionary<string, string> ReadFields(string json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    public static bool Apply(Unit u, UnitDraft d, AddressMatch place, PersonalData personal)
    {
        var changed = false;
        void Set<T>(T current, T value, Action<T> set)
        {
            if (EqualityComparer<T>.Default.Equals(current, value)) return;
            set(value);
            changed = true;
        }
        Set(u.Kind, d.Kind, v => u.Kind = v);
        Set(u.Name, d.Name, v => u.Name = v);
        Set(u.CreditCode, d.CreditCode, v => u.CreditCode = v);
        Set(u.Category, d.Category, v => u.Category = v);
        Set(u.AddressId, place.AddressId, v => u.AddressId = v);
        Set(u.AddressText, place.Text, v => u.AddressText = v);
        Set(u.GridCode, place.GridCode, v => u.GridCode = v);
        Set(u.Phone, d.Phone, v => u.Phone = v);
        Set(u.Employees, d.Employees, v => u.Employees = v);
        Set(u.LegalRepName, d.LegalRepName, v => u.LegalRepName = v);
        if (d.LegalRepIdNumber is { } id)
        {
            var hash = PersonNumbers.IdHashOf(personal, d.LegalRepIdType, id);
            if (hash != u.LegalRepIdHash)
            {
                (u.LegalRepIdType, u.LegalRepIdHash, u.LegalRepIdCipher, u.LegalRepIdMasked) = (d.LegalRepIdType, hash, personal.Encrypt(id), IdNumbers.Mask(id));
                changed = true;
            }
        }
        if (d.LegalRepPhone is { } phone && Differs(u.LegalRepPhoneCipher, phone, personal))
        {
            (u.LegalRepPhoneCipher, u.LegalRepPhoneMasked) = (personal.Encrypt(phone), Phones.Mask(phone));
            changed = true;
        }
        Set(u.SecurityName, d.SecurityName, v => u.SecurityName = v);
        if (d.SecurityPhone is { } security && Differs(u.SecurityPhoneCipher, security, personal))
        {
            (u.SecurityPhoneCipher, u.SecurityPhoneMasked) = (personal.Encrypt(security), Phones.Mask(security));
            changed = true;
        }
        Set(u.Hazardous, d.Hazardous, v => u.Hazardous = v);
        Set(u.HazardType, d.HazardType, v => u.HazardType = v);
        Set(u.Attention, d.Attention, v => u.Attention = v);
        Set(u.HasPartyOrg, d.HasPartyOrg, v => u.HasPartyOrg = v);
        Set(u.PartyMembers, d.PartyMembers, v => u.PartyMembers = v);
        if (d.Fields is { } fields) Set(u.Fields, FieldsJson(fields), v => u.Fields = v);
        return changed;
    }

    // A phone has no hash column: the stored cipher is read back to compare.
    static bool Differs(string? cipher, string phone, PersonalData personal) => cipher is null || personal.Decrypt(cipher) != phone;
}
