using System.Globalization;

namespace Evident.Design.Tests;

/// <summary>Boundaries against rpact 3.3.4 <c>getDesignGroupSequential</c> (cases from make_refs.R, rel 1e-5).</summary>
public class GroupSequentialReferenceTests
{
    [Theory]
    [InlineData("gs-obf-4")]
    [InlineData("gs-obf-4-futility")]
    [InlineData("gs-obf-uneven")]
    [InlineData("gs-pocock-3")]
    [InlineData("gs-hsd-m4-5")]
    public void MatchesRpact(string name)
    {
        var rc = ReferenceCase.Load(name);
        var design = GroupSequential.Create(OptionsFrom(rc));

        Assert.Equal((int)rc.Number("looks"), design.Looks);
        Assert.Equal(rc.Number("alpha"), design.Alpha);
        rc.AssertClose(rc.Vector("information"), design.Information, "information");
        rc.AssertClose(rc.Vector("critical_values"), design.CriticalValues, "critical_values");
        rc.AssertClose(rc.Vector("alpha_spent"), design.AlphaSpent, "alpha_spent");
        rc.AssertClose(rc.Vector("nominal_p"), design.NominalP, "nominal_p");
        if (rc.Has("futility_bounds"))
        {
            Assert.NotNull(design.FutilityBounds);
            rc.AssertClose(rc.Vector("futility_bounds"), design.FutilityBounds!, "futility_bounds");
        }
        else
        {
            Assert.Null(design.FutilityBounds);
        }
    }

    /// <summary>Maps the case's command-line arguments to options, as the CLI does.</summary>
    internal static GroupSequentialOptions OptionsFrom(ReferenceCase rc)
    {
        double Num(string flag) => double.Parse(rc.Arg(flag)!, CultureInfo.InvariantCulture);
        string? info = rc.Arg("--information");
        string? beta = rc.Arg("--beta");
        string? power = rc.Arg("--power");
        string? betaSpending = rc.Arg("--beta-spending");
        return new GroupSequentialOptions
        {
            Looks = int.Parse(rc.Arg("--looks")!, CultureInfo.InvariantCulture),
            Alpha = Num("--alpha"),
            Spending = rc.Arg("--spending") is { } s ? SpendingFunction.Parse(s) : SpendingFunction.OBrienFleming,
            Information = info?.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray(),
            Beta = beta is not null ? Num("--beta") : power is not null ? 1 - Num("--power") : 0.2,
            BetaSpending = betaSpending is null ? null : SpendingFunction.Parse(betaSpending),
        };
    }
}
