namespace Evident.Protocol;

/// <summary>
/// Text for the one-page clinician summary (YAML <c>summary:</c>); the key learnings come from the numbers. The design
/// keys (phase, population, treatments, early stop) feed its study-design paragraph; all are optional.
/// </summary>
/// <param name="LearningObjective">The learning objective sentence, or null.</param>
/// <param name="Abbreviations">Abbreviations and their meaning, in file order.</param>
public sealed record ClinicianSummary(string? LearningObjective, IReadOnlyList<Abbreviation> Abbreviations)
{
    /// <summary>Trial phase as the registry gives it (<c>summary.phase</c>, e.g. "Phase 3"), or null.</summary>
    public string? Phase { get; init; }

    /// <summary>Who was randomized (<c>summary.population</c>), or null.</summary>
    public string? Population { get; init; }

    /// <summary>Each arm's treatment and schedule (<c>summary.treatments</c>, keyed by arm id), in file order; empty without.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Treatments { get; init; } = Yaml.ValueList<KeyValuePair<string, string>>.Empty;

    /// <summary>
    /// Published results to print beside the analysis's own (<c>summary.published</c>), labelled as taken from the cited
    /// article and not from these data (the synthetic demo prints the AALL1731 values this way), or null.
    /// </summary>
    public string? Published { get; init; }

    /// <summary>The early stop of the trial (<c>summary.stopped</c>), or null when the protocol records none.</summary>
    public EarlyStop? Stopped { get; init; }
}
