using System.Globalization;
using System.Text.Json;
using Evident.Randomization;
using Evident.Randomization.Accounts;
using Evident.Randomization.Audit;
using Evident.Randomization.Capture;
using Evident.Server.Pages;

namespace Evident.Server.Features;

/// <summary>
/// Audit records in words (<see cref="AuditEntryView"/>): each detail under the protocol's label (stratification
/// factors, eligibility questions, covariates, arms) or the service's word for it, values in words (site names, relapse
/// sites, grades, yes/no), null values left out, and a correction set against the version it replaced. Reads the
/// details a record was written with (<c>AuditDetails</c> in Storage); a key it does not know is shown with its name in words.
/// </summary>
/// <param name="trial">The trial, for its protocol's labels.</param>
/// <param name="sites">The trial's sites.</param>
internal sealed class AuditText(StoredTrial trial, IReadOnlyList<StoredSite> sites)
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["trial.create"] = "Trial created", ["site.add"] = "Site added", ["user.add"] = "User added", ["token.issue"] = "Token issued",
        ["token.revoke"] = "Tokens revoked", ["user.totp"] = "Second factor enrolled", ["user.lockout"] = "Sign-in locked",
        ["randomize"] = "Randomized", ["unblind"] = "Emergency unblinding", ["invalidate"] = "Randomization invalidated",
        ["capture.record"] = "Recorded", ["capture.correct"] = "Corrected", ["query.open"] = "Query opened",
        ["query.answer"] = "Query answered", ["query.close"] = "Query closed", ["data_cut.freeze"] = "Data cut frozen",
        ["unblinded.view"] = "Unblinded results viewed",
    };

    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["site"] = "Site", ["arm"] = "Arm", ["kind"] = "Record", ["date"] = "Date", ["end_date"] = "Resolved", ["entry"] = "Entry",
        ["version"] = "Version", ["grade"] = "Grade", ["term"] = "Term", ["relapse_site"] = "Relapse site", ["off_reason"] = "Reason",
        ["follow_up_allowed"] = "Follow-up data may still be collected", ["query"] = "Query", ["step"] = "Step", ["text"] = "Text",
        ["name"] = "User", ["role"] = "Role", ["password"] = "Signs in with a password", ["token_expires"] = "Token expires",
        ["expires"] = "Token expires", ["revoked"] = "Tokens revoked", ["secret_sha256"] = "Secret (SHA-256)", ["failures"] = "Failed sign-ins",
        ["locked_until"] = "Locked until", ["blinded"] = "Blinded", ["method"] = "Allocation method", ["protocol_hash"] = "Protocol (SHA-256)",
        ["protocol_source"] = "Protocol file", ["slots"] = "Allocation list length", ["strata"] = "Strata", ["cutoff"] = "Cut-off",
        ["data_sha256"] = "Data (SHA-256)", ["participants"] = "Participants", ["cut"] = "Data cut", ["report"] = "Report", ["view"] = "View",
        ["label"] = "Name",
    };

    /// <summary>Every action the service records with its words, for the action filter.</summary>
    public static IReadOnlyDictionary<string, string> ActionLabels => Actions;

    /// <summary>An action in words ("Corrected"); the stored name when the service has no words for it.</summary>
    /// <param name="action">The stored action.</param>
    public static string Action(string action) => Actions.GetValueOrDefault(action, action);

    /// <summary>A stored time to the second: <c>2026-01-15 09:00:05</c>.</summary>
    /// <param name="at">ISO 8601 as stored.</param>
    public static string Time(string at) =>
        DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : at;

    /// <summary>The record in words; <paramref name="replaced"/> is the version a correction replaced (null otherwise).</summary>
    /// <param name="record">The record, redacted already where the caller may not see arms.</param>
    /// <param name="replaced">For <c>capture.correct</c>, the record of the version it replaced, else null.</param>
    public AuditEntryView View(AuditRecord record, AuditRecord? replaced = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var details = Fields(record.Action, record.Details);
        var changes = replaced is null ? [] : Changes(Fields(replaced.Action, replaced.Details), details);
        string? participant = record.Entity.StartsWith("participant:", StringComparison.Ordinal) ? record.Entity["participant:".Length..] : null;
        return new AuditEntryView(record.Sequence, Time(record.At), record.At, record.Actor, record.Action, Action(record.Action), participant,
            Subject(record.Entity), details, changes, record.Reason, record.Hash);
    }

    /// <summary>The entry number a capture record's details name, or null.</summary>
    /// <param name="details">The record's details.</param>
    public static long? EntryOf(string details)
    {
        using var json = JsonDocument.Parse(details);
        return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("entry", out var e) && e.TryGetInt64(out long entry) ? entry : null;
    }

    /// <summary>What changed between two versions' fields (the version number aside), in the new version's order.</summary>
    private static IReadOnlyList<AuditChange> Changes(IReadOnlyList<AuditField> before, IReadOnlyList<AuditField> after)
    {
        var old = before.ToDictionary(f => f.Label, f => f.Value);
        var now = after.ToDictionary(f => f.Label, f => f.Value);
        return after.Select(f => f.Label).Concat(before.Select(f => f.Label)).Distinct().Where(l => l != "Version")
            .Where(l => old.GetValueOrDefault(l) != now.GetValueOrDefault(l))
            .Select(l => new AuditChange(l, old.GetValueOrDefault(l) ?? "—", now.GetValueOrDefault(l) ?? "—")).ToArray();
    }

    private string Subject(string entity)
    {
        int colon = entity.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return entity;
        string kind = entity[..colon], id = entity[(colon + 1)..];
        return kind switch
        {
            "participant" => "Participant " + id,
            "user" => "User " + id,
            "site" => "Site " + SiteLabel(id),
            "trial" => "Trial " + id,
            "data_cut" => "Data cut " + id,
            "operator" => "Operator " + id,
            _ => entity,
        };
    }

    private List<AuditField> Fields(string action, string details)
    {
        var fields = new List<AuditField>();
        using var json = JsonDocument.Parse(details);
        if (json.RootElement.ValueKind != JsonValueKind.Object) return fields;
        bool adverseEvent = json.RootElement.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String && k.GetString() == "adverse_event";
        foreach (var member in json.RootElement.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Object) fields.AddRange(Group(member.Name, member.Value));
            else if (Field(action, member.Name, member.Value, adverseEvent) is { } field) fields.Add(field);
        }
        // What was recorded reads first; the rest keep the order they were written in.
        return [.. fields.Where(f => f.Label == "Record"), .. fields.Where(f => f.Label != "Record")];
    }

    private IEnumerable<AuditField> Group(string name, JsonElement values)
    {
        var protocol = trial.Protocol;
        foreach (var v in values.EnumerateObject())
        {
            if (Scalar(v.Value) is not { } text) continue;
            yield return name switch
            {
                "strata" => new AuditField(protocol.Strata.FirstOrDefault(s => s.Id == v.Name)?.Label ?? Words(v.Name), text),
                "eligibility" => new AuditField(protocol.Eligibility.FirstOrDefault(q => q.Id == v.Name)?.Text ?? Words(v.Name), text),
                "covariates" => new AuditField(protocol.Covariates.FirstOrDefault(c => c.Id == v.Name)?.Label ?? Words(v.Name), text),
                _ => new AuditField($"{Words(name)}: {Words(v.Name)}", text),
            };
        }
    }

    private AuditField? Field(string action, string key, JsonElement value, bool adverseEvent)
    {
        if (Scalar(value) is not { } text)
            return key == "cut" && action == "unblinded.view" ? new AuditField("Data cut", "Live data") : null;
        return (action, key) switch
        {
            ("randomize" or "unblind" or "invalidate", "id") => new AuditField("Randomization number", "R-" + value.GetInt64().ToString("D6", CultureInfo.InvariantCulture)),
            ("site.add", "id") => new AuditField("Site", text),
            ("data_cut.freeze", "id") => new AuditField("Data cut", text),
            (_, "site") => new AuditField("Site", SiteLabel(text)),
            (_, "arm") => new AuditField("Arm", trial.Protocol.Arms.FirstOrDefault(a => a.Id == text)?.Label ?? text),
            (_, "kind") when CaptureKinds.TryParse(text, out var kind) => new AuditField("Record", CaptureLabels.Kind(kind)),
            (_, "date") when adverseEvent => new AuditField("Onset", text),
            (_, "grade") => new AuditField("Grade", CaptureLabels.Grades.FirstOrDefault(g => g.Grade.ToString(CultureInfo.InvariantCulture) == text).Label ?? text),
            (_, "relapse_site") => new AuditField("Relapse site", CaptureLabels.RelapseSite(text)),
            (_, "role") => new AuditField("Role", RoleLabel(text)),
            (_, "method") => new AuditField("Allocation method", text == "permuted-blocks" ? "Permuted blocks" : Words(text)),
            (_, "token_expires" or "expires" or "locked_until") => new AuditField(Keys[key], Time(text)),
            _ => new AuditField(Keys.GetValueOrDefault(key) ?? Words(key), text),
        };
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "Yes",
        JsonValueKind.False => "No",
        _ => null,
    };

    private string SiteLabel(string id) => sites.FirstOrDefault(s => s.Id == id)?.Label ?? id;

    private static string RoleLabel(string role) => TrialRoles.All.Any(r => r.Name == role) ? Words(role.Replace('-', '_')) : role;

    /// <summary>A key in words: <c>follow_up</c> → "Follow up".</summary>
    private static string Words(string key)
    {
        string spaced = key.Replace('_', ' ').Replace('-', ' ').Trim();
        return spaced.Length == 0 ? key : char.ToUpperInvariant(spaced[0]) + spaced[1..];
    }
}
