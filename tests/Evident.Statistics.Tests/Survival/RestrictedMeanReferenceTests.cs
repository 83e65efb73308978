using Evident.Statistics.Survival;

namespace Evident.Statistics.Tests.Survival;

/// <summary>The R survival 3.5 restricted-mean reference case (make_refs.R: case_rmst, print(fit, rmean = 730)).</summary>
public sealed class RestrictedMeanReferenceTests
{
    [Fact]
    public void Lung_by_sex_at_730_days_matches_print_survfit_rmean()
    {
        var reference = ReferenceFixtures.Case("lung-rmst-sex");
        double tau = reference.Expected.GetProperty("tau").GetDouble();
        var curves = KaplanMeierReferenceTests.FitCase("lung.csv", 2, "sex", true, ConfidenceType.Log, out var levels);

        foreach (var g in reference.Expected.GetProperty("groups").EnumerateArray())
        {
            string level = ReferenceCase.GroupValue(g);
            var rmst = RestrictedMean.Compute(curves[Array.IndexOf(levels, level)], tau);
            Assert.Equal(tau, rmst.Tau);
            reference.AssertClose(g, "rmst", rmst.Rmst, $"sex={level}");
            reference.AssertClose(g, "std_error", rmst.StdError, $"sex={level}");
            double z = 1.959963984540054;
            Approx.Equal(rmst.Rmst - z * rmst.StdError, rmst.Lower, 1e-14, 0, "lower");
            Approx.Equal(rmst.Rmst + z * rmst.StdError, rmst.Upper, 1e-14, 0, "upper");
        }
    }

    [Fact]
    public void Difference_combines_independent_arms()
    {
        var curves = KaplanMeierReferenceTests.FitCase("lung.csv", 2, "sex", true, ConfidenceType.Log, out _);
        var male = RestrictedMean.Compute(curves[0], 730);
        var female = RestrictedMean.Compute(curves[1], 730);
        var d = RestrictedMean.Difference(female, male);

        // From the R reference values: 434.705208026645 − 311.117765899007, sqrt(27.2475953218648² + 19.3017187936314²).
        Approx.Equal(123.587442127638, d.Difference, 1e-6, 1e-9, "difference");
        Approx.Equal(33.3914330212486, d.StdError, 1e-6, 1e-9, "se");
        Approx.Equal(d.Difference / d.StdError, d.Z, 1e-14, 0, "z");
        Approx.Equal(123.587442127638 - 1.959963984540054 * 33.3914330212486, d.Lower, 1e-6, 1e-9, "lower");
        Approx.Equal(123.587442127638 + 1.959963984540054 * 33.3914330212486, d.Upper, 1e-6, 1e-9, "upper");
        Approx.Equal(2.146058064920725e-4, d.PValue, 1e-5, 0, "p"); // 2·pnorm(−3.70117…)
        Assert.Equal(-d.Difference, RestrictedMean.Difference(male, female).Difference);
    }
}
