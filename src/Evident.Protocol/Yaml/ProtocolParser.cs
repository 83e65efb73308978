using System.Globalization;
using Evident.Design;
using Evident.Statistics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Evident.Statistics.Cox;
using Evident.Statistics.Safety;
using K = Evident.Protocol.Yaml.ProtocolKeys;

namespace Evident.Protocol.Yaml;

/// <summary>
/// Reads the YAML representation model into the protocol model, checking types, ranges and every cross-reference.
/// Sections are read in dependency order (arms and strata before allocation, components before endpoints, endpoints
/// before data and analyses) so a reference can be checked where it is written.
/// </summary>
internal sealed class ProtocolParser
{
    private const string Site = "site";

    private readonly string source;
    private ValueList<TrialArm> arms = ValueList<TrialArm>.Empty;
    private ValueList<StratificationFactor> strata = ValueList<StratificationFactor>.Empty;
    private ValueList<Covariate> covariates = ValueList<Covariate>.Empty;
    private ValueList<EventComponent> components = ValueList<EventComponent>.Empty;
    private ValueList<Endpoint> endpoints = ValueList<Endpoint>.Empty;
    private readonly List<ColumnSource> columnSources = [];

    private ProtocolParser(string source) => this.source = source;

    public static TrialProtocol Parse(string yaml, string source, string hash)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // YamlDotNet prefixes "(Line: l, Col: c, Idx: i) - (Line: …): "; the position is reported separately.
            string message = e.Message;
            int cut = message.StartsWith("(Line", StringComparison.Ordinal) ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
            if (cut >= 0) message = message[(cut + 3)..];
            throw new ProtocolException(source, (int)e.Start.Line, (int)e.Start.Column, "", $"not valid YAML: {message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet 18 throws this, without a position, when the text ends inside a flow collection or quote.
            int lines = yaml.AsSpan().Count('\n') + 1;
            throw new ProtocolException(source, lines, 1, "", "not valid YAML: the file ends inside an unclosed bracket, brace or quote", e);
        }
        if (stream.Documents.Count == 0) throw new ProtocolException(source, 1, 1, "", "the file is empty");
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            throw new ProtocolException(source, (int)second.Start.Line, (int)second.Start.Column, "", "the file holds more than one YAML document; a protocol is one document");
        }
        return new ProtocolParser(source).Read(new YNode(stream.Documents[0].RootNode, "", source), hash);
    }

    private TrialProtocol Read(YNode rootNode, string hash)
    {
        var root = rootNode.Map(K.Root);
        var trial = Identity(root.Require("trial").Map(K.Trial));
        var summary = root.Get("summary") is { } s ? Summary(s.Map(K.Summary)) : new ClinicianSummary(null, ValueList<Abbreviation>.Empty);
        var timeUnit = root.Get("time_unit") is { } tu
            ? Choice(tu, ("days", TimeUnit.Days), ("weeks", TimeUnit.Weeks), ("months", TimeUnit.Months), ("years", TimeUnit.Years))
            : TimeUnit.Months;

        arms = Arms(root.Require("arms"));
        strata = List(root.Get("strata"), "stratification factor", n => Factor(n.Map(K.Stratum)));
        var sites = List(root.Get("sites"), "site", n =>
        {
            var m = n.Map(K.Site);
            string id = m.Require("id").Id();
            return new TrialSite(id, m.String("label") ?? id);
        });
        covariates = List(root.Get("covariates"), "covariate", n =>
        {
            var m = n.Map(K.Covariate);
            string id = ReservedCheck(m.Require("id"));
            return new Covariate(id, m.String("label") ?? id, m.Get("levels") is { } l ? DistinctStrings(l, "level") : ValueList<string>.Empty);
        });
        foreach (var (covariate, node) in Zip(covariates, root.Get("covariates")))
            if (strata.Any(f => f.Id == covariate.Id))
                throw node.Map(K.Covariate).Require("id").Error($"'{covariate.Id}' is already a stratification factor; ids of strata and covariates must differ");

        var allocation = Allocation(root.Require("allocation").Map(K.Allocation));
        var eligibility = List(root.Get("eligibility"), "eligibility question", n =>
        {
            var m = n.Map(K.Eligibility);
            return new EligibilityQuestion(m.Require("id").Id(), m.Require("text").String(), m.Boolean("required_answer") ?? true);
        });
        components = List(root.Require("components"), "component", n =>
        {
            var m = n.Map(K.Component);
            string id = m.Require("id").Id();
            return new EventComponent(id, m.String("label") ?? id);
        }, atLeastOne: true);
        endpoints = List(root.Require("endpoints"), "endpoint", n => ReadEndpoint(n.Map(K.Endpoint)), atLeastOne: true);

        var data = Data(root.Require("data").Map(K.Data));
        var design = root.Get("design") is { } d ? Design(d.Map(K.Design)) : null;
        var analyses = Analyses(root.Require("analyses").Map(K.Analyses), root, design);
        CheckDataCoversAnalyses(root, data, analyses);

        return new TrialProtocol(trial, summary, timeUnit, arms, allocation, strata, sites, covariates, eligibility, components, endpoints, data, design, analyses, source, hash);
    }

    private static TrialIdentity Identity(YMap m) => new(
        m.Require("id").Id(), m.Require("title").String(), m.String("short_title"), m.String("sponsor"),
        m.String("registration"), m.String("version"), m.String("citation"));

    private static ClinicianSummary Summary(YMap m)
    {
        var abbreviations = new List<Abbreviation>();
        if (m.Get("abbreviations") is { } a)
            foreach (var (key, value) in a.Entries()) abbreviations.Add(new Abbreviation(key.String(), value.String()));
        return new ClinicianSummary(m.String("learning_objective"), ValueList<Abbreviation>.From(abbreviations));
    }

    private ValueList<TrialArm> Arms(YNode node)
    {
        var result = List(node, "arm", n =>
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

    private StratificationFactor Factor(YMap m)
    {
        string id = ReservedCheck(m.Require("id"));
        var levels = DistinctStrings(m.Require("levels"), "level");
        if (levels.Count == 0) throw m.Require("levels").Error($"stratification factor '{id}' needs at least one level");
        return new StratificationFactor(id, m.String("label") ?? id, levels);
    }

    private static string ReservedCheck(YNode node)
    {
        string id = node.Id();
        if (id is Site or "arm") throw node.Error($"'{id}' is reserved; choose another id");
        return id;
    }

    private AllocationPlan Allocation(YMap m)
    {
        var ratioNode = m.Require("ratio");
        var ratio = Ratio(ratioNode);
        int sum = ratio.Sum();
        var method = m.Get("method") is { } mn
            ? Choice(mn, ("permuted-blocks", AllocationMethod.PermutedBlocks), ("minimization", AllocationMethod.Minimization))
            : AllocationMethod.PermutedBlocks;

        IReadOnlyList<int> blocks = ValueList<int>.Empty;
        IReadOnlyList<string> stratifyBy = ValueList<string>.Empty;
        MinimizationSettings? minimization = null;
        if (method == AllocationMethod.PermutedBlocks)
        {
            if (m.Get("minimization") is { } extra) throw extra.Error("is only allowed with 'method: minimization'");
            var blockNode = m.Require("block_sizes");
            var sizes = new List<int>();
            foreach (var item in blockNode.Items())
            {
                int size = item.Integer();
                if (size <= 0 || size % sum != 0)
                    throw item.Error($"block size {size} is not a positive multiple of {sum}, the sum of the ratio {string.Join(':', ratio)}");
                if (sizes.Contains(size)) throw item.Error($"block size {size} is listed twice");
                sizes.Add(size);
            }
            if (sizes.Count == 0) throw blockNode.Error("give at least one block size");
            blocks = ValueList<int>.From(sizes);
            stratifyBy = m.Get("stratify_by") is { } sb
                ? References(sb, strata.Select(f => f.Id), "stratification factor", allowScalar: false)
                : ValueList<string>.From(strata.Select(f => f.Id));
        }
        else
        {
            if (m.Get("block_sizes") is { } extra) throw extra.Error("is only allowed with 'method: permuted-blocks'");
            if (m.Get("stratify_by") is { } extra2) throw extra2.Error("is only allowed with 'method: permuted-blocks'; minimization uses 'minimization.factors'");
            var mm = m.Get("minimization")?.Map(K.Minimization);
            var factors = mm?.Get("factors") is { } fn
                ? References(fn, strata.Select(f => f.Id).Append(Site), "minimization factor", allowScalar: false)
                : ValueList<string>.From(strata.Select(f => f.Id));
            if (factors.Count == 0) throw (mm?.Get("factors") ?? m.Node).Error("minimization needs at least one factor");
            double p = 0.8;
            if (mm?.Get("probability") is { } pn)
            {
                p = pn.Number();
                if (!(p > 0.5 && p <= 1)) throw pn.Error($"probability = {Num(p)}; it must lie in (0.5, 1]");
            }
            minimization = new MinimizationSettings(factors, p);
        }
        return new AllocationPlan(ValueList<int>.From(ratio), method, blocks, stratifyBy, minimization);
    }

    private int[] Ratio(YNode node)
    {
        string text = node.IsScalar ? node.String() : throw node.Error("expected a ratio such as \"1:1\"");
        string[] parts = text.Split(':');
        var ratio = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out ratio[i]) || ratio[i] <= 0)
                throw node.Error($"'{text}' is not a ratio of positive whole numbers such as 1:1 or 2:1");
        if (ratio.Length != arms.Count)
            throw node.Error($"the ratio {text} has {ratio.Length} part{(ratio.Length == 1 ? "" : "s")} but there are {arms.Count} arms ({Names(arms.Select(a => a.Id))}); give one number per arm, in the order of 'arms'");
        return ratio;
    }

    private Endpoint ReadEndpoint(YMap m)
    {
        string id = m.Require("id").Id();
        string label = m.String("label") ?? id;
        var eventsNode = m.Get("events");
        var causesNode = m.Get("causes");
        if (eventsNode is not null && causesNode is not null)
            throw causesNode.Value.Error("give either 'events' (first of several components) or 'causes' (competing risks), not both");
        if (eventsNode is null && causesNode is null) throw m.Missing("events");

        var origin = m.Get("origin") is { } o ? Choice(o, ("randomization", EndpointOrigin.Randomization)) : EndpointOrigin.Randomization;
        var censor = m.Get("censor_at") is { } c ? Choice(c, ("last_contact", CensoringRule.LastContact)) : CensoringRule.LastContact;
        double? milestone = m.Get("milestone") is { } mi ? Positive(mi, "the milestone") : null;
        double? horizon = m.Get("rmst_horizon") is { } h ? Positive(h, "the RMST horizon") : null;

        if (eventsNode is { } ev)
        {
            var parts = References(ev, components.Select(x => x.Id), "component", allowScalar: true, distinct: true);
            if (parts.Count == 0) throw ev.Error("give at least one component");
            return new Endpoint(id, label, EndpointKind.FirstEvent, parts, ValueList<CompetingCause>.Empty, origin, censor, milestone, horizon);
        }

        if (m.Get("rmst_horizon") is { } hn) throw hn.Error("the RMST is defined for first-event endpoints only, not for competing risks");
        var used = new Dictionary<string, string>();
        var causes = List(causesNode, "cause", n =>
        {
            var cm = n.Map(K.Cause);
            string causeId = cm.Require("id").Id();
            var evNode = cm.Require("events");
            var parts = References(evNode, components.Select(x => x.Id), "component", allowScalar: true, distinct: true);
            if (parts.Count == 0) throw evNode.Error("give at least one component");
            var items = evNode.IsScalar ? [evNode] : evNode.Items();
            for (int i = 0; i < parts.Count; i++)
            {
                if (used.TryGetValue(parts[i], out string? other))
                    throw items[i].Error($"component '{parts[i]}' already belongs to cause '{other}'; each component is one cause");
                used.Add(parts[i], causeId);
            }
            return new CompetingCause(causeId, cm.String("label") ?? causeId, parts);
        });
        if (causes.Count < 2) throw causesNode!.Value.Error("a competing-risks endpoint needs at least two causes");
        return new Endpoint(id, label, EndpointKind.CompetingRisks, ValueList<string>.From(causes.SelectMany(x => x.Components)),
            causes, origin, censor, milestone, null);
    }

    private DataMapping Data(YMap m)
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
        var arm = Binding(table, m.Require("arm"), "arm", K.SimpleArm, arms.Select(a => a.Id), "arm", "arms");
        string? site = m.Get("site") is { } siteNode ? Named(table, siteNode) : null;
        var strataColumns = FactorBindings(table, m, "strata", K.SimpleStratum, required: true);
        var covariateColumns = CovariateBindings(table, m, K.SimpleCovariate, required: true);
        string randomized = Named(table, m.Require("randomized"));
        string lastContact = Named(table, m.Require("last_contact"));

        var eventsNode = m.Require("events");
        var events = new List<ComponentColumns>();
        foreach (var (key, value) in eventsNode.Entries())
        {
            string component = Reference(key, components.Select(c => c.Id), "component");
            var em = value.Map(K.SimpleEvent);
            string date = Named(table, em.Require("date"));
            string? type = em.Get("type") is { } typeNode ? Named(table, typeNode) : null;
            IReadOnlyList<string> values = ValueList<string>.Empty;
            if (type is not null) values = DistinctStrings(em.Require("values"), "value", allowScalar: true);
            else if (em.Get("values") is { } vn) throw vn.Error("'values' needs 'type', the column the values are read from");
            events.Add(new ComponentColumns(component, date, type, values));
        }
        foreach (var endpoint in endpoints)
            foreach (string component in endpoint.Components)
                if (!events.Any(e => e.Component == component))
                    throw eventsNode.Error($"component '{component}' (used by endpoint '{endpoint.Id}') has no columns; add '{component}: {{date: …}}'");

        AdverseEventColumns? adverse = null;
        if (m.Get("adverse_events") is { } ae)
        {
            var am = ae.Map(K.SimpleAdverseEvents);
            string aeParticipant;
            if (am.Get("participant") is { } pn) aeParticipant = Named(DataTableRole.AdverseEvents, pn);
            else columnSources.Add(new ColumnSource(DataTableRole.AdverseEvents, aeParticipant = participant, participantNode.Location(), false));
            adverse = new AdverseEventColumns(aeParticipant, Named(DataTableRole.AdverseEvents, am.Require("term")), Named(DataTableRole.AdverseEvents, am.Require("grade")));
        }
        return new SimpleLayoutMapping(participant, arm, site, strataColumns, covariateColumns, randomized, lastContact,
            ValueList<ComponentColumns>.From(components.Select(c => events.Find(e => e.Component == c.Id)).OfType<ComponentColumns>()),
            adverse);
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
            ? Binding(table, an, "arm", K.AdslArm, arms.Select(a => a.Id), "arm", "arms")
            : new ColumnBinding("arm", Named(table, null, adslNode, "arm", "ARM"), ValueList<ValueCode>.Empty);
        string site = Named(table, adsl?.Get("site"), adslNode, "site", "SITEID");
        IReadOnlyList<ColumnBinding> strataColumns = adsl is null ? ValueList<ColumnBinding>.Empty : FactorBindings(table, adsl, "strata", K.AdslStratum, required: true);
        IReadOnlyList<ColumnBinding> covariateColumns = adsl is null ? ValueList<ColumnBinding>.Empty : CovariateBindings(table, adsl, K.AdslCovariate, required: true);
        if (adsl is null && (strata.Count > 0 || covariates.Count > 0)) throw m.Missing("adsl");
        string randomized = Named(table, adsl?.Get("randomized"), adslNode, "randomized", "RANDDT");

        var tte = m.Require("adtte").Map(K.Adtte);
        var parameters = new List<AdamParameter>();
        foreach (var (key, value) in tte.Require("parameters").Entries())
            parameters.Add(new AdamParameter(Reference(key, endpoints.Select(e => e.Id), "endpoint"), value.String()));
        var descriptions = new List<AdamEventDescriptions>();
        var eventsNode = tte.Require("events");
        foreach (var (key, value) in eventsNode.Entries())
            descriptions.Add(new AdamEventDescriptions(Reference(key, components.Select(c => c.Id), "component"), DistinctStrings(value, "event description", allowScalar: true)));
        foreach (var endpoint in endpoints)
            foreach (string component in endpoint.Components)
                if (!descriptions.Any(e => e.Component == component))
                    throw eventsNode.Error($"component '{component}' (used by endpoint '{endpoint.Id}') has no EVNTDESC values");

        var adae = m.Get("adae")?.Map(K.Adae);
        var adaeNode = adae?.Node ?? m.Node;
        string term = Named(DataTableRole.Adae, adae?.Get("term"), adaeNode, "term", "AEDECOD");
        string grade = Named(DataTableRole.Adae, adae?.Get("grade"), adaeNode, "grade", "AETOXGRN");
        return new AdamMapping(participant, arm, site, strataColumns, covariateColumns, randomized,
            ValueList<AdamParameter>.From(endpoints.Select(e => parameters.Find(p => p.Endpoint == e.Id)).OfType<AdamParameter>()),
            ValueList<AdamEventDescriptions>.From(components.Select(c => descriptions.Find(e => e.Component == c.Id)).OfType<AdamEventDescriptions>()),
            new AdverseEventColumns(participant, term, grade));
    }

    private IReadOnlyList<ColumnBinding> FactorBindings(DataTableRole table, YMap m, string key, KeySet keys, bool required)
    {
        var result = new List<ColumnBinding>();
        var node = m.Get(key);
        if (node is { } n)
            foreach (var (k, value) in n.Entries())
            {
                string id = Reference(k, strata.Select(f => f.Id), "stratification factor");
                result.Add(Binding(table, value, id, keys, strata.First(f => f.Id == id).Levels, "level", $"the levels of '{id}'"));
            }
        if (required)
            foreach (var factor in strata)
                if (!result.Any(b => b.Concept == factor.Id))
                    throw node is { } nn ? nn.Error($"stratification factor '{factor.Id}' has no column") : m.Missing(key);
        return ValueList<ColumnBinding>.From(strata.Select(f => result.Find(b => b.Concept == f.Id)).OfType<ColumnBinding>());
    }

    private IReadOnlyList<ColumnBinding> CovariateBindings(DataTableRole table, YMap m, KeySet keys, bool required)
    {
        var result = new List<ColumnBinding>();
        var node = m.Get("covariates");
        if (node is { } n)
            foreach (var (k, value) in n.Entries())
            {
                string id = Reference(k, covariates.Select(c => c.Id), "covariate");
                var levels = covariates.First(c => c.Id == id).Levels;
                result.Add(Binding(table, value, id, keys, levels.Count > 0 ? levels : null, "level", $"the levels of '{id}'"));
            }
        if (required)
            foreach (var covariate in covariates)
                if (!result.Any(b => b.Concept == covariate.Id))
                    throw node is { } nn ? nn.Error($"covariate '{covariate.Id}' has no column") : m.Missing("covariates");
        return ValueList<ColumnBinding>.From(covariates.Select(c => result.Find(b => b.Concept == c.Id)).OfType<ColumnBinding>());
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
                string code = codes is null ? key.String() : Reference(key, codes, what, plural);
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

    private ProtocolDesign Design(YMap m)
    {
        var infoNode = m.Get("information");
        double[]? information = null;
        if (infoNode is { } inode)
        {
            var items = inode.Items();
            information = new double[items.Count];
            for (int i = 0; i < items.Count; i++)
            {
                double t = items[i].Number();
                if (!(t > 0 && t <= 1)) throw items[i].Error($"information fraction {Num(t)} must lie in (0, 1]");
                if (i > 0 && !(t > information[i - 1]))
                    throw items[i].Error($"information fractions must increase; {Num(t)} follows {Num(information[i - 1])}");
                information[i] = t;
            }
            if (items.Count == 0) throw inode.Error("give at least one information fraction");
            if (information[^1] != 1) throw items[^1].Error($"the last information fraction is {Num(information[^1])}; it must be 1 (the final analysis)");
        }
        int looks = information?.Length ?? 1;
        if (m.Get("looks") is { } ln)
        {
            looks = ln.Integer();
            if (looks < 1 || looks > 50) throw ln.Error($"looks = {looks}; it must lie in 1 … 50");
            if (information is not null && information.Length != looks)
                throw ln.Error($"looks = {looks} but 'information' lists {information.Length} fractions");
        }

        double alpha = 0.025;
        if (m.Get("alpha") is { } an)
        {
            alpha = an.Number();
            if (!(alpha > 0 && alpha < 0.5)) throw an.Error($"alpha = {Num(alpha)}; it must lie in (0, 0.5)");
        }
        bool twoSided = m.Boolean("two_sided") ?? false;
        var spending = m.Get("spending") is { } sn ? Spending(sn) : SpendingFunction.OBrienFleming;

        double beta = 0.2;
        var betaNode = m.Get("beta");
        var powerNode = m.Get("power");
        if (betaNode is not null && powerNode is not null) throw powerNode.Value.Error("give either 'beta' or 'power' (= 1 − beta), not both");
        if (betaNode is { } bn)
        {
            beta = bn.Number();
            if (!(beta > 0 && beta < 1 - alpha)) throw bn.Error($"beta = {Num(beta)}; it must lie in (0, 1 − alpha) = (0, {Num(1 - alpha)})");
        }
        if (powerNode is { } pn)
        {
            double power = pn.Number();
            if (!(power > alpha && power < 1)) throw pn.Error($"power = {Num(power)}; it must lie in (alpha, 1) = ({Num(alpha)}, 1)");
            beta = 1 - power;
        }
        SpendingFunction? betaSpending = m.Get("beta_spending") is { } bsn ? Spending(bsn) : null;
        if (betaSpending is not null && twoSided) throw m.Require("beta_spending").Error("beta-spending futility bounds are for one-sided designs only");
        bool binding = m.Boolean("binding") ?? false;
        if (binding && betaSpending is null) throw m.Require("binding").Error("binding futility needs 'beta_spending'");

        double? hr = null;
        if (m.Get("hazard_ratio") is { } hn)
        {
            hr = hn.Number();
            if (!(hr > 0) || hr == 1) throw hn.Error($"hazard_ratio = {Num(hr.Value)}; it must be positive and different from 1");
        }
        var medianNode = m.Get("control_median");
        var hazardNode = m.Get("control_hazard");
        if (medianNode is not null && hazardNode is not null) throw hazardNode.Value.Error("give either 'control_median' or 'control_hazard', not both");
        double? median = medianNode is { } mdn ? Positive(mdn, "control_median") : null;
        double? hazard = hazardNode is { } hzn ? Positive(hzn, "control_hazard") : null;
        double? accrual = m.Get("accrual_duration") is { } acn ? Positive(acn, "accrual_duration") : null;
        double? followUp = null;
        if (m.Get("follow_up") is { } fn)
        {
            followUp = fn.Number();
            if (followUp < 0) throw fn.Error($"follow_up = {Num(followUp.Value)}; it must be ≥ 0");
        }
        int? participants = null;
        if (m.Get("participants") is { } ptn)
        {
            participants = ptn.Integer();
            if (participants < 2) throw ptn.Error($"participants = {participants}; it must be at least 2");
        }
        double dropout = 0;
        if (m.Get("dropout_rate") is { } drn)
        {
            dropout = drn.Number();
            if (!(dropout >= 0 && dropout < 1)) throw drn.Error($"dropout_rate = {Num(dropout)}; it must lie in [0, 1)");
        }
        double dropoutTime = m.Get("dropout_time") is { } dtn ? Positive(dtn, "dropout_time") : 12;
        int? events = null;
        if (m.Get("planned_events") is { } en)
        {
            events = en.Integer();
            if (events < 1) throw en.Error($"planned_events = {events}; it must be at least 1");
        }

        var options = new GroupSequentialOptions
        {
            Looks = looks,
            Information = information is null ? null : new ValueList<double>(information),
            Alpha = alpha,
            TwoSided = twoSided,
            Spending = spending,
            Beta = beta,
            BetaSpending = betaSpending,
            BindingFutility = binding,
        };
        return new ProtocolDesign(options, hr, median, hazard, accrual, followUp, participants, dropout, dropoutTime, events);
    }

    private static SpendingFunction Spending(YNode node)
    {
        try
        {
            return SpendingFunction.Parse(node.String());
        }
        catch (ArgumentException e)
        {
            throw node.Error(e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private AnalysisPlan Analyses(YMap m, YMap root, ProtocolDesign? design)
    {
        var pm = m.Require("primary").Map(K.Primary);
        string primaryEndpoint = EndpointRef(pm.Require("endpoint"), EndpointKind.FirstEvent, "the primary analysis");
        var controlId = arms.First(a => a.IsControl).Id;
        IReadOnlyList<string> compare = ValueList<string>.From(arms.Where(a => !a.IsControl).Select(a => a.Id));
        if (pm.Get("compare") is { } cn)
        {
            compare = References(cn, arms.Select(a => a.Id), "arm", allowScalar: true, distinct: true);
            var items = cn.IsScalar ? [cn] : cn.Items();
            for (int i = 0; i < compare.Count; i++)
                if (compare[i] == controlId)
                    throw items[i].Error($"arm '{controlId}' is the control; 'compare' lists the arms compared with it");
            if (compare.Count == 0) throw cn.Error("give at least one arm to compare with the control");
        }
        var stratifyBy = pm.Get("stratify_by") is { } sb
            ? References(sb, strata.Select(f => f.Id), "stratification factor", allowScalar: true, distinct: true)
            : ValueList<string>.From(strata.Select(f => f.Id));
        var ties = pm.Get("ties") is { } tn ? Choice(tn, ("efron", TieMethod.Efron), ("breslow", TieMethod.Breslow)) : TieMethod.Efron;
        double level = 0.95;
        if (pm.Get("confidence_level") is { } ln)
        {
            level = ln.Number();
            if (!(level > 0 && level < 1)) throw ln.Error($"confidence_level = {Num(level)}; it must lie in (0, 1), e.g. 0.95");
        }
        var confType = pm.Get("conf_type") is { } ctn
            ? Choice(ctn, ("log", ConfidenceType.Log), ("log-log", ConfidenceType.LogLog), ("plain", ConfidenceType.Plain))
            : ConfidenceType.Log;
        var primary = new PrimaryAnalysis(primaryEndpoint, compare, stratifyBy, pm.Boolean("by_stratum") ?? true, ties, level, confType);

        SubgroupAnalysis? subgroups = null;
        if (m.Get("subgroups") is { } sgn)
        {
            var sm = sgn.Map(K.Subgroups);
            string endpoint = sm.Get("endpoint") is { } en ? EndpointRef(en, EndpointKind.FirstEvent, "the subgroup analysis") : primaryEndpoint;
            var byNode = sm.Require("by");
            var by = References(byNode, strata.Select(f => f.Id).Concat(covariates.Select(c => c.Id)), "stratification factor or covariate", allowScalar: true, distinct: true);
            if (by.Count == 0) throw byNode.Error("give at least one stratification factor or covariate");
            subgroups = new SubgroupAnalysis(endpoint, by);
        }

        CompetingRisksAnalysis? competing = null;
        if (m.Get("competing_risks") is { } crn)
        {
            var cm = crn.Map(K.CompetingRisks);
            string endpoint = EndpointRef(cm.Require("endpoint"), EndpointKind.CompetingRisks, "the competing-risks analysis");
            competing = new CompetingRisksAnalysis(endpoint, cm.String("title") ?? endpoints.First(e => e.Id == endpoint).Label,
                cm.Boolean("by_stratum") ?? false, cm.Boolean("gray_test") ?? true);
        }

        SafetyAnalysis? safety = null;
        if (m.Get("safety") is { } sfn)
        {
            var sm = sfn.Map(K.Safety);
            int grade = 3;
            if (sm.Get("min_grade") is { } gn)
            {
                grade = gn.Integer();
                if (grade < 1 || grade > 5) throw gn.Error($"min_grade = {grade}; CTCAE grades are 1 … 5");
            }
            safety = new SafetyAnalysis(grade, sm.Get("terms") is { } tm ? DistinctStrings(tm, "term") : ValueList<string>.Empty,
                sm.Boolean("by_stratum") ?? true);
        }

        MonitoringPlan? monitoring = null;
        if (m.Get("monitoring") is { } mon)
        {
            var mm = mon.Map(K.Monitoring);
            if (design is null) throw mon.Error("interim monitoring needs a 'design' section (looks, spending, alpha, planned_events)");
            if (design.PlannedEvents is null)
                throw mon.Error("interim monitoring needs 'planned_events' in 'design' (events at information fraction 1)");
            string endpoint = mm.Get("endpoint") is { } en ? EndpointRef(en, EndpointKind.FirstEvent, "interim monitoring") : primaryEndpoint;
            monitoring = new MonitoringPlan(endpoint, mm.Boolean("stratified") ?? true);
        }
        return new AnalysisPlan(primary, subgroups, competing, safety, monitoring);
    }

    private void CheckDataCoversAnalyses(YMap root, DataMapping data, AnalysisPlan analyses)
    {
        var dataMap = root.Require("data").Map(K.Data);
        if (analyses.Safety is not null && data.Simple is { AdverseEvents: null })
            throw dataMap.Require("simple").Error("the safety analysis needs 'adverse_events' (participant, term and grade columns)");
        if (data.Adam is { } adam)
        {
            var used = new[] { analyses.Primary.Endpoint, analyses.Subgroups?.Endpoint, analyses.CompetingRisks?.Endpoint, analyses.Monitoring?.Endpoint };
            var parametersNode = dataMap.Require("adam").Map(K.Adam).Require("adtte").Map(K.Adtte).Require("parameters");
            foreach (string? endpoint in used)
                if (endpoint is not null && !adam.Parameters.Any(p => p.Endpoint == endpoint))
                    throw parametersNode.Error($"endpoint '{endpoint}' is analysed but has no ADTTE PARAMCD; add '{endpoint}: <PARAMCD>'");
        }
    }

    private string EndpointRef(YNode node, EndpointKind kind, string what)
    {
        string id = Reference(node, endpoints.Select(e => e.Id), "endpoint");
        var endpoint = endpoints.First(e => e.Id == id);
        if (endpoint.Kind != kind)
            throw node.Error(kind == EndpointKind.FirstEvent
                ? $"endpoint '{id}' is a competing-risks endpoint; {what} needs a first-event endpoint (one with 'events')"
                : $"endpoint '{id}' is a first-event endpoint; {what} needs a competing-risks endpoint (one with 'causes')");
        return id;
    }

    // ---- generic readers -------------------------------------------------------------------------------------------

    /// <summary>A list of mappings with an <c>id</c> key each; ids must be distinct.</summary>
    private static ValueList<T> List<T>(YNode? node, string what, Func<YNode, T> read, bool atLeastOne = false)
    {
        if (node is not { } n) return ValueList<T>.Empty;
        var items = n.Items();
        if (atLeastOne && items.Count == 0) throw n.Error($"give at least one {what}");
        var result = new T[items.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            result[i] = read(items[i]);
            var idNode = ((YamlMappingNode)items[i].Node).Children[new YamlScalarNode("id")];
            if (!seen.Add(((YamlScalarNode)idNode).Value!))
                throw new YNode(idNode, items[i].Path + ".id", n.Source).Error($"{what} id '{((YamlScalarNode)idNode).Value}' is defined twice");
        }
        return new ValueList<T>(result);
    }

    private static IEnumerable<(T, YNode)> Zip<T>(IEnumerable<T> values, YNode? node) =>
        node is { } n ? values.Zip(n.Items()) : [];

    private static T Choice<T>(YNode node, params (string Name, T Value)[] options)
    {
        string text = node.String();
        foreach (var (name, value) in options)
            if (name == text) return value;
        throw node.Error($"'{text}' is not one of {string.Join(", ", options.Select(o => o.Name))}");
    }

    private static string Reference(YNode node, IEnumerable<string> defined, string what, string? plural = null)
    {
        string id = node.String();
        var known = defined.ToList();
        if (!known.Contains(id))
            throw node.Error(known.Count == 0
                ? $"{what} '{id}' is not defined; the protocol defines none"
                : $"{what} '{id}' is not defined; {plural ?? Plural(what)} are {Names(known)}");
        return id;
    }

    /// <summary>A list of references (or one scalar when allowed) to defined ids.</summary>
    private static ValueList<string> References(YNode node, IEnumerable<string> defined, string what, bool allowScalar, bool distinct = true)
    {
        var known = defined.ToList();
        if (node.IsScalar && !node.IsNull && allowScalar) return new ValueList<string>([Reference(node, known, what)]);
        var items = node.Items();
        var result = new List<string>(items.Count);
        foreach (var item in items)
        {
            string id = Reference(item, known, what);
            if (distinct && result.Contains(id)) throw item.Error($"{what} '{id}' is listed twice");
            result.Add(id);
        }
        return ValueList<string>.From(result);
    }

    private static ValueList<string> DistinctStrings(YNode node, string what, bool allowScalar = false)
    {
        if (node.IsScalar && allowScalar) return new ValueList<string>([node.String()]);
        var result = new List<string>();
        foreach (var item in node.Items())
        {
            string value = item.String();
            if (result.Contains(value)) throw item.Error($"{what} '{value}' is listed twice");
            result.Add(value);
        }
        return ValueList<string>.From(result);
    }

    private static double Positive(YNode node, string what)
    {
        double value = node.Number();
        if (!(value > 0)) throw node.Error($"{what} = {Num(value)}; it must be positive");
        return value;
    }

    private static string Plural(string what) =>
        what == "stratification factor or covariate" ? "stratification factors and covariates" : what + "s";

    private static string Names(IEnumerable<string> names) => string.Join(", ", names);

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
