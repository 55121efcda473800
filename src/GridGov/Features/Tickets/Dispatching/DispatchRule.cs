using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Tickets.Dispatching;

// An ordered dispatch rule (DESIGN.md §5): when every condition that is set holds, an accepted ticket
// goes to the department at once. Rules of an area apply to tickets in that area's subtree.
public class DispatchRule : IGridScoped
{
    public int Id { get; set; }
    public int Order { get; set; }
    public required string Name { get; set; }
    public bool Enabled { get; set; } = true;
    // The area whose tickets the rule applies to (any level); its padded code scopes who sees the rule.
    public long AreaCode { get; set; }
    public long GridCode { get; set; }
    // A category code or the code of a major: "E0505" or "E05".
    public string? CategoryCode { get; set; }
    // Words of which at least one must occur in the description, separated by spaces or commas.
    public string? Keywords { get; set; }
    public TicketSource? Source { get; set; }
    // China local hours [From, To); To below From wraps past midnight (a night shift rule).
    public int? FromHour { get; set; }
    public int? ToHour { get; set; }
    public long DepartmentId { get; set; }

    public string[] KeywordList => (Keywords ?? "").Split([' ', ',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries);
}

sealed class DispatchRuleConfiguration : IEntityTypeConfiguration<DispatchRule>
{
    public void Configure(EntityTypeBuilder<DispatchRule> b)
    {
        b.ToTable("DispatchRules");
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.CategoryCode).HasMaxLength(10);
        b.Property(r => r.Keywords).HasMaxLength(300);
        b.HasIndex(r => r.GridCode);
    }
}
