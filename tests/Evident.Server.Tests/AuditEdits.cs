namespace Evident.Server.Tests;

/// <summary>The step the table-against-trail tests repeat: edit one row behind the service's back, then verify.</summary>
internal static class AuditEdits
{
    /// <summary>Runs <paramref name="sql"/> (which must change exactly one row) and asserts that <c>audit verify</c>
    /// breaks at <paramref name="sequence"/> with a problem containing <paramref name="problem"/>.</summary>
    public static async Task Broken(TestApp app, string sql, long sequence, string problem)
    {
        Assert.Single(await Databases.RowsAsync(app.Database, sql + " RETURNING id"));
        var result = await app.Store.VerifyAuditAsync();
        Assert.Equal(sequence, result.FirstBroken);
        Assert.Contains(problem, result.Problem);
    }
}
