using GridGov.Features.Organization;
using GridGov.Features.Tickets.Categories;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Dispatching;

public sealed record DepartmentSuggestion(long DepartmentId, string Name, string Kind, string Reason, double? Confidence);

// What kind of department (城管, 公安 …) past tickets of similar text went to, learned from the
// dispatches themselves. Kinds, not departments, are learned: what a street's 城管中队 took, the next
// street's will take too. Trained once from recent history, then from every dispatch as it happens.
public sealed class DepartmentModel(GridDatabase database)
{
    const int HistorySize = 50_000;
    readonly TextClassifier<string> model = new();
    readonly SemaphoreSlim gate = new(1, 1);
    volatile bool trained;

    public async ValueTask<TextClassifier<string>> GetAsync(CancellationToken ct)
    {
        if (trained) return model;
        await gate.WaitAsync(ct);
        try
        {
            if (trained) return model;
            await using var db = database.CreateUnscoped(AuditActor.System);
            var past = await db.Tickets.Where(t => t.LeadDepartmentId != null).OrderByDescending(t => t.Id).Take(HistorySize)
                .Join(db.Departments, t => t.LeadDepartmentId, d => d.Id, (t, d) => new { t.Description, d.Kind }).ToListAsync(ct);
            foreach (var p in past) model.Learn(ChineseText.Tokens(p.Description), p.Kind);
            trained = true;
            return model;
        }
        finally { gate.Release(); }
    }

    public void Learn(string description, string kind)
    {
        if (trained) model.Learn(ChineseText.Tokens(description), kind);
    }
}

public sealed class DepartmentSuggester(GridDbContext db, DepartmentModel model, CategoryCatalog categories)
{
    const double Confident = 0.6;

    public async Task<DepartmentSuggestion?> SuggestAsync(Ticket t, CancellationToken ct = default)
    {
        var learned = (await model.GetAsync(ct)).Suggest(ChineseText.Tokens(t.Description));
        var category = categories.Get(t.CategoryId);
        string kind, reason;
        double? confidence = null;
        if (learned is { Confidence: >= Confident } l)
            (kind, reason, confidence) = (l.Label, $"相似的历史工单多由{l.Label}部门办理", Math.Round(l.Confidence, 2));
        else if (category?.DepartmentKind is { } k)
            (kind, reason) = (k, $"“{category.Name}”类事件默认由{k}部门办理");
        else return null;
        // The department of that kind nearest the ticket's command centre: its own level first, then up.
        for (long? unit = t.CentreCode; unit is { } u; unit = OrgCode.Parent(u))
        {
            var d = await db.Departments.AsNoTracking().Where(x => x.OrgUnitCode == u && x.Kind == kind).OrderBy(x => x.Id).FirstOrDefaultAsync(ct);
            if (d is not null) return new(d.Id, d.Name, kind, reason, confidence);
        }
        return null;
    }
}
