using System.Xml.Linq;
using Evident.Storage;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Evident.Server.Infrastructure;

/// <summary>
/// Data Protection's key ring in the trial database (<see cref="DataProtectionKeyStorage"/>) instead of each process's
/// file system: any node reads a cookie another node wrote, and a restart keeps everyone signed in. The key manager
/// calls this seldom (when it loads or renews the ring: at the first cookie, then about daily) and synchronously.
/// </summary>
internal sealed class DatabaseKeyRepository(TrialStore store) : IXmlRepository
{
    /// <summary>The application name every node shares, so their protectors agree whatever path each runs from.</summary>
    public const string ApplicationName = "evident";

    public IReadOnlyCollection<XElement> GetAllElements() =>
        Task.Run(store.ReadDataProtectionKeysAsync).GetAwaiter().GetResult().Select(x => XElement.Parse(x)).ToArray();

    public void StoreElement(XElement element, string friendlyName) =>
        Task.Run(() => store.StoreDataProtectionKeyAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting))).GetAwaiter().GetResult();

    /// <summary>Points the key manager at the database.</summary>
    public sealed class Setup(TrialStore store) : IConfigureOptions<KeyManagementOptions>
    {
        public void Configure(KeyManagementOptions options) => options.XmlRepository = new DatabaseKeyRepository(store);
    }
}
