using Evident.Randomization.Normalization;

namespace Evident.Randomization.Tests.Normalization;

/// <summary>
/// Form C against Python 3.11's <c>unicodedata.normalize("NFC", …)</c> (Unicode 14): composition across reordered marks,
/// blocked marks, Hangul by arithmetic, singletons (Ohm, Angstrom) and composition exclusions (U+0958, U+0344) that never
/// compose back, and what form C leaves alone (a leading mark, compatibility ligatures).
/// </summary>
public sealed class NormalizationFormCTests
{
    [Theory]
    [InlineData("Zoe\u0308", "Zo\u00EB")]
    [InlineData("a\u0323\u0302", "\u1EAD")]
    [InlineData("a\u0302\u0323", "\u1EAD")]
    [InlineData("\u1EA1\u0302", "\u1EAD")]
    [InlineData("\u1100\u1161\u11A8", "\uAC01")]
    [InlineData("\u1100\u1161", "\uAC00")]
    [InlineData("\uAC00\u11A8", "\uAC01")]
    [InlineData("\u0B47\u0B3E", "\u0B4B")]
    [InlineData("e\u0301\u0301", "\u00E9\u0301")]
    [InlineData("\u212B", "\u00C5")]
    [InlineData("A\u030A", "\u00C5")]
    [InlineData("\u0344", "\u0308\u0301")]
    [InlineData("q\u0307\u0323", "q\u0323\u0307")]
    [InlineData("\u0958", "\u0915\u093C")]
    [InlineData("\u2126x", "\u03A9x")]
    [InlineData("a\u05AE\u0300b", "\u00E0\u05AEb")]
    [InlineData("\u0301e", "\u0301e")]
    [InlineData("e\u0327\u0306", "\u1E1D")]
    [InlineData("\u1E9B\u0323", "\u1E9B\u0323")]
    [InlineData("\u03A9\u0301\u03AC", "\u038F\u03AC")]
    [InlineData("\u0417\u0434\u0306", "\u0417\u0434\u0306")]
    [InlineData("\uFB01", "\uFB01")]
    [InlineData("P-001", "P-001")]
    [InlineData("\U0001D400", "\U0001D400")]
    public void Form_c_is_python_unicodedatas(string text, string expected)
    {
        Assert.Equal(expected, NormalizationFormC.Normalize(text));
        Assert.Equal(expected, NormalizationFormC.Normalize(expected));
    }
}
