namespace Evident.Reporting.Tables;

/// <summary>Which steps the table output lists.</summary>
public enum StepListing
{
    /// <summary>None: the summary only, as R's <c>print(fit)</c>.</summary>
    None,
    /// <summary>Event times, as <c>summary(fit)</c>.</summary>
    EventTimes,
    /// <summary>Event and censoring times, as <c>summary(fit, censored = TRUE)</c>.</summary>
    All,
}
