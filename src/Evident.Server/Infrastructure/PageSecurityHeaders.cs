namespace Evident.Server.Infrastructure;

/// <summary>
/// Security headers on every page response: a content security policy without inline script (inline SVG and its style
/// attributes render: the dashboard embeds ScottPlot SVG), no framing, no referrer, no MIME sniffing, and no caching of
/// pages that show trial data.
/// </summary>
internal sealed class PageSecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /// <summary>Whether <paramref name="path"/> belongs to the pages rather than the JSON API.</summary>
    public static bool IsPage(PathString path) =>
        path == "/" || path.StartsWithSegments("/login") || path.StartsWithSegments("/logout") || path.StartsWithSegments("/t")
        || path.StartsWithSegments("/assets");

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XContentTypeOptions = "nosniff";
            if (!context.Request.Path.StartsWithSegments("/assets")) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
