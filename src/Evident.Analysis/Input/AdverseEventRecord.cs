namespace Evident.Analysis.Input;

/// <summary>One adverse event.</summary>
/// <param name="Participant">Index of the participant in <see cref="TrialData.Participants"/>.</param>
/// <param name="Term">The term as written in the data, e.g. <c>Sepsis</c>.</param>
/// <param name="Grade">CTCAE grade, 1–5.</param>
public sealed record AdverseEventRecord(int Participant, string Term, int Grade)
{
    /// <summary>Whether the event is serious (ICH E2A), or null when the data do not say.</summary>
    public bool? Serious { get; init; }

    /// <summary>Onset date, or null when the data do not give it.</summary>
    public DateOnly? Onset { get; init; }

    /// <summary>End (resolution) date, or null while ongoing or when the data do not give it (set for captured data, written as ADAE <c>AEENDT</c>).</summary>
    public DateOnly? End { get; init; }

    /// <summary>The site's assessment (seriousness with its ICH E2A criteria, attribution, action taken, outcome), or null when not assessed or not carried (set for captured data, written to ADAE).</summary>
    public Randomization.Capture.AdverseEventAssessment? Assessment { get; init; }
}
