using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Registry.People;

// A person's record in one class of GB/T 31000-2015 (户籍 T12, 流动 T13, 留守 T14 … 重点青少年 T22):
// the class's own fields beyond the base block, as JSON keyed by the standard's field names, checked
// against PersonClasses. Special classes (特殊人群) are listed only with their own permission.
public class PersonClassRecord : RegistryRecord
{
    public long PersonId { get; set; }
    public string Class { get; set; } = "";
    public bool Special { get; set; }
    public string Fields { get; set; } = "{}";
}

sealed class PersonClassRecordConfiguration : IEntityTypeConfiguration<PersonClassRecord>
{
    public void Configure(EntityTypeBuilder<PersonClassRecord> b)
    {
        b.ToTable("PersonClassRecords");
        b.ConfigureRecord();
        // 特殊人群 are listed only to holders of registry.special (DataScope.SeesRestricted), by the one filter.
        b.HasDataScope(s => s.And((r, db) => !r.Special || db.ScopeSeesRestricted));
        b.Property(r => r.Class).HasMaxLength(8);
        b.Property(r => r.Fields).HasMaxLength(20_000);
        b.HasIndex(r => new { r.PersonId, r.Class }).IsUnique();
        b.HasIndex(r => new { r.Class, r.GridCode });
    }
}
