using System.Text;
using Evident.Protocol;

namespace Evident.Protocol.Synthetic;

/// <summary>
/// The assumptions of a synthetic trial for <c>evident synthesize PROTOCOL --scenario FILE</c> (YAML, documented in
/// docs/report.md; example examples/aall1731/scenario.yaml): accrual window, data cut-off, stratum sizes, cause-specific
/// hazards per stratum and arm, loss to follow-up, covariate mix and adverse-event risks. With the protocol it fixes a
/// trial completely: the same protocol, scenario and seed always give the same participants.
/// </summary>
/// <remarks>
/// Hazards are given as the cumulative cause-specific hazard H_k reached at <see cref="Milestone"/>, shaped over time by
/// a piecewise-constant profile on the intervals cut at <see cref="Breaks"/>: on interval j the hazard is
/// λ_kj = H_k·p_j / Σ_i p_i·|I_i ∩ [0, M]|, so the cumulative hazard at M is exactly H_k and the profile carries on after
/// M. Survival from all causes at M is exp(−Σ_k H_k): a 3-year DFS of 90.2% is Σ_k H_k = −log 0.902 = 0.1031.
/// </remarks>
/// <param name="Seed">Seed of the random generator.</param>
/// <param name="Participants">Number of participants randomized, ≥ 2.</param>
/// <param name="AccrualStart">First randomization date.</param>
/// <param name="AccrualEnd">Last randomization date (randomization dates are uniform over the window).</param>
/// <param name="Cutoff">Data cut-off: follow-up ends here; last contact is never later.</param>
/// <param name="YearlyLossToFollowUp">Yearly probability of loss to follow-up (exponential), 0 ≤ p &lt; 1.</param>
/// <param name="Sites">Number of sites the participants are spread over (ids <c>S01</c>, …), used when the protocol lists none.</param>
/// <param name="Milestone">Time M (protocol time unit) at which the cumulative hazards are given, &gt; 0.</param>
/// <param name="Breaks">Increasing times cutting follow-up into the profile's intervals; may be empty (constant hazards).</param>
/// <param name="Covariates">Level probabilities of each covariate.</param>
/// <param name="Strata">One entry per level of the protocol's first stratification factor (or one entry without strata).</param>
/// <param name="AdverseEvents">Adverse-event terms and their risks.</param>
/// <param name="SourceName">File name for messages.</param>
public sealed record TrialScenario(
    int Seed,
    int Participants,
    DateOnly AccrualStart,
    DateOnly AccrualEnd,
    DateOnly Cutoff,
    double YearlyLossToFollowUp,
    int Sites,
    double Milestone,
    IReadOnlyList<double> Breaks,
    IReadOnlyList<ScenarioCovariate> Covariates,
    IReadOnlyList<ScenarioStratum> Strata,
    IReadOnlyList<ScenarioAdverseEvent> AdverseEvents,
    string SourceName)
{
    /// <summary>How participants leaving therapy or the study are recorded (scenario key <c>off_study</c>), or null: none recorded.</summary>
    public ScenarioOffStudy? OffStudy { get; init; }

    /// <summary>Causes of death (scenario key <c>death_causes</c>) with their probabilities (sum 1); empty: causes not recorded.</summary>
    public IReadOnlyList<(string Cause, double Probability)> DeathCauses { get; init; } = [];

    /// <summary>Reads a scenario file and checks it against <paramref name="protocol"/> (arms, levels, components).</summary>
    /// <param name="path">The YAML file.</param>
    /// <param name="protocol">The protocol the scenario is for.</param>
    /// <exception cref="ProtocolException">The file is not a valid scenario; the message names the line and key.</exception>
    public static TrialScenario Load(string path, TrialProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path, Encoding.UTF8), Path.GetFileName(path), protocol);
    }

    /// <summary>Parses scenario YAML and checks it against <paramref name="protocol"/>.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">Name for messages.</param>
    /// <param name="protocol">The protocol the scenario is for.</param>
    /// <exception cref="ProtocolException">The text is not a valid scenario.</exception>
    public static TrialScenario Parse(string yaml, string sourceName, TrialProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(protocol);
        return ScenarioParser.Parse(yaml, sourceName, protocol);
    }
}
