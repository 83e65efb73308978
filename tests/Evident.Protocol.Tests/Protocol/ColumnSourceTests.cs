using Evident.Testing;
using Evident.Protocol;

namespace Evident.Protocol.Tests.Protocol;

/// <summary>
/// The parser keeps where each data column is named, so that a column the data lack is reported at the protocol's line
/// and key; the locations do not take part in the model's value equality.
/// </summary>
public sealed class ColumnSourceTests
{
    private static readonly TrialProtocol Example = TrialProtocol.Parse(RepositoryFiles.ExampleProtocol, "protocol.yaml");

    [Fact]
    public void SimpleLayoutColumnsCarryTheirLineAndKey()
    {
        var data = Example.Data;
        Assert.Equal(new ColumnSource(DataTableRole.Participants, "arm", new SourceLocation("protocol.yaml", 124, 10, "data.simple.arm"), false),
                     data.Locate(DataTableRole.Participants, "arm"));
        Assert.Equal(new SourceLocation("protocol.yaml", 127, 13, "data.simple.strata.risk"), data.Locate(DataTableRole.Participants, "risk_group")!.Location);
        // Three components share relapse_date; the first key that names it is reported.
        Assert.Equal(new SourceLocation("protocol.yaml", 133, 30, "data.simple.events.marrow_relapse.date"), data.Locate(DataTableRole.Participants, "relapse_date")!.Location);
        Assert.Equal(new SourceLocation("protocol.yaml", 133, 50, "data.simple.events.marrow_relapse.type"), data.Locate(DataTableRole.Participants, "relapse_site")!.Location);
        Assert.Equal(new SourceLocation("protocol.yaml", 140, 13, "data.simple.adverse_events.term"), data.Locate(DataTableRole.AdverseEvents, "term")!.Location);
        Assert.Null(data.Locate(DataTableRole.Participants, "term"));
        Assert.Null(data.Locate(DataTableRole.Participants, "ARM"));
    }

    [Fact]
    public void AdamColumnsIncludingDefaultsCarryTheirLineAndKey()
    {
        var data = Example.Data;
        // Lines of examples/aall1731/protocol.yaml (summary: 16 lines of study design before time_unit): data.simple.off_study (4 lines) comes before data.adam.
        Assert.Equal(new SourceLocation("protocol.yaml", 150, 17, "data.adam.adsl.arm.column"), data.Locate(DataTableRole.Adsl, "ARM")!.Location);
        var participant = data.Locate(DataTableRole.Adtte, "USUBJID")!;
        Assert.Equal(new SourceLocation("protocol.yaml", 148, 20, "data.adam.adsl.participant"), participant.Location);
        Assert.False(participant.IsDefault);
        Assert.Equal(new SourceLocation("protocol.yaml", 173, 13, "data.adam.adae.term"), data.Locate(DataTableRole.Adae, "AEDECOD")!.Location);

        // Without an adae mapping the defaults are located at the data.adam mapping, with the implied key.
        var defaults = TrialProtocol.Parse(RepositoryFiles.ExampleProtocol.Replace("    adae:\n      term: AEDECOD\n      grade: AETOXGRN\n", ""), "protocol.yaml");
        var grade = defaults.Data.Locate(DataTableRole.Adae, "AETOXGRN")!;
        Assert.True(grade.IsDefault);
        Assert.Equal(new SourceLocation("protocol.yaml", 147, 5, "data.adam.adae.grade"), grade.Location);
        Assert.Equal("protocol.yaml, line 147, key 'data.adam.adae.grade': column missing", grade.Location.Describe("column missing"));
    }

    [Fact]
    public void LocationsDoNotTakePartInEquality()
    {
        var moved = TrialProtocol.Parse("# a comment that moves every line down\n\n" + RepositoryFiles.ExampleProtocol, "protocol.yaml");
        Assert.Equal(126, moved.Data.Locate(DataTableRole.Participants, "arm")!.Location.Line);
        Assert.Equal(Example.Data, moved.Data);
        Assert.Equal(Example.Data.GetHashCode(), moved.Data.GetHashCode());
        Assert.Equal(Example with { Hash = "" }, moved with { Hash = "" });
        Assert.NotEqual(Example.Data, TrialProtocol.Parse(RepositoryFiles.ExampleProtocol.Replace("    arm: arm\n", "    arm: treatment\n"), "protocol.yaml").Data);
        var canonical = TrialProtocol.Parse(Example.ToYaml(), "protocol.yaml");
        Assert.Equal(Example.Data, canonical.Data);
        Assert.NotEmpty(canonical.Data.Sources);
    }

    [Fact]
    public void ProtocolExceptionAndLocationComposeTheSameMessage()
    {
        var at = new SourceLocation("p.yaml", 3, 7, "data.simple.arm");
        Assert.Equal("p.yaml, line 3, key 'data.simple.arm': bad", at.Error("bad").Message);
        Assert.Equal(at.Error("bad").Message, at.Describe("bad"));
    }
}
