namespace GridGov.Infrastructure.Web;

// Origins beyond this site that pages may load images from (CSP img-src): a configured base map's tile
// servers. An area implements it and registers it; the policy asks every registration on each answer,
// so the plumbing names no area. Answers must be CSP source expressions built from parsed URLs
// ("https://t0.example.cn"), never text a user typed as it was typed.
public interface IImageSources
{
    ValueTask<IReadOnlyList<string>> SourcesAsync(HttpContext http);
}
