using System.Text.Json.Serialization;
using Evident.Server.Features;
using Evident.Server.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.Options;

namespace Evident.Server;

/// <summary>
/// The randomization service as a table of contents: storage, authentication, authorization, problem details, OpenAPI,
/// then one line per feature, then the server-rendered pages (<c>Pages/</c>, cookie sign-in). Configuration: <c>Evident:Database</c> (SQLite path or PostgreSQL connection string;
/// default <c>evident.db</c>), <see cref="TokenDaysKey"/>, the rate limits (<see cref="SignInPerMinuteKey"/>, <see cref="ApiPerSecondKey"/>) and the usual <c>urls</c>.
/// </summary>
public static class EvidentServer
{
    /// <summary>The configuration key of the database (<c>--db</c> of <c>evident serve</c>).</summary>
    public const string DatabaseKey = "Evident:Database";

    /// <summary>The configuration key of the days a token issued through the API works (default 90).</summary>
    public const string TokenDaysKey = TokenLifetime.DaysKey;

    /// <summary>The configuration key of the page sign-in rate limit, attempts per minute per client address (default 20; 0 = none).</summary>
    public const string SignInPerMinuteKey = RateLimits.SignInPerMinuteKey;

    /// <summary>The configuration key of the API rate limit, requests per second per token (default 200; 0 = none).</summary>
    public const string ApiPerSecondKey = RateLimits.ApiPerSecondKey;

    /// <summary>The largest request body accepted, in bytes (64 KiB); larger bodies get 413.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    /// <summary>Builds the application: opens (creating on first run) the database and maps every endpoint.</summary>
    /// <param name="args">Command-line style configuration, e.g. <c>--Evident:Database=trial.db --urls=http://127.0.0.1:5000</c>.</param>
    /// <param name="configure">Extra configuration of the builder (tests replace the clock), or null.</param>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.AddSingleton(TimeProvider.System);
        AddApi(builder.Services);
        AddPages(builder.Services);
        builder.Services.AddRateLimits();
        builder.Services.AddSingleton<TokenLifetime>();
        configure?.Invoke(builder);
        builder.Services.AddTrialStore();

        var app = builder.Build();
        await app.OpenTrialStoreAsync();
        UseMiddleware(app);

        app.MapOpenApi();
        app.MapHealth();
        app.MapTrials();
        var trial = app.MapGroup("/trials/{trialId}").RequireAuthorization().AddEndpointFilter<TrialScope>();
        trial.MapTrialInfo();
        trial.MapSites();
        trial.MapUsers();
        trial.MapRandomizations();
        trial.MapUnblindings();
        trial.MapAllocationList();
        trial.MapAudit();
        trial.MapCapture();
        trial.MapOffStudy();
        trial.MapQueries();
        trial.MapSeriousEvents();
        trial.MapInterim();
        trial.MapForecast();
        trial.MapDataCuts();
        trial.MapParticipantList();

        app.MapSiteAssets();
        app.MapRazorPages();
        return app;
    }

    /// <summary>JSON (strict: unknown members and missing required values are 400), problem details, OpenAPI, bearer tokens and the role policies.</summary>
    private static void AddApi(IServiceCollection services)
    {
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.RespectNullableAnnotations = true;
            o.SerializerOptions.RespectRequiredConstructorParameters = true;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailDefaults.Complete);
        // Unreadable bodies (malformed JSON, unknown members, missing required values) surface as BadHttpRequestException
        // in every environment and are answered with a ProblemDetails naming the problem by MalformedRequests (see UseMiddleware).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();
        // The API authenticates bearer tokens only (the default scheme); the pages use their own cookie scheme through
        // the pages policy, so a session cookie never opens the API.
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddCookie(PageAuth.Scheme, PageAuth.ConfigureCookie);
        services.AddAuthorizationBuilder().AddRolePolicies()
            .AddPolicy(PageAuth.Policy, p => p.AddAuthenticationSchemes(PageAuth.Scheme).RequireAuthenticatedUser());
    }

    /// <summary>The server-rendered pages: cookie keys in the database, antiforgery, text encoding, Razor Pages behind the cookie sign-in.</summary>
    private static void AddPages(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(DatabaseKeyRepository.ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, DatabaseKeyRepository.Setup>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "evident.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // Pages write names, dashes and accents as themselves rather than as numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Trial", PageAuth.Policy);
            o.Conventions.AuthorizePage("/Logout", PageAuth.Policy);
        }).ConfigureApplicationPartManager(AddPagesOnce);
    }

    /// <summary>Errors (malformed requests and page forms: a warning and a problem or status page, not a stack trace), status pages (the pages' own, the API's ProblemDetails), no-store on the API, rate limits, the body size limit, authentication, authorization and participant ids in routes.</summary>
    private static void UseMiddleware(WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseWhen(c => PageSecurityHeaders.IsPage(c.Request.Path), pages => pages
            .UseMiddleware<PageSecurityHeaders>()
            .UseStatusCodePages(context => PageStatus.WriteAsync(context.HttpContext)));
        app.UseWhen(c => !PageSecurityHeaders.IsPage(c.Request.Path), api => api
            .UseMiddleware<ApiHeaders>()
            .UseStatusCodePages()
            .UseMiddleware<MalformedRequests>());
        app.UseRateLimiter();
        app.UseMiddleware<RequestSizeLimit>();
        app.UseWhen(c => PageSecurityHeaders.IsPage(c.Request.Path), pages => pages.UseMiddleware<MalformedPageForms>());
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ParticipantRoute>();
    }

    // `evident serve` hosts the server from the command-line assembly, whose parts do not include these pages; when this
    // assembly is the application (tests, Evident.Server run on its own) its parts are there already and must not repeat.
    private static void AddPagesOnce(ApplicationPartManager manager)
    {
        var assembly = typeof(EvidentServer).Assembly;
        if (manager.ApplicationParts.Any(p => p is AssemblyPart a && a.Assembly == assembly)) return;
        foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly)) manager.ApplicationParts.Add(part);
    }
}
