using Microsoft.AspNetCore.Http.HttpResults;

namespace Evident.Server.Infrastructure;

/// <summary>RFC 7807 problem results used by the features; every one carries a <c>detail</c> a person can act on.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>
    /// A 400 with the problems by field key in <c>errors</c> and all the messages in <c>detail</c>; the messages use the
    /// protocol's labels and texts, so <c>detail</c> reads as the pages do, without field keys.
    /// </summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.SelectMany(e => e.Value)));
}
