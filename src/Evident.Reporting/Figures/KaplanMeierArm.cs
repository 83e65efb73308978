using Evident.Statistics;
using Evident.Statistics.Survival;

namespace Evident.Reporting.Figures;

/// <summary>One arm (or group) of a Kaplan–Meier figure: its display name and its fitted curve.</summary>
/// <param name="Name">Arm name shown in the legend and the risk table, non-empty.</param>
/// <param name="Curve">The curve from <see cref="KaplanMeier.Fit"/> or <see cref="KaplanMeier.FitGroups"/>.</param>
public sealed record KaplanMeierArm(string Name, KaplanMeierCurve Curve);
