namespace Evident.Storage;

/// <summary>The database behind a <see cref="TrialStore"/>.</summary>
public enum StorageProvider
{
    /// <summary>
    /// One SQLite file (created on first use) in WAL mode with <c>synchronous=FULL</c>: a commit is on disk before the
    /// service answers. One application process writes; its writes are grouped into shared transactions.
    /// </summary>
    Sqlite,

    /// <summary>
    /// A PostgreSQL database (Npgsql). Any number of stateless application nodes may share it: every write transaction
    /// locks the audit head row, and unique constraints forbid a second randomization of a participant or a second use
    /// of a slot.
    /// </summary>
    PostgreSql,
}
