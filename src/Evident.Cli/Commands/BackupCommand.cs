using System.CommandLine;
using Evident.Cli.Infrastructure;
using Evident.Storage;

namespace Evident.Cli.Commands;

/// <summary>
/// <c>evident backup --db FILE --out BACKUP</c>: a consistent copy of a SQLite database while the service runs (SQLite's
/// online backup API, checked, renamed into place). PostgreSQL is backed up with <c>pg_dump</c> (docs/api.md, "Backups").
/// </summary>
public static class BackupCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var db = ServiceCli.DatabaseOption();
        var output = new Option<string>("--out") { Description = "The backup file (replaced atomically when it exists).", Required = true };
        var command = new Command("backup", "Copy a SQLite trial database consistently while the service runs (for PostgreSQL use pg_dump; docs/api.md).");
        command.Options.Add(db);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            string database = parse.GetValue(db)!, target = parse.GetValue(output)!;
            string? refusal = TrialStore.IsPostgres(database)
                ? "--db is a PostgreSQL database: back it up with pg_dump --format=custom (docs/api.md, \"Backups\"); evident backup copies SQLite files."
                : !File.Exists(database) ? $"--db {database}: no such database file."
                : Path.GetFullPath(target) == Path.GetFullPath(database) ? $"--out {target}: the backup must not replace the database itself."
                : null;
            if (refusal is not null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"evident: error: {refusal}");
                return ExitCodes.Usage;
            }
            return ServiceCli.Run(parse, async store =>
            {
                var (sequence, hash) = await store.BackupAsync(target);
                parse.InvocationConfiguration.Output.WriteLine($"Backed up {database} to {target}: integrity check ok; audit trail up to record {sequence} (head {hash}).");
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
