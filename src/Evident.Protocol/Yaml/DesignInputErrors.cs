using Evident.Design;

namespace Evident.Protocol.Yaml;

/// <summary>
/// Lets Evident.Design check what it already checks: a <see cref="DesignInputException"/> from a call becomes a
/// <see cref="ProtocolException"/> at the key of the file that set the input ("alpha = 0.5; the type I error rate …"),
/// at its line and column when the key is written, else at its mapping's.
/// </summary>
internal static class DesignInputErrors
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
}
