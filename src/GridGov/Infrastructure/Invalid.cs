using Microsoft.AspNetCore.Http.HttpResults;

namespace GridGov.Infrastructure;

// The one shape of a 400 for bad input: every field's Chinese messages, and all of them in `detail`.
public static class Invalid
{
    public static ValidationProblem Problem(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "提交的数据有误", detail: string.Join("；", errors.SelectMany(e => e.Value)));
}
