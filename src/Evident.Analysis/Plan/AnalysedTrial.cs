using Evident.Analysis.Input;
using Evident.Analysis.Results;
using Evident.Protocol;

namespace Evident.Analysis.Plan;

/// <summary>
/// The participants a trial analysis covers (those randomized on or before the cut-off), coded for the kernels: arm
/// codes in protocol order, the control and compared arms, stratum cells over the analysis's stratification factors, and
/// follow-up mapped to times in the protocol's unit with the cut-off applied.
/// </summary>
internal sealed class AnalysedTrial
{
    /// <summary>The context of <paramref name="plan"/> (null = the primary analysis): its compared arms and strata code the participants.</summary>
    public AnalysedTrial(TrialProtocol protocol, TrialData data, AnalysisOptions options, PrimaryAnalysis? plan = null)
    {
        (Protocol, Data, Options) = (protocol, data, options);
        Plan = plan ?? protocol.Analyses.Primary;
        UnitDays = protocol.TimeUnit.Days();
        Rows = Enumerable.Range(0, data.Participants.Count)
                         .Where(i => options.Cutoff is not { } cut || data.Participants[i].Randomized <= cut).ToArray();
        Arm = Rows.Select(i => data.Participants[i].Arm).ToArray();
        ControlArm = protocol.Arms.ToList().FindIndex(a => a.IsControl);
        Compare = Plan.Compare.Select(id => protocol.Arms.ToList().FindIndex(a => a.Id == id)).ToArray();
        Factors = Plan.StratifyBy.Select(id => protocol.Strata.ToList().FindIndex(f => f.Id == id)).ToArray();
        Cell = Cells(Factors);
        StratumLabels = StratumCells.Labels(protocol, Factors).AsReadOnly();
    }

    private readonly Dictionary<int, FollowUp> followUps = [];

    public TrialProtocol Protocol { get; }
    public TrialData Data { get; }
    public AnalysisOptions Options { get; }
    /// <summary>The analysis (primary or secondary) whose arms and strata this context codes.</summary>
    public PrimaryAnalysis Plan { get; }
    /// <summary>Days in one protocol time unit.</summary>
    public double UnitDays { get; }
    /// <summary>Index into <see cref="TrialData.Participants"/> of each analysed participant.</summary>
    public int[] Rows { get; }
    /// <summary>Arm code of each analysed participant.</summary>
    public int[] Arm { get; }
    public int ControlArm { get; }
    /// <summary>Arm codes of the compared (experimental) arms.</summary>
    public int[] Compare { get; }
    /// <summary>Strata factor indices of the primary stratification.</summary>
    public int[] Factors { get; }
    /// <summary>Primary stratum cell of each analysed participant.</summary>
    public int[] Cell { get; }
    public IReadOnlyList<string> StratumLabels { get; }

    public TrialParticipant Participant(int i) => Data.Participants[Rows[i]];

    public EndpointOutcome Outcome(int i, Endpoint endpoint) => Participant(i).Outcomes[Protocol.Endpoints.ToList().IndexOf(endpoint)];

    /// <summary>Each analysed participant's cell of <paramref name="factors"/> (<see cref="StratumCells.Code"/>).</summary>
    public int[] Cells(int[] factors)
    {
        var cell = new int[Rows.Length];
        for (int i = 0; i < cell.Length; i++) cell[i] = StratumCells.Code(Protocol, Participant(i), factors);
        return cell;
    }

    /// <summary>Stratum codes over the primary factors other than <paramref name="factorId"/>, or null when none remain.</summary>
    public int[]? CellsWithout(string factorId)
    {
        var others = Factors.Where(f => Protocol.Strata[f].Id != factorId).ToArray();
        return others.Length == 0 ? null : Cells(others);
    }

    /// <summary>
    /// Time (protocol unit) and ending component (−1 = censored) of every analysed participant, cut-off applied; computed
    /// once per endpoint, since the primary, subgroup, monitoring and follow-up analyses all read the primary endpoint's.
    /// </summary>
    public FollowUp FollowUp(Endpoint endpoint)
    {
        int e = Protocol.Endpoints.ToList().IndexOf(endpoint);
        if (!followUps.TryGetValue(e, out var followUp)) followUps[e] = followUp = ComputeFollowUp(e);
        return followUp;
    }

    private FollowUp ComputeFollowUp(int e)
    {
        var time = new double[Rows.Length];
        var component = new int[Rows.Length];
        for (int i = 0; i < Rows.Length; i++)
        {
            var o = Participant(i).Outcomes[e];
            if (o.Time is double t)
            {
                (time[i], component[i]) = (t, o.Component);
                continue;
            }
            var end = o.End;
            component[i] = o.Component;
            if (Options.Cutoff is { } cut && end > cut)
            {
                end = cut;
                component[i] = -1;
            }
            time[i] = Math.Max(0, end.DayNumber - o.Start.DayNumber) / UnitDays;
        }
        return new FollowUp(time, component);
    }
}
