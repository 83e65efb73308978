namespace Evident.Randomization.Queries;

/// <summary>One step in the life of a data query.</summary>
public enum QueryAction
{
    /// <summary>A statistician, monitor or admin questions a captured value; <c>open</c>.</summary>
    Open,

    /// <summary>The participant's site answers (after correcting the entry, when it was wrong); <c>answer</c>.</summary>
    Answer,

    /// <summary>The raiser accepts the answer and closes the query; <c>close</c>.</summary>
    Close,
}
