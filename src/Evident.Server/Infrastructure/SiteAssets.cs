using System.Security.Cryptography;

namespace Evident.Server.Infrastructure;

/// <summary>
/// The pages' one stylesheet, compiled into the assembly as an embedded resource (so it is served the same whether the
/// server runs on its own or hosted by <c>evident serve</c> from the command-line assembly) at <c>/assets/site.css</c>,
/// with a strong ETag and a year's caching; the layout links it with a version query so a new build is fetched at once.
/// </summary>
internal static class SiteAssets
{
    private static readonly Lazy<(byte[] Bytes, string Version)> Stylesheet = new(() =>
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream("Evident.Server.site.css")
                           ?? throw new InvalidOperationException("The embedded resource Evident.Server.site.css is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        byte[] bytes = copy.ToArray();
        return (bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]);
    });

    /// <summary>The stylesheet's address with its version.</summary>
    public static string StylesheetUrl => "/assets/site.css?v=" + Stylesheet.Value.Version;

    public static void MapSiteAssets(this IEndpointRouteBuilder app) =>
        app.MapGet("/assets/site.css", (HttpContext context) =>
        {
            var (bytes, version) = Stylesheet.Value;
            string etag = $"\"{version}\"";
            context.Response.Headers.ETag = etag;
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            if (context.Request.Headers.IfNoneMatch == etag) return Results.StatusCode(StatusCodes.Status304NotModified);
            return Results.Bytes(bytes, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
}
