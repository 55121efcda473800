namespace GridGov.Features.Registry.People;

// A person as lists show it: masked numbers only.
public sealed record PersonRow(long Id, string Name, string Gender, DateOnly? BirthDate, string IdMasked, string? PhoneMasked,
    ResidencyType Residency, string ResidencyName, string? Address, long GridCode, string? GridName, VerificationState State, string StateName);

// A person's page: the base block with code names, masked numbers, source and verification.
public sealed record PersonDetail(long Id, string Name, string? FormerName, string Gender, string GenderName, DateOnly? BirthDate,
    string IdType, string IdMasked, string? PhoneMasked, string? Ethnicity, string? EthnicityName, string? NativePlace, string? Marital,
    string? MaritalName, string? Political, string? PoliticalName, string? Education, string? Occupation, string? Workplace,
    string? RegisteredPlace, string? RegisteredAddress, ResidencyType Residency, string ResidencyName, long? AddressId, string? Address,
    long GridCode, string? GridName, RecordSource Source, string SourceName, string? SourceSystem, long? ImportBatchId,
    VerificationState State, string StateName, string? StateByName, DateTime? StateAt, DateTime CreatedAt, DateTime UpdatedAt, int Version,
    List<PersonHome> Homes);

// A house the person lives in or owns: where, as what, and 与户主关系 (GB/T 4761).
public sealed record PersonHome(long AddressId, string Address, string Use, string Role, string? Relation);

// The unmasked numbers of one person, answered only to the permission and audited.
public sealed record PersonSecrets(long Id, string IdNumber, string? Phone);

public static class RegistryNames
{
    public static string State(VerificationState s) => s switch
    {
        VerificationState.Pending => "待核实", VerificationState.Verified => "已核实", VerificationState.Corrected => "有误已更正", _ => "已迁出/注销",
    };

    public static string Source(RecordSource s) => s == RecordSource.Collected ? "采集" : "导入";
}
