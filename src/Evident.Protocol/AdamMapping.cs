namespace Evident.Protocol;

/// <summary>
/// Where CDISC ADaM data hold each concept (YAML <c>data.adam</c>). ADSL gives one row per participant; ADTTE one row per
/// participant and parameter with <c>AVAL</c>, <c>CNSR</c> (0 = event, &gt; 0 = censored), <c>STARTDT</c>, <c>ADT</c>
/// and <c>EVNTDESC</c>; ADAE one row per adverse event.
/// </summary>
/// <param name="Participant">ADSL participant column; default <c>USUBJID</c> (also the key of ADTTE and ADAE).</param>
/// <param name="Arm">ADSL arm column; default <c>ARM</c>.</param>
/// <param name="Site">ADSL site column; default <c>SITEID</c>.</param>
/// <param name="Strata">ADSL column per stratification factor.</param>
/// <param name="Covariates">ADSL column per covariate.</param>
/// <param name="Randomized">ADSL randomization date column; default <c>RANDDT</c>.</param>
/// <param name="Parameters">The ADTTE <c>PARAMCD</c> of every endpoint, in protocol order.</param>
/// <param name="Events">The ADTTE <c>EVNTDESC</c> values of every component, in protocol order.</param>
/// <param name="AdverseEvents">ADAE columns (participant = <paramref name="Participant"/>); defaults <c>AEDECOD</c>, <c>AETOXGRN</c>.</param>
public sealed record AdamMapping(
    string Participant,
    ColumnBinding Arm,
    string Site,
    IReadOnlyList<ColumnBinding> Strata,
    IReadOnlyList<ColumnBinding> Covariates,
    string Randomized,
    IReadOnlyList<AdamParameter> Parameters,
    IReadOnlyList<AdamEventDescriptions> Events,
    AdverseEventColumns AdverseEvents);
