using Evident.Protocol;

namespace Evident.Analysis.Input;

/// <summary>Which kinds of off-study record a layout can hold.</summary>
public static class OffStudyKinds
{
    /// <summary>The kinds whose columns the protocol's <c>data.simple.off_study</c> maps, in <see cref="OffStudyKind"/> order.</summary>
    /// <param name="protocol">The protocol.</param>
    public static IReadOnlyList<OffStudyKind> Mapped(TrialProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (protocol.Data.Simple?.OffStudy is not { } columns) return [];
        return Enum.GetValues<OffStudyKind>().Where(k => columns.For(k) is not null).ToArray().AsReadOnly();
    }
}
