using System.Data.Common;
using System.Globalization;

namespace Evident.Storage;

/// <summary>
/// Creates the schema of a new database and upgrades an older one, in one transaction, when a store opens: the
/// <see cref="Schema"/> statements (all idempotent), then the <see cref="AddedColumns"/> a database of an older shape lacks.
/// </summary>
internal static class SchemaMigrations
{
    /// <summary>Any number, the same in every process: the PostgreSQL advisory lock that serialises schema creation.</summary>
    private const long SchemaLock = 7261731;

    /// <summary>
    /// Columns added to a table after databases with the older shape existed; each is in its CREATE TABLE too, so only
    /// older databases gain them here.
    /// </summary>
    public static IReadOnlyList<(string Table, string Column, string Definition)> AddedColumns { get; } =
    [
        ("capture_entries", "end_date", "TEXT NULL"),
        ("capture_entries", "off_reason", "TEXT NULL"),
        ("capture_entries", "follow_up_allowed", "INTEGER NULL"),
        ("capture_entries", "serious", "INTEGER NULL"),
        ("capture_entries", "serious_criteria", "TEXT NULL"),
        ("capture_entries", "attribution", "TEXT NULL"),
        ("capture_entries", "action_taken", "TEXT NULL"),
        ("capture_entries", "outcome", "TEXT NULL"),
    ];

    /// <summary>Creates what is missing and adds the missing columns, committing once.</summary>
    /// <param name="connection">An open connection to the database.</param>
    /// <param name="provider">The database.</param>
    public static async Task ApplyAsync(DbConnection connection, StorageProvider provider)
    {
        if (provider == StorageProvider.Sqlite) await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL");
        await using var tx = await connection.BeginTransactionAsync();
        // Several application nodes may start at once; one creates the schema while the others wait.
        if (provider == StorageProvider.PostgreSql) await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({SchemaLock})");
        foreach (string statement in Schema.Statements(provider)) await ExecuteAsync(connection, tx, statement);
        foreach (var (table, column, definition) in AddedColumns)
        {
            // SQLite has no ADD COLUMN IF NOT EXISTS: ask its table info first.
            if (provider == StorageProvider.Sqlite && await HasColumnAsync(connection, tx, table, column)) continue;
            string ifNotExists = provider == StorageProvider.PostgreSql ? "IF NOT EXISTS " : "";
            await ExecuteAsync(connection, tx, $"ALTER TABLE {table} ADD COLUMN {ifNotExists}{column} {definition}");
        }
        await tx.CommitAsync();
    }

    private static async Task<bool> HasColumnAsync(DbConnection connection, DbTransaction tx, string table, string column)
    {
        await using var exists = Sql.Command(connection, tx, $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'");
        return Convert.ToInt64(await exists.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql)
    {
        await using var command = Sql.Command(connection, tx, sql);
        await command.ExecuteNonQueryAsync();
    }
}
