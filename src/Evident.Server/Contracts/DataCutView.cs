using Evident.Randomization;

namespace Evident.Server.Contracts;

/// <summary>A frozen data cut as the API shows it, with the addresses of its reports.</summary>
/// <param name="Id">The cut's number in its trial.</param>
/// <param name="Cutoff">The data cut-off of its reports (yyyy-mm-dd).</param>
/// <param name="FrozenAt">When it was frozen (UTC).</param>
/// <param name="FrozenBy">Who froze it.</param>
/// <param name="DataSha256">SHA-256 of its files (results.json <c>report.data_sha256</c>).</param>
/// <param name="ProtocolSha256">SHA-256 of the protocol.</param>
/// <param name="Participants">Participants randomized on or before the cut-off.</param>
/// <param name="Reports">Report name (<c>open</c>, <c>closed</c>) → address of its HTML.</param>
internal sealed record DataCutView(long Id, string Cutoff, DateTimeOffset FrozenAt, string FrozenBy, string DataSha256, string ProtocolSha256, int Participants,
                                   IReadOnlyDictionary<string, string> Reports)
{
    public static DataCutView From(string trialId, StoredDataCut cut)
    {
        string root = $"/trials/{Uri.EscapeDataString(trialId)}/data-cuts/{cut.Id}";
        return new(cut.Id, cut.Cutoff.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), cut.FrozenAt, cut.FrozenBy, cut.DataSha256,
                   cut.ProtocolSha256, cut.Participants, new Dictionary<string, string> { ["open"] = $"{root}/reports/open", ["closed"] = $"{root}/reports/closed" });
    }
}
