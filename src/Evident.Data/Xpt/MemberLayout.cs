namespace Evident.Data.Xpt;

/// <summary>Where one member's observations lie in the file.</summary>
/// <param name="Member">The member's descriptor and variables.</param>
/// <param name="DataStart">Byte offset of the first observation.</param>
/// <param name="RowLength">Bytes per observation.</param>
internal readonly record struct MemberLayout(XportMember Member, int DataStart, int RowLength);
