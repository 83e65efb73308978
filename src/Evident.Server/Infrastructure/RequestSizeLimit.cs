namespace Evident.Server.Infrastructure;

/// <summary>
/// Refuses a request whose declared body exceeds <see cref="EvidentServer.MaxRequestBodyBytes"/> with 413 before it is
/// read (Kestrel enforces the same limit on bodies of unknown length).
/// </summary>
internal sealed class RequestSizeLimit(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > EvidentServer.MaxRequestBodyBytes)
        {
            await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                detail: $"The body is {context.Request.ContentLength} bytes; at most {EvidentServer.MaxRequestBodyBytes} are accepted.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
