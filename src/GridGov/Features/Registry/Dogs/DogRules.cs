namespace GridGov.Features.Registry.Dogs;

// What makes a dog 大型犬/烈性犬 and when its keeper is reminded. The breeds are a short selection from
// Nanjing's list of dogs banned in the city's key areas (重点管理区禁养犬); a breed matches when its
// name contains one of them, so 美国比特斗牛梗 is 比特 and 藏獒犬 is 藏獒.
public static class DogRules
{
    public static readonly IReadOnlyList<string> RestrictedBreeds =
    [
        "藏獒", "比特", "罗威纳", "杜宾", "高加索", "中亚牧羊", "大丹", "杜高", "巴西菲勒", "土佐", "马士提夫", "斗牛獒", "卡斯罗", "苏俄猎狼",
        "阿拉斯加", "秋田", "纽波利顿", "圣伯纳", "大白熊", "德国牧羊",
    ];

    // Days before the licence's date or the vaccination's anniversary at which the keeper is reminded.
    public const int WarnDays = 30;

    public static bool IsRestricted(string breed) => RestrictedBreeds.Any(b => breed.Contains(b, StringComparison.Ordinal));

    // The rabies vaccination is due a year after the last one; never vaccinated is overdue.
    public static DateOnly? VaccineDue(DateOnly? vaccinatedOn) => vaccinatedOn?.AddYears(1);

    public static Reminder? ReminderOf(DateOnly? due, DateOnly today, bool missingIsOverdue = false) =>
        due is not { } d ? (missingIsOverdue ? Reminder.Overdue : null)
        : d < today ? Reminder.Overdue
        : d <= today.AddDays(WarnDays) ? Reminder.Due
        : null;

    public static string GenderName(string? code) => code switch { "1" => "公", "2" => "母", _ => "" };

    public static string? GenderCode(string? text) => text?.Trim() switch
    {
        null or "" => null, "公" or "雄" or "1" => "1", "母" or "雌" or "2" => "2", _ => "?",
    };
}

public enum Reminder { Due, Overdue }

// Which reminders a list asks for: the licence or the vaccination due within WarnDays or overdue.
public enum DogReminder { Licence, Vaccine }

public static class DogNames
{
    public static string Licence(Reminder r) => r == Reminder.Due ? "登记证即将到期" : "登记证已过期";
    public static string Vaccine(Reminder r) => r == Reminder.Due ? "疫苗即将到期" : "疫苗已过期";
    public static string ReminderFilter(DogReminder r) => r == DogReminder.Licence ? "登记证到期" : "疫苗到期";
}

public sealed record DogQuery(long? Unit = null, bool? Restricted = null, DogReminder? Reminder = null, string? Keyword = null, int Page = 1, int PageSize = 20);

public sealed record DogRow(long Id, long? KeeperId, string? KeeperName, string? KeeperPhoneMasked, long? AddressId, string? Address, string? Name, string Breed,
    string? Colour, string? Gender, string GenderName, DateOnly? BornOn, bool Restricted, string? LicenceNo, DateOnly? LicenceExpires,
    Reminder? LicenceReminder, string? LicenceReminderName, DateOnly? VaccinatedOn, DateOnly? VaccineDue, Reminder? VaccineReminder,
    string? VaccineReminderName, string? ChipNo, long GridCode, string? GridName, VerificationState State, string StateName, int Version);

public sealed record DogRequest(long KeeperId, string Breed, string? Name = null, string? Colour = null, string? Gender = null, DateOnly? BornOn = null,
    long? AddressId = null, string? LicenceNo = null, DateOnly? LicenceExpires = null, DateOnly? VaccinatedOn = null, string? ChipNo = null, int? Version = null);

public sealed record DogCounts(int Total, int Restricted, int LicenceDue, int VaccineDue);
