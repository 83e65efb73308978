using K = Evident.Protocol.Yaml.ProtocolKeys;

namespace Evident.Protocol.Yaml;

/// <summary>
/// Reads <c>data</c>: which columns of the simple layout or of ADaM hold each concept, and the codes of their values.
/// Every column name is remembered with where it was written (<see cref="DataMapping.Sources"/>), so that a column the
/// data lack is reported at the protocol's line.
/// </summary>
internal sealed class DataMappingReader(ProtocolDefinitions defined)
{
    private readonly List<ColumnSource> columnSources = [];

    public DataMapping Read(YMap m)
    {
        var simple = m.Get("simple") is { } s ? Simple(s.Map(K.Simple)) : null;
        var adam = m.Get("adam") is { } a ? Adam(a.Map(K.Adam)) : null;
        if (simple is null && adam is null) throw m.Missing("simple");
        return new DataMapping(simple, adam) { Sources = ValueList<ColumnSource>.From(columnSources) };
    }

    private SimpleLayoutMapping Simple(YMap m)
    {
        const DataTableRole table = DataTableRole.Participants;
        var participantNode = m.Require("participant");
        string participant = Named(table, participantNode);
        var arm = Binding(table, m.Require("arm"), "arm", K.SimpleArm, defined.Arms.Select(a => a.Id), "arm", "arms");
        string? site = m.Get("site") is { } siteNode ? Named(table, siteNode) : null;
        var strataColumns = FactorBindings(table, m, "strata", K.SimpleStratum, required: true);
        var covariateColumns = CovariateBindings(table, m, K.SimpleCovariate, required: true);
        var followUpNode = m.Get("follow_up_time");
        string? followUp = followUpNode is { } fn ? Named(table, fn) : null;
        string? randomized = null, lastContact = null;
        if (followUp is null)
        {
            randomized = Named(table, m.Require("randomized"));
            lastContact = Named(table, m.Require("last_contact"));
        }
        else if (m.Get("randomized") is { } rn) throw rn.Error("the data give 'follow_up_time' (time since randomization), so they have no dates; leave 'randomized' out, or give dates instead of times");
        else if (m.Get("last_contact") is { } ln) throw ln.Error("the data give 'follow_up_time' (time since randomization), so the last contact is that time; leave 'last_contact' out");

        var eventsNode = m.Require("events");
        var events = new List<ComponentColumns>();
        foreach (var (key, value) in eventsNode.Entries())
        {
            string component = key.Reference(defined.Components.Select(c => c.Id), "component");
            var em = value.Map(K.SimpleEvent);
            events.Add(Event(table, component, em, followUp is not null) with { CauseColumn = em.Get("cause") is { } causeNode ? Named(table, causeNode) : null });
        }
        foreach (var endpoint in defined.Endpoints)
            foreach (string component in endpoint.Components)
                if (!events.Any(e => e.Component == component))
                    throw eventsNode.Error($"component '{component}' (used by endpoint '{endpoint.Id}') has no columns; add '{component}: {{{(followUp is null ? "date" : "status")}: …}}'");

        AdverseEventColumns? adverse = null;
        if (m.Get("adverse_events") is { } ae)
        {
            var am = ae.Map(K.SimpleAdverseEvents);
            string aeParticipant;
            if (am.Get("participant") is { } pn) aeParticipant = Named(DataTableRole.AdverseEvents, pn);
            else columnSources.Add(new ColumnSource(DataTableRole.AdverseEvents, aeParticipant = participant, participantNode.Location(), false));
            adverse = new AdverseEventColumns(aeParticipant, Named(DataTableRole.AdverseEvents, am.Require("term")), Named(DataTableRole.AdverseEvents, am.Require("grade")))
            {
                Serious = am.Get("serious") is { } sn ? Named(DataTableRole.AdverseEvents, sn) : null,
                Onset = am.Get("onset") is { } on ? Named(DataTableRole.AdverseEvents, on) : null,
            };
        }
        var offStudy = m.Get("off_study") is { } os ? OffStudy(os.Map(K.SimpleOffStudy)) : null;
        return new SimpleLayoutMapping(participant, arm, site, strataColumns, covariateColumns, randomized, lastContact,
            ValueList<ComponentColumns>.From(defined.Components.Select(c => events.Find(e => e.Component == c.Id)).OfType<ComponentColumns>()),
            adverse) { FollowUpTime = followUp, OffStudy = offStudy };
    }

    /// <summary>
    /// One component's columns: with dates, <c>date</c> (and optionally <c>type</c> with <c>values</c>); in the times
    /// layout, <c>status</c> and optionally <c>time</c>.
    /// </summary>
    private ComponentColumns Event(DataTableRole table, string component, YMap em, bool times)
    {
        if (times)
        {
            foreach (string key in new[] { "date", "type", "values" })
                if (em.Get(key) is { } bad)
                    throw bad.Error($"the data give 'follow_up_time' (time since randomization), so each component has 'status' (1 = the event happened) and optionally 'time', not '{key}'");
            return new ComponentColumns(component, null, null, ValueList<string>.Empty)
            {
                StatusColumn = Named(table, em.Require("status")),
                TimeColumn = em.Get("time") is { } tn ? Named(table, tn) : null,
            };
        }
        foreach (string key in new[] { "status", "time" })
            if (em.Get(key) is { } bad)
                throw bad.Error($"'{key}' belongs to data given as time since randomization; add 'follow_up_time' to data.simple, or give the event's 'date'");
        string date = Named(table, em.Require("date"));
        string? type = em.Get("type") is { } typeNode ? Named(table, typeNode) : null;
        IReadOnlyList<string> values = ValueList<string>.Empty;
        if (type is not null) values = em.Require("values").DistinctStrings("value", allowScalar: true);
        else if (em.Get("values") is { } vn) throw vn.Error("'values' needs 'type', the column the values are read from");
        return new ComponentColumns(component, date, type, values);
    }

    private OffStudyColumns OffStudy(YMap m)
    {
        OffStudyColumnSet? Set(string key, KeySet keys)
        {
            if (m.Get(key) is not { } node) return null;
            var sm = node.Map(keys);
            string date = Named(DataTableRole.Participants, sm.Require("date"));
            string? reason = sm.Get("reason") is { } r ? Named(DataTableRole.Participants, r) : null;
            string? allowed = keys == K.SimpleWithdrawn && sm.Get("follow_up_allowed") is { } a ? Named(DataTableRole.Participants, a) : null;
            return new OffStudyColumnSet(date, reason, allowed);
        }
        return new OffStudyColumns(Set("off_therapy", K.SimpleOffTherapy), Set("withdrawn", K.SimpleWithdrawn), Set("lost_to_follow_up", K.SimpleLost));
    }

    private AdamMapping Adam(YMap m)
    {
        const DataTableRole table = DataTableRole.Adsl;
        var adsl = m.Get("adsl")?.Map(K.Adsl);
        var adslNode = adsl?.Node ?? m.Node;
        string participant = Named(table, adsl?.Get("participant"), adslNode, "participant", "USUBJID");
        var participantSource = columnSources[^1];
        foreach (var role in new[] { DataTableRole.Adtte, DataTableRole.Adae })
            columnSources.Add(participantSource with { Table = role });
        var arm = adsl?.Get("arm") is { } an
            ? Binding(table, an, "arm", K.AdslArm, defined.Arms.Select(a => a.Id), "arm", "arms")
            : new ColumnBinding("arm", Named(table, null, adslNode, "arm", "ARM"), ValueList<ValueCode>.Empty);
        string site = Named(table, adsl?.Get("site"), adslNode, "site", "SITEID");
        IReadOnlyList<ColumnBinding> strataColumns = adsl is null ? ValueList<ColumnBinding>.Empty : FactorBindings(table, adsl, "strata", K.AdslStratum, required: true);
        IReadOnlyList<ColumnBinding> covariateColumns = adsl is null ? ValueList<ColumnBinding>.Empty : CovariateBindings(table, adsl, K.AdslCovariate, required: true);
        if (adsl is null && (defined.Strata.Count > 0 || defined.Covariates.Count > 0)) throw m.Missing("adsl");
        string randomized = Named(table, adsl?.Get("randomized"), adslNode, "randomized", "RANDDT");

        var tte = m.Require("adtte").Map(K.Adtte);
        var parameters = new List<AdamParameter>();
        foreach (var (key, value) in tte.Require("parameters").Entries())
            parameters.Add(new AdamParameter(key.Reference(defined.Endpoints.Select(e => e.Id), "endpoint"), value.String()));
        var descriptions = new List<AdamEventDescriptions>();
        var eventsNode = tte.Require("events");
        foreach (var (key, value) in eventsNode.Entries())
            descriptions.Add(new AdamEventDescriptions(key.Reference(defined.Components.Select(c => c.Id), "component"), value.DistinctStrings("event description", allowScalar: true)));
        foreach (var endpoint in defined.Endpoints)
            foreach (string component in endpoint.Components)
                if (!descriptions.Any(e => e.Component == component))
                    throw eventsNode.Error($"component '{component}' (used by endpoint '{endpoint.Id}') has no EVNTDESC values");

        var adae = m.Get("adae")?.Map(K.Adae);
        var adaeNode = adae?.Node ?? m.Node;
        string term = Named(DataTableRole.Adae, adae?.Get("term"), adaeNode, "term", "AEDECOD");
        string grade = Named(DataTableRole.Adae, adae?.Get("grade"), adaeNode, "grade", "AETOXGRN");
        return new AdamMapping(participant, arm, site, strataColumns, covariateColumns, randomized,
            ValueList<AdamParameter>.From(defined.Endpoints.Select(e => parameters.Find(p => p.Endpoint == e.Id)).OfType<AdamParameter>()),
            ValueList<AdamEventDescriptions>.From(defined.Components.Select(c => descriptions.Find(e => e.Component == c.Id)).OfType<AdamEventDescriptions>()),
            new AdverseEventColumns(participant, term, grade) { Serious = adae?.Get("serious") is { } serious ? Named(DataTableRole.Adae, serious) : null });
    }

    private IReadOnlyList<ColumnBinding> FactorBindings(DataTableRole table, YMap m, string key, KeySet keys, bool required)
    {
        var result = new List<ColumnBinding>();
        var node = m.Get(key);
        if (node is { } n)
            foreach (var (k, value) in n.Entries())
            {
                string id = k.Reference(defined.Strata.Select(f => f.Id), "stratification factor");
                result.Add(Binding(table, value, id, keys, defined.Strata.First(f => f.Id == id).Levels, "level", $"the levels of '{id}'"));
            }
        if (required)
            foreach (var factor in defined.Strata)
                if (!result.Any(b => b.Concept == factor.Id))
                    throw node is { } nn ? nn.Error($"stratification factor '{factor.Id}' has no column") : m.Missing(key);
        return ValueList<ColumnBinding>.From(defined.Strata.Select(f => result.Find(b => b.Concept == f.Id)).OfType<ColumnBinding>());
    }

    private IReadOnlyList<ColumnBinding> CovariateBindings(DataTableRole table, YMap m, KeySet keys, bool required)
    {
        var result = new List<ColumnBinding>();
        var node = m.Get("covariates");
        if (node is { } n)
            foreach (var (k, value) in n.Entries())
            {
                string id = k.Reference(defined.Covariates.Select(c => c.Id), "covariate");
                var levels = defined.Covariates.First(c => c.Id == id).Levels;
                result.Add(Binding(table, value, id, keys, levels.Count > 0 ? levels : null, "level", $"the levels of '{id}'"));
            }
        if (required)
            foreach (var covariate in defined.Covariates)
                if (!result.Any(b => b.Concept == covariate.Id))
                    throw node is { } nn ? nn.Error($"covariate '{covariate.Id}' has no column") : m.Missing("covariates");
        return ValueList<ColumnBinding>.From(defined.Covariates.Select(c => result.Find(b => b.Concept == c.Id)).OfType<ColumnBinding>());
    }

    /// <summary>A column name, or {column, values: {code: data value}} with codes checked against <paramref name="codes"/>.</summary>
    private ColumnBinding Binding(DataTableRole table, YNode node, string concept, KeySet keys, IEnumerable<string>? codes, string what, string plural)
    {
        if (node.IsScalar) return new ColumnBinding(concept, Named(table, node), ValueList<ValueCode>.Empty);
        var m = node.Map(keys);
        string column = Named(table, m.Require("column"));
        var values = new List<ValueCode>();
        if (m.Get("values") is { } vn)
            foreach (var (key, value) in vn.Entries())
            {
                string code = codes is null ? key.String() : key.Reference(codes, what, plural);
                string data = value.String();
                if (values.Any(v => v.DataValue == data)) throw value.Error($"data value '{data}' is given for two codes");
                values.Add(new ValueCode(code, data));
            }
        return new ColumnBinding(concept, column, ValueList<ValueCode>.From(values));
    }

    /// <summary>A column name written at <paramref name="node"/>, remembered with its location for the data readers.</summary>
    private string Named(DataTableRole table, YNode node)
    {
        string column = node.String();
        columnSources.Add(new ColumnSource(table, column, node.Location(), false));
        return column;
    }

    /// <summary>An ADSL or ADAE column written at <paramref name="node"/>, or the key's default when the protocol omits it.</summary>
    private string Named(DataTableRole table, YNode? node, YNode mapping, string key, string fallback)
    {
        if (node is { } n) return Named(table, n);
        string path = (table == DataTableRole.Adae ? "data.adam.adae." : "data.adam.adsl.") + key;
        columnSources.Add(new ColumnSource(table, fallback, mapping.Omitted(path), true));
        return fallback;
    }

    /// <summary>Every analysed endpoint has its ADTTE parameter, and a safety analysis its adverse-event columns.</summary>
    public static void CheckCoversAnalyses(YMap dataMap, DataMapping data, AnalysisPlan analyses)
    {
        if (analyses.Safety is not null && data.Simple is { AdverseEvents: null })
            throw dataMap.Require("simple").Error("the safety analysis needs 'adverse_events' (participant, term and grade columns)");
        if (data.Adam is { } adam)
        {
            var used = new[] { analyses.Primary.Endpoint, analyses.Subgroups?.Endpoint, analyses.Monitoring?.Endpoint }
                .Concat(analyses.Secondary.Select(a => a.Endpoint)).Concat(analyses.CompetingRisks.Select(a => a.Endpoint));
            var parametersNode = dataMap.Require("adam").Map(K.Adam).Require("adtte").Map(K.Adtte).Require("parameters");
            foreach (string? endpoint in used)
                if (endpoint is not null && !adam.Parameters.Any(p => p.Endpoint == endpoint))
                    throw parametersNode.Error($"endpoint '{endpoint}' is analysed but has no ADTTE PARAMCD; add '{endpoint}: <PARAMCD>'");
        }
    }
}
