using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Evident.Storage;

/// <summary>
/// A consistent copy of a SQLite store while the service runs: SQLite's online backup API copies the database as of one
/// moment (a read transaction: commits made during the copy are not in it, commits made before are), into a temporary
/// file beside the target that is checked (<c>PRAGMA integrity_check</c>) and then renamed into place, so the target is
/// never half-written. PostgreSQL is backed up with its own tools (<c>pg_dump</c>; docs/api.md, "Backups").
/// </summary>
public static class BackupStorage
{
    /// <summary>Copies the store's SQLite database to <paramref name="outPath"/>; returns the copy's audit head (sequence number, hash).</summary>
    /// <param name="store">A SQLite store.</param>
    /// <param name="outPath">The backup file (replaced when it exists).</param>
    /// <exception cref="NotSupportedException">The store is PostgreSQL.</exception>
    /// <exception cref="InvalidDataException">The copy fails SQLite's integrity check.</exception>
    public static async Task<(long Sequence, string Hash)> BackupAsync(this TrialStore store, string outPath)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(outPath);
        if (store.Provider != StorageProvider.Sqlite)
            throw new NotSupportedException("evident backup copies SQLite databases; back a PostgreSQL database up with pg_dump (docs/api.md, \"Backups\").");
        string target = Path.GetFullPath(outPath);
        string temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            (long, string) head;
            await using (var source = (SqliteConnection)await store.OpenReadAsync())
            await using (var copy = new SqliteConnection($"Data Source={temporary};Pooling=False"))
            {
                await copy.OpenAsync();
                source.BackupDatabase(copy);
                head = await CheckAsync(copy);
            }
            File.Move(temporary, target, overwrite: true);
            return head;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static async Task<(long, string)> CheckAsync(SqliteConnection copy)
    {
        await using (var integrity = Sql.Command(copy, null, "PRAGMA integrity_check"))
            if (await integrity.ExecuteScalarAsync() is not "ok" and var result)
                throw new InvalidDataException($"The copy failed SQLite's integrity check: {result}");
        await using var head = Sql.Command(copy, null, "SELECT seq, hash FROM audit_head WHERE id = 1");
        await using var reader = await head.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new InvalidDataException("The copy has no audit head row.");
        return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1));
    }
}
