using Evident.Protocol;
using Evident.Randomization;

namespace Evident.Server.Contracts;

/// <summary>What every role may know about a trial: arms, strata, eligibility questions and baseline covariates, never an allocation.</summary>
internal sealed record TrialView(
    string Id,
    string Title,
    bool Blinded,
    string Method,
    string ProtocolHash,
    IReadOnlyList<TrialArm> Arms,
    IReadOnlyList<StratificationFactor> Strata,
    IReadOnlyList<EligibilityQuestion> Eligibility,
    IReadOnlyList<Covariate> Covariates)
{
    public static TrialView From(StoredTrial t) => new(t.Id, t.Protocol.Trial.Title, t.Blinded,
        t.Protocol.Allocation.Method == AllocationMethod.PermutedBlocks ? "permuted-blocks" : "minimization",
        t.Protocol.Hash, t.Protocol.Arms, t.Protocol.Strata, t.Protocol.Eligibility, t.Protocol.Covariates);
}
