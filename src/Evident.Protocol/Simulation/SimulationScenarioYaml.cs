using System.Text;
using Evident.Design;
using Evident.Design.Simulation;
using Evident.Protocol.Yaml;

namespace Evident.Protocol.Simulation;

/// <summary>
/// Reads a <see cref="SimulationScenario"/> from YAML (the scenario form of <c>evident simulate</c>; keys documented in
/// docs/simulation.md, example in examples/aall1731-simulation.yaml) with the protocol's strict reader: keys are
/// snake_case, unknown keys are errors, and every error names the file, line, column and key. The values go to
/// Evident.Design as they are, and its objections are reported at the key that set them.
/// </summary>
public static class SimulationScenarioYaml
{
    private static readonly KeySet Root = new("", "subjects", "accrual", "dropout", "stratified", "test", "strata", "looks", "design");
    private static readonly KeySet Accrual = new("accrual", "duration", "pieces", "end");
    private static readonly KeySet Dropout = new("dropout", "probability", "time", "hazard");
    private static readonly KeySet Stratum = new("strata[]",
        "name", "proportion", "control_median", "control_hazard", "hazard_ratio", "competing_median", "competing_hazard");
    private static readonly KeySet Piece = new("*[]", "start", "rate");
    private static readonly KeySet RatioPiece = new("hazard_ratio[]", "start", "value");
    private static readonly KeySet Looks = new("looks", "events", "times");
    private static readonly KeySet Design = new("design", "looks", "information", "alpha", "spending", "beta", "beta_spending", "binding");

    /// <summary>Time at which <c>dropout.probability</c> is reached when <c>dropout.time</c> is not given.</summary>
    private const double DefaultDropoutTime = 12;

    /// <summary>Reads and checks the scenario file at <paramref name="path"/>; messages name the file by its name.</summary>
    /// <param name="path">The YAML file.</param>
    /// <exception cref="ProtocolException">The file is not a valid scenario; the message names the line and key.</exception>
    public static SimulationScenario Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path, Encoding.UTF8), Path.GetFileName(path));
    }

    /// <summary>Parses and checks a scenario.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">Name of the file for messages.</param>
    /// <exception cref="ProtocolException">Malformed YAML, an unknown or missing key, or an invalid value, with its line and key.</exception>
    public static SimulationScenario Parse(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var root = YamlSource.Load(yaml, sourceName, "a scenario").Map(Root);
        int subjects = root.Require("subjects").Integer();
        var strataNode = root.Require("strata");
        var strataMaps = strataNode.Items().Select(n => n.Map(Stratum)).ToArray();
        if (strataMaps.Length == 0) throw strataNode.Error("give at least one stratum");
        var strata = strataMaps.Select(ReadStratum).ToArray();
        var accrual = ReadAccrual(root.Require("accrual").Map(Accrual));
        var dropout = root.Get("dropout") is { } d ? ReadDropout(d.Map(Dropout)) : null;
        var looksMap = root.Require("looks").Map(Looks);
        var looks = ReadSchedule(looksMap);
        var designMap = root.Require("design").Map(Design);

        var scenario = new SimulationScenario
        {
            Subjects = subjects,
            Strata = Array.AsReadOnly(strata),
            Accrual = accrual,
            Dropout = dropout,
            Looks = looks,
            Design = ReadDesign(designMap, looks.Values.Count),
            Stratified = root.Boolean("stratified") ?? true,
            Test = root.Get("test") is { } test ? DesignInputs.Check(() => SimulationTest.Parse(test.String()), _ => (root, "test")) : SimulationTest.LogRank,
        };
        return DesignInputs.Check(() => { SurvivalSimulation.Validate(scenario); return scenario; }, input => input switch
        {
            nameof(SimulationScenario.Subjects) => (root, "subjects"),
            nameof(SimulationScenario.Strata) => (root, "strata"),
            nameof(SimulationStratum.HazardRatio) => (strataMaps[0], "hazard_ratio"),
            SurvivalSimulation.ScheduleInput => (looksMap, looksMap.Has("events") ? "events" : "times"),
            _ => (designMap, DesignInputs.DesignKey(input)),
        });
    }

    private static SimulationStratum ReadStratum(YMap m, int index)
    {
        string name = m.String("name") ?? $"stratum {index + 1}";
        var control = Hazard(m, "control_median", "control_hazard")
                      ?? throw m.ErrorAt("control_median", $"stratum '{name}' needs 'control_median' or 'control_hazard'");
        var competing = Hazard(m, "competing_median", "competing_hazard");
        var ratioNode = m.Require("hazard_ratio");
        if (ratioNode.IsScalar) return new SimulationStratum(name, m.Number("proportion") ?? 1, control, ratioNode.Number(), competing);
        var maps = ratioNode.Items().Select(n => n.Map(RatioPiece)).ToArray();
        var starts = maps.Select(p => p.Require("start").Number()).ToArray();
        var values = maps.Select(p => p.Require("value").Number()).ToArray();
        var ratio = DesignInputs.Check(() => new PiecewiseHazard(starts, values), _ => (m, "hazard_ratio"));
        return new SimulationStratum(name, m.Number("proportion") ?? 1, control, values[^1], competing) { HazardRatioOverTime = ratio };
    }

    /// <summary>An exponential hazard from a median, or a piecewise one from <c>[{start, rate}, …]</c>; null when neither key is given.</summary>
    private static PiecewiseHazard? Hazard(YMap m, string medianKey, string piecesKey)
    {
        var medianNode = m.Get(medianKey);
        var piecesNode = m.Get(piecesKey);
        if (medianNode is not null && piecesNode is not null) throw piecesNode.Value.Error($"give either '{medianKey}' or '{piecesKey}', not both");
        if (medianNode is { } median) return DesignInputs.Check(() => PiecewiseHazard.FromMedian(median.Number()), _ => (m, medianKey));
        if (piecesNode is not { } pieces) return null;
        var (starts, rates) = Pieces(pieces);
        return DesignInputs.Check(() => new PiecewiseHazard(starts, rates), _ => (m, piecesKey));
    }

    private static PiecewiseAccrual ReadAccrual(YMap m)
    {
        if (m.Get("pieces") is { } piecesNode)
        {
            if (m.Get("duration") is { } duration) throw duration.Error("give either 'duration' or 'pieces' with 'end', not both");
            var (starts, rates) = Pieces(piecesNode);
            double end = m.Require("end").Number();
            return DesignInputs.Check(() => new PiecewiseAccrual(starts, rates, end), input => (m, input == "end" ? "end" : "pieces"));
        }
        if (m.Get("end") is { } endNode) throw endNode.Error("'end' closes piecewise accrual; give it with 'pieces' (uniform accrual needs only 'duration')");
        var durationNode = m.Get("duration") ?? throw m.ErrorAt("duration", "give 'duration' (uniform accrual) or 'pieces' with 'end'");
        return DesignInputs.Check(() => PiecewiseAccrual.Uniform(durationNode.Number()), _ => (m, "duration"));
    }

    /// <summary>Dropout as a piecewise hazard, or exponential reaching <c>probability</c> at <c>time</c>; null for none.</summary>
    private static PiecewiseHazard? ReadDropout(YMap m)
    {
        if (m.Get("hazard") is { } hazardNode)
        {
            if ((m.Get("probability") ?? m.Get("time")) is { } other) throw other.Error("give either 'hazard' or 'probability' (with 'time'), not both");
            var (starts, rates) = Pieces(hazardNode);
            return DesignInputs.Check(() => new PiecewiseHazard(starts, rates), _ => (m, "hazard"));
        }
        double p = m.Number("probability", DesignLimits.DropoutRate) ?? 0;
        double time = m.Number("time", DesignLimits.Positive) ?? DefaultDropoutTime;
        return p > 0 ? PiecewiseHazard.Exponential(-Math.Log(1 - p) / time) : null;
    }

    private static (double[] Starts, double[] Rates) Pieces(YNode node)
    {
        var maps = node.Items().Select(n => n.Map(Piece)).ToArray();
        return (maps.Select(p => p.Require("start").Number()).ToArray(), maps.Select(p => p.Require("rate").Number()).ToArray());
    }

    private static LookSchedule ReadSchedule(YMap m)
    {
        var eventsNode = m.Get("events");
        var timesNode = m.Get("times");
        if (eventsNode is not null && timesNode is not null) throw timesNode.Value.Error("give either 'events' or 'times', not both");
        var node = eventsNode ?? timesNode ?? throw m.ErrorAt("events", "give 'events' (cumulative event counts of the looks) or 'times' (their calendar times)");
        var items = node.Items();
        if (items.Count == 0) throw node.Error("give at least one look");
        return eventsNode is not null
            ? LookSchedule.AtEvents(items.Select(n => n.Integer()).ToArray())
            : LookSchedule.AtTimes(items.Select(n => n.Number()).ToArray());
    }

    /// <summary>The design as written; Design's defaults where a key is absent, and one look per scheduled look.</summary>
    private static GroupSequentialOptions ReadDesign(YMap m, int scheduledLooks)
    {
        var defaults = new GroupSequentialOptions();
        return new GroupSequentialOptions
        {
            Looks = m.Integer("looks") ?? scheduledLooks,
            Information = m.Get("information")?.Items().Select(n => n.Number()).ToArray(),
            Alpha = m.Number("alpha") ?? defaults.Alpha,
            Spending = m.Get("spending") is { } s ? DesignInputs.Spending(s) : defaults.Spending,
            Beta = m.Number("beta") ?? defaults.Beta,
            BetaSpending = m.Get("beta_spending") is { } b ? DesignInputs.Spending(b) : null,
            BindingFutility = m.Boolean("binding") ?? defaults.BindingFutility,
        };
    }
}
