using System.Collections.ObjectModel;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Evident.Randomization;

namespace Evident.Storage;

/// <summary>
/// How randomizations are stored and read back: the column lists, the insert, and the readers that turn rows into
/// <see cref="Allocation"/>s (covariates come from <c>baseline_values</c>, one row each, in ordinal order).
/// </summary>
internal static class RandomizationRows
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The columns <see cref="Read"/> reads, in its order.</summary>
    public const string Columns = "id, trial_id, participant_id, site_id, strata_json, arm, randomized_at, randomized_by, invalidated_at, invalidation_reason";

    /// <summary>How many <see cref="Columns"/> there are.</summary>
    public const int ColumnCount = 10;

    public const string Select = "SELECT " + Columns + " FROM randomizations";

    public const string SelectCovariates = "SELECT covariate, value FROM baseline_values WHERE trial_id = @t AND participant_id = @p ORDER BY covariate";

    /// <summary>One participant's randomization and covariates, in one round trip (read by <see cref="ReadOneAsync(DbDataReader)"/>).</summary>
    public const string SelectOne = Select + " WHERE trial_id = @t AND participant_id = @p;\n" + SelectCovariates;

    public const string Insert = """
        INSERT INTO randomizations (id, trial_id, participant_id, site_id, stratum, strata_json, eligibility_json, seq, arm, idempotency_key, randomized_at, randomized_by)
        VALUES (@id, @t, @p, @site, @s, @strata, @elig, @q, @arm, @k, @at, @by)
        """;

    public static readonly IReadOnlyDictionary<string, string> NoCovariates = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The insert of <paramref name="count"/> covariates of the randomization being inserted (<c>@t</c>, <c>@p</c>; <c>@b_cI</c>, <c>@b_vI</c>).</summary>
    public static string InsertBaselineValues(int count) =>
        "INSERT INTO baseline_values (trial_id, participant_id, covariate, value) VALUES " +
        string.Join(", ", Enumerable.Range(0, count).Select(i => $"(@t, @p, @b_c{i}, @b_v{i})"));

    /// <summary>A value set as stored in <c>strata_json</c> and <c>eligibility_json</c>: a JSON object, members in ordinal order.</summary>
    public static string ToJson<T>(IReadOnlyDictionary<string, T> values) =>
        JsonSerializer.Serialize(new SortedDictionary<string, T>(values.ToDictionary(), StringComparer.Ordinal), Json);

    /// <summary>A randomization as <see cref="Read"/> and <see cref="ReadCovariatesAsync(WriteContext, string, string)"/> return it once stored as <paramref name="strataJson"/>.</summary>
    public static Allocation AsStored(Allocation a, string strataJson) => a with
    {
        Strata = JsonSerializer.Deserialize<Dictionary<string, string>>(strataJson) ?? [],
        RandomizedAt = Sql.ParseTime(Sql.Time(a.RandomizedAt)),
    };

    /// <summary>Covariates by id in ordinal order (the order they are stored, compared and shown in); empty for null.</summary>
    public static IReadOnlyDictionary<string, string> Sorted(IReadOnlyDictionary<string, string>? covariates) =>
        covariates is null || covariates.Count == 0 ? NoCovariates : new SortedDictionary<string, string>(covariates.ToDictionary(), StringComparer.Ordinal).AsReadOnly();

    /// <summary>A randomization row of <see cref="Select"/> without its covariates (<see cref="Allocation.Covariates"/> is empty until set).</summary>
    public static Allocation Read(DbDataReader reader)
    {
        var strata = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(4)) ?? [];
        string? invalidated = Sql.NullableString(reader, 8);
        return new Allocation(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), reader.GetString(3), strata,
            reader.GetString(5), Sql.ParseTime(reader.GetString(6)), reader.GetString(7), invalidated is null ? null : Sql.ParseTime(invalidated),
            Sql.NullableString(reader, 9));
    }

    /// <summary>Reads the two result sets of <see cref="SelectOne"/>.</summary>
    public static async Task<Allocation?> ReadOneAsync(DbDataReader reader)
    {
        if (!await reader.ReadAsync()) return null;
        var r = Read(reader);
        await reader.NextResultAsync();
        var covariates = await ReadCovariatesAsync(reader);
        return covariates.Count == 0 ? r : r with { Covariates = covariates };
    }

    /// <summary>One participant's randomization with its covariates, in the write's transaction, or null.</summary>
    public static async Task<Allocation?> ReadOneAsync(WriteContext w, string trialId, string participantId)
    {
        var command = w.Command(SelectOne, ("@t", trialId), ("@p", participantId));
        await using var reader = await command.ExecuteReaderAsync();
        return await ReadOneAsync(reader);
    }

    /// <summary>One participant's covariates, in the write's transaction.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadCovariatesAsync(WriteContext w, string trialId, string participantId)
    {
        await using var reader = await w.Command(SelectCovariates, ("@t", trialId), ("@p", participantId)).ExecuteReaderAsync();
        return await ReadCovariatesAsync(reader);
    }

    /// <summary>The covariates of <see cref="SelectCovariates"/>, in ordinal order.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadCovariatesAsync(DbDataReader reader)
    {
        SortedDictionary<string, string>? values = null;
        while (await reader.ReadAsync()) (values ??= new SortedDictionary<string, string>(StringComparer.Ordinal))[reader.GetString(0)] = reader.GetString(1);
        return values is null ? NoCovariates : values.AsReadOnly();
    }
}
