namespace Evident.Protocol;

/// <summary>The data tables a protocol's <c>data</c> section names columns of.</summary>
public enum DataTableRole
{
    /// <summary>The simple layout's participant table (<c>data.simple</c>).</summary>
    Participants,

    /// <summary>The simple layout's adverse-event table (<c>data.simple.adverse_events</c>).</summary>
    AdverseEvents,

    /// <summary>ADaM ADSL (<c>data.adam.adsl</c>).</summary>
    Adsl,

    /// <summary>ADaM ADTTE (its participant column is <c>data.adam.adsl.participant</c>).</summary>
    Adtte,

    /// <summary>ADaM ADAE (<c>data.adam.adae</c>; participant column <c>data.adam.adsl.participant</c>).</summary>
    Adae,
}
