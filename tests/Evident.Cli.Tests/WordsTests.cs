using System.Net;
using System.Text.RegularExpressions;
using static Evident.Cli.Tests.TrialReferenceTests;

namespace Evident.Cli.Tests;

/// <summary>
/// The words of the report and the summary, on the demo and on colon (three arms), pbc and cgd: no parenthesis opens
/// inside another in any sentence, label or figure text, and the arms appear in the protocol's order in every table
/// and figure legend of the report.
/// </summary>
public sealed partial class WordsTests
{
    public static TheoryData<string> Outputs => new() { "demo", "colon", "pbc", "cgd" };

    [Theory]
    [MemberData(nameof(Outputs))]
    public void No_sentence_or_label_nests_parentheses(string trial)
    {
        var (report, summary, _) = Run(trial);
        var nested = TextNodes(report).Concat(summary.Split('\n')).Where(Nests).ToList();
        Assert.True(nested.Count == 0, "nested parentheses:\n" + string.Join("\n", nested));
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Arms_appear_in_the_protocols_order_in_every_table_and_figure(string trial)
    {
        var (report, _, arms) = Run(trial);
        int checkedParts = 0;
        foreach (Match part in Part().Matches(report))
        {
            // Each text node that names an arm (alone, or heading a column "Arm: …" / "Arm (N = …)"), in document order.
            var order = TextNodes(part.Value).Select(t => Array.FindLastIndex(arms, a => t == a || t.StartsWith(a + ":", StringComparison.Ordinal) || t.StartsWith(a + " (", StringComparison.Ordinal)))
                                             .Where(i => i >= 0).Distinct().ToList();
            if (order.Count < 2) continue;
            checkedParts++;
            Assert.True(order.SequenceEqual(order.Order()), $"arms out of the protocol's order ({string.Join(", ", order.Select(i => arms[i]))}) in:\n{part.Value[..Math.Min(300, part.Value.Length)]}");
        }
        Assert.True(checkedParts >= 3, $"only {checkedParts} tables or figures name two arms");
    }

    /// <summary>A text with a parenthesis opened while another is open.</summary>
    private static bool Nests(string text)
    {
        int depth = 0;
        foreach (char c in text)
        {
            if (c == '(' && ++depth > 1) return true;
            if (c == ')') depth = Math.Max(0, depth - 1);
        }
        return false;
    }

    private static IEnumerable<string> TextNodes(string html) =>
        Tag().Split(Style().Replace(html, "")).Select(t => WebUtility.HtmlDecode(t).Trim()).Where(t => t.Length > 0);

    /// <summary>report.html, summary.md and the arm labels in protocol order, for the demo or one of the issue-12 trials.</summary>
    private static (string Report, string Summary, string[] Arms) Run(string trial)
    {
        if (trial != "demo")
        {
            var (_, report, summary) = TrialReferenceTests.Outputs($"protocols/{trial}-issue12.yaml", trial);
            return (report, summary, ArmLabels(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "trials", "protocols", $"{trial}-issue12.yaml"))));
        }
        string directory = Path.Combine(Path.GetTempPath(), "evident-words-" + Guid.NewGuid().ToString("N"));
        var (code, _, stderr) = Fixtures.Run("demo", "--out", directory);
        Assert.True(code == 0, stderr);
        // The demo embeds examples/aall1731/protocol.yaml: arms chemotherapy (control), then blinatumomab.
        var outputs = (File.ReadAllText(Path.Combine(directory, "report.html")), File.ReadAllText(Path.Combine(directory, "summary.md")),
                       new[] { "Chemotherapy", "Chemotherapy + blinatumomab" });
        Directory.Delete(directory, recursive: true);
        return outputs;
    }

    private static string[] ArmLabels(string protocol)
    {
        string arms = protocol[protocol.IndexOf("\narms:", StringComparison.Ordinal)..];
        arms = arms[..arms.IndexOf("\n\n", StringComparison.Ordinal)];
        return ArmLabel().Matches(arms).Select(m => m.Groups[1].Value.Trim()).ToArray();
    }

    [GeneratedRegex(@"<(table|figure)\b.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex Part();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Style();

    [GeneratedRegex(@"\n\s+label:\s*(.+)")]
    private static partial Regex ArmLabel();
}
