using Evident.Statistics.Cox;

namespace Evident.Analysis.Models;

/// <summary>A covariate-adjusted survival curve for one value of the adjusting variable (<see cref="CoxModel.AdjustedSurvival"/>).</summary>
/// <param name="Level">The value every member of the sample was given, as R prints it.</param>
/// <param name="SampleSize">Members averaged over (the model frame's rows).</param>
/// <param name="Curve">The standardised curve.</param>
public sealed record AdjustedSurvivalCurve(string Level, int SampleSize, StandardizedSurvivalCurve Curve);
