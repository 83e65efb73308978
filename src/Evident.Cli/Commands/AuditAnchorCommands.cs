using System.CommandLine;
using Evident.Cli.Infrastructure;
using Evident.Randomization.Audit;
using Evident.Storage;

namespace Evident.Cli.Commands;

/// <summary>
/// The signed anchors of the audit trail: <c>evident audit keygen --out KEYFILE</c> makes the Ed25519 key (kept off the
/// database server), <c>evident audit anchor --db … [--key KEYFILE] --out FILE</c> verifies the trail and writes its
/// signed head to a file to keep elsewhere, and <c>audit verify --anchor FILE …</c> checks the trail against anchors.
/// The key is <c>--key FILE</c> or the environment variable <see cref="AuditSigningKey.EnvironmentVariable"/>.
/// </summary>
public static class AuditAnchorCommands
{
    /// <summary>The <c>--key</c> option: the private key file.</summary>
    public static Option<string?> KeyOption() => new("--key")
    {
        Description = $"The audit signing key file (base64 Ed25519 private key); default: the environment variable {AuditSigningKey.EnvironmentVariable}.",
    };

    /// <summary>The key from <c>--key</c> or the environment, or null when neither is given.</summary>
    /// <param name="path">The <c>--key</c> value, or null.</param>
    public static AuditSigningKey? ReadKey(string? path)
    {
        string? text = path is not null ? ReadFile(path) : Environment.GetEnvironmentVariable(AuditSigningKey.EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return AuditSigningKey.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"{(path is null ? AuditSigningKey.EnvironmentVariable : $"--key '{path}'")}: {e.Message}.");
        }
    }

    /// <summary>Reads the anchor files given to <c>--anchor</c>.</summary>
    /// <param name="paths">The files.</param>
    public static IReadOnlyList<(string Source, AuditAnchor Anchor)> ReadAnchors(IEnumerable<string> paths) =>
        paths.Select(path =>
        {
            try
            {
                return (path, AuditAnchor.Parse(ReadFile(path)));
            }
            catch (FormatException e)
            {
                throw new UsageException($"--anchor '{path}': {e.Message}.");
            }
        }).ToArray();

    /// <summary>Creates <c>audit keygen</c>.</summary>
    public static Command Keygen()
    {
        var output = new Option<string>("--out") { Required = true, Description = "Where to write the new private key (refused if it exists)." };
        var keygen = new Command("keygen", "Make an Ed25519 key for signing audit anchors; prints its public key.");
        keygen.Options.Add(output);
        keygen.SetAction(parse =>
        {
            string path = parse.GetValue(output)!;
            if (File.Exists(path))
            {
                parse.InvocationConfiguration.Error.WriteLine($"evident: error: --out '{path}' exists; a key is never overwritten.");
                return ExitCodes.Usage;
            }
            var key = AuditSigningKey.Generate();
            File.WriteAllText(path, key.Export() + "\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            parse.InvocationConfiguration.Output.WriteLine($"Audit key written to {path} (keep it off the database server).");
            parse.InvocationConfiguration.Output.WriteLine($"Public key: {key.PublicKey}");
            return ExitCodes.Success;
        });
        return keygen;
    }

    /// <summary>Creates <c>audit anchor</c>.</summary>
    public static Command Anchor(TimeProvider clock)
    {
        var db = ServiceCli.DatabaseOption();
        var key = KeyOption();
        var output = new Option<string>("--out") { Required = true, Description = "The anchor file to write (keep it elsewhere)." };
        var anchor = new Command("anchor", "Verify the audit trail and write its head, signed with the audit key, to a file kept elsewhere.");
        foreach (var o in new Option[] { db, key, output }) anchor.Options.Add(o);
        anchor.SetAction(parse => ServiceCli.Run(parse, async store =>
        {
            var signingKey = ReadKey(parse.GetValue(key))
                ?? throw new UsageException($"no audit key: give --key FILE or set {AuditSigningKey.EnvironmentVariable} (make one with 'evident audit keygen').");
            var verification = await store.VerifyAuditAsync();
            if (!verification.IsIntact)
            {
                parse.InvocationConfiguration.Output.WriteLine($"Audit chain BROKEN at record {verification.FirstBroken}: {verification.Problem}. Nothing was anchored.");
                return ExitCodes.AnalysisFailed;
            }
            var head = await store.ReadAuditHeadAsync() ?? throw new InvalidOperationException("the audit head row is missing");
            var signed = AuditAnchor.Sign(head.Sequence, head.Hash, clock.GetUtcNow(), signingKey);
            AtomicFile.WriteAllText(parse.GetValue(output)!, signed.ToJson() + "\n");
            parse.InvocationConfiguration.Output.WriteLine(
                $"Anchored record {signed.Sequence} (hash {signed.Hash}) signed by {signed.PublicKey} to {parse.GetValue(output)}.");
            return ExitCodes.Success;
        }));
        return anchor;
    }

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"'{path}' cannot be read ({e.Message}).");
        }
    }
}
