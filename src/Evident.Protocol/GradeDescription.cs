namespace Evident.Protocol;

/// <summary>The description of one grade of an adverse-event term, e.g. grade 4 of sepsis: "Life-threatening consequences; urgent intervention indicated".</summary>
/// <param name="Grade">The grade, 1–5.</param>
/// <param name="Text">What the grade means for this term.</param>
public sealed record GradeDescription(int Grade, string Text);
