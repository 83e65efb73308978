namespace Evident.Storage;

/// <summary>
/// Randomizations decided in a PostgreSQL batch but not yet sent: their rows, their covariates and their audit records,
/// column by column, sent as three set-based inserts (<c>unnest</c> of one array per column) in one command, whatever
/// the number of rows, so the statement text is fixed and stays prepared on the server (see <see cref="WriteContext"/>).
/// </summary>
internal sealed class DeferredRandomizations
{
    public const string Sql = """
        INSERT INTO randomizations (id, trial_id, participant_id, site_id, stratum, strata_json, eligibility_json, seq, arm, idempotency_key, randomized_at, randomized_by)
        SELECT * FROM unnest(@dr_id::bigint[], @dr_t::text[], @dr_p::text[], @dr_site::text[], @dr_s::text[], @dr_strata::text[], @dr_elig::text[],
          @dr_q::integer[], @dr_arm::text[], @dr_k::text[], @dr_at::text[], @dr_by::text[]);
        INSERT INTO baseline_values (trial_id, participant_id, covariate, value)
        SELECT * FROM unnest(@db_t::text[], @db_p::text[], @db_c::text[], @db_v::text[]);
        INSERT INTO audit (seq, trial_id, at, actor, action, entity, details, reason, prev_hash, hash)
        SELECT * FROM unnest(@da_seq::bigint[], @da_t::text[], @da_at::text[], @da_actor::text[], @da_action::text[], @da_entity::text[],
          @da_details::text[], @da_reason::text[], @da_prev::text[], @da_hash::text[])
        """;

    private readonly List<long> ids = [];
    private readonly List<int> sequences = [];
    private readonly List<string?>[] rowText = Columns(10);
    private readonly List<string?>[] baseline = Columns(4);
    private readonly List<long> auditSequences = [];
    private readonly List<string?>[] auditText = Columns(9);

    /// <summary>How many randomizations wait to be sent.</summary>
    public int Count => ids.Count;

    /// <summary>Adds one randomization (stored as <see cref="RandomizationRows.Insert"/> would), its covariates and its audit record.</summary>
    public void Add(RandomizationRow row, AuditRow audit)
    {
        ids.Add(row.Id);
        sequences.Add(row.Sequence);
        Append(rowText, row.TrialId, row.ParticipantId, row.Site, row.Stratum, row.StrataJson, row.EligibilityJson, row.Arm, row.IdempotencyKey, row.At, row.By);
        foreach (var (covariate, value) in row.Covariates) Append(baseline, row.TrialId, row.ParticipantId, covariate, value);
        auditSequences.Add(audit.Sequence);
        Append(auditText, audit.TrialId, audit.At, audit.Actor, audit.Action, audit.Entity, audit.Details, audit.Reason, audit.PreviousHash, audit.Hash);
    }

    /// <summary>The parameters of <see cref="Sql"/> for the rows waiting, in the order the statement names them; then empties the buffer.</summary>
    public (string Name, object? Value)[] Take()
    {
        (string Name, object? Value)[] parameters =
        [
            ("@dr_id", ids.ToArray()), ("@dr_t", rowText[0].ToArray()), ("@dr_p", rowText[1].ToArray()), ("@dr_site", rowText[2].ToArray()),
            ("@dr_s", rowText[3].ToArray()), ("@dr_strata", rowText[4].ToArray()), ("@dr_elig", rowText[5].ToArray()), ("@dr_q", sequences.ToArray()),
            ("@dr_arm", rowText[6].ToArray()), ("@dr_k", rowText[7].ToArray()), ("@dr_at", rowText[8].ToArray()), ("@dr_by", rowText[9].ToArray()),
            ("@db_t", baseline[0].ToArray()), ("@db_p", baseline[1].ToArray()), ("@db_c", baseline[2].ToArray()), ("@db_v", baseline[3].ToArray()),
            ("@da_seq", auditSequences.ToArray()), ("@da_t", auditText[0].ToArray()), ("@da_at", auditText[1].ToArray()), ("@da_actor", auditText[2].ToArray()),
            ("@da_action", auditText[3].ToArray()), ("@da_entity", auditText[4].ToArray()), ("@da_details", auditText[5].ToArray()),
            ("@da_reason", auditText[6].ToArray()), ("@da_prev", auditText[7].ToArray()), ("@da_hash", auditText[8].ToArray()),
        ];
        ids.Clear();
        sequences.Clear();
        auditSequences.Clear();
        foreach (var column in rowText.Concat(baseline).Concat(auditText)) column.Clear();
        return parameters;
    }

    private static List<string?>[] Columns(int n) => [.. Enumerable.Range(0, n).Select(_ => new List<string?>())];

    private static void Append(List<string?>[] columns, params string?[] values)
    {
        for (int i = 0; i < values.Length; i++) columns[i].Add(values[i]);
    }
}
