namespace Evident.Data;

/// <summary>
/// Recursive-descent parser for <c>Surv(time, status) ~ rhs</c> or <c>Surv(start, stop, event) ~ rhs</c>:
/// <code>
/// rhs     := product ('+' product)*
/// product := inter ('*' inter)*          a*b  → a + b + a:b
/// inter   := atom (':' atom)*
/// atom    := name | factor(name) | as.factor(name) | strata(name, …) | cluster(name) | 1
/// name    := (letter | '.' | '_') (letter | digit | mark | '.' | '_')* | `any text`
/// </code>
/// Letters and digits are Unicode ones (<c>größe</c>, <c>âge</c>), as R accepts in a UTF-8 locale. As R's
/// <c>terms()</c> does, the variables of an interaction are put in the order the variables first appear in the
/// formula (<c>~ x:z + g:z</c> has terms <c>x:z</c> and <c>z:g</c>), repeated terms are dropped, and terms are
/// ordered main effects first, then two-way interactions, …, keeping the formula's order within an order.
/// </summary>
internal sealed class FormulaParser
{
    private readonly string text;
    private int pos;

    private FormulaParser(string text) => this.text = text;

    public static SurvivalFormula Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FormulaParser(text).ParseFormula();
    }

    private enum AtomKind { Variable, Strata, Cluster, One }

    private sealed record Atom(AtomKind Kind, FormulaVariable? Variable, IReadOnlyList<string> Columns, int Start);

    private SurvivalFormula ParseFormula()
    {
        SkipSpace();
        int start = pos;
        var (entry, time, status) = ParseSurv(start);
        Expect('~', start);

        var written = new List<FormulaTerm>();
        var strata = new List<string>();
        string? cluster = null;
        int clusterAt = -1;
        do
        {
            foreach (var part in Product())
            {
                if (part is FormulaTerm term)
                {
                    written.Add(term);
                    continue;
                }
                var atom = (Atom)part;
                switch (atom.Kind)
                {
                    case AtomKind.Strata:
                        foreach (string c in atom.Columns)
                            if (!strata.Contains(c)) strata.Add(c);
                        break;
                    case AtomKind.Cluster:
                        if (cluster is not null && cluster != atom.Columns[0])
                            throw Fail(atom.Start, "at most one cluster() term", clusterAt);
                        cluster = atom.Columns[0];
                        clusterAt = atom.Start;
                        break;
                }
            }
            SkipSpace();
        }
        while (Accept('+'));

        SkipSpace();
        if (pos < text.Length)
        {
            char c = text[pos];
            string expected = c == '-' ? "'+' (removing terms with '-' is not supported)" : "'+', ':', '*' or the end of the formula";
            throw Fail(pos, expected, 0);
        }
        return new SurvivalFormula(time, status, InRTermOrder(written), strata, cluster, text) { EntryColumn = entry };
    }

    /// <summary><c>Surv(time, status)</c>, or <c>Surv(start, stop, event)</c> for counting-process data (entry = start).</summary>
    private (string? Entry, string Time, string Status) ParseSurv(int start)
    {
        string? surv = TryName();
        if (surv != "Surv") throw Fail(start, "'Surv(time, status)' on the left of '~'", start);
        Expect('(', start);
        string time = Name(start, "the time column");
        Expect(',', start);
        string status = Name(start, "the status column");
        string? entry = null;
        SkipSpace();
        if (Accept(','))
        {
            // Surv(start, stop, event): counting-process data, each row at risk on (start, stop].
            entry = time;
            time = status;
            status = Name(start, "the event column");
            SkipSpace();
            if (Peek() == ',') throw Fail(pos, "')' (Surv() takes (time, status) or (start, stop, event))", start);
        }
        Expect(')', start);
        return (entry, time, status);
    }

    /// <summary>
    /// R's <c>terms()</c>: each term's variables in order of first appearance, repeats dropped, then main effects
    /// first, interactions by order, stable within an order.
    /// </summary>
    private static List<FormulaTerm> InRTermOrder(List<FormulaTerm> written)
    {
        var order = new List<FormulaVariable>();
        foreach (var term in written)
            foreach (var v in term.Variables)
                if (!order.Contains(v)) order.Add(v);
        var terms = new List<FormulaTerm>();
        foreach (var term in written)
        {
            var canonical = new FormulaTerm(term.Variables.OrderBy(order.IndexOf).ToList());
            if (!terms.Contains(canonical)) terms.Add(canonical);
        }
        return terms.Select((t, i) => (t, i)).OrderBy(x => x.t.Variables.Count).ThenBy(x => x.i).Select(x => x.t).ToList();
    }

    /// <summary>A product of interactions, expanded: returns FormulaTerms, or a single special Atom.</summary>
    private List<object> Product()
    {
        SkipSpace();
        int start = pos;
        var factors = new List<object> { Interaction() };
        SkipSpace();
        while (Accept('*'))
        {
            factors.Add(Interaction());
            SkipSpace();
        }
        if (factors.Count == 1) return factors;
        foreach (var f in factors)
        {
            if (f is Atom special) throw Fail(special.Start, SpecialMessage(special), start);
        }
        // a*b*c: every non-empty subset, R's order (by order, then formula order).
        var result = new List<object>();
        int n = factors.Count;
        if (n > 16) throw Fail(start, "at most 16 factors in a '*' product", start);
        for (int mask = 1; mask < 1 << n; mask++)
        {
            var variables = new List<FormulaVariable>();
            for (int k = 0; k < n; k++)
            {
                if ((mask & (1 << k)) == 0) continue;
                foreach (var v in ((FormulaTerm)factors[k]).Variables)
                    if (!variables.Contains(v)) variables.Add(v);
            }
            var term = new FormulaTerm(variables);
            if (!result.Contains(term)) result.Add(term);
        }
        return result;
    }

    private static string SpecialMessage(Atom special) => special.Kind switch
    {
        AtomKind.Strata => "a variable here (strata() cannot be part of an interaction)",
        AtomKind.Cluster => "a variable here (cluster() cannot be part of an interaction)",
        _ => "a variable here ('1' cannot be part of an interaction)",
    };

    /// <summary>An interaction a:b:…, or a special atom standing alone.</summary>
    private object Interaction()
    {
        SkipSpace();
        int start = pos;
        var atoms = new List<Atom> { ParseAtom() };
        SkipSpace();
        while (Accept(':'))
        {
            atoms.Add(ParseAtom());
            SkipSpace();
        }
        if (atoms.Count == 1 && atoms[0].Kind != AtomKind.Variable)
            return atoms[0];
        var variables = new List<FormulaVariable>();
        foreach (var atom in atoms)
        {
            if (atom.Kind != AtomKind.Variable) throw Fail(atom.Start, SpecialMessage(atom), start);
            if (!variables.Contains(atom.Variable!)) variables.Add(atom.Variable!);
        }
        return new FormulaTerm(variables);
    }

    private Atom ParseAtom()
    {
        SkipSpace();
        int start = pos;
        if (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            while (pos < text.Length && (char.IsAsciiDigit(text[pos]) || text[pos] == '.')) pos++;
            string number = text[start..pos];
            if (number == "1") return new Atom(AtomKind.One, null, [], start);
            if (number == "0")
                throw Fail(start, "a column name or '1' (a model without intercept, '0', is not supported; survival models have no intercept anyway)", start);
            throw Fail(start, "a column name or '1'", start);
        }
        if (pos < text.Length && text[pos] == '(')
            throw Fail(start, "a column name or a function (parentheses around terms are not supported)", start);
        string? name = TryName();
        if (name is null) throw Fail(start, "a column name, factor(), strata(), cluster() or '1'", start);
        SkipSpace();
        if (!Accept('(')) return new Atom(AtomKind.Variable, new FormulaVariable(name, false), [name], start);

        switch (name)
        {
            case "factor":
            case "as.factor":
            {
                string column = Name(start, "a column name");
                Expect(')', start);
                return new Atom(AtomKind.Variable, new FormulaVariable(column, true), [column], start);
            }
            case "strata":
            {
                var columns = new List<string> { Name(start, "a column name") };
                SkipSpace();
                while (Accept(','))
                {
                    columns.Add(Name(start, "a column name"));
                    SkipSpace();
                }
                Expect(')', start);
                return new Atom(AtomKind.Strata, null, columns, start);
            }
            case "cluster":
            {
                string column = Name(start, "a column name");
                Expect(')', start);
                return new Atom(AtomKind.Cluster, null, [column], start);
            }
            default:
                throw new FormulaException(
                    $"unknown function '{name}()' at column {start + 1}; the formula can use factor(), strata() and cluster() (transform columns before the analysis)",
                    text, start + 1, "factor(), strata() or cluster()");
        }
    }

    private string Name(int contextStart, string what)
    {
        SkipSpace();
        int at = pos;
        return TryName() ?? throw Fail(at, what, contextStart);
    }

    private string? TryName()
    {
        SkipSpace();
        if (pos >= text.Length) return null;
        if (text[pos] == '`')
        {
            int close = text.IndexOf('`', pos + 1);
            if (close < 0) throw Fail(text.Length, "a closing '`'", pos);
            string quoted = text[(pos + 1)..close];
            if (quoted.Length == 0) throw Fail(pos, "a column name between the backquotes", pos);
            pos = close + 1;
            return quoted;
        }
        if (!(char.IsLetter(text, pos) || text[pos] is '.' or '_')) return null;
        int start = pos;
        while (pos < text.Length && IsNameChar(pos)) pos += char.IsSurrogatePair(text, pos) ? 2 : 1;
        return text[start..pos];
    }

    /// <summary>A character that may continue an R syntactic name: a Unicode letter, digit or combining mark, '.' or '_'.</summary>
    private bool IsNameChar(int at)
    {
        if (text[at] is '.' or '_') return true;
        if (char.IsLetterOrDigit(text, at)) return true;
        var category = char.GetUnicodeCategory(text, at);
        return category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
    }

    private void Expect(char c, int contextStart)
    {
        SkipSpace();
        if (!Accept(c)) throw Fail(pos, $"'{c}'", contextStart);
    }

    private bool Accept(char c)
    {
        SkipSpace();
        if (pos < text.Length && text[pos] == c)
        {
            pos++;
            return true;
        }
        return false;
    }

    private char Peek() => pos < text.Length ? text[pos] : '\0';

    private void SkipSpace()
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
    }

    private FormulaException Fail(int at, string expected, int contextStart)
    {
        string context = text[Math.Min(contextStart, at)..at].Trim();
        string found = at < text.Length ? $"'{text[at]}'" : "the end of the formula";
        string message = context.Length > 0
            ? $"expected {expected} after '{context}' at column {at + 1} (found {found})"
            : $"expected {expected} at column {at + 1} (found {found})";
        return new FormulaException(message, text, at + 1, expected);
    }
}
