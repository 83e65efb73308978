namespace Evident.Design.Monitoring;

/// <summary>
/// The numbers one look needs from the data: events and the (stratified) log-rank Z of the experimental arm.
/// </summary>
/// <param name="Events">Total events D (both arms).</param>
/// <param name="Observed">Events O in the experimental arm.</param>
/// <param name="Expected">Expected events E in the experimental arm under H0.</param>
/// <param name="Variance">Log-rank variance V of O − E.</param>
/// <param name="Z">(E − O)/√V: positive favours the experimental arm (0 when V = 0).</param>
public sealed record LogRankLook(double Events, double Observed, double Expected, double Variance, double Z);
