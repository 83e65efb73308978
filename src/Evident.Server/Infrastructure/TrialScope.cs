namespace Evident.Server.Infrastructure;

/// <summary>
/// Endpoint filter on the <c>/trials/{trialId}</c> group: a token works only in its own trial. Another trial's id answers
/// 404, exactly as a trial that does not exist, so tokens cannot be used to discover trials.
/// </summary>
internal sealed class TrialScope : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        string? trialId = http.GetRouteValue("trialId") as string;
        if (trialId is null || Caller.From(http.User).TrialId != trialId)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no trial '{trialId}' for this token.");
        return await next(context);
    }
}
