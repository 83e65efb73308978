namespace Evident.Data.Xpt;

/// <summary>The two SAS variable types (namestr <c>ntype</c>).</summary>
public enum XportVariableType
{
    /// <summary><c>ntype = 1</c>: an IBM floating-point number of 2–8 bytes; read as <see cref="ColumnKind.Numeric"/>.</summary>
    Numeric = 1,

    /// <summary><c>ntype = 2</c>: blank-padded text of 1–200 bytes; read as <see cref="ColumnKind.Text"/>.</summary>
    Character = 2,
}
