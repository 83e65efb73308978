namespace Evident.Data;

/// <summary>What a raw field holds, as R's <c>type.convert</c> would read it.</summary>
internal enum FieldClass : byte { Missing, Number, Logical, Other }
