using Evident.Cli;
using Evident.Randomization;
using Evident.Storage;

namespace Evident.Server.Tests;

/// <summary>
/// <c>audit verify</c> checks the <c>data_cuts</c> table against the trail: a cut's hash, cut-off, participants, protocol, who
/// froze it and when must be its <c>data_cut.freeze</c> record's, its stored files must still hash to that SHA-256, and every
/// freeze record must have its row. Each edit made behind the service's back is named at the freeze record, and undoing
/// it verifies again. On SQLite (and through the command line) and on PostgreSQL.
/// </summary>
public sealed class DataCutAuditTests
{
    private static readonly DataCutFiles Files = new("participant_id,arm\nP1,chemotherapy\nP2,blinatumomab\n", "participant_id,term,grade\nP1,Sepsis,3\n");

    [Fact]
    public Task A_cut_edited_in_its_table_fails_verify_on_sqlite() => CutEdits(null);

    [Fact]
    public async Task A_cut_edited_in_its_table_fails_verify_on_postgresql()
    {
        string database = await Databases.CreatePostgresAsync();
        try
        {
            await CutEdits(database);
        }
        finally
        {
            await Databases.DropPostgresAsync(database);
        }
    }

    private static async Task CutEdits(string? database)
    {
        await using var app = await new TestApp(database).SeedAsync();
        await app.Store.FreezeDataCutAsync(TestApp.Trial, new DateOnly(2026, 1, 31), Files, Files.Sha256(), 2, "unblinded");
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.Store.FreezeDataCutAsync(TestApp.Trial, new DateOnly(2026, 2, 28), Files, Files.Sha256(), 2, "unblinded");
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);
        var freezes = (await app.Store.ReadAuditAsync(TestApp.Trial)).Where(r => r.Action == "data_cut.freeze").ToArray();
        Assert.Equal(2, freezes.Length);
        long first = freezes[0].Sequence, second = freezes[1].Sequence;
        string at = freezes[1].At;

        await AuditEdits.Broken(app, "UPDATE data_cuts SET data_sha256 = REPLACE(data_sha256, SUBSTR(data_sha256, 1, 1), 'x') WHERE id = 2", second,
                     $"data cut 2 of trial {TestApp.Trial} disagrees with audit record {second}: the table says {{\"cutoff\":\"2026-02-28\",\"data_sha256\":\"x");
        await Databases.RowsAsync(app.Database, $"UPDATE data_cuts SET data_sha256 = '{Files.Sha256()}' WHERE id = 2");
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);

        // The protocol a cut was frozen under is in its record too.
        string protocol = (await app.Store.ListDataCutsAsync(TestApp.Trial))[1].ProtocolSha256;
        await AuditEdits.Broken(app, "UPDATE data_cuts SET protocol_sha256 = 'f00d' WHERE id = 2", second,
                     $"data cut 2 of trial {TestApp.Trial} disagrees with audit record {second}: the table says {{\"cutoff\":\"2026-02-28\",\"data_sha256\":\"{Files.Sha256()}\",\"id\":2,\"participants\":2,\"protocol_sha256\":\"f00d\"}}, the trail says");
        await Databases.RowsAsync(app.Database, $"UPDATE data_cuts SET protocol_sha256 = '{protocol}' WHERE id = 2");
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);

        await AuditEdits.Broken(app, "UPDATE data_cuts SET cutoff = '2026-02-27' WHERE id = 2", second, $"data cut 2 of trial {TestApp.Trial} disagrees with audit record {second}: the table says {{\"cutoff\":\"2026-02-27\"");
        await Databases.RowsAsync(app.Database, "UPDATE data_cuts SET cutoff = '2026-02-28' WHERE id = 2");

        await AuditEdits.Broken(app, "UPDATE data_cuts SET frozen_by = 'mallory' WHERE id = 1", first, $"data cut 1 of trial {TestApp.Trial} disagrees with audit record {first}: the table says frozen by mallory at ");
        await Databases.RowsAsync(app.Database, "UPDATE data_cuts SET frozen_by = 'unblinded' WHERE id = 1");

        await AuditEdits.Broken(app, "UPDATE data_cuts SET frozen_at = '2025-01-01T00:00:00.0000000Z' WHERE id = 2", second, "the table says frozen by unblinded at 2025-01-01T00:00:00.0000000Z, the trail says unblinded at " + at);
        await Databases.RowsAsync(app.Database, $"UPDATE data_cuts SET frozen_at = '{at}' WHERE id = 2");
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);

        // A file edited in the table, and its hash column too: the files no longer hash to what the trail recorded.
        var edited = Files with { ParticipantsCsv = Files.ParticipantsCsv.Replace("P2,blinatumomab", "P2,chemotherapy", StringComparison.Ordinal) };
        await AuditEdits.Broken(app, $"UPDATE data_cuts SET participants_csv = '{edited.ParticipantsCsv}' WHERE id = 1", first,
                     $"data cut 1 of trial {TestApp.Trial}: its stored files hash to {edited.Sha256()}, not to the SHA-256 {Files.Sha256()} that audit record {first} recorded");
        await AuditEdits.Broken(app, $"UPDATE data_cuts SET data_sha256 = '{edited.Sha256()}' WHERE id = 1", first, $"data cut 1 of trial {TestApp.Trial} disagrees with audit record {first}: the table says");
        await Databases.RowsAsync(app.Database, $"UPDATE data_cuts SET participants_csv = '{Files.ParticipantsCsv}', data_sha256 = '{Files.Sha256()}' WHERE id = 1");
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);

        await AuditEdits.Broken(app, "DELETE FROM data_cuts WHERE id = 2", second, $"audit record {second} freezes data_cut:2 of trial {TestApp.Trial}, but the data_cuts table has no such row");
        if (database is null)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Assert.Equal(1, EvidentApp.Run(["audit", "verify", "--db", app.Database], stdout, stderr));
            Assert.Contains($"BROKEN at record {second}: audit record {second} freezes data_cut:2", stdout.ToString() + stderr);
        }
    }
}
