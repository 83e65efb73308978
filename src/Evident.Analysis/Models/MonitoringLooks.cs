using Evident.Data;
using Evident.Design.Monitoring;

namespace Evident.Analysis.Models;

/// <summary>
/// The looks of an interim monitoring from data snapshots: per snapshot, the events and the (stratified) log-rank Z of
/// the experimental arm against the reference arm, the inputs of <see cref="InterimMonitoring.Analyse"/>.
/// </summary>
public static class MonitoringLooks
{
    /// <summary>Reads each snapshot with <paramref name="formula"/> and computes its look.</summary>
    /// <param name="paths">The snapshots, one per look in order (.csv, .tsv, .parquet).</param>
    /// <param name="formula"><c>Surv(time, status) ~ arm + strata(…)</c> with one two-level arm term.</param>
    /// <param name="references">Reference level per categorical column (the reference arm is control).</param>
    /// <exception cref="DataInputException">A snapshot cannot be read as the formula says, or its formula does not give two arms.</exception>
    public static IReadOnlyList<LogRankLook> FromFiles(IReadOnlyList<string> paths, SurvivalFormula formula, IReadOnlyDictionary<string, string> references)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(formula);
        var looks = new LogRankLook[paths.Count];
        for (int k = 0; k < looks.Length; k++)
        {
            var frame = ModelFrame.Build(TableReader.Read(paths[k], formula.Columns), formula, new ModelFrameOptions { References = references });
            if (frame.GroupCount != 2)
                throw new DataInputException($"'{paths[k]}': the formula must name one two-level arm; found {frame.GroupCount} groups.", paths[k]);
            looks[k] = InterimMonitoring.LogRankZ(frame.Time, frame.Event, frame.Group, frame.Stratum, frame.StratumCount);
        }
        return looks;
    }
}
