using System.Net;

namespace Evident.Server.Infrastructure;

/// <summary>
/// The body of a page request that ended with an error status and no body (404 for another trial or another site's
/// participant, 403 for a role that may not use a page, 400 for a refused anti-forgery token): a small HTML page, where
/// the JSON API answers ProblemDetails.
/// </summary>
internal static class PageStatus
{
    public static Task WriteAsync(HttpContext context)
    {
        int status = context.Response.StatusCode;
        var (title, text) = status switch
        {
            StatusCodes.Status404NotFound => ("Not found", "There is nothing here, or you may not see it."),
            StatusCodes.Status403Forbidden => ("Not allowed", "Your role may not use this page."),
            StatusCodes.Status400BadRequest => ("Request refused", "The form was not accepted (it may have expired). Go back, reload the page and try again."),
            StatusCodes.Status429TooManyRequests => ("Too many attempts", "Too many sign-in attempts from here. Wait a minute and try again."),
            _ => ("Error", "The request could not be completed."),
        };
        context.Response.ContentType = "text/html; charset=utf-8";
        string html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} – Evident</title><link rel="stylesheet" href="{SiteAssets.StylesheetUrl}"></head>
            <body><main id="main" class="page"><h1>{title}</h1><p>{WebUtility.HtmlEncode(text)}</p><p><a href="/">Go to the start page</a></p></main></body></html>
            """;
        return context.Response.WriteAsync(html);
    }
}
