using Evident.Statistics.Cox;

namespace Evident.Statistics.Tests.Cox;

/// <summary>
/// Direct standardisation: the mean of the predicted curves, and, for a sample of one repeated pattern, exactly that
/// pattern's curve with its survfit standard error (the delta method reduces to Tsiatis's variance). R's point
/// estimates on lung, veteran and colon run through the command line (tests/fixtures/predict).
/// </summary>
public class CoxStandardizedSurvivalTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OneRepeatedPatternIsThatPatternsCurve(bool strata)
    {
        var d = CoxCaseData.Lung(strataCluster: strata);
        var fit = d.Fit();
        double[] pattern = strata ? [62, 2] : [62, 2, 1];
        int[] patternStratum = strata ? [1] : [];
        var single = CoxSurvivalPrediction.Predict([], d.Time, d.IsEvent, d.X, d.P, d.Stratum, fit, pattern, patternStratum, ConfidenceType.LogLog, 0.9)[0];
        var sample = Enumerable.Repeat(pattern, 5).SelectMany(x => x).ToArray();
        int[] sampleStratum = strata ? [1, 1, 1, 1, 1] : [];
        var mean = CoxStandardizedSurvival.Compute([], d.Time, d.IsEvent, d.X, d.P, d.Stratum, fit, sample, sampleStratum, ConfidenceType.LogLog, 0.9);
        foreach (var (t, k) in single.Times.Select((t, k) => (t, k)))
        {
            int g = mean.Times.ToList().IndexOf(t);
            Assert.Equal(single.Survival[k], mean.Survival[g], 13);
            Assert.Equal(single.StdError[k], mean.StdError[g], 13);
            Assert.Equal(single.ConfLow[k], mean.ConfLow[g], 12);
            Assert.Equal(single.ConfHigh[k], mean.ConfHigh[g], 12);
        }
        if (strata) Assert.True(mean.Times.Count > single.Times.Count);   // the grid holds every stratum's times
    }

    [Fact]
    public void TheEstimateIsTheMeanOfThePredictedCurves()
    {
        var d = CoxCaseData.Veteran();
        var fit = d.Fit();
        var predicted = CoxSurvivalPrediction.Predict([], d.Time, d.IsEvent, d.X, d.P, [], fit, d.X, [], ConfidenceType.Log, 0.95);
        var mean = CoxStandardizedSurvival.Compute([], d.Time, d.IsEvent, d.X, d.P, [], fit, d.X, [], ConfidenceType.Log, 0.95);
        Assert.Equal(predicted[0].Times, mean.Times);
        for (int t = 0; t < mean.Times.Count; t++)
            Assert.Equal(predicted.Average(c => c.Survival[t]), mean.Survival[t], 13);
        // Averaging adds the spread of the members' curves to nothing: the standard error is below the largest member's.
        for (int t = 0; t < mean.Times.Count; t++)
            Assert.True(mean.StdError[t] <= predicted.Max(c => c.StdError[t]) + 1e-15);
    }

    [Fact]
    public void ArgumentsAreChecked()
    {
        var d = CoxCaseData.Lung();
        var fit = d.Fit();
        Assert.Throws<ArgumentOutOfRangeException>(() => CoxStandardizedSurvival.Compute([], d.Time, d.IsEvent, d.X, d.P, [], fit, [1, 2, double.NaN], [], ConfidenceType.Log, 0.95));
        Assert.Throws<ArgumentException>(() => CoxStandardizedSurvival.Compute([], d.Time, d.IsEvent, d.X, d.P, [], fit, [1, 2], [], ConfidenceType.Log, 0.95));
        Assert.Throws<ArgumentException>(() => CoxStandardizedSurvival.Compute([], d.Time, d.IsEvent, d.X, d.P, [], fit, [], [], ConfidenceType.Log, 0.95));
    }
}
