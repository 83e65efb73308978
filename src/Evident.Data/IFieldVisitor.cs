namespace Evident.Data;

/// <summary>Receives the fields <see cref="CsvScanner"/> was asked for (a struct, so the scan loop calls it without a virtual call).</summary>
internal interface IFieldVisitor
{
    /// <summary>
    /// One selected field. <paramref name="content"/> excludes the enclosing quotes; when <paramref name="escaped"/>
    /// it still contains doubled quotes (<c>""</c>) to be unescaped.
    /// </summary>
    void Field(int slot, int record, ReadOnlySpan<byte> content, bool escaped);
}
