using System.Globalization;
using Evident.Design;
using Evident.Protocol.Yaml;

namespace Evident.Protocol.Synthetic;

/// <summary>
/// Reads a scenario file with the protocol's strict reader: unknown keys, bad values and unknown arms, levels or
/// components are <see cref="ProtocolException"/>s naming the file, line, column and key.
/// </summary>
internal sealed class ScenarioParser
{
    private static readonly KeySet Root = new("", "seed", "participants", "accrual", "cutoff", "loss_to_follow_up", "sites",
                                              "covariates", "hazards", "strata", "adverse_events", "off_study", "death_causes");
    private static readonly KeySet OffStudy = new("off_study", "off_therapy", "therapy", "reasons", "withdrawn");
    private static readonly KeySet Accrual = new("accrual", "start", "end");
    private static readonly KeySet Hazards = new("hazards", "milestone", "breaks");
    private static readonly KeySet Stratum = new("strata[]", "level", "proportion", "arms");
    private static readonly KeySet Arm = new("strata[].arms.*", "profile", "cumulative_hazard");
    private static readonly KeySet AdverseEvent = new("adverse_events[]", "term", "grade_1_2", "grade_3_plus", "grade_4_plus", "grade_5_share");

    /// <summary>Share of the participants in a stratum: (0, 1].</summary>
    private static readonly ValueRange Proportion = ValueRange.AboveUpTo(0, 1);

    /// <summary>Level probabilities and adverse-event risks: [0, 1].</summary>
    private static readonly ValueRange Probabilities = ValueRange.Closed(0, 1);

    /// <summary>Number of sites: at least one.</summary>
    private static readonly ValueRange AtLeastOne = ValueRange.AtLeast(1);

    private readonly string source;
    private readonly TrialProtocol protocol;

    private ScenarioParser(string source, TrialProtocol protocol) => (this.source, this.protocol) = (source, protocol);

    public static TrialScenario Parse(string yaml, string source, TrialProtocol protocol) =>
        new ScenarioParser(source, protocol).Read(YamlSource.Load(yaml, source, "a scenario"));

    private TrialScenario Read(YNode rootNode)
    {
        var root = rootNode.Map(Root);
        int participants = root.Require("participants").Integer();
        if (!DesignLimits.Subjects.Contains(participants))
            throw root.Require("participants").Error($"a trial needs at least {YNode.Text(DesignLimits.Subjects.Lower)} participants");
        var accrual = root.Require("accrual").Map(Accrual);
        DateOnly start = Date(accrual.Require("start")), end = Date(accrual.Require("end"));
        if (end < start) throw accrual.Require("end").Error("the accrual must end on or after its start");
        DateOnly cutoff = Date(root.Require("cutoff"));
        if (cutoff <= end) throw root.Require("cutoff").Error($"the data cut-off must come after the end of accrual ({end:yyyy-MM-dd})");
        double loss = root.Number("loss_to_follow_up", DesignLimits.DropoutRate, expected: $"it must be a yearly probability in {DesignLimits.DropoutRate}") ?? 0;
        int sites = root.Integer("sites", AtLeastOne) ?? 1;

        var hazards = root.Require("hazards").Map(Hazards);
        double milestone = hazards.Require("milestone").Number(DesignLimits.Positive);
        var breaks = new List<double>();
        foreach (var item in hazards.Get("breaks")?.Items() ?? [])
        {
            double b = item.Number(DesignLimits.Positive);
            if (breaks.Count > 0 && b <= breaks[^1]) throw item.Error($"breaks must increase; {YNode.Text(b)} follows {YNode.Text(breaks[^1])}");
            breaks.Add(b);
        }

        return new TrialScenario(root.Integer("seed") ?? 1, participants, start, end, cutoff, loss, sites, milestone,
                                 breaks.AsReadOnly(), ReadCovariates(root.Get("covariates")), ReadStrata(root.Require("strata"), breaks.Count + 1),
                                 ReadAdverseEvents(root.Get("adverse_events")), source)
        {
            OffStudy = root.Get("off_study") is { } off ? ReadOffStudy(off.Map(OffStudy)) : null,
            DeathCauses = root.Get("death_causes") is { } causes ? ReadDeathCauses(causes) : [],
        };
    }

    private IReadOnlyList<(string Cause, double Probability)> ReadDeathCauses(YNode node)
    {
        if (!protocol.Components.Any(c => c.IsDeath)) throw node.Error("the protocol marks no component as death (components[].death: true)");
        var causes = node.Entries().Select(e => (e.Key.String(), Probability(e.Value))).ToArray();
        CheckSum(node, causes.Select(c => c.Item2).ToList(), "the causes' probabilities");
        return causes.AsReadOnly();
    }

    private static ScenarioOffStudy ReadOffStudy(YMap map)
    {
        var reasons = new List<string>();
        var probabilities = new List<double>();
        if (map.Get("reasons") is { } reasonsNode)
        {
            foreach (var (key, value) in reasonsNode.Entries())
            {
                reasons.Add(key.String());
                probabilities.Add(Probability(value));
            }
            CheckSum(reasonsNode, probabilities, "the reasons' probabilities");
        }
        double offTherapy = map.Get("off_therapy") is { } p ? Probability(p) : 0;
        if (offTherapy > 0 && reasons.Count == 0) throw map.Require("off_therapy").Error("give the reasons for stopping therapy (off_study.reasons)");
        double therapy = map.Get("therapy") is { } t ? t.Number(DesignLimits.Positive) : 1;
        if (offTherapy > 0 && map.Get("therapy") is null) throw map.Require("off_therapy").Error("give the length of protocol therapy (off_study.therapy)");
        return new ScenarioOffStudy(offTherapy, therapy, reasons.AsReadOnly(), probabilities.AsReadOnly(),
                                    map.Get("withdrawn") is { } w ? Probability(w) : 0);
    }

    private IReadOnlyList<ScenarioCovariate> ReadCovariates(YNode? node)
    {
        var result = new List<ScenarioCovariate>();
        if (node is not { } map) return result;
        foreach (var (key, value) in map.Entries())
        {
            string id = key.Id();
            var covariate = protocol.Covariates.FirstOrDefault(c => c.Id == id)
                            ?? throw key.Error($"covariate '{id}' is not defined in the protocol; covariates are {List(protocol.Covariates.Select(c => c.Id))}");
            var levels = new List<string>();
            var probabilities = new List<double>();
            foreach (var (levelKey, p) in value.Entries())
            {
                string level = levelKey.String();
                if (covariate.Levels.Count > 0 && !covariate.Levels.Contains(level))
                    throw levelKey.Error($"'{level}' is not a level of covariate '{id}'; levels are {List(covariate.Levels)}");
                levels.Add(level);
                probabilities.Add(Probability(p));
            }
            CheckSum(value, probabilities, "the level probabilities");
            result.Add(new ScenarioCovariate(id, levels.AsReadOnly(), probabilities.AsReadOnly()));
        }
        return result.AsReadOnly();
    }

    private IReadOnlyList<ScenarioStratum> ReadStrata(YNode node, int pieces)
    {
        var factor = protocol.Strata.Count > 0 ? protocol.Strata[0] : null;
        var strata = new List<ScenarioStratum>();
        var proportions = new List<double>();
        foreach (var item in node.Items())
        {
            var map = item.Map(Stratum);
            string level = factor is null ? "" : map.Require("level").String();
            if (factor is not null && !factor.Levels.Contains(level))
                throw map.Require("level").Error($"'{level}' is not a level of stratification factor '{factor.Id}'; levels are {List(factor.Levels)}");
            if (strata.Any(s => s.Level == level)) throw map.Require("level").Error($"stratum '{level}' is given twice");
            double proportion = map.Number("proportion", Proportion) ?? 1;
            proportions.Add(proportion);
            var armsNode = map.Require("arms");
            var arms = new ScenarioArmHazards?[protocol.Arms.Count];
            foreach (var (key, value) in armsNode.Entries())
            {
                string armId = key.Id();
                int a = IndexOfArm(key, armId);
                arms[a] = ReadArm(value.Map(Arm), armId, pieces);
            }
            for (int a = 0; a < arms.Length; a++)
                if (arms[a] is null) throw armsNode.Error($"no hazards for arm '{protocol.Arms[a].Id}'; give every arm of the protocol");
            strata.Add(new ScenarioStratum(level, proportion, Array.AsReadOnly(arms.Select(x => x!).ToArray())));
        }
        if (strata.Count == 0) throw node.Error("give at least one stratum");
        CheckSum(node, proportions, "the strata's proportions");
        return strata.AsReadOnly();
    }

    private ScenarioArmHazards ReadArm(YMap map, string arm, int pieces)
    {
        var profile = new List<double>();
        if (map.Get("profile") is { } profileNode)
        {
            foreach (var item in profileNode.Items()) profile.Add(item.Number(DesignLimits.NonNegative, name: "a profile value"));
            if (profile.Count != pieces) throw profileNode.Error($"give {pieces} profile values, one per interval cut by hazards.breaks");
        }
        else
        {
            profile.AddRange(Enumerable.Repeat(1.0, pieces));
        }
        var cumulative = new double[protocol.Components.Count];
        foreach (var (key, value) in map.Require("cumulative_hazard").Entries())
        {
            string id = key.Id();
            int c = protocol.Components.ToList().FindIndex(x => x.Id == id);
            if (c < 0) throw key.Error($"component '{id}' is not defined in the protocol; components are {List(protocol.Components.Select(x => x.Id))}");
            cumulative[c] = value.Number(DesignLimits.NonNegative, name: "the cumulative hazard");
        }
        return new ScenarioArmHazards(arm, profile.AsReadOnly(), Array.AsReadOnly(cumulative));
    }

    private IReadOnlyList<ScenarioAdverseEvent> ReadAdverseEvents(YNode? node)
    {
        var result = new List<ScenarioAdverseEvent>();
        if (node is not { } list) return result;
        foreach (var item in list.Items())
        {
            var map = item.Map(AdverseEvent);
            string term = map.Require("term").String();
            double low = map.Get("grade_1_2") is { } l ? Probability(l) : 0;
            var three = ByStratumAndArm(map.Get("grade_3_plus"));
            var four = ByStratumAndArm(map.Get("grade_4_plus"));
            for (int s = 0; s < three.Count; s++)
                for (int a = 0; a < three[s].Count; a++)
                    if (four[s][a] > three[s][a]) throw map.Require("grade_4_plus").Error("P(grade ≥ 4) cannot exceed P(grade ≥ 3)");
            double fatal = map.Get("grade_5_share") is { } f ? Probability(f) : 0;
            result.Add(new ScenarioAdverseEvent(term, low, three, four, fatal));
        }
        return result.AsReadOnly();
    }

    /// <summary>A number (every stratum and arm), a mapping arm → number, or a mapping level → (number or arm → number).</summary>
    private IReadOnlyList<IReadOnlyList<double>> ByStratumAndArm(YNode? node)
    {
        int strata = Math.Max(1, protocol.Strata.Count > 0 ? protocol.Strata[0].Levels.Count : 1);
        var values = new double[strata][];
        for (int s = 0; s < strata; s++) values[s] = new double[protocol.Arms.Count];
        if (node is not { } n) return values.Select(v => (IReadOnlyList<double>)Array.AsReadOnly(v)).ToArray();
        if (n.IsScalar)
        {
            double p = Probability(n);
            foreach (var row in values) Array.Fill(row, p);
        }
        else
        {
            foreach (var (key, value) in n.Entries())
            {
                string name = key.String();
                int arm = protocol.Arms.ToList().FindIndex(a => a.Id == name);
                if (arm >= 0)
                {
                    double p = Probability(value);
                    foreach (var row in values) row[arm] = p;
                    continue;
                }
                int level = protocol.Strata.Count > 0 ? protocol.Strata[0].Levels.ToList().IndexOf(name) : -1;
                if (level < 0)
                    throw key.Error($"'{name}' is neither an arm nor a stratum level; arms are {List(protocol.Arms.Select(a => a.Id))}");
                if (value.IsScalar)
                {
                    Array.Fill(values[level], Probability(value));
                }
                else
                {
                    foreach (var (armKey, p) in value.Entries())
                        values[level][IndexOfArm(armKey, armKey.String())] = Probability(p);
                }
            }
        }
        return values.Select(v => (IReadOnlyList<double>)Array.AsReadOnly(v)).ToArray();
    }

    private int IndexOfArm(YNode key, string arm)
    {
        int a = protocol.Arms.ToList().FindIndex(x => x.Id == arm);
        if (a < 0) throw key.Error($"arm '{arm}' is not defined in the protocol; arms are {List(protocol.Arms.Select(x => x.Id))}");
        return a;
    }

    private static double Probability(YNode node) => node.Number(Probabilities, expected: $"it must be a probability in {Probabilities}");

    private static void CheckSum(YNode node, List<double> values, string what)
    {
        double sum = values.Sum();
        if (Math.Abs(sum - 1) > 1e-6) throw node.Error($"{what} sum to {sum.ToString("R", CultureInfo.InvariantCulture)}; they must sum to 1");
    }

    private DateOnly Date(YNode node)
    {
        string text = node.String();
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw node.Error($"'{text}' is not a date; write dates as yyyy-mm-dd");
        return date;
    }

    private static string List(IEnumerable<string> items) => string.Join(", ", items);
}
