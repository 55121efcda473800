using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Registry.Units;

// 实有单位: the standard's two kinds (T23 非公有制经济组织, T24 社会组织) and the extensions it lacks
// (机关, 事业单位, 个体工商户), kept apart by kind so that an exchange with another 综治 system sends
// only T23/T24.
public enum UnitKind { Enterprise, SocialOrganisation, Government, PublicInstitution, IndividualBusiness }

// An organisation at a standard address. The key columns (what lists, filters and the panorama use)
// are columns; the standard's remaining fields of T23/T24 (党/工会/团/妇联 counts, 资金来源 …) are JSON
// keyed by the standard's field names. People's numbers — the legal representative's ID, the
// representative's and the security contact's phones — are stored like a person's: SM4 ciphertext,
// keyed hash for the ID, masked form for display.
public class Unit : RegistryRecord
{
    public UnitKind Kind { get; set; }
    // 统一社会信用代码 (GB 32100, 18 characters); unique city-wide when present.
    public string? CreditCode { get; set; }
    public string Name { get; set; } = "";
    // 企业类别 (5.44) for enterprises, 社会组织类型 (5.47) for social organisations.
    public string? Category { get; set; }
    public long? AddressId { get; set; }
    public string? AddressText { get; set; }
    // The organisation's own line: not a person's number, stored as given.
    public string? Phone { get; set; }
    public int? Employees { get; set; }
    public string? LegalRepName { get; set; }
    public string? LegalRepIdType { get; set; }
    public string? LegalRepIdCipher { get; set; }
    public string? LegalRepIdHash { get; set; }
    public string? LegalRepIdMasked { get; set; }
    public string? LegalRepPhoneCipher { get; set; }
    public string? LegalRepPhoneMasked { get; set; }
    // 治保负责人.
    public string? SecurityName { get; set; }
    public string? SecurityPhoneCipher { get; set; }
    public string? SecurityPhoneMasked { get; set; }
    // 是否危化企业, 安全隐患类型 (5.45), 关注程度 (5.46).
    public bool Hazardous { get; set; }
    public string? HazardType { get; set; }
    public string? Attention { get; set; }
    public bool HasPartyOrg { get; set; }
    public int? PartyMembers { get; set; }
    public string Fields { get; set; } = "{}";
}

sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("Units");
        b.ConfigureRecord(gridIndex: false);
        b.Property(u => u.CreditCode).HasMaxLength(18);
        b.Property(u => u.Name).HasMaxLength(100);
        b.Property(u => u.Category).HasMaxLength(2);
        b.Property(u => u.AddressText).HasMaxLength(200);
        b.Property(u => u.Phone).HasMaxLength(50);
        b.Property(u => u.LegalRepName).HasMaxLength(80);
        b.Property(u => u.LegalRepIdType).HasMaxLength(3);
        b.Property(u => u.LegalRepIdCipher).HasMaxLength(160);
        b.Property(u => u.LegalRepIdHash).HasMaxLength(32);
        b.Property(u => u.LegalRepIdMasked).HasMaxLength(50);
        b.Property(u => u.LegalRepPhoneCipher).HasMaxLength(160);
        b.Property(u => u.LegalRepPhoneMasked).HasMaxLength(50);
        b.Property(u => u.SecurityName).HasMaxLength(50);
        b.Property(u => u.SecurityPhoneCipher).HasMaxLength(160);
        b.Property(u => u.SecurityPhoneMasked).HasMaxLength(50);
        b.Property(u => u.HazardType).HasMaxLength(2);
        b.Property(u => u.Attention).HasMaxLength(2);
        b.Property(u => u.Fields).HasMaxLength(20_000);
        b.HasIndex(u => u.CreditCode).IsUnique();
        b.HasIndex(u => new { u.GridCode, u.Name });
        b.HasIndex(u => new { u.Kind, u.GridCode });
        b.HasIndex(u => u.AddressId);
        b.HasIndex(u => u.LegalRepIdHash);
    }
}
