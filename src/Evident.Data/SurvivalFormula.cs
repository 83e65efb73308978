namespace Evident.Data;

/// <summary>
/// A parsed R survival formula <c>Surv(time, status) ~ terms</c>. Terms are columns, <c>factor(col)</c>,
/// interactions <c>a:b</c> and <c>a*b</c> (= <c>a + b + a:b</c>), <c>strata(a, b, …)</c> (several <c>strata()</c>
/// terms combine), <c>cluster(id)</c>, and <c>1</c> (no terms). Names are R syntactic names — Unicode letters, digits,
/// '.' and '_' (<c>größe</c>) — or backquoted (<c>`my col`</c>). Terms are ordered as R's <c>terms()</c> orders them:
/// main effects in formula order, then two-way interactions, and so on; an interaction's variables are in order of
/// first appearance in the formula; repeated terms (<c>a:b + b:a</c>) are dropped.
/// </summary>
/// <param name="TimeColumn">The follow-up time: the first argument of <c>Surv(time, status)</c>, the second (stop) of <c>Surv(start, stop, event)</c>.</param>
/// <param name="StatusColumn">The status: the last argument of <c>Surv()</c>.</param>
/// <param name="Terms">The covariate/grouping terms (not strata or cluster).</param>
/// <param name="StrataColumns">Columns of all <c>strata()</c> terms, in order.</param>
/// <param name="ClusterColumn">The <c>cluster()</c> column, or null.</param>
/// <param name="Text">The formula as written.</param>
public sealed record SurvivalFormula(string TimeColumn, string StatusColumn, IReadOnlyList<FormulaTerm> Terms,
                                     IReadOnlyList<string> StrataColumns, string? ClusterColumn, string Text)
{
    /// <summary>
    /// The entry (start) column of counting-process data <c>Surv(start, stop, event)</c>, each row at risk on
    /// (start, stop]; null for right-censored data <c>Surv(time, status)</c>.
    /// </summary>
    public string? EntryColumn { get; init; }

    /// <summary>True for counting-process data, <c>Surv(start, stop, event)</c>.</summary>
    public bool IsCountingProcess => EntryColumn is not null;

    /// <summary>Parses an R survival formula.</summary>
    /// <param name="text">E.g. <c>Surv(time, status) ~ age + factor(sex) + strata(inst)</c>.</param>
    /// <exception cref="FormulaException">A syntax error, with its position and what was expected there.</exception>
    public static SurvivalFormula Parse(string text) => FormulaParser.Parse(text);

    /// <summary>Every column the formula uses, each once: entry (if any), time, status, term columns, strata, cluster.</summary>
    public IReadOnlyList<string> Columns
    {
        get
        {
            var seen = new List<string>();
            void Add(string column)
            {
                if (!seen.Contains(column)) seen.Add(column);
            }
            if (EntryColumn is not null) Add(EntryColumn);
            Add(TimeColumn);
            Add(StatusColumn);
            foreach (var term in Terms)
                foreach (var v in term.Variables) Add(v.Column);
            foreach (var s in StrataColumns) Add(s);
            if (ClusterColumn is not null) Add(ClusterColumn);
            return seen;
        }
    }

    /// <summary>The formula as written.</summary>
    public override string ToString() => Text;
}
