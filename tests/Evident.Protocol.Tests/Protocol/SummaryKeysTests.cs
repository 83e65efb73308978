using Evident.Testing;
using Evident.Protocol;

namespace Evident.Protocol.Tests.Protocol;

/// <summary>
/// The clinician summary's study-design keys (<c>summary.phase</c>, <c>population</c>, <c>treatments</c>,
/// <c>stopped</c>, <c>published</c>): read from the example, written back unchanged, optional, and refused with the line
/// and key when wrong.
/// </summary>
public sealed class SummaryKeysTests
{
    private static readonly TrialProtocol Example = TrialProtocol.Parse(RepositoryFiles.ExampleProtocol, "protocol.yaml");

    [Fact]
    public void The_example_gives_the_published_design_of_AALL1731()
    {
        var summary = Example.Summary;
        Assert.Equal("Phase 3", summary.Phase);
        Assert.StartsWith("children aged 1 to 9 years", summary.Population, StringComparison.Ordinal);
        Assert.Equal(["chemotherapy", "blinatumomab"], summary.Treatments.Select(t => t.Key));
        Assert.Equal(new DateOnly(2024, 6, 30), summary.Stopped!.Date);
        Assert.Equal("the data and safety monitoring committee", summary.Stopped.By);
        Assert.Contains("SR-average 97.5% vs 90.2%", summary.Published, StringComparison.Ordinal);
    }

    [Fact]
    public void The_keys_round_trip_and_are_optional()
    {
        var again = TrialProtocol.Parse(Example.ToYaml(), "protocol.yaml");
        Assert.Equal(Example.Summary, again.Summary);
        var without = TrialProtocol.Parse(Cut(RepositoryFiles.ExampleProtocol, "  phase: Phase 3\n", "  abbreviations:\n"), "protocol.yaml");
        Assert.Null(without.Summary.Phase);
        Assert.Null(without.Summary.Stopped);
        Assert.Null(without.Summary.Published);
        Assert.Empty(without.Summary.Treatments);
        Assert.Equal(Example.Summary.Abbreviations, without.Summary.Abbreviations);
        Assert.Equal(without.Summary, TrialProtocol.Parse(without.ToYaml(), "protocol.yaml").Summary);
    }

    [Theory]
    [InlineData("    date: 2024-06-30\n", "    date: 30/06/2024\n", "summary.stopped.date", "'30/06/2024' is not a date; expected YYYY-MM-DD")]
    [InlineData("    blinatumomab: the same chemotherapy", "    blina: the same chemotherapy", "summary.treatments.blina", "arm 'blina' is not defined; arms are chemotherapy, blinatumomab")]
    [InlineData("    by: the data and safety monitoring committee\n", "", "summary.stopped", "the required key 'by' is missing")]
    public void Wrong_values_are_refused_with_the_line_and_key(string find, string replace, string keyPath, string reason)
    {
        string yaml = RepositoryFiles.ExampleProtocol;
        Assert.Contains(find, yaml, StringComparison.Ordinal);
        var e = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(yaml.Replace(find, replace, StringComparison.Ordinal), "protocol.yaml"));
        Assert.Equal(reason, e.Reason);
        Assert.StartsWith(keyPath, e.KeyPath, StringComparison.Ordinal);
    }

    /// <summary>The text with the part from <paramref name="from"/> up to (not including) <paramref name="to"/> removed.</summary>
    private static string Cut(string text, string from, string to)
    {
        int start = text.IndexOf(from, StringComparison.Ordinal), end = text.IndexOf(to, start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start);
        return text[..start] + text[end..];
    }
}
