using System.Text.Json;

namespace Evident.Server.Infrastructure;

/// <summary>
/// A request the service cannot read (malformed JSON, a value of the wrong type, an unknown member, a missing required
/// value, a body over the limit) is the client's mistake, not the service's: it is answered with a problem whose
/// <c>detail</c> says what is wrong and, when the JSON reader names a member, <c>errors</c> under that field; and it is
/// logged as one warning line without a stack trace, so no client can fill the error log.
/// </summary>
internal sealed class MalformedRequests(RequestDelegate next, ILogger<MalformedRequests> logger, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            var json = FindJsonException(e);
            // A wrong or missing Content-Type and an over-long body get the same detail as when the framework answers them.
            string? detail = json is not null ? $"The body is not valid for this request: {JsonMessage(json)}"
                : e.StatusCode is StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType ? null : e.Message;
            context.Response.Clear();
            context.Response.StatusCode = e.StatusCode;
            var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = e.StatusCode, Title = Title(e.StatusCode), Detail = detail };
            ProblemDetailDefaults.Complete(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
            logger.LogWarning("Malformed request {Method} {Path}: {Status} {Detail}", context.Request.Method, context.Request.Path, e.StatusCode, problem.Detail);
            if (json is not null && Field(json.Path) is { } field) problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [JsonMessage(json)] };
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
        }
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        _ => "Malformed request",
    };

    private static JsonException? FindJsonException(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            if (inner is JsonException json) return json;
        return null;
    }

    /// <summary>The reader's message without its own "Path: … | LineNumber: …" suffix, which <see cref="Field"/> reports instead.</summary>
    private static string JsonMessage(JsonException e)
    {
        string message = e.Message;
        int suffix = message.IndexOf(" Path: ", StringComparison.Ordinal);
        string text = suffix < 0 ? message : message[..suffix];
        return e.LineNumber is { } line && e.BytePositionInLine is { } position
            ? $"{text} (at {(string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "the top level" : e.Path)}, line {line + 1}, byte {position + 1})"
            : text;
    }

    /// <summary>A JSON path as the field names of ValidationProblem use them: <c>$.strata.risk</c> → <c>strata.risk</c>.</summary>
    private static string? Field(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
