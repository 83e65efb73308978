namespace Evident.Server;

/// <summary>
/// The entry point of <c>Evident.Server</c> run on its own (<c>evident serve</c> calls <see cref="EvidentServer"/> directly);
/// also the type tests give <c>WebApplicationFactory</c>.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    /// <summary>Builds and runs the service; arguments are configuration, e.g. <c>--Evident:Database=trial.db --urls=http://127.0.0.1:5000</c>.</summary>
    /// <param name="args">Configuration arguments.</param>
    public static async Task Main(string[] args)
    {
        var app = await EvidentServer.BuildAsync(args);
        await app.RunAsync();
    }
}
