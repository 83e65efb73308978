using System.Diagnostics;
using Evident.Design;

namespace Evident.Protocol.Yaml;

/// <summary>
/// Design inputs written in a protocol or scenario file, handed to Evident.Design to check what it already checks: a
/// <see cref="DesignInputException"/> becomes a <see cref="ProtocolException"/> at the key that set the input
/// ("alpha = 0.5; the type I error rate …"), at its line and column when the key is written, else at its mapping's.
/// </summary>
internal static class DesignInputs
{
    /// <summary>Runs <paramref name="call"/>; <paramref name="keyOf"/> maps the input Design names to the mapping and key that set it.</summary>
    public static T Check<T>(Func<T> call, Func<string, (YMap Map, string Key)> keyOf)
    {
        try
        {
            return call();
        }
        catch (DesignInputException e)
        {
            var (map, key) = keyOf(e.Input);
            throw map.ErrorAt(key, e.Value is null ? e.Problem : $"{key} = {e.Value}; {e.Problem}");
        }
    }

    /// <summary>The key of a <c>design</c> section that sets the <see cref="GroupSequentialOptions"/> input Design names.</summary>
    public static string DesignKey(string input) => input switch
    {
        nameof(GroupSequentialOptions.Looks) => "looks",
        nameof(GroupSequentialOptions.Information) => "information",
        nameof(GroupSequentialOptions.Alpha) => "alpha",
        nameof(GroupSequentialOptions.Beta) => "beta",
        nameof(GroupSequentialOptions.Spending) => "spending",
        nameof(GroupSequentialOptions.BetaSpending) => "beta_spending",
        nameof(GroupSequentialOptions.TwoSided) => "two_sided",
        _ => throw new UnreachableException($"Evident.Design named the input '{input}', which a design section does not set."),
    };

    /// <summary>A spending function as <see cref="SpendingFunction.Parse"/> reads it, its objection at this node.</summary>
    public static SpendingFunction Spending(YNode node)
    {
        try
        {
            return SpendingFunction.Parse(node.String());
        }
        catch (ArgumentException e)
        {
            throw node.Error(e.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
