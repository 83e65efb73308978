namespace Evident.Randomization.Capture;

/// <summary>
/// What a captured entry records. The wire names (<see cref="CaptureKinds.Name"/>) are <c>relapse</c>, <c>death</c>,
/// <c>second_malignancy</c>, <c>last_contact</c> (follow-up events), <c>adverse_event</c>, and the off-study records
/// <c>off_therapy</c>, <c>withdrawn</c> and <c>lost_to_follow_up</c>.
/// </summary>
public enum CaptureKind
{
    /// <summary>Relapse, with its site (<c>marrow</c>, <c>cns</c>, <c>combined</c> or <c>other</c>); <c>relapse</c>.</summary>
    Relapse,

    /// <summary>Death; at most one per participant and nothing may be dated after it; <c>death</c>.</summary>
    Death,

    /// <summary>Second malignant neoplasm; <c>second_malignancy</c>.</summary>
    SecondMalignancy,

    /// <summary>Date the participant was last known alive and followed; <c>last_contact</c>.</summary>
    LastContact,

    /// <summary>Adverse event: CTCAE term and grade 1–5, dated by onset; <c>adverse_event</c>.</summary>
    AdverseEvent,

    /// <summary>Off protocol therapy, with its reason; follow-up continues; <c>off_therapy</c>.</summary>
    OffTherapy,

    /// <summary>Withdrawal of consent, with its reason and whether follow-up data may still be collected; <c>withdrawn</c>.</summary>
    Withdrawn,

    /// <summary>Lost to follow-up, with its reason; <c>lost_to_follow_up</c>.</summary>
    LostToFollowUp,
}

/// <summary>The wire names of <see cref="CaptureKind"/> and of relapse sites.</summary>
public static class CaptureKinds
{
    /// <summary>The relapse sites the AALL1731 layout maps: isolated bone marrow, isolated CNS, combined, other.</summary>
    public static readonly IReadOnlyList<string> RelapseSites = ["marrow", "cns", "combined", "other"];

    /// <summary>The wire name of <paramref name="kind"/>.</summary>
    /// <param name="kind">The kind.</param>
    public static string Name(CaptureKind kind) => kind switch
    {
        CaptureKind.Relapse => "relapse",
        CaptureKind.Death => "death",
        CaptureKind.SecondMalignancy => "second_malignancy",
        CaptureKind.LastContact => "last_contact",
        CaptureKind.AdverseEvent => "adverse_event",
        CaptureKind.OffTherapy => "off_therapy",
        CaptureKind.Withdrawn => "withdrawn",
        CaptureKind.LostToFollowUp => "lost_to_follow_up",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The follow-up events: relapse, death, second malignancy, last contact.</summary>
    public static IReadOnlyList<CaptureKind> FollowUp { get; } = [CaptureKind.Relapse, CaptureKind.Death, CaptureKind.SecondMalignancy, CaptureKind.LastContact];

    /// <summary>The off-study records: off protocol therapy, withdrawal of consent, lost to follow-up.</summary>
    public static IReadOnlyList<CaptureKind> OffStudy { get; } = [CaptureKind.OffTherapy, CaptureKind.Withdrawn, CaptureKind.LostToFollowUp];

    /// <summary>Whether <paramref name="kind"/> is an off-study record.</summary>
    /// <param name="kind">The kind.</param>
    public static bool IsOffStudy(CaptureKind kind) => kind is CaptureKind.OffTherapy or CaptureKind.Withdrawn or CaptureKind.LostToFollowUp;

    /// <summary>Parses a wire name (exact, lower case); false when unknown.</summary>
    /// <param name="name">The name.</param>
    /// <param name="kind">The kind, when known.</param>
    public static bool TryParse(string? name, out CaptureKind kind)
    {
        foreach (var k in Enum.GetValues<CaptureKind>())
            if (Name(k) == name)
            {
                kind = k;
                return true;
            }
        kind = default;
        return false;
    }
}
