using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Evident.Protocol;
using Evident.Randomization.Accounts;
using Evident.Randomization.Capture;
using Evident.Randomization.Queries;

namespace Evident.Storage;

/// <summary>
/// The <c>details</c> of every audit record, one method per action. The hash chain covers these bytes, so each record
/// keeps the shape the first databases wrote: members in the order below (by name, except for <c>randomize</c>), no
/// spaces, and only what JSON requires escaped (<c>"</c>, <c>\</c>, control characters; accents and <c>&lt;</c> stay
/// themselves). Changing any of it breaks the verification of existing databases.
/// </summary>
internal static class AuditDetails
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>trial.create</c>.</summary>
    public static string TrialCreated(TrialProtocol protocol, string source, bool blinded, int strata, int slots) => Write(json =>
    {
        json.WriteBoolean("blinded", blinded);
        json.WriteString("method", protocol.Allocation.Method == AllocationMethod.PermutedBlocks ? "permuted-blocks" : "minimization");
        json.WriteString("protocol_hash", protocol.Hash);
        json.WriteString("protocol_source", source);
        json.WriteNumber("slots", slots);
        json.WriteNumber("strata", strata);
    });

    /// <summary><c>site.add</c>.</summary>
    public static string SiteAdded(string id, string label) => Write(json =>
    {
        json.WriteString("id", id);
        json.WriteString("label", label);
    });

    /// <summary><c>user.add</c>; <paramref name="tokenExpires"/> as stored.</summary>
    public static string UserAdded(string name, TrialRole role, string? site, bool password, string tokenExpires) => Write(json =>
    {
        json.WriteString("name", name);
        json.WriteBoolean("password", password);
        json.WriteString("role", TrialRoles.Name(role));
        json.WriteString("site", site);
        json.WriteString("token_expires", tokenExpires);
    });

    /// <summary><c>operator.add</c>; <paramref name="tokenExpires"/> as stored.</summary>
    public static string OperatorAdded(string name, string tokenExpires) => Write(json =>
    {
        json.WriteString("name", name);
        json.WriteString("token_expires", tokenExpires);
    });

    /// <summary><c>token.issue</c> and <c>operator.token</c>; <paramref name="expires"/> as stored.</summary>
    public static string TokenIssued(string expires) => Write(json => json.WriteString("expires", expires));

    /// <summary><c>user.totp</c>: the SHA-256 of the enrolled secret, never the secret.</summary>
    public static string TotpEnrolled(string secretSha256) => Write(json => json.WriteString("secret_sha256", secretSha256));

    /// <summary><c>token.revoke</c> and <c>operator.revoke</c>: how many live tokens were revoked.</summary>
    public static string TokensRevoked(int revoked) => Write(json => json.WriteNumber("revoked", revoked));

    /// <summary><c>user.lockout</c>; <paramref name="lockedUntil"/> as stored.</summary>
    public static string LockedOut(int failures, string lockedUntil) => Write(json =>
    {
        json.WriteNumber("failures", failures);
        json.WriteString("locked_until", lockedUntil);
    });

    /// <summary><c>randomize</c>: the value sets by name; <c>covariates</c> only when some were given.</summary>
    public static string Randomized(long id, string site, IReadOnlyDictionary<string, string> strata, IReadOnlyDictionary<string, bool> eligibility,
        IReadOnlyDictionary<string, string> covariates, string arm) => Write(json =>
    {
        json.WriteNumber("id", id);
        json.WriteString("site", site);
        WriteObject(json, "strata", strata, json.WriteString);
        WriteObject(json, "eligibility", eligibility, json.WriteBoolean);
        if (covariates.Count > 0) WriteObject(json, "covariates", covariates, json.WriteString);
        json.WriteString("arm", arm);
    });

    /// <summary><c>unblind</c>.</summary>
    public static string Unblinded(long id, string site) => Write(json =>
    {
        json.WriteNumber("id", id);
        json.WriteString("site", site);
    });

    /// <summary><c>invalidate</c>.</summary>
    public static string Invalidated(long id) => Write(json => json.WriteNumber("id", id));

    /// <summary>
    /// <c>capture.record</c> and <c>capture.correct</c>: the entry's content; <c>end_date</c>, <c>follow_up_allowed</c>
    /// and <c>off_reason</c> only when set, and an adverse event's assessment (<c>serious</c>, <c>serious_criteria</c>,
    /// <c>attribution</c>, <c>action_taken</c>, <c>outcome</c>) only when it has one (records written before they
    /// existed keep their bytes).
    /// </summary>
    public static string Captured(CaptureEntry entry) => Write(json =>
    {
        var c = entry.Content;
        if (c.Assessment is { } a)
        {
            if (a.Action is { } action) json.WriteString("action_taken", AdverseEventCodes.Name(action));
            if (a.Attribution is { } attribution) json.WriteString("attribution", AdverseEventCodes.Name(attribution));
        }
        json.WriteString("date", Date(c.Date));
        if (c.EndDate is { } end) json.WriteString("end_date", Date(end));
        json.WriteNumber("entry", entry.EntryId);
        if (c.FollowUpAllowed is { } allowed) json.WriteBoolean("follow_up_allowed", allowed);
        if (c.Grade is { } grade) json.WriteNumber("grade", grade);
        else json.WriteNull("grade");
        json.WriteString("kind", CaptureKinds.Name(c.Kind));
        if (c.OffStudyReason is { } offReason) json.WriteString("off_reason", offReason);
        if (c.Assessment?.Outcome is { } outcome) json.WriteString("outcome", AdverseEventCodes.Name(outcome));
        json.WriteString("relapse_site", c.RelapseSite);
        if (c.Assessment is { } assessment)
        {
            if (assessment.Serious is { } serious) json.WriteBoolean("serious", serious);
            json.WriteStartArray("serious_criteria");
            foreach (string name in AdverseEventCodes.Names(assessment.Criteria)) json.WriteStringValue(name);
            json.WriteEndArray();
        }
        json.WriteString("site", entry.Site);
        json.WriteString("term", c.Term);
        json.WriteNumber("version", entry.Version);
    });

    /// <summary>
    /// <c>data_cut.freeze</c>: the cut's number, cut-off, files' hash and size, and the SHA-256 of the protocol it was
    /// frozen under (null only to rebuild a record written before the protocol's hash was recorded).
    /// </summary>
    public static string DataCutFrozen(long id, DateOnly cutoff, string dataSha256, int participants, string? protocolSha256) => Write(json =>
    {
        json.WriteString("cutoff", Date(cutoff));
        json.WriteString("data_sha256", dataSha256);
        json.WriteNumber("id", id);
        json.WriteNumber("participants", participants);
        if (protocolSha256 is not null) json.WriteString("protocol_sha256", protocolSha256);
    });

    /// <summary><c>unblinded.view</c>: what was shown (dashboard, interim, report), of which cut (null = live data) and which report.</summary>
    public static string UnblindedView(string view, long? cut, string? report) => Write(json =>
    {
        if (cut is { } c) json.WriteNumber("cut", c);
        else json.WriteNull("cut");
        json.WriteString("report", report);
        json.WriteString("view", view);
    });

    /// <summary><c>query.open</c>, <c>query.answer</c> and <c>query.close</c>: the query, the entry it questions, the step and its text.</summary>
    public static string QueryStep(DataQuery query, QueryStep step) => Write(json =>
    {
        json.WriteNumber("entry", query.EntryId);
        json.WriteNumber("query", query.QueryId);
        json.WriteString("site", query.Site);
        json.WriteNumber("step", step.Step);
        json.WriteString("text", step.Text);
    });

    /// <summary><c>sae.review</c>: the serious adverse event's entry, the version reviewed and the site (the remark is the record's reason).</summary>
    public static string SeriousEventReviewed(SeriousEventReview review) => Write(json =>
    {
        json.WriteNumber("entry", review.EntryId);
        json.WriteString("site", review.Site);
        json.WriteNumber("version", review.Version);
    });

    /// <summary>A capture date as stored and audited.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteObject<T>(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, T> values, Action<string, T> write)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal)) write(key, value);
        json.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            members(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
