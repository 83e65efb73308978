using System.Reflection;

namespace Evident.Protocol.Yaml;

/// <summary>Every mapping of the protocol file and the keys it accepts (see docs/protocol.md).</summary>
internal static class ProtocolKeys
{
    public static readonly KeySet Root = new("",
        "trial", "summary", "time_unit", "arms", "allocation", "strata", "sites", "covariates", "eligibility",
        "components", "endpoints", "data", "design", "analyses", "follow_up_schedule", "adverse_event_terms");

    public static readonly KeySet Trial = new("trial",
        "id", "title", "short_title", "sponsor", "registration", "version", "citation");

    public static readonly KeySet Summary = new("summary", "learning_objective", "abbreviations", "phase", "population", "treatments", "stopped", "published");

    public static readonly KeySet Stopped = new("summary.stopped", "date", "by", "reason");

    public static readonly KeySet Arm = new("arms[]", "id", "label", "control");

    public static readonly KeySet Allocation = new("allocation", "ratio", "method", "block_sizes", "stratify_by", "minimization", "blinding");

    public static readonly KeySet Minimization = new("allocation.minimization", "factors", "probability");

    public static readonly KeySet Stratum = new("strata[]", "id", "label", "levels");

    public static readonly KeySet Site = new("sites[]", "id", "label");

    public static readonly KeySet Covariate = new("covariates[]", "id", "label", "levels");

    public static readonly KeySet Eligibility = new("eligibility[]", "id", "text", "required_answer");

    public static readonly KeySet Component = new("components[]", "id", "label", "death");

    public static readonly KeySet Endpoint = new("endpoints[]",
        "id", "label", "noun", "events", "causes", "origin", "censor_at", "milestone", "rmst_horizon");

    public static readonly KeySet Cause = new("endpoints[].causes[]", "id", "label", "events");

    public static readonly KeySet Data = new("data", "simple", "adam");

    public static readonly KeySet Simple = new("data.simple",
        "participant", "arm", "site", "strata", "covariates", "randomized", "last_contact", "follow_up_time", "events", "adverse_events", "off_study");

    public static readonly KeySet SimpleArm = new("data.simple.arm", "column", "values");

    public static readonly KeySet SimpleStratum = new("data.simple.strata.*", "column", "values");

    public static readonly KeySet SimpleCovariate = new("data.simple.covariates.*", "column", "values");

    public static readonly KeySet SimpleEvent = new("data.simple.events.*", "date", "type", "values", "status", "time", "cause");

    public static readonly KeySet SimpleAdverseEvents = new("data.simple.adverse_events", "participant", "term", "grade", "serious", "onset");

    public static readonly KeySet SimpleOffStudy = new("data.simple.off_study", "off_therapy", "withdrawn", "lost_to_follow_up");

    public static readonly KeySet SimpleOffTherapy = new("data.simple.off_study.off_therapy", "date", "reason");

    public static readonly KeySet SimpleWithdrawn = new("data.simple.off_study.withdrawn", "date", "reason", "follow_up_allowed");

    public static readonly KeySet SimpleLost = new("data.simple.off_study.lost_to_follow_up", "date", "reason");

    public static readonly KeySet FollowUpSchedule = new("follow_up_schedule", "interval", "grace");

    public static readonly KeySet AdverseEventTerms = new("adverse_event_terms", "terms", "other_allowed");

    public static readonly KeySet AdverseEventTerm = new("adverse_event_terms.terms[]", "term", "organ_class", "grades");

    public static readonly KeySet Adam = new("data.adam", "adsl", "adtte", "adae");

    public static readonly KeySet Adsl = new("data.adam.adsl", "participant", "arm", "site", "strata", "covariates", "randomized");

    public static readonly KeySet AdslArm = new("data.adam.adsl.arm", "column", "values");

    public static readonly KeySet AdslStratum = new("data.adam.adsl.strata.*", "column", "values");

    public static readonly KeySet AdslCovariate = new("data.adam.adsl.covariates.*", "column", "values");

    public static readonly KeySet Adtte = new("data.adam.adtte", "parameters", "events");

    public static readonly KeySet Adae = new("data.adam.adae", "term", "grade", "serious");

    public static readonly KeySet Design = new("design",
        "looks", "information", "alpha", "two_sided", "spending", "beta", "power", "beta_spending", "binding",
        "hazard_ratio", "control_median", "control_hazard", "accrual_duration", "follow_up", "participants",
        "dropout_rate", "dropout_time", "planned_events");

    public static readonly KeySet Analyses = new("analyses", "primary", "secondary", "subgroups", "competing_risks", "safety", "monitoring");

    public static readonly KeySet Primary = new("analyses.primary",
        "endpoint", "compare", "stratify_by", "by_stratum", "ties", "confidence_level", "conf_type", "hazard_ratio_model", "test");

    public static readonly KeySet Secondary = new("analyses.secondary[]",
        "endpoint", "compare", "stratify_by", "by_stratum", "ties", "confidence_level", "conf_type", "hazard_ratio_model", "test");

    public static readonly KeySet Subgroups = new("analyses.subgroups", "endpoint", "by");

    public static readonly KeySet CompetingRisks = new("analyses.competing_risks", "endpoint", "title", "by_stratum", "gray_test");

    public static readonly KeySet CompetingRisksList = new("analyses.competing_risks[]", "endpoint", "title", "by_stratum", "gray_test");

    public static readonly KeySet Safety = new("analyses.safety", "min_grade", "terms", "by_stratum");

    public static readonly KeySet Monitoring = new("analyses.monitoring", "endpoint", "stratified");

    /// <summary>
    /// Mappings whose keys are chosen by the author (ids, abbreviations, data values), with what the keys name. Their
    /// values are documented under the pattern followed by <c>.*</c>.
    /// </summary>
    public static readonly IReadOnlyList<string> UserKeyed =
    [
        "summary.abbreviations", "summary.treatments",
        "data.simple.arm.values", "data.simple.strata", "data.simple.strata.*.values",
        "data.simple.covariates", "data.simple.covariates.*.values", "data.simple.events",
        "data.adam.adsl.arm.values", "data.adam.adsl.strata", "data.adam.adsl.strata.*.values",
        "data.adam.adsl.covariates", "data.adam.adsl.covariates.*.values",
        "data.adam.adtte.parameters", "data.adam.adtte.events",
        "adverse_event_terms.terms[].grades",
    ];

    /// <summary>All key sets, found by reflection so that a new one cannot be left out of the documentation tests.</summary>
    public static IReadOnlyList<KeySet> All { get; } = typeof(ProtocolKeys)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(KeySet))
        .Select(f => (KeySet)f.GetValue(null)!)
        .ToArray();
}
