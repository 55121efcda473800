using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace GridGov.Infrastructure.Web;

// Every error answer is RFC 9457 ProblemDetails with a traceId and a Chinese title (DESIGN.md §3):
// the ones the app writes itself keep their own title; the framework's (401, 403, 404, 405, 415, 429,
// 500 …) get the Chinese one for their status; a body or parameter that cannot be read becomes a
// 400 naming the field at fault (RequestProblems). Browsers asking for a page get a Chinese line.
public static partial class ChineseProblems
{
    static readonly Dictionary<int, string> Titles = new()
    {
        [400] = "请求有误",
        [401] = "未登录或登录已失效",
        [403] = "没有权限执行该操作",
        [404] = "记录不存在或不在您的数据范围内",
        [405] = "不支持该请求方法",
        [406] = "不支持请求的返回格式",
        [409] = "数据已变化，请刷新后重试",
        [413] = "提交的内容过大",
        [415] = "不支持的内容类型，请以 JSON 提交",
        [422] = "提交的数据无法处理",
        [429] = "请求过于频繁，请稍后再试",
        [500] = "服务器内部错误，请稍后再试或联系管理员",
        [503] = "服务暂不可用，请稍后再试",
    };

    public static string TitleFor(int status) => Titles.GetValueOrDefault(status) ?? (status >= 500 ? Titles[500] : Titles[400]);

    public static IServiceCollection AddChineseProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var p = ctx.ProblemDetails;
            p.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
            // The framework's own titles are English reason phrases; ours are Chinese and stay.
            if (p.Status is { } status && (p.Title is null || IsAscii(p.Title))) p.Title = TitleFor(status);
            if (p.Detail is not null && IsAscii(p.Detail)) p.Detail = null;
        });
        services.AddExceptionHandler<RequestProblems>();
        // A body or parameter that cannot be read throws (instead of a bare 400), so that
        // RequestProblems can say which field is at fault.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    // Empty error answers (404 from a route, 401/403 from authorization, 429 from the rate limiter)
    // get a ProblemDetails body; a browser that does not take JSON gets one Chinese line.
    public static IApplicationBuilder UseChineseStatusPages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            var status = http.Response.StatusCode;
            if (status == StatusCodes.Status404NotFound && IsPageRequest(http.Request))
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync(NotFoundPage);
                return;
            }
            if (await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = { Status = status } })) return;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync($"{status} {TitleFor(status)}");
        });

    static bool IsAscii(string text) => text.All(char.IsAscii);

    // A person who typed or followed a wrong address (a GET that takes HTML, outside the API) gets a
    // page with the two ways out, not a JSON body; programs keep their ProblemDetails.
    static bool IsPageRequest(HttpRequest r) =>
        HttpMethods.IsGet(r.Method) && r.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
        && !r.Path.StartsWithSegments("/api") && !r.Path.StartsWithSegments("/openapi") && !r.Path.StartsWithSegments("/hubs");

    const string NotFoundPage = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>页面不存在 - 网格化社会治理平台</title><link rel="icon" type="image/svg+xml" href="/favicon.svg">
        <style>
        body{margin:0;font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f5f5f5;color:#262626}
        main{max-width:480px;margin:18vh auto 0;padding:40px 24px;text-align:center;background:#fff;border-radius:8px}
        h1{font-size:24px;margin:0 0 12px}p{color:#595959;margin:0 0 28px}
        a{display:inline-block;margin:0 6px;padding:6px 16px;border-radius:6px;border:1px solid #d9d9d9;color:#262626;text-decoration:none}
        a.primary{background:#d4380d;border-color:#d4380d;color:#fff}
        </style></head><body><main id="not-found-page">
        <h1>404 页面不存在</h1><p>您访问的页面不存在，可能地址有误或页面已被移除。</p>
        <a href="/" data-gg-back id="way-back">返回上一页</a><a class="primary" href="/" id="way-home">回到工作台</a>
        </main><script src="/js/wayback.js"></script></body></html>
        """;
}

// Turns the framework's BadHttpRequestException (unreadable JSON, a value of the wrong type, a
// missing required parameter, a wrong content type) into a validation problem naming the field.
sealed partial class RequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        http.Response.StatusCode = bad.StatusCode;
        ProblemDetails problem = new() { Status = bad.StatusCode };
        if (bad.StatusCode == StatusCodes.Status400BadRequest && Errors(bad) is var errors)
            problem = new ValidationProblemDetails(errors) { Status = 400, Title = "提交的数据有误", Detail = string.Join("；", errors.SelectMany(e => e.Value)) };
        return await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    static Dictionary<string, string[]> Errors(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            // A value of the wrong type, or text that is not JSON at all (the reader's error).
            var field = FieldOf(json.Path);
            if (json is StrictJsonException strict) return new() { [field ?? "body"] = [strict.For(field)] };
            var wrongType = json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);
            var message = wrongType && field is not null ? $"字段“{field}”的值格式不正确"
                : field is null ? "请求内容不是有效的 JSON" : $"请求内容不是有效的 JSON（在字段“{field}”处）";
            return new() { [field ?? "body"] = [message] };
        }
        if (BindFailed().Match(bad.Message) is { Success: true } b)
            return new() { [b.Groups["name"].Value] = [$"参数“{b.Groups["name"].Value}”的值“{b.Groups["value"].Value}”格式不正确"] };
        if (Missing().Match(bad.Message) is { Success: true } m)
            return new() { [m.Groups["name"].Value] = [$"缺少参数“{m.Groups["name"].Value}”"] };
        if (bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
            return new() { ["body"] = ["缺少请求内容，或请求内容不是有效的 JSON"] };
        return new() { ["request"] = ["请求格式有误"] };
    }

    // "$.photos[0]" → "photos[0]"; "$" (the body as a whole) → null.
    static string? FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.StartsWith("$.") ? path[2..] : path.TrimStart('$');

    [GeneratedRegex("""^Failed to bind parameter "(?:[^"]* )?(?<name>[\w]+)" from "(?<value>.*)"\.$""")]
    private static partial Regex BindFailed();

    [GeneratedRegex("""^Required parameter "(?:[^"]* )?(?<name>[\w]+)" was not provided""")]
    private static partial Regex Missing();
}
