namespace Evident.Protocol.Tests.Protocol;

/// <summary><c>components[].death</c> and <c>data.simple.events.*.cause</c>.</summary>
public sealed class DeathComponentTests
{
    private static readonly string Text = MinimalProtocol.Text
        .Replace("  - id: death\n", "  - id: death\n    death: true\n", StringComparison.Ordinal)
        .Replace("death: {date: death_date}", "death: {date: death_date, cause: death_cause}", StringComparison.Ordinal);

    [Fact]
    public void Death_and_its_cause_column_parse_and_round_trip()
    {
        Assert.Contains("death: true", Text, StringComparison.Ordinal);
        var p = TrialProtocol.Parse(Text, "p.yaml");
        Assert.True(p.Components.Single(c => c.Id == "death").IsDeath);
        Assert.Equal("death_cause", p.Data.Simple!.Events.Single(e => e.Component == "death").CauseColumn);
        Assert.Equal(p with { SourceName = "", Hash = "" }, TrialProtocol.Parse(p.ToYaml(), "again.yaml") with { SourceName = "", Hash = "" });
    }

    [Fact]
    public void Without_the_keys_no_component_is_death_and_no_cause_is_read()
    {
        var p = TrialProtocol.Parse(MinimalProtocol.Text, "m.yaml");
        Assert.DoesNotContain(p.Components, c => c.IsDeath);
        Assert.All(p.Data.Simple!.Events, e => Assert.Null(e.CauseColumn));
        Assert.DoesNotContain("death: true", p.ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_death_components_are_refused()
    {
        string text = Text.Replace("  - id: death\n    death: true\n", "  - id: death\n    death: true\n  - id: death2\n    death: true\n", StringComparison.Ordinal);
        var e = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(text, "p.yaml"));
        Assert.Contains("only one component can be death", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_marks_its_death_component()
    {
        var p = TrialProtocol.Load(Evident.Testing.RepositoryFiles.PathOf("examples/aall1731/protocol.yaml"));
        Assert.Equal("death", p.Components.Single(c => c.IsDeath).Id);
        Assert.Equal("death_cause", p.Data.Simple!.Events.Single(e => e.Component == "death").CauseColumn);
    }
}
