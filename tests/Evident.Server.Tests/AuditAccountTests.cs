using Evident.Storage;

namespace Evident.Server.Tests;

/// <summary><c>audit verify</c> checks the users and tokens tables against the trail, on SQLite and PostgreSQL.</summary>
public sealed class AuditAccountTests
{
    [Fact]
    public Task Users_and_tokens_changed_only_in_their_tables_fail_verify_on_sqlite() => AccountEdits(null);

    [Fact]
    public async Task Users_and_tokens_changed_only_in_their_tables_fail_verify_on_postgresql()
    {
        string database = await Databases.CreatePostgresAsync();
        try
        {
            await AccountEdits(database);
        }
        finally
        {
            await Databases.DropPostgresAsync(database);
        }
    }

    private static async Task AccountEdits(string? database)
    {
        await using var app = await new TestApp(database).SeedAsync();
        // Records 1-9 set the trial up (users: 5 admin … 9 unblinded); 10 issues coord1 a second token, 11 revokes both.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.Store.IssueTokenAsync(TestApp.Trial, "coord1", TimeSpan.FromDays(30), "admin");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, await app.Store.RevokeTokensAsync(TestApp.Trial, "coord1", "left the trial", "admin"));
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact, (await app.Store.VerifyAuditAsync()).Problem);

        // A token slipped into the table for the admin: whoever holds it would be admin.
        await Databases.RowsAsync(app.Database,
            "INSERT INTO tokens (token_hash, user_id, issued_at, expires_at) SELECT 'forged', id, '2026-01-15T09:30:00.0000000Z', '2027-01-15T09:30:00.0000000Z' FROM users WHERE name = 'admin'");
        var forged = await app.Store.VerifyAuditAsync();
        Assert.Equal((12L, "a token of user 'admin' of trial AALL1731 (issued at 2026-01-15T09:30:00.0000000Z, expiring at 2027-01-15T09:30:00.0000000Z) has no user.add or token.issue record in the audit trail"),
            (forged.FirstBroken!.Value, forged.Problem));
        await Databases.RowsAsync(app.Database, "DELETE FROM tokens WHERE token_hash = 'forged'");

        // A revocation undone, an expiry moved, a deleted token.
        await Databases.RowsAsync(app.Database, "UPDATE tokens SET revoked_at = NULL WHERE expires_at = (SELECT MAX(expires_at) FROM tokens t JOIN users u ON u.id = t.user_id WHERE u.name = 'coord1')");
        var undone = await app.Store.VerifyAuditAsync();
        Assert.Equal(11, undone.FirstBroken);
        Assert.Equal("1 token(s) of user:coord1 of trial AALL1731 are revoked at 2026-01-15T09:02:00.0000000Z, but audit record 11 revokes 2", undone.Problem);
        await Databases.RowsAsync(app.Database, "UPDATE tokens SET revoked_at = '2026-01-15T09:02:00.0000000Z' WHERE revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE name = 'coord1')");
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);
        await Databases.RowsAsync(app.Database, "UPDATE tokens SET expires_at = '2099-01-01T00:00:00.0000000Z' WHERE user_id = (SELECT id FROM users WHERE name = 'blinded')");
        Assert.StartsWith("a token of user 'blinded' of trial AALL1731 (issued at 2026-01-15T09:00:00.0000000Z, expiring at 2099-01-01", (await app.Store.VerifyAuditAsync()).Problem);
        await Databases.RowsAsync(app.Database, "DELETE FROM tokens WHERE user_id = (SELECT id FROM users WHERE name = 'blinded')");
        var deleted = await app.Store.VerifyAuditAsync();
        Assert.Equal((8L, "audit record 8 (user.add user:blinded of trial AALL1731) issues a token that the tokens table does not have"),
            (deleted.FirstBroken!.Value, deleted.Problem));

        // A role raised and a password set behind the service's back are named before any token problem.
        await Databases.RowsAsync(app.Database, "UPDATE users SET role = 'admin' WHERE name = 'coord2'");
        var raised = await app.Store.VerifyAuditAsync();
        Assert.Equal(7, raised.FirstBroken);
        Assert.StartsWith("user 'coord2' of trial AALL1731 disagrees with audit record 7: the table says {\"name\":\"coord2\",\"password\":false,\"role\":\"admin\",\"site\":\"S2\"", raised.Problem);
        await Databases.RowsAsync(app.Database, "UPDATE users SET role = 'site-coordinator' WHERE name = 'coord2'");
        await Databases.RowsAsync(app.Database, "UPDATE users SET password_hash = 'AQAAAA' WHERE name = 'unblinded'");
        Assert.Contains("\"password\":true", (await app.Store.VerifyAuditAsync()).Problem);
        await Databases.RowsAsync(app.Database, "UPDATE users SET password_hash = NULL, role = 'superuser' WHERE name = 'unblinded'");
        Assert.Equal("user 'unblinded' of trial AALL1731 disagrees with audit record 9: the table gives the role 'superuser', which the service never writes",
            (await app.Store.VerifyAuditAsync()).Problem);
    }
}
