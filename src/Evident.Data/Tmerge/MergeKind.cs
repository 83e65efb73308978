namespace Evident.Data.Tmerge;

/// <summary>What a merged variable records (R's <c>tmerge</c> specials).</summary>
public enum MergeKind
{
    /// <summary><c>tdc(time, value)</c>: a time-dependent covariate, the value from its time on (0 then 1 without a value).</summary>
    Tdc,

    /// <summary><c>event(time, value)</c>: an event at its time, the value (1 without one) on the interval ending there, 0 elsewhere.</summary>
    Event,
}
