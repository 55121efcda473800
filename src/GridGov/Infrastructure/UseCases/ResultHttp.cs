using Microsoft.AspNetCore.Http.HttpResults;

namespace GridGov.Infrastructure.UseCases;

// The one place where a use case's Result becomes an HTTP answer: 200/201 with the value (204 for
// Done), 404, 403/409 as ProblemDetails with a Chinese title, 400 as a validation problem.
public static class ResultHttp
{
    public static Results<Ok<T>, Created<T>, NotFound, ProblemHttpResult, ValidationProblem> ToHttp<T>(this Result<T> r) => r.Kind switch
    {
        ResultKind.Ok => TypedResults.Ok(r.Value),
        ResultKind.Created => TypedResults.Created(r.Location, r.Value),
        ResultKind.NotFound => TypedResults.NotFound(),
        ResultKind.Invalid => Invalid(r.Errors),
        _ => TypedResults.Problem(r.Message, statusCode: r.Kind == ResultKind.Forbidden ? 403 : 409, title: r.Title,
            extensions: r.Extensions?.ToDictionary()),
    };

    public static Results<NoContent, NotFound, ProblemHttpResult, ValidationProblem> ToHttp(this Result<Done> r) => r.Kind switch
    {
        ResultKind.Ok or ResultKind.Created => TypedResults.NoContent(),
        ResultKind.NotFound => TypedResults.NotFound(),
        ResultKind.Invalid => Invalid(r.Errors),
        _ => TypedResults.Problem(r.Message, statusCode: r.Kind == ResultKind.Forbidden ? 403 : 409, title: r.Title,
            extensions: r.Extensions?.ToDictionary()),
    };

    // Every field's Chinese messages, and all of them in `detail`.
    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "提交的数据有误", detail: string.Join("；", errors.SelectMany(e => e.Value)));
}
