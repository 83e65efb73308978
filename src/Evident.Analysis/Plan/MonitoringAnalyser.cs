using Evident.Analysis.Results;
using Evident.Design;
using Evident.Design.Monitoring;
using Evident.Protocol;

namespace Evident.Analysis.Plan;

/// <summary>
/// Interim monitoring of <c>analyses.monitoring</c> (Lan–DeMets 1983): the looks are reconstructed at the calendar dates
/// on which ⌈fraction × planned events⌉ events had occurred, plus the look at the cut-off; each look's log-rank Z comes
/// from the data as they stood that day.
/// </summary>
internal static class MonitoringAnalyser
{
    /// <summary>One result per compared arm against the control, in the analysis's order; an arm that cannot be monitored is left out with a note.</summary>
    public static IReadOnlyList<MonitoringResult> Run(AnalysedTrial c, List<string> notes)
    {
        var plan = c.Protocol.Analyses.Monitoring;
        var design = c.Protocol.Design;
        if (plan is null || design is null || c.Compare.Length == 0) return [];
        if (!c.Data.HasDates)
        {
            notes.Add("Monitoring: the looks are reconstructed at calendar dates, but the data give follow-up as time since randomization, without dates.");
            return [];
        }
        if (design.PlannedEvents is not int planned)
        {
            notes.Add("Monitoring: the design gives no planned_events, so information fractions cannot be computed.");
            return [];
        }
        var results = new List<MonitoringResult>();
        foreach (int experimental in c.Compare)
        {
            string prefix = c.Compare.Length > 1 ? $"Monitoring, {c.Protocol.Arms[experimental].Label} vs {c.Protocol.Arms[c.ControlArm].Label}" : "Monitoring";
            if (Run(c, plan, design, planned, experimental, prefix, notes) is { } result) results.Add(result);
        }
        return results.AsReadOnly();
    }

    private static MonitoringResult? Run(AnalysedTrial c, MonitoringPlan plan, ProtocolDesign design, int planned, int experimental, string prefix, List<string> notes)
    {
        var endpoint = c.Protocol.Endpoint(plan.Endpoint);
        var rows = Enumerable.Range(0, c.Rows.Length).Where(i => c.Arm[i] == experimental || c.Arm[i] == c.ControlArm).ToArray();
        var followUp = c.FollowUp(endpoint);
        var eventDates = rows.Where(followUp.IsEvent).Select(i => c.Outcome(i, endpoint).End).Order().ToArray();
        if (eventDates.Length == 0)
        {
            notes.Add($"{prefix}: no event yet, so there is nothing to monitor.");
            return null;
        }
        var fractions = GroupSequential.Create(design.Boundaries).Information;
        var (lookDates, events, z) = Looks(c, rows, endpoint, plan.Stratified, LookDates(c, eventDates, fractions, planned), fractions.Count);
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
            return new MonitoringResult(c.Protocol.Arms[experimental].Id, lookDates, analysis);
        }
        catch (DesignInputException e)
        {
            // The looks as observed do not fit the planned design (e.g. more looks than planned): the reason is the note.
            notes.Add($"{prefix}: {e.Message}");
            return null;
        }
    }

    /// <summary>The dates on which each interim's planned events were reached, then the cut-off (or the last event).</summary>
    private static IEnumerable<DateOnly> LookDates(AnalysedTrial c, DateOnly[] eventDates, IReadOnlyList<double> fractions, int planned)
    {
        var dates = new List<DateOnly>();
        for (int k = 0; k < fractions.Count - 1; k++)
        {
            int target = (int)Math.Ceiling(fractions[k] * planned);
            if (target >= 1 && target < eventDates.Length) dates.Add(eventDates[target - 1]);
        }
        dates.Add(c.Options.Cutoff ?? eventDates[^1]);
        return dates.Distinct();
    }

    /// <summary>The looks at <paramref name="dates"/> that add events, at most <paramref name="maxLooks"/>.</summary>
    private static (IReadOnlyList<DateOnly> Dates, List<double> Events, List<double> Z) Looks(
        AnalysedTrial c, int[] rows, Endpoint endpoint, bool stratified, IEnumerable<DateOnly> dates, int maxLooks)
    {
        var events = new List<double>();
        var z = new List<double>();
        var lookDates = new List<DateOnly>();
        foreach (var date in dates)
        {
            var look = Snapshot(c, rows, endpoint, date, stratified);
            if (look is null || (events.Count > 0 && look.Events <= events[^1])) continue;
            if (events.Count == maxLooks) break;
            events.Add(look.Events);
            z.Add(look.Z);
            lookDates.Add(date);
        }
        return (lookDates.AsReadOnly(), events, z);
    }

    /// <summary>The data as they stood on <paramref name="date"/>: events and log-rank Z of the experimental arm.</summary>
    private static LogRankLook? Snapshot(AnalysedTrial c, int[] rows, Endpoint endpoint, DateOnly date, bool stratified)
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
}
