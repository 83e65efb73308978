using Evident.Randomization.Capture;

namespace Evident.Server.Pages;

/// <summary>The words the pages use for capture kinds (follow-up, adverse event, off-study), relapse sites and CTCAE grades.</summary>
public static class CaptureLabels
{
    /// <summary>The follow-up kinds a site records, with their labels, in the order the form offers them.</summary>
    public static IReadOnlyList<(CaptureKind Kind, string Label)> FollowUpKinds { get; } =
    [
        (CaptureKind.Relapse, "Relapse"),
        (CaptureKind.Death, "Death"),
        (CaptureKind.SecondMalignancy, "Second malignancy"),
        (CaptureKind.LastContact, "Last contact"),
    ];

    /// <summary>The off-study records a site records, with their labels, in the order the form offers them.</summary>
    public static IReadOnlyList<(CaptureKind Kind, string Label)> OffStudyKinds { get; } =
    [
        (CaptureKind.OffTherapy, "Off protocol therapy"),
        (CaptureKind.Withdrawn, "Withdrawal of consent"),
        (CaptureKind.LostToFollowUp, "Lost to follow-up"),
    ];

    /// <summary>The relapse sites (<see cref="CaptureKinds.RelapseSites"/>) with their labels.</summary>
    public static IReadOnlyList<(string Site, string Label)> RelapseSites { get; } =
    [
        ("marrow", "Isolated bone marrow"),
        ("cns", "Isolated CNS"),
        ("combined", "Combined"),
        ("other", "Other"),
    ];

    /// <summary>CTCAE grades 1–5 with their general meaning.</summary>
    public static IReadOnlyList<(int Grade, string Label)> Grades { get; } =
    [
        (1, "1 – Mild"),
        (2, "2 – Moderate"),
        (3, "3 – Severe"),
        (4, "4 – Life-threatening"),
        (5, "5 – Death related to the event"),
    ];

    /// <summary>The label of a kind.</summary>
    /// <param name="kind">The kind.</param>
    public static string Kind(CaptureKind kind) =>
        kind == CaptureKind.AdverseEvent ? "Adverse event" : FollowUpKinds.Concat(OffStudyKinds).First(k => k.Kind == kind).Label;

    /// <summary>The label of a relapse site (the wire name itself when unknown).</summary>
    /// <param name="site">The wire name, e.g. <c>cns</c>.</param>
    public static string RelapseSite(string site) => RelapseSites.FirstOrDefault(s => s.Site == site).Label ?? site;

    /// <summary>
    /// One line describing an entry's content, e.g. "Relapse: isolated CNS" or "Adverse event: Sepsis, grade 3 (onset
    /// 2026-02-01, resolved 2026-02-10)", or "Adverse event: Sepsis, grade 3 (ongoing)" while it has no end date, or
    /// "Withdrawal of consent: moved abroad (follow-up data may still be collected)"; an adverse event's assessment
    /// follows after a dash (<see cref="AdverseEventLabels.Describe"/>).
    /// </summary>
    /// <param name="content">The content.</param>
    public static string Describe(CaptureInput content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.Kind switch
        {
            CaptureKind.Relapse => $"Relapse: {RelapseSite(content.RelapseSite ?? "")}",
            CaptureKind.AdverseEvent when content.EndDate is { } end => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Adverse event: {content.Term}, grade {content.Grade} (onset {content.Date:yyyy-MM-dd}, resolved {end:yyyy-MM-dd}){Assessed(content)}"),
            CaptureKind.AdverseEvent => $"Adverse event: {content.Term}, grade {content.Grade} (ongoing){Assessed(content)}",
            CaptureKind.Withdrawn => $"{Kind(content.Kind)}: {content.OffStudyReason} ({(content.FollowUpAllowed == true ? "follow-up data may still be collected" : "no further follow-up data")})",
            _ when CaptureKinds.IsOffStudy(content.Kind) => $"{Kind(content.Kind)}: {content.OffStudyReason}",
            _ => Kind(content.Kind),
        };
    }

    private static string Assessed(CaptureInput content) => content.Assessment is { } a ? " – " + AdverseEventLabels.Describe(a) : "";
}
