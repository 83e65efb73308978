using System.Globalization;
using Evident.Design;
using K = Evident.Protocol.Yaml.ProtocolKeys;

namespace Evident.Protocol.Yaml;

/// <summary>Reads <c>allocation</c>: the ratio (one part per arm), permuted blocks or minimization, and the blinding.</summary>
internal static class AllocationReader
{
    /// <summary>The minimization factor that stands for the site; strata and covariates may not use it as an id.</summary>
    public const string Site = "site";

    /// <summary>Probability of the minimizing arm: (0.5, 1] (0.5 would be simple randomization).</summary>
    private static readonly ValueRange MinimizationProbability = ValueRange.AboveUpTo(0.5, 1);

    public static AllocationPlan Read(YMap m, IReadOnlyList<TrialArm> arms, IReadOnlyList<StratificationFactor> strata)
    {
        var blinding = m.Get("blinding") is { } b
            ? b.Choice(("open-label", AllocationBlinding.OpenLabel), ("blinded", AllocationBlinding.Blinded))
            : (AllocationBlinding?)null;
        return Method(m, arms, strata) with { Blinding = blinding };
    }

    private static AllocationPlan Method(YMap m, IReadOnlyList<TrialArm> arms, IReadOnlyList<StratificationFactor> strata)
    {
        var ratio = Ratio(m.Require("ratio"), arms);
        var method = m.Choice("method", AllocationMethod.PermutedBlocks,
            ("permuted-blocks", AllocationMethod.PermutedBlocks), ("minimization", AllocationMethod.Minimization));
        if (method == AllocationMethod.PermutedBlocks)
        {
            if (m.Get("minimization") is { } extra) throw extra.Error("is only allowed with 'method: minimization'");
            var blocks = BlockSizes(m.Require("block_sizes"), ratio);
            var stratifyBy = m.Get("stratify_by") is { } sb
                ? sb.References(strata.Select(f => f.Id), "stratification factor", allowScalar: false)
                : ValueList<string>.From(strata.Select(f => f.Id));
            return new AllocationPlan(ValueList<int>.From(ratio), method, blocks, stratifyBy, null);
        }
        if (m.Get("block_sizes") is { } blockSizes) throw blockSizes.Error("is only allowed with 'method: permuted-blocks'");
        if (m.Get("stratify_by") is { } stratify) throw stratify.Error("is only allowed with 'method: permuted-blocks'; minimization uses 'minimization.factors'");
        var mm = m.Get("minimization")?.Map(K.Minimization);
        var factors = mm?.Get("factors") is { } fn
            ? fn.References(strata.Select(f => f.Id).Append(Site), "minimization factor", allowScalar: false)
            : ValueList<string>.From(strata.Select(f => f.Id));
        if (factors.Count == 0) throw (mm?.Get("factors") ?? m.Node).Error("minimization needs at least one factor");
        var minimization = new MinimizationSettings(factors, mm?.Number("probability", MinimizationProbability) ?? 0.8);
        return new AllocationPlan(ValueList<int>.From(ratio), method, ValueList<int>.Empty, ValueList<string>.Empty, minimization);
    }

    private static int[] Ratio(YNode node, IReadOnlyList<TrialArm> arms)
    {
        string text = node.IsScalar ? node.String() : throw node.Error("expected a ratio such as \"1:1\"");
        string[] parts = text.Split(':');
        var ratio = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out ratio[i]) || ratio[i] <= 0)
                throw node.Error($"'{text}' is not a ratio of positive whole numbers such as 1:1 or 2:1");
        if (ratio.Length != arms.Count)
            throw node.Error($"the ratio {text} has {ratio.Length} part{(ratio.Length == 1 ? "" : "s")} but there are {arms.Count} arms ({string.Join(", ", arms.Select(a => a.Id))}); give one number per arm, in the order of 'arms'");
        return ratio;
    }

    /// <summary>Distinct positive multiples of the ratio's sum, so that every block holds whole replicates of the ratio.</summary>
    private static IReadOnlyList<int> BlockSizes(YNode node, int[] ratio)
    {
        int sum = ratio.Sum();
        var sizes = new List<int>();
        foreach (var item in node.Items())
        {
            int size = item.Integer();
            if (size <= 0 || size % sum != 0)
                throw item.Error($"block size {size} is not a positive multiple of {sum}, the sum of the ratio {string.Join(':', ratio)}");
            if (sizes.Contains(size)) throw item.Error($"block size {size} is listed twice");
            sizes.Add(size);
        }
        if (sizes.Count == 0) throw node.Error("give at least one block size");
        return ValueList<int>.From(sizes);
    }
}
