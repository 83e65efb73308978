namespace Evident.Storage;

/// <summary>
/// The keys that sign and encrypt the pages' session cookies (ASP.NET Core Data Protection's key ring, as XML) kept in
/// the database, so every application node reads every node's cookies and a restart keeps sessions. Keys are only
/// added (the key manager revokes by adding a revocation element); each is written once under its name.
/// </summary>
public static class DataProtectionKeyStorage
{
    /// <summary>Every stored key element, as XML text, oldest first.</summary>
    /// <param name="store">The store.</param>
    public static async Task<IReadOnlyList<string>> ReadDataProtectionKeysAsync(this TrialStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT xml FROM data_protection_keys ORDER BY created_at, name");
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        return keys;
    }

    /// <summary>Stores a key element under its name; a name stored already keeps its first element.</summary>
    /// <param name="store">The store.</param>
    /// <param name="name">The element's name (Data Protection's friendly name: <c>key-GUID</c> or <c>revocation-…</c>).</param>
    /// <param name="xml">The element as XML text.</param>
    public static Task StoreDataProtectionKeyAsync(this TrialStore store, string name, string xml)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.WriteAsync(async w =>
            await w.Command("INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@n, @x, @at) ON CONFLICT (name) DO NOTHING",
                ("@n", name), ("@x", xml), ("@at", w.NowText)).ExecuteNonQueryAsync());
    }
}
