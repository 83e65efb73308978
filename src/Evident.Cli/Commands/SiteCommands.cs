using System.CommandLine;
using System.Text.Json;
using Evident.Cli.Infrastructure;
using Evident.Randomization;
using Evident.Storage;
using Spectre.Console;

namespace Evident.Cli.Commands;

/// <summary><c>evident site add TRIAL SITE [--label …] --db …</c>.</summary>
public static class SiteCommands
{
    /// <summary>Creates the <c>site</c> command and its subcommands.</summary>
    public static Command Create()
    {
        var trial = new Argument<string>("TRIAL") { Description = "The trial id." };
        var site = new Argument<string>("SITE") { Description = "The site id." };
        var label = new Option<string?>("--label") { Description = "The site's name (default: the id)." };
        var db = ServiceCli.DatabaseOption();
        var output = new OutputOptions();
        var add = new Command("add", "Add a site to a trial.");
        add.Arguments.Add(trial);
        add.Arguments.Add(site);
        add.Options.Add(label);
        add.Options.Add(db);
        output.AddTo(add);
        ServiceCli.SetAction(add, output, async (parse, store) =>
            new SiteReport(await store.AddSiteAsync(parse.GetValue(trial)!, parse.GetValue(site)!, parse.GetValue(label), ServiceCli.Actor)));
        var command = new Command("site", "Manage a trial's sites.");
        command.Subcommands.Add(add);
        return command;
    }
}

/// <summary>Presents an added site.</summary>
public sealed class SiteReport(StoredSite site) : IReport
{
    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("site", site.Id);
        json.WriteString("label", site.Label);
        json.WriteEndObject();
    }

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console) => console.MarkupLine($"Site {Markup.Escape(site.Id)} ({Markup.Escape(site.Label)}) added.");
}
