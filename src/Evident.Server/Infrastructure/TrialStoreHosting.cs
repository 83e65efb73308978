using Evident.Storage;

namespace Evident.Server.Infrastructure;

/// <summary>
/// The trial store in the host, opened without blocking a thread: <see cref="AddTrialStore"/> registers the singleton,
/// and <see cref="OpenTrialStoreAsync"/>, awaited by <see cref="EvidentServer.BuildAsync"/> once the host is built
/// (configuration and clock are final then, a test's included) and before anything is served, opens it. The container
/// owns the store and disposes it with the host.
/// </summary>
internal static class TrialStoreHosting
{
    /// <summary>Registers <see cref="TrialStore"/>, handed out once opened.</summary>
    /// <param name="services">The host's services.</param>
    public static IServiceCollection AddTrialStore(this IServiceCollection services)
    {
        services.AddSingleton<OpenedStore>();
        services.AddSingleton(sp => sp.GetRequiredService<OpenedStore>().Store
                                    ?? throw new InvalidOperationException("The trial store is opened by EvidentServer.BuildAsync before the host serves."));
        return services;
    }

    /// <summary>Opens (creating on first run) the database named by <see cref="EvidentServer.DatabaseKey"/>, by default <c>evident.db</c>.</summary>
    /// <param name="app">The built application.</param>
    public static async Task OpenTrialStoreAsync(this WebApplication app)
    {
        var services = app.Services;
        var opened = services.GetRequiredService<OpenedStore>();
        opened.Store = await TrialStore.OpenAsync(services.GetRequiredService<IConfiguration>()[EvidentServer.DatabaseKey] ?? "evident.db",
            services.GetRequiredService<TimeProvider>());
        // Resolved once now, so that the container owns (and disposes) it even if no request ever asks for it.
        _ = services.GetRequiredService<TrialStore>();
    }

    /// <summary>The store once opened.</summary>
    private sealed class OpenedStore
    {
        public TrialStore? Store { get; set; }
    }
}
