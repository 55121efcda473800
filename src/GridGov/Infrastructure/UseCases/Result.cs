namespace GridGov.Infrastructure.UseCases;

public enum ResultKind { Ok, Created, NotFound, Forbidden, Conflict, Invalid }

// What every use case answers (DESIGN.md §3 conventions): done (with a value, or created at a
// location), not found (outside the caller's scope too), forbidden, a conflict with the current state,
// or invalid input with every field's Chinese messages. Turned into HTTP in one place (ResultHttp);
// pages read the same value.
public sealed record Result<T>
{
    public ResultKind Kind { get; private init; }
    public T? Value { get; private init; }
    // For Created: where the new resource lives.
    public string? Location { get; private init; }
    // For Forbidden and Conflict: the Chinese title and the sentence a user reads.
    public string? Title { get; private init; }
    public string? Message { get; private init; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private init; } = Empty;
    // For Conflict: the current state, so that a client can refresh without another call.
    public IReadOnlyDictionary<string, object?>? Extensions { get; private init; }

    static readonly Dictionary<string, string[]> Empty = [];

    public bool Succeeded => Kind is ResultKind.Ok or ResultKind.Created;

    public static Result<T> Ok(T value) => new() { Kind = ResultKind.Ok, Value = value };
    public static Result<T> Created(T value, string location) => new() { Kind = ResultKind.Created, Value = value, Location = location };
    public static Result<T> NotFound() => new() { Kind = ResultKind.NotFound, Message = "记录不存在或不在您的数据范围内" };
    public static Result<T> Forbidden(string message, string title = "无权执行该操作") =>
        new() { Kind = ResultKind.Forbidden, Title = title, Message = message };
    public static Result<T> Conflict(string message, string title = "数据已变化", IReadOnlyDictionary<string, object?>? extensions = null) =>
        new() { Kind = ResultKind.Conflict, Title = title, Message = message, Extensions = extensions };
    public static Result<T> Invalid(IReadOnlyDictionary<string, string[]> errors)
    {
        errors = Capped(errors);
        return new() { Kind = ResultKind.Invalid, Errors = errors, Message = string.Join("；", errors.SelectMany(e => e.Value)) };
    }

    // A long list in a request can fail item by item; the answer names the first few and how many
    // there are, so that it stays small.
    public const int MaxMessagesPerField = 10;

    static IReadOnlyDictionary<string, string[]> Capped(IReadOnlyDictionary<string, string[]> errors) =>
        errors.All(e => e.Value.Length <= MaxMessagesPerField) ? errors
            : errors.ToDictionary(e => e.Key, e => e.Value.Length <= MaxMessagesPerField ? e.Value
                : [.. e.Value.Take(MaxMessagesPerField), $"……共 {e.Value.Length} 项有误，以上为前 {MaxMessagesPerField} 项"]);
    public static Result<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    // The same failure carried to another value type (a step of a use case that stopped early).
    public Result<TOther> As<TOther>() => Succeeded
        ? throw new InvalidOperationException("A successful result carries its value; map it instead.")
        : new() { Kind = Kind, Title = Title, Message = Message, Errors = Errors, Extensions = Extensions };
}

// For use cases that answer nothing but "done" (204 through HTTP).
public sealed record Done
{
    public static readonly Done Value = new();
}
