using K = Evident.Protocol.Yaml.ProtocolKeys;

namespace Evident.Protocol.Yaml;

/// <summary>
/// Reads the YAML representation model into the protocol model, checking types, ranges and every cross-reference.
/// Sections are read in dependency order (arms and strata before allocation, components before endpoints, endpoints
/// before data and analyses) so a reference can be checked where it is written; each section has its reader
/// (<see cref="AllocationReader"/>, <see cref="EndpointReader"/>, <see cref="DataMappingReader"/>,
/// <see cref="DesignReader"/>, <see cref="AnalysesReader"/>), and this class reads the identity, arms and strata.
/// </summary>
internal static class ProtocolParser
{
    /// <summary>Ids the data and allocation readers give a meaning of their own; strata and covariates may not use them.</summary>
    private static readonly string[] Reserved = [AllocationReader.Site, "arm"];

    public static TrialProtocol Parse(string yaml, string source, string hash)
    {
        var root = YamlSource.Load(yaml, source, "a protocol").Map(K.Root);
        var trial = Identity(root.Require("trial").Map(K.Trial));
        var timeUnit = root.Choice("time_unit", TimeUnit.Months,
            ("days", TimeUnit.Days), ("weeks", TimeUnit.Weeks), ("months", TimeUnit.Months), ("years", TimeUnit.Years));

        var arms = Arms(root.Require("arms"));
        var summary = root.Get("summary") is { } s ? Summary(s.Map(K.Summary), arms) : new ClinicianSummary(null, ValueList<Abbreviation>.Empty);
        var strata = root.IdList("strata", "stratification factor", n => Factor(n.Map(K.Stratum)));
        var sites = root.IdList("sites", "site", n =>
        {
            var m = n.Map(K.Site);
            string id = m.Require("id").Id();
            return new TrialSite(id, m.String("label") ?? id);
        });
        var covariates = Covariates(root, strata);
        var allocation = AllocationReader.Read(root.Require("allocation").Map(K.Allocation), arms, strata);
        var eligibility = root.IdList("eligibility", "eligibility question", n =>
        {
            var m = n.Map(K.Eligibility);
            return new EligibilityQuestion(m.Require("id").Id(), m.Require("text").String(), m.Boolean("required_answer") ?? true);
        });
        var components = root.Require("components").IdList("component", n =>
        {
            var m = n.Map(K.Component);
            string id = m.Require("id").Id();
            return new EventComponent(id, m.String("label") ?? id) { IsDeath = m.Boolean("death") ?? false };
        }, atLeastOne: true);
        if (components.Count(c => c.IsDeath) > 1)
            throw root.Require("components").Error($"only one component can be death; {string.Join(" and ", components.Where(c => c.IsDeath).Select(c => c.Id))} are both marked 'death: true'");
        var endpoints = root.Require("endpoints").IdList("endpoint", n => EndpointReader.Read(n.Map(K.Endpoint), components), atLeastOne: true);
        var defined = new ProtocolDefinitions(arms, strata, covariates, components, endpoints);

        var dataMap = root.Require("data").Map(K.Data);
        var data = new DataMappingReader(defined).Read(dataMap);
        var design = root.Get("design") is { } d ? DesignReader.Read(d.Map(K.Design)) : null;
        var analyses = AnalysesReader.Read(root.Require("analyses").Map(K.Analyses), defined, design);
        DataMappingReader.CheckCoversAnalyses(dataMap, data, analyses);

        var schedule = root.Get("follow_up_schedule") is { } f ? FollowUpAndTermsReader.Schedule(f.Map(K.FollowUpSchedule)) : null;
        var terms = root.Get("adverse_event_terms") is { } t ? FollowUpAndTermsReader.Terms(t.Map(K.AdverseEventTerms)) : null;

        return new TrialProtocol(trial, summary, timeUnit, arms, allocation, strata, sites, covariates, eligibility, components, endpoints, data, design, analyses, source, hash)
        {
            FollowUpSchedule = schedule,
            AdverseEventTerms = terms,
        };
    }

    private static TrialIdentity Identity(YMap m) => new(
        m.Require("id").Id(), m.Require("title").String(), m.String("short_title"), m.String("sponsor"),
        m.String("registration"), m.String("version"), m.String("citation"));

    private static ClinicianSummary Summary(YMap m, IReadOnlyList<TrialArm> arms)
    {
        var abbreviations = new List<Abbreviation>();
        if (m.Get("abbreviations") is { } a)
            foreach (var (key, value) in a.Entries()) abbreviations.Add(new Abbreviation(key.String(), value.String()));
        return new ClinicianSummary(m.String("learning_objective"), ValueList<Abbreviation>.From(abbreviations))
        {
            Phase = m.String("phase"),
            Population = m.String("population"),
            Treatments = m.Get("treatments") is { } t
                ? ValueList<KeyValuePair<string, string>>.From(t.Entries().Select(e => new KeyValuePair<string, string>(e.Key.Reference(arms.Select(a => a.Id), "arm"), e.Value.String())))
                : ValueList<KeyValuePair<string, string>>.Empty,
            Stopped = m.Get("stopped") is { } s ? Stop(s.Map(K.Stopped)) : null,
            Published = m.String("published"),
        };
    }

    private static EarlyStop Stop(YMap m)
    {
        var date = m.Require("date");
        if (!DateOnly.TryParseExact(date.String(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            throw date.Error($"'{date.String()}' is not a date; expected YYYY-MM-DD");
        return new EarlyStop(day, m.Require("by").String(), m.String("reason"));
    }

    private static IReadOnlyList<TrialArm> Arms(YNode node)
    {
        var result = node.IdList("arm", n =>
        {
            var m = n.Map(K.Arm);
            string id = m.Require("id").Id();
            return new TrialArm(id, m.String("label") ?? id, m.Boolean("control") ?? false);
        });
        if (result.Count < 2) throw node.Error($"a trial needs at least two arms; {result.Count} defined");
        var items = node.Items();
        string? firstControl = null;
        for (int i = 0; i < result.Count; i++)
        {
            if (!result[i].IsControl) continue;
            if (firstControl is not null)
                throw items[i].Map(K.Arm).Require("control").Error(
                    $"arm '{result[i].Id}' is marked as control but '{firstControl}' already is; exactly one arm is the control");
            firstControl = result[i].Id;
        }
        if (firstControl is null) throw node.Error("no arm is marked 'control: true'; mark exactly one arm as the control");
        return result;
    }

    private static StratificationFactor Factor(YMap m)
    {
        string id = NotReserved(m.Require("id"));
        var levels = m.Require("levels").DistinctStrings("level");
        if (levels.Count == 0) throw m.Require("levels").Error($"stratification factor '{id}' needs at least one level");
        return new StratificationFactor(id, m.String("label") ?? id, levels);
    }

    private static IReadOnlyList<Covariate> Covariates(YMap root, IReadOnlyList<StratificationFactor> strata)
    {
        var covariates = root.IdList("covariates", "covariate", n =>
        {
            var m = n.Map(K.Covariate);
            string id = NotReserved(m.Require("id"));
            return new Covariate(id, m.String("label") ?? id, m.Get("levels")?.DistinctStrings("level") ?? ValueList<string>.Empty);
        });
        for (int i = 0; i < covariates.Count; i++)
            if (strata.Any(f => f.Id == covariates[i].Id))
                throw root.Require("covariates").Items()[i].Map(K.Covariate).Require("id").Error(
                    $"'{covariates[i].Id}' is already a stratification factor; ids of strata and covariates must differ");
        return covariates;
    }

    private static string NotReserved(YNode node)
    {
        string id = node.Id();
        if (Reserved.Contains(id)) throw node.Error($"'{id}' is reserved; choose another id");
        return id;
    }
}
