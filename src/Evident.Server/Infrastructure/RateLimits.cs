using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Evident.Server.Infrastructure;

/// <summary>
/// ASP.NET Core's rate limiter on the two doors a client can hammer: page sign-in (<c>POST /login</c>: a fixed window
/// per client address, <see cref="SignInPerMinuteKey"/>, default 20 a minute) and the API (a token bucket per bearer
/// token, or per client address without one, <see cref="ApiPerSecondKey"/>, default 200 a second with a burst of as
/// many). Refused requests get 429 with <c>Retry-After</c> and, on the API, a problem whose <c>detail</c> names the
/// limit; the pages show their status page. Either limit set to 0 is off. Limits are per node.
/// </summary>
internal static class RateLimits
{
    /// <summary>Configuration key of the sign-in limit (attempts per minute per client address; 0 = none).</summary>
    public const string SignInPerMinuteKey = "Evident:RateLimit:SignInPerMinute";

    /// <summary>Configuration key of the API limit (requests per second per token or address; 0 = none).</summary>
    public const string ApiPerSecondKey = "Evident:RateLimit:ApiPerSecond";

    public const int DefaultSignInPerMinute = 20;
    public const int DefaultApiPerSecond = 200;

    /// <summary>Registers the limiter; the limits are read from the host's final configuration (a test's included).</summary>
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            int signIn = configuration.GetValue(SignInPerMinuteKey, DefaultSignInPerMinute);
            int api = configuration.GetValue(ApiPerSecondKey, DefaultApiPerSecond);
            if (signIn < 0 || api < 0) throw new InvalidOperationException($"{SignInPerMinuteKey} and {ApiPerSecondKey} must be 0 (no limit) or more.");
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, signIn, api));
            o.OnRejected = (rejected, _) => RejectAsync(rejected, api);
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, int signIn, int api)
    {
        var request = context.Request;
        string address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (PageSecurityHeaders.IsPage(request.Path))
            return signIn > 0 && HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/login")
                ? RateLimitPartition.GetFixedWindowLimiter($"sign-in {address}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = signIn, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("pages");
        if (api == 0 || request.Path.StartsWithSegments("/health")) return RateLimitPartition.GetNoLimiter("free");
        // The token itself never becomes a key held in memory: its hash does.
        string? authorization = request.Headers.Authorization;
        string key = string.IsNullOrEmpty(authorization) ? $"api {address}" : $"api {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(authorization)))}";
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = api, TokensPerPeriod = api, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, int api)
    {
        var context = rejected.HttpContext;
        int seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (PageSecurityHeaders.IsPage(context.Request.Path)) return;
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"More than {api} requests a second with this token (or from this address without one); try again in {seconds} s.").ExecuteAsync(context);
    }
}
