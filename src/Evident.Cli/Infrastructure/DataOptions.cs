using System.CommandLine;
using Evident.Data;

namespace Evident.Cli.Infrastructure;

/// <summary>The data file, formula and output options shared by the analysis commands.</summary>
public sealed class DataOptions
{
    /// <summary>The data file argument.</summary>
    public Argument<string> File { get; } = new("FILE") { Description = "Data file: .csv, .tsv or .parquet (header row; NA or empty = missing)." };

    /// <summary><c>--formula</c>.</summary>
    public Option<string> Formula { get; } = new("--formula", "-f")
    {
        Required = true,
        Description = "R survival formula, e.g. \"Surv(time, status) ~ arm + strata(risk)\". Terms: col, factor(col), strata(a, b), cluster(id), a:b, a*b, 1.",
    };

    /// <summary><c>--reference col=level</c>, repeatable.</summary>
    public Option<string[]> Reference { get; } = new("--reference")
    {
        Description = "Reference level of a categorical column, as col=level (repeatable).",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
    };

    /// <summary><c>--landmark T</c>: analyse only rows followed beyond T, with time measured from T.</summary>
    public Option<double?> Landmark { get; } = new("--landmark")
    {
        Description = "Landmark analysis from time T: keep the rows with time > T and measure time from T (time - T), as subset(data, time > T) in R.",
    };

    /// <summary>The output options.</summary>
    public OutputOptions Output { get; } = new();

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(File);
        command.Options.Add(Formula);
        command.Options.Add(Reference);
        command.Options.Add(Landmark);
        Output.AddTo(command);
    }

    /// <summary>Reads only the columns the formula uses and builds the model frame.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="statusIsCause">Status holds competing-risks cause codes.</param>
    /// <param name="countingProcess">The command accepts <c>Surv(start, stop, event)</c>.</param>
    public ModelFrame LoadFrame(ParseResult parse, bool statusIsCause = false, bool countingProcess = false)
    {
        string path = parse.GetValue(File)!;
        var formula = SurvivalFormula.Parse(parse.GetValue(Formula)!);
        var references = ParseReferences(parse.GetValue(Reference) ?? []);
        double? landmark = parse.GetValue(Landmark);
        if (landmark is { } t && !double.IsFinite(t)) throw new UsageException($"--landmark {t}: expected a finite time.");
        if (!System.IO.File.Exists(path)) throw new UsageException($"file '{path}' does not exist.");
        var table = PhaseTimer.Time("read columns", () => TableReader.Read(path, formula.Columns));
        return PhaseTimer.Time("build model frame", () => ModelFrame.Build(table, formula, new ModelFrameOptions { References = references, StatusIsCause = statusIsCause, AllowCountingProcess = countingProcess, Landmark = landmark }));
    }

    /// <summary>The <c>--reference col=level</c> values as column → reference level.</summary>
    public static Dictionary<string, string> ParseReferences(string[] values)
    {
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string value in values)
        {
            int eq = value.IndexOf('=');
            if (eq <= 0 || eq == value.Length - 1)
                throw new UsageException($"--reference '{value}': expected column=level, e.g. --reference arm=control.");
            references[value[..eq].Trim()] = value[(eq + 1)..].Trim();
        }
        return references;
    }
}
