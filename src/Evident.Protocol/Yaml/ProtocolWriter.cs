using System.Globalization;
using Evident.Design.Simulation;
using Evident.Statistics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Evident.Statistics.Cox;

namespace Evident.Protocol.Yaml;

/// <summary>
/// Writes a protocol as canonical YAML: keys in the order of <see cref="ProtocolKeys"/>, defaults written out, text quoted
/// whenever a YAML reader could take it for something else. The inverse of <see cref="ProtocolParser"/>.
/// </summary>
internal static class ProtocolWriter
{
    public static string Write(TrialProtocol p)
    {
        var root = Map(
            ("trial", Map(
                ("id", Str(p.Trial.Id)), ("title", Str(p.Trial.Title)), ("short_title", Str(p.Trial.ShortTitle)),
                ("sponsor", Str(p.Trial.Sponsor)), ("registration", Str(p.Trial.Registration)),
                ("version", Str(p.Trial.Version)), ("citation", Str(p.Trial.Citation)))),
            ("summary", Summary(p.Summary)),
            ("time_unit", Str(p.TimeUnit.ToYamlName())),
            ("arms", Seq(p.Arms.Select(a => Map(("id", Str(a.Id)), ("label", Str(a.Label)), ("control", Bool(a.IsControl)))))),
            ("allocation", Allocation(p.Allocation)),
            ("strata", p.Strata.Count == 0 ? null : Seq(p.Strata.Select(f => Map(("id", Str(f.Id)), ("label", Str(f.Label)), ("levels", Flow(f.Levels)))))),
            ("sites", p.Sites.Count == 0 ? null : Seq(p.Sites.Select(s => Map(("id", Str(s.Id)), ("label", Str(s.Label)))))),
            ("covariates", p.Covariates.Count == 0 ? null : Seq(p.Covariates.Select(c =>
                Map(("id", Str(c.Id)), ("label", Str(c.Label)), ("levels", c.Levels.Count == 0 ? null : Flow(c.Levels)))))),
            ("eligibility", p.Eligibility.Count == 0 ? null : Seq(p.Eligibility.Select(q =>
                Map(("id", Str(q.Id)), ("text", Str(q.Text)), ("required_answer", Bool(q.RequiredAnswer)))))),
            ("components", Seq(p.Components.Select(c => Map(("id", Str(c.Id)), ("label", Str(c.Label)), ("death", c.IsDeath ? Bool(true) : null))))),
            ("endpoints", Seq(p.Endpoints.Select(Endpoint))),
            ("data", Map(("simple", p.Data.Simple is { } s ? Simple(s) : null), ("adam", p.Data.Adam is { } a ? Adam(a) : null))),
            ("design", p.Design is { } d ? Design(d) : null),
            ("analyses", Analyses(p.Analyses)),
            ("follow_up_schedule", p.FollowUpSchedule is { } f ? Map(("interval", Num(f.Interval)), ("grace", Num(f.Grace))) : null),
            ("adverse_event_terms", p.AdverseEventTerms is { } t ? Terms(t) : null));

        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        string text = writer.ToString();
        // YamlStream ends every document with an explicit "..." marker; a protocol is one plain document.
        if (text.EndsWith("...\n", StringComparison.Ordinal)) text = text[..^4];
        return text;
    }

    private static YamlNode? Summary(ClinicianSummary s) =>
        s.LearningObjective is null && s.Abbreviations.Count == 0 && s.Phase is null && s.Population is null && s.Treatments.Count == 0 && s.Stopped is null && s.Published is null
            ? null
            : Map(
                ("learning_objective", Str(s.LearningObjective)),
                ("abbreviations", s.Abbreviations.Count == 0 ? null : Map(s.Abbreviations.Select(a => (a.Short, Str(a.Meaning))))),
                ("phase", Str(s.Phase)),
                ("population", Str(s.Population)),
                ("treatments", s.Treatments.Count == 0 ? null : Map(s.Treatments.Select(t => (t.Key, Str(t.Value))))),
                ("stopped", s.Stopped is not { } stop ? null : Map(
                    ("date", Str(stop.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))),
                    ("by", Str(stop.By)), ("reason", Str(stop.Reason)))),
                ("published", Str(s.Published)));

    private static YamlNode Allocation(AllocationPlan a) => Map(
        ("ratio", Quoted(string.Join(':', a.Ratio))),
        ("method", Str(a.Method == AllocationMethod.PermutedBlocks ? "permuted-blocks" : "minimization")),
        ("block_sizes", a.Method == AllocationMethod.PermutedBlocks ? Flow(a.BlockSizes.Select(Int)) : null),
        ("stratify_by", a.Method == AllocationMethod.PermutedBlocks ? Flow(a.StratifyBy) : null),
        ("minimization", a.Minimization is { } m ? Map(("factors", Flow(m.Factors)), ("probability", Num(m.Probability))) : null),
        ("blinding", a.Blinding is { } b ? Str(b == AllocationBlinding.OpenLabel ? "open-label" : "blinded") : null));

    private static YamlNode Analysis(PrimaryAnalysis p) => Map(
        ("endpoint", Str(p.Endpoint)),
        ("compare", Flow(p.Compare)),
        ("stratify_by", Flow(p.StratifyBy)),
        ("by_stratum", Bool(p.ByStratum)),
        ("ties", Str(p.Ties == TieMethod.Efron ? "efron" : "breslow")),
        ("confidence_level", Num(p.ConfidenceLevel)),
        ("conf_type", Str(p.ConfidenceType switch { ConfidenceType.LogLog => "log-log", ConfidenceType.Plain => "plain", _ => "log" })),
        ("hazard_ratio_model", Str(p.HazardRatioModel == HazardRatioModel.Pairwise ? "pairwise" : "joint")),
        ("test", p.Test.Kind == SimulationTestKind.LogRank ? null : Quoted(p.Test.ToString())));

    private static YamlNode Endpoint(Endpoint e) => Map(
        ("id", Str(e.Id)),
        ("label", Str(e.Label)),
        ("noun", Str(e.Noun)),
        ("events", e.Kind == EndpointKind.FirstEvent ? Flow(e.Components) : null),
        ("causes", e.Kind == EndpointKind.CompetingRisks
            ? Seq(e.Causes.Select(c => Map(("id", Str(c.Id)), ("label", Str(c.Label)), ("events", Flow(c.Components)))))
            : null),
        ("origin", Str("randomization")),
        ("censor_at", Str(e.CensorAt == CensoringRule.Withdrawal ? "withdrawal" : "last_contact")),
        ("milestone", e.Milestones.Count > 1 ? Flow(e.Milestones.Select(t => (YamlNode)Num(t)!)) : Num(e.Milestone)),
        ("rmst_horizon", Num(e.RmstHorizon)));

    private static YamlNode Simple(SimpleLayoutMapping s) => Map(
        ("participant", Str(s.Participant)),
        ("arm", Binding(s.Arm)),
        ("site", Str(s.Site)),
        ("strata", s.Strata.Count == 0 ? null : Map(s.Strata.Select(b => (b.Concept, Binding(b))))),
        ("covariates", s.Covariates.Count == 0 ? null : Map(s.Covariates.Select(b => (b.Concept, Binding(b))))),
        ("randomized", Str(s.Randomized)),
        ("last_contact", Str(s.LastContact)),
        ("follow_up_time", Str(s.FollowUpTime)),
        ("events", Map(s.Events.Select(e => (e.Component, Map(
            ("date", Str(e.DateColumn)), ("status", Str(e.StatusColumn)), ("time", Str(e.TimeColumn)),
            ("type", Str(e.TypeColumn)), ("values", e.TypeColumn is null ? null : Flow(e.TypeValues)), ("cause", Str(e.CauseColumn))))))),
        ("adverse_events", s.AdverseEvents is { } ae
            ? Map(("participant", Str(ae.Participant)), ("term", Str(ae.Term)), ("grade", Str(ae.Grade)), ("serious", Str(ae.Serious)), ("onset", Str(ae.Onset)))
            : null),
        ("off_study", s.OffStudy is { } o ? Map(
            ("off_therapy", OffStudySet(o.OffTherapy)), ("withdrawn", OffStudySet(o.Withdrawn)), ("lost_to_follow_up", OffStudySet(o.LostToFollowUp))) : null));

    private static YamlNode? OffStudySet(OffStudyColumnSet? set) => set is null ? null
        : Map(("date", Str(set.Date)), ("reason", Str(set.Reason)), ("follow_up_allowed", Str(set.FollowUpAllowed)));

    private static YamlNode Terms(AdverseEventTerms t) => Map(
        ("terms", Seq(t.Terms.Select(term => Map(
            ("term", Str(term.Term)), ("organ_class", Str(term.OrganClass)),
            ("grades", term.Grades.Count == 0 ? null : Grades(term.Grades)))))),
        ("other_allowed", Bool(t.OtherAllowed)));

    /// <summary>Grade → description, with the grades as plain numbers (a quoted key would read back as text).</summary>
    private static YamlMappingNode Grades(IEnumerable<GradeDescription> grades)
    {
        var map = new YamlMappingNode();
        foreach (var g in grades) map.Add(Int(g.Grade), Str(g.Text)!);
        return map;
    }

    private static YamlNode Adam(AdamMapping a) => Map(
        ("adsl", Map(
            ("participant", Str(a.Participant)),
            ("arm", Binding(a.Arm)),
            ("site", Str(a.Site)),
            ("strata", a.Strata.Count == 0 ? null : Map(a.Strata.Select(b => (b.Concept, Binding(b))))),
            ("covariates", a.Covariates.Count == 0 ? null : Map(a.Covariates.Select(b => (b.Concept, Binding(b))))),
            ("randomized", Str(a.Randomized)))),
        ("adtte", Map(
            ("parameters", Map(a.Parameters.Select(p => (p.Endpoint, Str(p.ParamCode))))),
            ("events", Map(a.Events.Select(e => (e.Component, Flow(e.Descriptions))))))),
        ("adae", Map(("term", Str(a.AdverseEvents.Term)), ("grade", Str(a.AdverseEvents.Grade)), ("serious", Str(a.AdverseEvents.Serious)))));

    private static YamlNode Binding(ColumnBinding b) => b.Values.Count == 0
        ? Str(b.Column)!
        : Map(("column", Str(b.Column)), ("values", Map(b.Values.Select(v => (v.Code, Str(v.DataValue))))));

    private static YamlNode Design(ProtocolDesign d)
    {
        var o = d.Boundaries;
        return Map(
            ("looks", Int(o.Looks)),
            ("information", o.Information is null ? null : Flow(o.Information.Select(x => Num(x)!))),
            ("alpha", Num(o.Alpha)),
            ("two_sided", Bool(o.TwoSided)),
            ("spending", Str(o.Spending.ToString())),
            ("beta", Num(o.Beta)),
            ("beta_spending", Str(o.BetaSpending?.ToString())),
            ("binding", Bool(o.BindingFutility)),
            ("hazard_ratio", Num(d.HazardRatio)),
            ("control_median", Num(d.ControlMedian)),
            ("control_hazard", Num(d.ControlHazard)),
            ("accrual_duration", Num(d.AccrualDuration)),
            ("follow_up", Num(d.FollowUp)),
            ("participants", d.Participants is int n ? Int(n) : null),
            ("dropout_rate", Num(d.DropoutRate)),
            ("dropout_time", Num(d.DropoutTime)),
            ("planned_events", d.PlannedEvents is int e ? Int(e) : null));
    }

    private static YamlNode Analyses(AnalysisPlan a) => Map(
            ("primary", Analysis(a.Primary)),
            ("secondary", a.Secondary.Count == 0 ? null : Seq(a.Secondary.Select(Analysis))),
            ("subgroups", a.Subgroups is { } s ? Map(("endpoint", Str(s.Endpoint)), ("by", Flow(s.By))) : null),
            ("competing_risks", a.CompetingRisks.Count switch
            {
                0 => (YamlNode?)null,
                1 => CompetingRisks(a.CompetingRisks[0]),
                _ => Seq(a.CompetingRisks.Select(CompetingRisks)),
            }),
            ("safety", a.Safety is { } f
                ? Map(("min_grade", Int(f.MinGrade)), ("terms", Flow(f.Terms)), ("by_stratum", Bool(f.ByStratum)))
                : null),
            ("monitoring", a.Monitoring is { } m ? Map(("endpoint", Str(m.Endpoint)), ("stratified", Bool(m.Stratified))) : null));

    /// <summary>One competing-risks block; a single block is written as a mapping, as protocols wrote it before lists.</summary>
    private static YamlMappingNode CompetingRisks(CompetingRisksAnalysis c) =>
        Map(("endpoint", Str(c.Endpoint)), ("title", Str(c.Title)), ("by_stratum", Bool(c.ByStratum)), ("gray_test", Bool(c.GrayTest)));

    // ---- nodes ------------------------------------------------------------------------------------------------------

    private static YamlMappingNode Map(params (string Key, YamlNode? Value)[] entries) => Map<YamlNode?>(entries);

    private static YamlMappingNode Map<TNode>(IEnumerable<(string Key, TNode Value)> entries) where TNode : YamlNode?
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in entries)
            if (value is not null) map.Add(Str(key)!, value);
        return map;
    }

    private static YamlSequenceNode Seq(IEnumerable<YamlNode> items) => new(items);

    private static YamlSequenceNode Flow(IEnumerable<string> items) => Flow(items.Select(s => (YamlNode)Str(s)!));

    private static YamlSequenceNode Flow(IEnumerable<YamlNode> items) => new(items) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow };

    /// <summary>Plain when a reader would read it back as the same text, double-quoted otherwise.</summary>
    private static YamlScalarNode? Str(string? text)
    {
        if (text is null) return null;
        return NeedsQuotes(text) ? Quoted(text) : new YamlScalarNode(text) { Style = ScalarStyle.Plain };
    }

    private static YamlScalarNode Quoted(string text) => new(text) { Style = ScalarStyle.DoubleQuoted };

    private static bool NeedsQuotes(string text)
    {
        if (text.Length == 0 || text != text.Trim()) return true;
        if (text is "true" or "false" or "True" or "False" or "TRUE" or "FALSE" or "yes" or "no" or "Yes" or "No" or "on" or "off"
            or "null" or "Null" or "NULL" or "~")
            return true;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return true;
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(text[0])) return true;
        foreach (char c in text)
            if (char.IsControl(c) || c is ',' or '[' or ']' or '{' or '}' or '#' or ':' or '"' or '\'') return true;
        return false;
    }

    private static YamlScalarNode? Num(double? value) =>
        value is double v ? new YamlScalarNode(v.ToString("R", CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain } : null;

    private static YamlScalarNode Int(int value) => new(value.ToString(CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain };

    private static YamlScalarNode Bool(bool value) => new(value ? "true" : "false") { Style = ScalarStyle.Plain };
}
