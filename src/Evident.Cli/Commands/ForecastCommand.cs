using System.CommandLine;
using System.Globalization;
using Evident.Analysis.Forecast;
using Evident.Analysis.Input;
using Evident.Cli.Infrastructure;
using Evident.Reporting.Tables;

namespace Evident.Cli.Commands;

/// <summary>
/// <c>evident forecast PROTOCOL --data PATH</c>: the predicted calendar date of each planned look's event count, with a
/// prediction interval, from the trial's blinded data (Bagiella–Heitjan; docs/forecast.md).
/// </summary>
public static class ForecastCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var protocol = new Argument<string>("PROTOCOL") { Description = "The protocol (YAML): its design gives the looks, planned events and participants." };
        var data = new Option<string>("--data") { Required = true, Description = "Participant file in the simple layout, or a directory of ADaM data sets (as analyze reads them)." };
        var cutoff = new Option<string?>("--cutoff") { Description = "As-of date (yyyy-mm-dd); default the latest date in the data." };
        var accrual = new Option<string>("--accrual") { Description = "Accrual of the remaining participants: observed (Poisson at the observed rate) or plan (the protocol's rate).", DefaultValueFactory = _ => "observed" };
        var pieces = new Option<string?>("--pieces") { Description = "Piecewise-exponential pooled hazard: starts of the pieces in the protocol's time unit, 0 first (default: exponential)." };
        var level = new Option<double>("--level") { Description = "Level of the prediction intervals.", DefaultValueFactory = _ => 0.9 };
        var replicates = new Option<int>("--replicates") { Description = "Simulated continuations of the trial.", DefaultValueFactory = _ => 4000 };
        var seed = new Option<ulong>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var output = new OutputOptions();
        var command = new Command("forecast", "Predicted calendar date of each planned look's events, with a prediction interval, from blinded data.");
        command.Arguments.Add(protocol);
        foreach (Option o in new Option[] { data, cutoff, accrual, pieces, level, replicates, seed }) command.Options.Add(o);
        output.AddTo(command);
        CommandRunner.SetReportAction(command, output, parse =>
        {
            var trial = AnalyzeCommand.LoadProtocol(parse.GetValue(protocol)!);
            var starts = NumberList.Parse(parse.GetValue(pieces), "--pieces");
            var settings = new ForecastSettings
            {
                Cutoff = ParseDate(parse.GetValue(cutoff)),
                Accrual = ForecastSettings.TryAccrual(parse.GetValue(accrual), out var model) ? model
                    : throw new UsageException($"--accrual '{parse.GetValue(accrual)}': expected observed or plan."),
                HazardStarts = starts.Length > 0 ? starts : [0.0],
                Level = parse.GetValue(level),
                Replicates = parse.GetValue(replicates),
                Seed = parse.GetValue(seed),
            };
            var loaded = TrialDataLoader.Load(trial, parse.GetValue(data)!, null);
            return new ForecastReport(DesignOptions.Call(() => TrialForecast.Run(trial, loaded, settings),
                ("HazardStarts", "--pieces"), ("Level", "--level"), ("Replicates", "--replicates"), ("Accrual", "--accrual"),
                ("PlannedAccrualRate", "--accrual")));
        });
        return command;
    }

    private static DateOnly? ParseDate(string? text)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        throw new UsageException($"--cutoff '{text}': expected a date as yyyy-mm-dd, e.g. 2024-06-30.");
    }
}
