using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Infrastructure.Database;

// The one hook through which an area adds to the data scope of its entity, in its EF configuration:
//   b.HasDataScope(s => s.OwnedBy(u => u.Id));                                  "self only" owner
//   b.HasDataScope(s => s.And((t, db) => …).Or((t, db) => t.ReporterId == db.ScopeUserId));
//   b.HasDataScope((n, db) => n.UserId == db.ScopeUserId);                      no place: this only
// `db` stands for the context running the query (its public Scope* values). Kept as a model
// annotation until GridDbContext builds the filter, then removed.
public sealed class ScopeRule
{
    // (row) => owner id; the others (row, db) => bool.
    internal LambdaExpression? Owner, And, Or, Only;
}

public sealed class ScopeRule<T>(ScopeRule rule)
{
    internal ScopeRule Rule => rule;
    public ScopeRule<T> OwnedBy(Expression<Func<T, long?>> owner) { rule.Owner = owner; return this; }
    public ScopeRule<T> And(Expression<Func<T, GridDbContext, bool>> also) { rule.And = also; return this; }
    public ScopeRule<T> Or(Expression<Func<T, GridDbContext, bool>> orElse) { rule.Or = orElse; return this; }
}

public static class ScopeRules
{
    const string Annotation = "GridGov:ScopeRule";

    // For an entity that belongs to a place (IGridScoped): extras to its area.
    public static EntityTypeBuilder<T> HasDataScope<T>(this EntityTypeBuilder<T> b, Func<ScopeRule<T>, ScopeRule<T>> rule)
        where T : class, Security.IGridScoped
    {
        b.HasAnnotation(Annotation, rule(new ScopeRule<T>(new ScopeRule())).Rule);
        return b;
    }

    // For an entity without a place: who sees a row, instead of an area.
    public static EntityTypeBuilder<T> HasDataScope<T>(this EntityTypeBuilder<T> b, Expression<Func<T, GridDbContext, bool>> visible)
        where T : class
    {
        b.HasAnnotation(Annotation, new ScopeRule { Only = visible });
        return b;
    }

    internal static ScopeRule? Take(IMutableEntityType entity)
    {
        var rule = entity.FindAnnotation(Annotation)?.Value as ScopeRule;
        entity.RemoveAnnotation(Annotation);
        return rule;
    }
}

// Combining filter expressions over the same row parameter.
public static class Predicates
{
    // A rule written (row, db) => … for a query of this context: row => … with db the context itself,
    // as a filter written inside the context would capture `this`; EF Core then reads the values
    // from the context of each query.
    public static Expression<Func<T, bool>> Bind<T>(Expression<Func<T, GridDbContext, bool>> rule, GridDbContext db) =>
        (Expression<Func<T, bool>>)Bind((LambdaExpression)rule, db);

    internal static LambdaExpression Bind(LambdaExpression rule, GridDbContext db) =>
        Expression.Lambda(Replace(rule.Parameters[1], Expression.Constant(db, typeof(GridDbContext)), rule.Body), rule.Parameters[0]);


    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) =>
        Expression.Lambda<Func<T, bool>>(Expression.AndAlso(a.Body, Replace(b.Parameters[0], a.Parameters[0], b.Body)), a.Parameters[0]);

    public static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) =>
        Expression.Lambda<Func<T, bool>>(Expression.OrElse(a.Body, Replace(b.Parameters[0], a.Parameters[0], b.Body)), a.Parameters[0]);

    public static Expression Replace(ParameterExpression from, Expression to, Expression body) => new ReplaceParameter(from, to).Visit(body);

    sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
