using Evident.Design;
using K = Evident.Protocol.Yaml.ProtocolKeys;

namespace Evident.Protocol.Yaml;

/// <summary>
/// Reads <c>follow_up_schedule</c> (how often participants are seen) and <c>adverse_event_terms</c> (the term list with
/// organ classes and grade descriptions).
/// </summary>
internal static class FollowUpAndTermsReader
{
    public static FollowUpSchedule Schedule(YMap m) => new(
        m.Require("interval").Number(DesignLimits.Positive, "follow-up interval", "a time greater than 0 in the protocol's time unit"),
        m.Number("grace", DesignLimits.NonNegative, "grace period", "a time of 0 or more in the protocol's time unit") ?? 0);

    public static AdverseEventTerms Terms(YMap m)
    {
        var termsNode = m.Require("terms");
        var terms = new List<AdverseEventTerm>();
        foreach (var item in termsNode.Items())
        {
            var t = item.Map(K.AdverseEventTerm);
            var termNode = t.Require("term");
            string term = termNode.String();
            if (term.Trim().Length == 0) throw termNode.Error("a term cannot be empty");
            if (terms.Any(x => string.Equals(x.Term, term, StringComparison.OrdinalIgnoreCase)))
                throw termNode.Error($"term '{term}' is listed twice");
            terms.Add(new AdverseEventTerm(term, t.String("organ_class"), Grades(t.Get("grades"))));
        }
        if (terms.Count == 0) throw termsNode.Error("the term list needs at least one term");
        return new AdverseEventTerms(ValueList<AdverseEventTerm>.From(terms), m.Boolean("other_allowed") ?? false);
    }

    private static IReadOnlyList<GradeDescription> Grades(YNode? node)
    {
        if (node is null) return ValueList<GradeDescription>.Empty;
        var grades = new List<GradeDescription>();
        foreach (var (key, value) in node.Value.Entries())
        {
            int grade = key.Integer(ValueRange.Closed(1, 5), "a CTCAE grade, a whole number from 1 to 5");
            if (grades.Any(g => g.Grade == grade)) throw key.Error($"grade {grade} is described twice");
            grades.Add(new GradeDescription(grade, value.String()));
        }
        return ValueList<GradeDescription>.From(grades.OrderBy(g => g.Grade));
    }
}
