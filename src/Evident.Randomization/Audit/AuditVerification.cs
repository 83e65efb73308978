namespace Evident.Randomization.Audit;

/// <summary>The result of recomputing the audit chain (<see cref="AuditChain.Verify"/>).</summary>
/// <param name="Records">How many records were read.</param>
/// <param name="FirstBroken">Sequence number of the first record whose link does not verify, or null when the chain is intact.</param>
/// <param name="Problem">What is wrong with that record, or null.</param>
public sealed record AuditVerification(long Records, long? FirstBroken, string? Problem)
{
    /// <summary>Whether every link verified.</summary>
    public bool IsIntact => FirstBroken is null;
}
