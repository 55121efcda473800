using GridGov.Features.Registry.Addresses;
using GridGov.Infrastructure.Crypto;

namespace GridGov.Features.Registry.People;

// Puts a checked draft onto a person record: the numbers encrypted, hashed and masked, the rest as
// they are. Answers whether anything changed, so a file imported twice writes nothing the second time.
static class PersonFields
{
    public static bool Apply(Person p, PersonDraft d, AddressMatch place, PersonNumbers n, PersonalData personal)
    {
        var changed = false;
        void Set<T>(T current, T value, Action<T> set)
        {
            if (EqualityComparer<T>.Default.Equals(current, value)) return;
            set(value);
            changed = true;
        }
        if (p.IdCipher.Length == 0 || p.IdHash != n.IdHash)
        {
            n.Encrypt(personal);
            (p.IdCipher, p.IdHash, p.IdMasked) = (n.IdCipher!, n.IdHash, n.IdMasked);
            changed = true;
        }
        if (n.PhoneHash != p.PhoneHash)
        {
            n.Encrypt(personal);
            (p.PhoneCipher, p.PhoneHash, p.PhoneMasked) = (n.PhoneCipher, n.PhoneHash, n.PhoneMasked);
            changed = true;
        }
        Set(p.Name, d.Name, v => p.Name = v);
        Set(p.FormerName, d.FormerName, v => p.FormerName = v);
        Set(p.Gender, d.Gender, v => p.Gender = v);
        Set(p.BirthDate, d.BirthDate, v => p.BirthDate = v);
        Set(p.Ethnicity, d.Ethnicity, v => p.Ethnicity = v);
        Set(p.NativePlace, d.NativePlace, v => p.NativePlace = v);
        Set(p.Marital, d.Marital, v => p.Marital = v);
        Set(p.Political, d.Political, v => p.Political = v);
        Set(p.Education, d.Education, v => p.Education = v);
        Set(p.Occupation, d.Occupation, v => p.Occupation = v);
        Set(p.Workplace, d.Workplace, v => p.Workplace = v);
        Set(p.RegisteredPlace, d.RegisteredPlace, v => p.RegisteredPlace = v);
        Set(p.RegisteredAddress, d.RegisteredAddress, v => p.RegisteredAddress = v);
        Set(p.Residency, d.Residency, v => p.Residency = v);
        Set(p.CurrentAddress, place.Text, v => p.CurrentAddress = v);
        Set(p.AddressId, place.AddressId, v => p.AddressId = v);
        Set(p.GridCode, place.GridCode, v => p.GridCode = v);
        return changed;
    }
}
