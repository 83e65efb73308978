using Evident.Design;
using Evident.Design.Simulation;
using Evident.Statistics;
using Evident.Statistics.Cox;
using Evident.Statistics.Safety;
using K = Evident.Protocol.Yaml.ProtocolKeys;

namespace Evident.Protocol.Yaml;

/// <summary>Reads <c>analyses</c>: the primary analysis, subgroups, competing risks, safety and interim monitoring.</summary>
internal static class AnalysesReader
{
    /// <summary>Confidence level of the primary analysis: (0, 1).</summary>
    private static readonly ValueRange ConfidenceLevel = ValueRange.Open(0, 1);

    /// <summary>CTCAE grades: 1 … 5.</summary>
    private static readonly ValueRange Grade = ValueRange.Closed(1, 5);

    public static AnalysisPlan Read(YMap m, ProtocolDefinitions defined, ProtocolDesign? design)
    {
        var primary = Primary(m.Require("primary").Map(K.Primary), defined, "the primary analysis");
        var secondary = m.Get("secondary") is { } sn
            ? sn.Items().Select(n => Primary(n.Map(K.Secondary), defined, "a secondary analysis")).ToArray()
            : [];
        return new AnalysisPlan(
            primary,
            ValueList<PrimaryAnalysis>.From(secondary),
            m.Get("subgroups") is { } sg ? Subgroups(sg.Map(K.Subgroups), defined, primary.Endpoint) : null,
            m.Get("competing_risks") is { } cr ? CompetingRisksList(cr, defined) : ValueList<CompetingRisksAnalysis>.Empty,
            m.Get("safety") is { } sf ? Safety(sf.Map(K.Safety)) : null,
            m.Get("monitoring") is { } mon ? Monitoring(mon, defined, design, primary.Endpoint) : null);
    }

    /// <summary>The primary analysis, or one secondary analysis (the same keys).</summary>
    private static PrimaryAnalysis Primary(YMap m, ProtocolDefinitions defined, string what)
    {
        string endpoint = EndpointRef(m.Require("endpoint"), defined, EndpointKind.FirstEvent, what);
        var arms = defined.Arms;
        string controlId = arms.First(a => a.IsControl).Id;
        IReadOnlyList<string> compare = ValueList<string>.From(arms.Where(a => !a.IsControl).Select(a => a.Id));
        if (m.Get("compare") is { } cn)
        {
            compare = cn.References(arms.Select(a => a.Id), "arm", allowScalar: true);
            var items = cn.ItemsOrSelf();
            for (int i = 0; i < compare.Count; i++)
                if (compare[i] == controlId)
                    throw items[i].Error($"arm '{controlId}' is the control; 'compare' lists the arms compared with it");
            if (compare.Count == 0) throw cn.Error("give at least one arm to compare with the control");
        }
        var stratifyBy = m.Get("stratify_by") is { } sb
            ? sb.References(defined.Strata.Select(f => f.Id), "stratification factor", allowScalar: true)
            : ValueList<string>.From(defined.Strata.Select(f => f.Id));
        var ties = m.Choice("ties", TieMethod.Efron, ("efron", TieMethod.Efron), ("breslow", TieMethod.Breslow));
        double level = m.Number("confidence_level", ConfidenceLevel, expected: $"it must lie in {ConfidenceLevel}, e.g. 0.95") ?? 0.95;
        var confType = m.Choice("conf_type", ConfidenceType.Log,
            ("log", ConfidenceType.Log), ("log-log", ConfidenceType.LogLog), ("plain", ConfidenceType.Plain));
        var model = m.Choice("hazard_ratio_model", HazardRatioModel.Joint, ("joint", HazardRatioModel.Joint), ("pairwise", HazardRatioModel.Pairwise));
        var test = m.Get("test") is { } tn ? DesignInputs.Check(() => SimulationTest.Parse(tn.String()), _ => (m, "test")) : SimulationTest.LogRank;
        return new PrimaryAnalysis(endpoint, compare, stratifyBy, m.Boolean("by_stratum") ?? true, ties, level, confType, model) { Test = test };
    }

    private static SubgroupAnalysis Subgroups(YMap m, ProtocolDefinitions defined, string primaryEndpoint)
    {
        string endpoint = m.Get("endpoint") is { } en ? EndpointRef(en, defined, EndpointKind.FirstEvent, "the subgroup analysis") : primaryEndpoint;
        var byNode = m.Require("by");
        var by = byNode.References(defined.Strata.Select(f => f.Id).Concat(defined.Covariates.Select(c => c.Id)),
            "stratification factor or covariate", allowScalar: true, plural: "stratification factors and covariates");
        if (by.Count == 0) throw byNode.Error("give at least one stratification factor or covariate");
        return new SubgroupAnalysis(endpoint, by);
    }

    /// <summary>
    /// <c>analyses.competing_risks</c>: one block (a mapping) or a list of blocks; each endpoint once, since results.json
    /// and the report name each block by its endpoint.
    /// </summary>
    private static IReadOnlyList<CompetingRisksAnalysis> CompetingRisksList(YNode node, ProtocolDefinitions defined)
    {
        if (node.Node is not YamlDotNet.RepresentationModel.YamlSequenceNode) return new ValueList<CompetingRisksAnalysis>([CompetingRisks(node.Map(K.CompetingRisks), defined)]);
        var items = node.Items();
        if (items.Count == 0) throw node.Error("give at least one competing-risks analysis, or leave the key out");
        var blocks = new List<CompetingRisksAnalysis>();
        foreach (var item in items)
        {
            var block = CompetingRisks(item.Map(K.CompetingRisksList), defined);
            if (blocks.Any(b => b.Endpoint == block.Endpoint))
                throw item.Error($"endpoint '{block.Endpoint}' has a competing-risks analysis already; give each endpoint one block");
            blocks.Add(block);
        }
        return ValueList<CompetingRisksAnalysis>.From(blocks);
    }

    private static CompetingRisksAnalysis CompetingRisks(YMap m, ProtocolDefinitions defined)
    {
        string endpoint = EndpointRef(m.Require("endpoint"), defined, EndpointKind.CompetingRisks, "the competing-risks analysis");
        return new CompetingRisksAnalysis(endpoint, m.String("title") ?? defined.Endpoints.First(e => e.Id == endpoint).Label,
            m.Boolean("by_stratum") ?? false, m.Boolean("gray_test") ?? true);
    }

    private static SafetyAnalysis Safety(YMap m) => new(
        m.Integer("min_grade", Grade, expected: $"CTCAE grades are {YNode.Text(Grade.Lower)} … {YNode.Text(Grade.Upper)}") ?? 3,
        m.Get("terms")?.DistinctStrings("term") ?? ValueList<string>.Empty,
        m.Boolean("by_stratum") ?? true);

    private static MonitoringPlan Monitoring(YNode node, ProtocolDefinitions defined, ProtocolDesign? design, string primaryEndpoint)
    {
        var m = node.Map(K.Monitoring);
        if (design is null) throw node.Error("interim monitoring needs a 'design' section (looks, spending, alpha, planned_events)");
        if (design.PlannedEvents is null)
            throw node.Error("interim monitoring needs 'planned_events' in 'design' (events at information fraction 1)");
        string endpoint = m.Get("endpoint") is { } en ? EndpointRef(en, defined, EndpointKind.FirstEvent, "interim monitoring") : primaryEndpoint;
        return new MonitoringPlan(endpoint, m.Boolean("stratified") ?? true);
    }

    private static string EndpointRef(YNode node, ProtocolDefinitions defined, EndpointKind kind, string what)
    {
        string id = node.Reference(defined.Endpoints.Select(e => e.Id), "endpoint");
        if (defined.Endpoints.First(e => e.Id == id).Kind != kind)
            throw node.Error(kind == EndpointKind.FirstEvent
                ? $"endpoint '{id}' is a competing-risks endpoint; {what} needs a first-event endpoint (one with 'events')"
                : $"endpoint '{id}' is a first-event endpoint; {what} needs a competing-risks endpoint (one with 'causes')");
        return id;
    }
}
