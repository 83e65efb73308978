using System.Text.Json.Serialization;
using Evident.Server.Features;
using Evident.Server.Infrastructure;
using Evident.Trials.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;

namespace Evident.Server;

/// <summary>
/// The randomization service as a table of contents: storage, authentication, authorization, problem details, OpenAPI,
/// then one line per feature. Configuration: <c>Evident:Database</c> (SQLite path or PostgreSQL connection string;
/// default <c>evident.db</c>) and the usual <c>urls</c>.
/// </summary>
public static class EvidentServer
{
    /// <summary>The configuration key of the database (<c>--db</c> of <c>evident serve</c>).</summary>
    public const string DatabaseKey = "Evident:Database";

    /// <summary>The largest request body accepted, in bytes (64 KiB); larger bodies get 413.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    /// <summary>Builds the application: opens (creating on first run) the database and maps every endpoint.</summary>
    /// <param name="args">Command-line style configuration, e.g. <c>--Evident:Database=trial.db --urls=http://127.0.0.1:5000</c>.</param>
    /// <param name="configure">Extra configuration of the builder (tests replace the clock), or null.</param>
    public static Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.RespectNullableAnnotations = true;
            o.SerializerOptions.RespectRequiredConstructorParameters = true;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddProblemDetails();
        // Unreadable bodies (malformed JSON, unknown members, missing required values) surface as BadHttpRequestException
        // in every environment and are answered 400 with ProblemDetails by the exception handler below.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi();
        builder.Services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddRolePolicies();
        configure?.Invoke(builder);

        builder.Services.AddSingleton(sp => TrialStore.OpenAsync(
            sp.GetRequiredService<IConfiguration>()[DatabaseKey] ?? "evident.db", sp.GetRequiredService<TimeProvider>()).GetAwaiter().GetResult());

        var app = builder.Build();
        _ = app.Services.GetRequiredService<TrialStore>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimit>();
        app.UseAuthentication();
        app.UseAuthorization();

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
        return Task.FromResult(app);
    }
}
