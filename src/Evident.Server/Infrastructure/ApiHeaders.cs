namespace Evident.Server.Infrastructure;

/// <summary>
/// <c>Cache-Control: no-store</c> on every answer of the JSON API: allocations, lists, the allocation list, unblindings,
/// the audit trail and the interim dashboard can carry arms, and no answer of the API is meant to be kept by a cache or
/// a proxy. (The pages set the same header in <see cref="PageSecurityHeaders"/>.)
/// </summary>
internal sealed class ApiHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
