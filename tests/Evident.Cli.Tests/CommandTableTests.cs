namespace Evident.Cli.Tests;

/// <summary>
/// A command line naming a command builds only that command (start-up, docs/performance.md); these tests hold the
/// table of names to the commands it creates, and the help to the whole list.
/// </summary>
public sealed class CommandTableTests
{
    public static TheoryData<string> Names => new(EvidentApp.CommandNames);

    [Theory]
    [MemberData(nameof(Names))]
    public void EachEntryCreatesTheCommandOfItsName(string name) => Assert.Equal(name, EvidentApp.CreateCommand(name).Name);

    [Fact]
    public void TheWholeTreeHasEveryCommandOnceInTheTableOrder() =>
        Assert.Equal(EvidentApp.CommandNames, EvidentApp.BuildRootCommand().Subcommands.Select(c => c.Name));

    [Fact]
    public void HelpListsEveryCommand()
    {
        var (code, stdout, _) = Fixtures.Run("--help");
        Assert.Equal(0, code);
        foreach (string name in EvidentApp.CommandNames) Assert.Matches($@"(?m)^\s+{name}\b", stdout);
    }

    [Fact]
    public void ACommandsHelpIsItsOwn()
    {
        var (code, stdout, _) = Fixtures.Run("km", "--help");
        Assert.Equal(0, code);
        Assert.Contains(" km <FILE> [options]", stdout);
        Assert.Contains("--conf-type", stdout);
        Assert.DoesNotContain("logrank", stdout);
    }
}
