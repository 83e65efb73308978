using System.Text;
using Evident.Protocol;

namespace Evident.Randomization;

/// <summary>
/// The key naming one stratum of the allocation: <c>factor=level</c> pairs for the factors blocks are stratified by, in
/// the protocol's <c>allocation.stratify_by</c> order, joined by <c>;</c> (e.g. <c>risk=SR-high</c>); empty when the
/// allocation is not stratified or uses minimization (one sequence for the whole trial).
/// </summary>
public static class StratumKey
{
    /// <summary>The key of the stratum a participant with these stratification values belongs to.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="values">Level of every stratification factor, by factor id (already validated).</param>
    /// <exception cref="KeyNotFoundException">A factor the allocation is stratified by has no value.</exception>
    public static string For(TrialProtocol protocol, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(values);
        if (protocol.Allocation.Method == AllocationMethod.Minimization) return "";
        var key = new StringBuilder();
        foreach (string factor in protocol.Allocation.StratifyBy)
        {
            if (key.Length > 0) key.Append(';');
            key.Append(factor).Append('=').Append(values[factor]);
        }
        return key.ToString();
    }

    /// <summary>
    /// Every stratum of the allocation (the Cartesian product of the stratify-by factors' levels, first factor varying
    /// slowest); one empty key for minimization or an unstratified allocation.
    /// </summary>
    /// <param name="protocol">The protocol.</param>
    public static IReadOnlyList<string> All(TrialProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var keys = new List<string> { "" };
        if (protocol.Allocation.Method == AllocationMethod.Minimization) return keys;
        foreach (string factorId in protocol.Allocation.StratifyBy)
        {
            var factor = protocol.Strata.First(f => f.Id == factorId);
            var next = new List<string>(keys.Count * factor.Levels.Count);
            foreach (string prefix in keys)
                foreach (string level in factor.Levels)
                    next.Add(prefix.Length == 0 ? $"{factor.Id}={level}" : $"{prefix};{factor.Id}={level}");
            keys = next;
        }
        return keys;
    }
}
