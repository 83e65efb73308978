using Evident.Protocol;
using Evident.Testing;

namespace Evident.Protocol.Tests.Protocol;

/// <summary><c>allocation.blinding</c>: open label or blinded, blinded when the protocol does not say.</summary>
public sealed class BlindingTests
{
    private static TrialProtocol WithBlinding(string? value) => TrialProtocol.Parse(
        value is null ? MinimalProtocol.Text : MinimalProtocol.Text.Replace("  ratio: \"1:1\"\n", $"  ratio: \"1:1\"\n  blinding: {value}\n", StringComparison.Ordinal), "p.yaml");

    [Fact]
    public void A_protocol_that_does_not_say_stays_blinded()
    {
        var p = WithBlinding(null);
        Assert.Null(p.Allocation.Blinding);
        Assert.True(p.Allocation.IsBlinded);
        Assert.DoesNotContain("blinding", p.ToYaml(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("open-label", AllocationBlinding.OpenLabel, false)]
    [InlineData("blinded", AllocationBlinding.Blinded, true)]
    public void Each_value_is_read_and_written_back(string text, AllocationBlinding expected, bool blinded)
    {
        var p = WithBlinding(text);
        Assert.Equal(expected, p.Allocation.Blinding);
        Assert.Equal(blinded, p.Allocation.IsBlinded);
        var again = TrialProtocol.Parse(p.ToYaml(), "p.yaml");
        Assert.Equal(p.Allocation, again.Allocation);
        Assert.Equal(expected, again.Allocation.Blinding);
    }

    [Fact]
    public void Another_value_is_an_error_naming_the_choices()
    {
        var e = Assert.Throws<ProtocolException>(() => WithBlinding("double-blind"));
        Assert.Contains("allocation.blinding", e.Message, StringComparison.Ordinal);
        Assert.Contains("open-label", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_aall1731_example_is_open_label()
    {
        var p = TrialProtocol.Load(RepositoryFiles.ExampleProtocolPath);
        Assert.Equal(AllocationBlinding.OpenLabel, p.Allocation.Blinding);
        Assert.False(p.Allocation.IsBlinded);
    }
}
