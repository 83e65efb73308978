namespace Evident.Server.Infrastructure;

/// <summary>
/// The pages' twin of <see cref="MalformedRequests"/>: every page POST is a form, read here before anti-forgery and
/// model binding see it, so a body that is not a form (415) or a form that cannot be read (a multipart body without
/// its boundary or cut short, too many values: 400; too long: 413) is answered with the pages' status page and logged
/// as one warning line without a stack trace, never as an unhandled exception.
/// </summary>
internal sealed class MalformedPageForms(RequestDelegate next, ILogger<MalformedPageForms> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            await next(context);
            return;
        }
        if (!request.HasFormContentType)
        {
            Refuse(context, StatusCodes.Status415UnsupportedMediaType, $"a page accepts only forms, not '{request.ContentType ?? "(no Content-Type)"}'");
            return;
        }
        try
        {
            await request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException && !context.Response.HasStarted)
        {
            Refuse(context, e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest, $"the form cannot be read: {e.Message}");
            return;
        }
        await next(context);
    }

    private void Refuse(HttpContext context, int status, string detail)
    {
        // The status code pages write the body (PageStatus).
        context.Response.StatusCode = status;
        logger.LogWarning("Malformed request {Method} {Path}: {Status} {Detail}", context.Request.Method, context.Request.Path, status, detail.ReplaceLineEndings(" "));
    }
}
