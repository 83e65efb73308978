namespace Evident.Analysis.Input;

/// <summary>The shape of a trial's data files.</summary>
public enum DataLayout
{
    /// <summary>One row per participant with event dates and types (protocol <c>data.simple</c>).</summary>
    Simple,

    /// <summary>CDISC ADaM ADSL, ADTTE and ADAE (protocol <c>data.adam</c>).</summary>
    Adam,
}
