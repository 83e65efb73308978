namespace Evident.Server.Infrastructure;

/// <summary>
/// The <c>detail</c> of a problem that the framework answers without one: status code pages (unknown route, method not
/// allowed, unsupported media type, missing or refused token), the exception handler. The features' own problems carry
/// their detail already and are left as they are.
/// </summary>
internal static class ProblemDetailDefaults
{
    /// <summary>Fills in <c>detail</c> when it is absent (<see cref="ProblemDetailsOptions.CustomizeProblemDetails"/>).</summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!string.IsNullOrEmpty(problem.Detail)) return;
        var http = context.HttpContext;
        string path = http.Request.Path.Value ?? "/";
        problem.Detail = (problem.Status ?? http.Response.StatusCode) switch
        {
            StatusCodes.Status400BadRequest => "The request is malformed.",
            StatusCodes.Status401Unauthorized => "A valid bearer token is required: 'Authorization: Bearer evt_…', issued by 'evident user add' or 'evident user token'.",
            StatusCodes.Status403Forbidden => "This token's role may not use this endpoint (docs/api.md lists the roles of each).",
            StatusCodes.Status404NotFound => $"There is nothing at '{path}' (docs/api.md lists the routes).",
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on '{path}'{Allowed(http)}.",
            StatusCodes.Status413PayloadTooLarge => $"The body is larger than the {EvidentServer.MaxRequestBodyBytes} bytes accepted.",
            StatusCodes.Status415UnsupportedMediaType => $"The body must be JSON with 'Content-Type: application/json'{Given(http)}.",
            StatusCodes.Status429TooManyRequests => "Too many requests; wait and try again.",
            >= 500 => "The service could not answer; the error is in its log.",
            _ => problem.Title ?? "The request was refused.",
        };
    }

    private static string Allowed(HttpContext http) =>
        http.Response.Headers.Allow is { Count: > 0 } allow ? $"; allowed: {string.Join(", ", allow.ToArray())}" : "";

    private static string Given(HttpContext http) =>
        string.IsNullOrEmpty(http.Request.ContentType) ? " (none was given)" : $" (not '{http.Request.ContentType}')";
}
