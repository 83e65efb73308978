using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Evident.Cli.Infrastructure;
using Evident.Randomization.Audit;
using Evident.Storage;

namespace Evident.Cli.Commands;

/// <summary>
/// <c>evident audit verify --db … [--anchor FILE …] [--public-key KEY]</c> recomputes the SHA-256 chain, checks the
/// randomizations table against it and the trail against signed anchors, and names the first disagreement (exit 1);
/// <c>audit anchor</c> and <c>audit keygen</c> are in <see cref="AuditAnchorCommands"/>;
/// <c>evident audit export --db … [--trial T] [--as csv|json] [-o FILE]</c> writes the records for inspectors.
/// </summary>
public static class AuditCommands
{
    /// <summary>Creates the <c>audit</c> command and its subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("audit", "Verify or export the audit trail.");
        command.Subcommands.Add(Verify());
        command.Subcommands.Add(Export());
        command.Subcommands.Add(AuditAnchorCommands.Anchor(TimeProvider.System));
        command.Subcommands.Add(AuditAnchorCommands.Keygen());
        return command;
    }

    private static Command Verify()
    {
        var db = ServiceCli.DatabaseOption();
        var anchors = new Option<string[]>("--anchor") { Description = "A signed anchor file ('evident audit anchor') to check the trail against; repeat for more.", AllowMultipleArgumentsPerToken = false };
        var publicKey = new Option<string?>("--public-key") { Description = "The trusted public key of the anchors (base64); default: that of --key or the environment's key." };
        var key = AuditAnchorCommands.KeyOption();
        var verify = new Command("verify",
            "Recompute the audit chain, check the tables against it and the trail against signed anchors; report the first disagreement (exit 1).");
        foreach (var o in new Option[] { db, anchors, publicKey, key }) verify.Options.Add(o);
        verify.SetAction(parse => ServiceCli.Run(parse, async store =>
        {
            var signed = AuditAnchorCommands.ReadAnchors(parse.GetValue(anchors) ?? []);
            string? trusted = parse.GetValue(publicKey) ?? AuditAnchorCommands.ReadKey(parse.GetValue(key))?.PublicKey;
            if (signed.Count > 0 && trusted is null)
                throw new UsageException($"--anchor needs the trusted public key: give --public-key, --key FILE or set {AuditSigningKey.EnvironmentVariable}.");
            var result = await store.VerifyAuditAsync(signed, trusted);
            if (result.IsIntact)
            {
                parse.InvocationConfiguration.Output.WriteLine($"Audit chain intact: {result.Records} records verified" +
                    (signed.Count > 0 ? $", against {signed.Count} signed anchor{(signed.Count == 1 ? "" : "s")}." : "."));
                return ExitCodes.Success;
            }
            parse.InvocationConfiguration.Output.WriteLine($"Audit chain BROKEN at record {result.FirstBroken}: {result.Problem}.");
            return ExitCodes.AnalysisFailed;
        }));
        return verify;
    }

    private static Command Export()
    {
        var db = ServiceCli.DatabaseOption();
        var trial = new Option<string?>("--trial") { Description = "Only this trial's records (default: the whole chain)." };
        var format = new Option<string>("--as") { Description = "csv (default) or json.", DefaultValueFactory = _ => "csv" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (atomically) instead of standard output." };
        var export = new Command("export", "Write the audit records as CSV or JSON.");
        foreach (var o in new Option[] { db, trial, format, output }) export.Options.Add(o);
        export.SetAction(parse => ServiceCli.Run(parse, async store =>
        {
            string kind = parse.GetValue(format)!;
            if (kind is not ("csv" or "json")) throw new UsageException($"--as {kind}: expected csv or json.");
            var records = await store.ReadAuditAsync(parse.GetValue(trial));
            string text = kind == "csv" ? Csv(records) : Json(records);
            string? path = parse.GetValue(output);
            if (path is null) parse.InvocationConfiguration.Output.Write(text);
            else AtomicFile.WriteAllText(path, text);
            return ExitCodes.Success;
        }));
        return export;
    }

    /// <summary>RFC 4180 CSV: one header row, every field quoted.</summary>
    private static string Csv(IReadOnlyList<AuditRecord> records)
    {
        var csv = new StringBuilder("seq,trial,at,actor,action,entity,details,reason,prev_hash,hash\n");
        foreach (var r in records)
        {
            string[] fields = [r.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), r.TrialId ?? "", r.At, r.Actor, r.Action, r.Entity, r.Details, r.Reason ?? "", r.PreviousHash, r.Hash];
            csv.AppendJoin(',', fields.Select(f => "\"" + f.Replace("\"", "\"\"") + "\"")).Append('\n');
        }
        return csv.ToString();
    }

    private static string Json(IReadOnlyList<AuditRecord> records)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var r in records)
            {
                json.WriteStartObject();
                json.WriteNumber("seq", r.Sequence);
                json.WriteString("trial", r.TrialId);
                json.WriteString("at", r.At);
                json.WriteString("actor", r.Actor);
                json.WriteString("action", r.Action);
                json.WriteString("entity", r.Entity);
                json.WriteString("details", r.Details);
                json.WriteString("reason", r.Reason);
                json.WriteString("prev_hash", r.PreviousHash);
                json.WriteString("hash", r.Hash);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
