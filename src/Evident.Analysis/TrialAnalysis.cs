using Evident.Protocol;
using System.Reflection;
using Evident.Analysis.Input;
using Evident.Data;
using Evident.Design.Monitoring;
using Evident.Statistics;
using Evident.Analysis.Results;
using Evident.Statistics.CompetingRisks;
using Evident.Statistics.Cox;
using Evident.Statistics.Safety;
using Evident.Statistics.Survival;

namespace Evident.Analysis;

/// <summary>
/// Runs a protocol's statistical analysis plan on a trial's data: the orchestration between the data layer and the
/// kernels. It maps follow-up to times, applies the data cut-off, and calls the kernels — Kaplan–Meier
/// (<c>survfit</c>), stratified log-rank (<c>survdiff</c>), stratified Cox (<c>coxph</c>), RMST (Royston–Parmar 2013),
/// Aalen–Johansen with Gray's test (<c>cmprsk::cuminc</c>), adverse-event tables with Fisher and CMH tests, and
/// group-sequential monitoring (Lan–DeMets 1983) — and collects their results. It formats nothing.
/// </summary>
/// <remarks>
/// Time = (end − start) in days ÷ the length of the protocol's time unit (a month is 365.25/12 days). With a cut-off,
/// participants randomized after it are left out and follow-up beyond it is censored at it. Strata of the primary
/// analysis are the combinations of the levels of <c>analyses.primary.stratify_by</c>.
/// </remarks>
public static class TrialAnalysis
{
    /// <summary>Analyses <paramref name="data"/> as <paramref name="protocol"/> prescribes.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="data">The data, mapped onto the protocol (<see cref="TrialDataLoader"/>).</param>
    /// <param name="options">Cut-off and labelling; null = none.</param>
    /// <exception cref="DataInputException">No participant remains, or the primary endpoint has no event at all.</exception>
    public static AnalysisResults Run(TrialProtocol protocol, TrialData data, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(data);
        options ??= new AnalysisOptions();
        var context = new Context(protocol, data, options);
        if (context.Rows.Length == 0)
            throw new DataInputException($"{data.Source}: no participant was randomized on or before the cut-off {options.Cutoff:yyyy-MM-dd}.", data.Source);
        var notes = new List<string>();
        var warnings = new List<string>();
        var primary = Primary(context);
        return new AnalysisResults(protocol, options.Cutoff, options.Synthetic, SoftwareVersion, data.Source, context.Rows.Length,
                                   data.Participants.Count - context.Rows.Length, primary, Subgroups(context),
                                   CompetingRisks(context, notes), Safety(context, notes, warnings), Monitoring(context, notes),
                                   notes.AsReadOnly(), warnings.AsReadOnly());
    }

    /// <summary>Evident's version (the informational version without build metadata).</summary>
    public static string SoftwareVersion
    {
        get
        {
            string version = typeof(TrialAnalysis).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            int plus = version.IndexOf('+');
            return plus > 0 ? version[..plus] : version;
        }
    }

    private static PrimaryResult Primary(Context c)
    {
        var plan = c.Protocol.Analyses.Primary;
        var endpoint = c.Protocol.Endpoint(plan.Endpoint);
        var (time, component) = c.FollowUp(endpoint);
        var all = Enumerable.Range(0, c.Rows.Length).ToArray();
        var overall = Group(c, "Overall", all, time, component, endpoint, stratified: true);
        var strata = new List<GroupResult>();
        if (plan.ByStratum && c.StratumLabels.Count > 1)
            for (int s = 0; s < c.StratumLabels.Count; s++)
                strata.Add(Group(c, c.StratumLabels[s], all.Where(i => c.Cell[i] == s).ToArray(), time, component, endpoint, stratified: false));

        var rmst = new List<RestrictedMeanSurvival>();
        RestrictedMeanDifference? difference = null;
        if (endpoint.RmstHorizon is double tau)
        {
            var byArm = new Dictionary<string, RestrictedMeanSurvival>();
            foreach (var arm in overall.Arms)
                if (arm.Curve is { } curve) rmst.Add(byArm[arm.ArmId] = RestrictedMean.Compute(curve, tau));
            if (c.Compare.Length > 0 && byArm.TryGetValue(c.Protocol.Arms[c.Compare[0]].Id, out var experimental) &&
                byArm.TryGetValue(c.Protocol.Arms[c.ControlArm].Id, out var control))
                difference = RestrictedMean.Difference(experimental, control, plan.ConfidenceLevel);
        }
        return new PrimaryResult(endpoint, overall, strata.AsReadOnly(), rmst.AsReadOnly(), difference);
    }

    /// <summary>Arms, Cox hazard ratios and the log-rank test of the given rows.</summary>
    private static GroupResult Group(Context c, string label, int[] rows, double[] time, int[] component, Endpoint endpoint, bool stratified)
    {
        var plan = c.Protocol.Analyses.Primary;
        int arms = c.Protocol.Arms.Count;
        var t = new double[rows.Length];
        var e = new bool[rows.Length];
        var g = new int[rows.Length];
        var s = new int[rows.Length];
        for (int k = 0; k < rows.Length; k++)
        {
            int i = rows[k];
            (t[k], e[k], g[k], s[k]) = (time[i], component[i] >= 0, c.Arm[i], c.Cell[i]);
        }
        var summaries = new ArmSummary[arms];
        IReadOnlyList<KaplanMeierCurve>? curves = rows.Length > 0 ? KaplanMeier.FitGroups(t, e, g, arms, plan.ConfidenceType, plan.ConfidenceLevel) : null;
        for (int a = 0; a < arms; a++)
        {
            var arm = c.Protocol.Arms[a];
            var curve = curves is not null && curves[a].N > 0 ? curves[a] : null;
            KaplanMeierPoint? milestone = curve is not null && endpoint.Milestone is double m ? curve.At(m) : null;
            summaries[a] = new ArmSummary(arm.Id, arm.Label, curve?.N ?? 0, curve?.Events ?? 0, milestone, curve);
        }
        bool useStrata = stratified && c.StratumLabels.Count > 1;
        var comparisons = c.Compare.Select(a => new ArmComparison(c.Protocol.Arms[a].Id, Cox(c, rows, time, component, a, useStrata ? c.Cell : null))).ToArray();
        LogRankTest? logRank = null;
        try
        {
            if (rows.Length > 0) logRank = LogRank.Test(t, e, g, arms, useStrata ? s : ReadOnlySpan<int>.Empty, c.StratumLabels.Count);
        }
        catch (ArgumentException)
        {
            logRank = null;
        }
        return new GroupResult(label, Array.AsReadOnly(summaries), Array.AsReadOnly(comparisons), logRank);
    }

    /// <summary>Cox hazard ratio of arm <paramref name="arm"/> against control on the given rows; NaN when not estimable.</summary>
    private static CoxCoefficient Cox(Context c, int[] rows, double[] time, int[] component, int arm, int[]? strata)
    {
        var plan = c.Protocol.Analyses.Primary;
        var t = new List<double>(rows.Length);
        var e = new List<bool>(rows.Length);
        var x = new List<double>(rows.Length);
        var s = new List<int>(rows.Length);
        foreach (int i in rows)
        {
            if (c.Arm[i] != arm && c.Arm[i] != c.ControlArm) continue;
            t.Add(time[i]);
            e.Add(component[i] >= 0);
            x.Add(c.Arm[i] == arm ? 1 : 0);
            if (strata is not null) s.Add(strata[i]);
        }
        try
        {
            var fit = CoxRegression.Fit(t.ToArray(), e.ToArray(), x.ToArray(), 1, s.ToArray(), [],
                                        new CoxOptions { Ties = plan.Ties, ConfidenceLevel = plan.ConfidenceLevel });
            return fit.Terms[0];
        }
        catch (Exception ex) when (ex is ArgumentException or CoxConvergenceException or ArithmeticException)
        {
            return NotEstimable;
        }
    }

    private static readonly CoxCoefficient NotEstimable = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, false);

    private static IReadOnlyList<SubgroupResult> Subgroups(Context c)
    {
        var plan = c.Protocol.Analyses.Subgroups;
        if (plan is null || c.Compare.Length == 0) return [];
        var endpoint = c.Protocol.Endpoint(plan.Endpoint);
        var (time, component) = c.FollowUp(endpoint);
        int experimental = c.Compare[0];
        var results = new List<SubgroupResult>();
        foreach (string factorId in plan.By)
        {
            int f = c.Protocol.Strata.ToList().FindIndex(x => x.Id == factorId);
            string label;
            IReadOnlyList<string> levels;
            Func<int, string?> levelOf;
            if (f >= 0)
            {
                var factor = c.Protocol.Strata[f];
                (label, levels) = (factor.Label, factor.Levels);
                levelOf = i => factor.Levels[c.Participant(i).Strata[f]];
            }
            else
            {
                int v = c.Protocol.Covariates.ToList().FindIndex(x => x.Id == factorId);
                var covariate = c.Protocol.Covariates[v];
                label = covariate.Label;
                levels = covariate.Levels.Count > 0 ? covariate.Levels
                    : Enumerable.Range(0, c.Rows.Length).Select(i => c.Participant(i).Covariates[v]).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
                levelOf = i => c.Participant(i).Covariates[v];
            }
            var otherCells = c.CellsWithout(factorId);
            foreach (string level in levels)
            {
                var rows = Enumerable.Range(0, c.Rows.Length).Where(i => levelOf(i) == level && (c.Arm[i] == experimental || c.Arm[i] == c.ControlArm)).ToArray();
                int events = rows.Count(i => component[i] >= 0);
                results.Add(new SubgroupResult(factorId, label, level, rows.Length, events, Cox(c, rows, time, component, experimental, otherCells)));
            }
        }
        return results.AsReadOnly();
    }

    private static CompetingRisksResult? CompetingRisks(Context c, List<string> notes)
    {
        var plan = c.Protocol.Analyses.CompetingRisks;
        if (plan is null) return null;
        var endpoint = c.Protocol.Endpoint(plan.Endpoint);
        var (time, component) = c.FollowUp(endpoint);
        var cause = new int[time.Length];
        for (int i = 0; i < cause.Length; i++)
        {
            if (component[i] < 0) continue;
            string id = c.Protocol.Components[component[i]].Id;
            cause[i] = 1 + endpoint.Causes.ToList().FindIndex(x => x.Components.Contains(id));
        }
        var all = Enumerable.Range(0, time.Length).ToArray();
        var overall = Causes(c, endpoint, plan.GrayTest, all, time, cause);
        if (overall is null)
        {
            notes.Add($"{plan.Title}: no event of any cause, so no cumulative incidence was estimated.");
            return null;
        }
        var strata = new List<KeyValuePair<string, IReadOnlyList<CauseResult>>>();
        if (plan.ByStratum && c.StratumLabels.Count > 1)
            for (int s = 0; s < c.StratumLabels.Count; s++)
                if (Causes(c, endpoint, plan.GrayTest, all.Where(i => c.Cell[i] == s).ToArray(), time, cause) is { } causes)
                    strata.Add(new(c.StratumLabels[s], causes));
        return new CompetingRisksResult(endpoint.Id, plan.Title, endpoint.Milestone, overall, strata.AsReadOnly());
    }

    private static IReadOnlyList<CauseResult>? Causes(Context c, Endpoint endpoint, bool grayTest, int[] rows, double[] time, int[] cause)
    {
        int arms = c.Protocol.Arms.Count;
        var t = rows.Select(i => time[i]).ToArray();
        var k = rows.Select(i => cause[i]).ToArray();
        var g = rows.Select(i => c.Arm[i]).ToArray();
        if (!k.Any(x => x > 0)) return null;
        var fit = AalenJohansen.Fit(t, k, g, arms, [], 1);
        var results = new CauseResult[endpoint.Causes.Count];
        for (int j = 0; j < results.Length; j++)
        {
            int code = j + 1;
            bool present = fit.Causes.Contains(code);
            var perArm = new CauseArm[arms];
            for (int a = 0; a < arms; a++)
            {
                int events = 0;
                for (int r = 0; r < k.Length; r++) if (k[r] == code && g[r] == a) events++;
                var curve = present ? fit.Curve(a, code) : null;
                var at = curve is not null && endpoint.Milestone is double m ? curve.At(m) : null;
                perArm[a] = new CauseArm(c.Protocol.Arms[a].Id, events, at, curve);
            }
            var test = grayTest && present ? fit.Tests.FirstOrDefault(x => x.Cause == code) : null;
            results[j] = new CauseResult(endpoint.Causes[j].Id, endpoint.Causes[j].Label, Array.AsReadOnly(perArm), test);
        }
        return Array.AsReadOnly(results);
    }

    private static SafetyResult? Safety(Context c, List<string> notes, List<string> warnings)
    {
        var plan = c.Protocol.Analyses.Safety;
        if (plan is null) return null;
        warnings.AddRange(AbsentTerms(plan.Terms, c.Data.AdverseEvents));
        var subjectOf = new Dictionary<int, int>(c.Rows.Length);
        for (int i = 0; i < c.Rows.Length; i++) subjectOf[c.Rows[i]] = i;
        var events = c.Data.AdverseEvents.Where(x => subjectOf.ContainsKey(x.Participant)).ToArray();
        var interest = plan.Terms.ToList();
        var terms = interest.Concat(events.Select(x => x.Term).Where(x => !interest.Contains(x)).Distinct().Order(StringComparer.Ordinal)).ToArray();
        var termCode = terms.Select((x, i) => (x, i)).ToDictionary(x => x.x, x => x.i, StringComparer.Ordinal);
        bool byStratum = plan.ByStratum && c.StratumLabels.Count > 1;
        var stratumCodes = byStratum ? c.Cell : [];
        int stratumCount = byStratum ? c.StratumLabels.Count : 1;
        try
        {
            var table = AdverseEvents.Summarize(events.Select(x => subjectOf[x.Participant]).ToArray(), events.Select(x => termCode[x.Term]).ToArray(),
                                                events.Select(x => x.Grade).ToArray(), c.Arm, stratumCodes, terms.Length,
                                                c.Protocol.Arms.Count, stratumCount, plan.MinGrade, c.ControlArm);
            SafetyTable? severe = null;
            if (interest.Count > 0)
            {
                var ofInterest = events.Where(x => interest.Contains(x.Term)).ToArray();
                severe = AdverseEvents.Summarize(ofInterest.Select(x => subjectOf[x.Participant]).ToArray(), ofInterest.Select(x => termCode[x.Term]).ToArray(),
                                                 ofInterest.Select(x => x.Grade).ToArray(), c.Arm, stratumCodes, interest.Count,
                                                 c.Protocol.Arms.Count, stratumCount, Math.Max(4, plan.MinGrade), c.ControlArm);
            }
            return new SafetyResult(plan.MinGrade, terms, interest.AsReadOnly(), byStratum ? c.StratumLabels : ["All"], table, severe);
        }
        catch (ArgumentException e)
        {
            notes.Add($"Safety: the adverse-event table could not be computed ({e.Message})");
            return null;
        }
    }

    /// <summary>
    /// A warning for each term of interest that no adverse-event record carries (matched exactly, as the tables count),
    /// with the nearest term present when one is close (edit distance ≤ max(2, length/3), ignoring case).
    /// </summary>
    private static IEnumerable<string> AbsentTerms(IReadOnlyList<string> terms, IReadOnlyList<AdverseEventRecord> events)
    {
        if (terms.Count == 0) yield break;
        var present = events.Select(x => x.Term).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (present.Length == 0)
        {
            yield return $"Safety: the adverse-event data hold no event, so the terms of interest ({string.Join(", ", terms)}) all count 0 participants.";
            yield break;
        }
        foreach (string term in terms)
        {
            if (Array.BinarySearch(present, term, StringComparer.Ordinal) >= 0) continue;
            string? near = Spelling.Nearest(term, present, ignoreCase: true);
            yield return $"Safety: term of interest '{term}' (analyses.safety.terms) does not occur in the adverse-event data, so it counts 0 participants" +
                         (near is null ? "." : $"; did you mean '{near}'?") + $" Terms present: {string.Join(", ", present)}.";
        }
    }

    private static MonitoringResult? Monitoring(Context c, List<string> notes)
    {
        var plan = c.Protocol.Analyses.Monitoring;
        var design = c.Protocol.Design;
        if (plan is null || design is null || c.Compare.Length == 0) return null;
        if (design.PlannedEvents is not int planned)
        {
            notes.Add("Monitoring: the design gives no planned_events, so information fractions cannot be computed.");
            return null;
        }
        var endpoint = c.Protocol.Endpoint(plan.Endpoint);
        int experimental = c.Compare[0];
        var rows = Enumerable.Range(0, c.Rows.Length).Where(i => c.Arm[i] == experimental || c.Arm[i] == c.ControlArm).ToArray();
        var (time, component) = c.FollowUp(endpoint);
        var eventDates = rows.Where(i => component[i] >= 0).Select(i => c.Outcome(i, endpoint).End).Order().ToArray();
        if (eventDates.Length == 0)
        {
            notes.Add("Monitoring: no event yet, so there is nothing to monitor.");
            return null;
        }
        var dates = new List<DateOnly>();
        var fractions = Evident.Design.GroupSequential.Create(design.Boundaries).Information;
        for (int k = 0; k < fractions.Count - 1; k++)
        {
            int target = (int)Math.Ceiling(fractions[k] * planned);
            if (target >= 1 && target < eventDates.Length) dates.Add(eventDates[target - 1]);
        }
        DateOnly last = c.Options.Cutoff ?? eventDates[^1];
        dates.Add(last);
        var events = new List<double>();
        var z = new List<double>();
        var lookDates = new List<DateOnly>();
        foreach (var date in dates.Distinct())
        {
            var look = Snapshot(c, rows, endpoint, date, plan.Stratified);
            if (look is null || (events.Count > 0 && look.Events <= events[^1])) continue;
            if (events.Count == fractions.Count) break;
            events.Add(look.Events);
            z.Add(look.Z);
            lookDates.Add(date);
        }
        try
        {
            var analysis = InterimMonitoring.Analyse(new MonitoringOptions
            {
                Design = design.Boundaries,
                Events = events,
                Z = z,
                MaxEvents = planned,
                HazardRatio = design.HazardRatio,
                AllocationRatio = (double)c.Protocol.Allocation.Ratio[experimental] / c.Protocol.Allocation.Ratio[c.ControlArm],
            });
            return new MonitoringResult(lookDates.AsReadOnly(), analysis);
        }
        catch (ArgumentException e)
        {
            notes.Add($"Monitoring: {e.Message}");
            return null;
        }
    }

    /// <summary>The data as they stood on <paramref name="date"/>: events and log-rank Z of the experimental arm.</summary>
    private static LogRankLook? Snapshot(Context c, int[] rows, Endpoint endpoint, DateOnly date, bool stratified)
    {
        var t = new List<double>();
        var e = new List<bool>();
        var g = new List<int>();
        var s = new List<int>();
        foreach (int i in rows)
        {
            var o = c.Outcome(i, endpoint);
            if (c.Participant(i).Randomized > date) continue;
            var end = o.End > date ? date : o.End;
            t.Add(Math.Max(0, end.DayNumber - o.Start.DayNumber) / c.UnitDays);
            e.Add(o.IsEvent && o.End <= date);
            g.Add(c.Arm[i] == c.ControlArm ? 0 : 1);
            s.Add(c.Cell[i]);
        }
        if (!e.Contains(true) || g.Distinct().Count() < 2) return null;
        bool useStrata = stratified && c.StratumLabels.Count > 1;
        return InterimMonitoring.LogRankZ(t.ToArray(), e.ToArray(), g.ToArray(), useStrata ? s.ToArray() : [], c.StratumLabels.Count);
    }

    /// <summary>The analysed participants with their arm and stratum codes.</summary>
    private sealed class Context
    {
        public Context(TrialProtocol protocol, TrialData data, AnalysisOptions options)
        {
            (Protocol, Data, Options) = (protocol, data, options);
            UnitDays = protocol.TimeUnit.Days();
            Rows = Enumerable.Range(0, data.Participants.Count)
                             .Where(i => options.Cutoff is not { } cut || data.Participants[i].Randomized <= cut).ToArray();
            Arm = Rows.Select(i => data.Participants[i].Arm).ToArray();
            ControlArm = protocol.Arms.ToList().FindIndex(a => a.IsControl);
            var plan = protocol.Analyses.Primary;
            Compare = plan.Compare.Select(id => protocol.Arms.ToList().FindIndex(a => a.Id == id)).ToArray();
            Factors = plan.StratifyBy.Select(id => protocol.Strata.ToList().FindIndex(f => f.Id == id)).ToArray();
            Cell = Cells(Factors);
            var labels = new List<string> { "" };
            foreach (int f in Factors)
                labels = labels.SelectMany(prefix => protocol.Strata[f].Levels.Select(l => prefix.Length == 0 ? l : prefix + " / " + l)).ToList();
            StratumLabels = labels.AsReadOnly();
        }

        public TrialProtocol Protocol { get; }
        public TrialData Data { get; }
        public AnalysisOptions Options { get; }
        public double UnitDays { get; }
        public int[] Rows { get; }
        public int[] Arm { get; }
        public int ControlArm { get; }
        public int[] Compare { get; }
        public int[] Factors { get; }
        public int[] Cell { get; }
        public IReadOnlyList<string> StratumLabels { get; }

        public TrialParticipant Participant(int i) => Data.Participants[Rows[i]];

        public EndpointOutcome Outcome(int i, Endpoint endpoint) => Participant(i).Outcomes[Protocol.Endpoints.ToList().IndexOf(endpoint)];

        /// <summary>Mixed-radix code of the participants' levels of <paramref name="factors"/> (first factor most significant).</summary>
        public int[] Cells(int[] factors)
        {
            var cell = new int[Rows.Length];
            for (int i = 0; i < cell.Length; i++)
            {
                int code = 0;
                foreach (int f in factors) code = code * Protocol.Strata[f].Levels.Count + Participant(i).Strata[f];
                cell[i] = code;
            }
            return cell;
        }

        /// <summary>Stratum codes over the primary factors other than <paramref name="factorId"/>, or null when none remain.</summary>
        public int[]? CellsWithout(string factorId)
        {
            var others = Factors.Where(f => Protocol.Strata[f].Id != factorId).ToArray();
            return others.Length == 0 ? null : Cells(others);
        }

        /// <summary>Time (protocol unit) and ending component (−1 = censored) of every analysed participant, cut-off applied.</summary>
        public (double[] Time, int[] Component) FollowUp(Endpoint endpoint)
        {
            int e = Protocol.Endpoints.ToList().IndexOf(endpoint);
            var time = new double[Rows.Length];
            var component = new int[Rows.Length];
            for (int i = 0; i < Rows.Length; i++)
            {
                var o = Participant(i).Outcomes[e];
                var end = o.End;
                component[i] = o.Component;
                if (Options.Cutoff is { } cut && end > cut)
                {
                    end = cut;
                    component[i] = -1;
                }
                time[i] = Math.Max(0, end.DayNumber - o.Start.DayNumber) / UnitDays;
            }
            return (time, component);
        }
    }
}
