using Evident.Randomization;

namespace Evident.Randomization.Tests.Randomization;

public sealed class ParticipantIdsTests
{
    [Theory]
    [InlineData("P-001")]
    [InlineData("site:12.004")]
    [InlineData("a_b")]
    [InlineData("...")]
    [InlineData(".P")]
    [InlineData("Zoë-7")]
    [InlineData("Ærø.Ω")]
    [InlineData("患者-٣")]
    [InlineData("𝐀1")]
    public void Letters_digits_and_the_four_punctuation_marks_are_an_id(string id)
    {
        Assert.Null(ParticipantIds.Problem(id));
        Assert.True(ParticipantIds.IsValid(id));
    }

    [Theory]
    [InlineData("A/B", "'/' (U+002F)")]
    [InlineData("A\\B", "'\\' (U+005C)")]
    [InlineData("A?B", "'?' (U+003F)")]
    [InlineData("A#B", "'#' (U+0023)")]
    [InlineData("A%2FB", "'%' (U+0025)")]
    [InlineData("P 1", "a space (U+0020)")]
    [InlineData(" P1", "a space (U+0020)")]
    [InlineData("P\u00A01", "a space (U+00A0)")]
    [InlineData("P\u200B1", "the invisible formatting character U+200B (zero-width or bidi)")]
    [InlineData("P\u202E1", "the invisible formatting character U+202E (zero-width or bidi)")]
    [InlineData("P\uFEFF1", "the invisible formatting character U+FEFF (zero-width or bidi)")]
    [InlineData("P\u00001", "the control character U+0000")]
    [InlineData("P\t1", "the control character U+0009")]
    [InlineData("P\u20DD", "the combining mark U+20DD")]
    [InlineData("x'); DELETE FROM audit; --", "''' (U+0027)")]
    public void Every_other_character_is_refused_and_named(string id, string named)
    {
        string problem = ParticipantIds.Problem(id)!;
        Assert.Equal($"The participant id contains {named}, which is not allowed. {ParticipantIds.Rule}", problem);
    }

    [Fact]
    public void Empty_dot_dot_dot_over_long_and_unpaired_surrogates_are_refused()
    {
        Assert.Equal($"The participant id is required. {ParticipantIds.Rule}", ParticipantIds.Problem(""));
        Assert.Equal($"The participant id is required. {ParticipantIds.Rule}", ParticipantIds.Problem(null));
        Assert.Equal($"The participant id cannot be '.'. {ParticipantIds.Rule}", ParticipantIds.Problem("."));
        Assert.Equal($"The participant id cannot be '..'. {ParticipantIds.Rule}", ParticipantIds.Problem(".."));
        Assert.Null(ParticipantIds.Problem(new string('x', 64)));
        Assert.Equal($"The participant id has 65 characters. {ParticipantIds.Rule}", ParticipantIds.Problem(new string('x', 65)));
        // 64 letters outside the basic plane are 128 UTF-16 units and still 64 characters.
        Assert.Null(ParticipantIds.Problem(string.Concat(Enumerable.Repeat("𝐀", 64))));
        Assert.Equal($"The participant id contains an unpaired surrogate (U+D800). {ParticipantIds.Rule}", ParticipantIds.Problem("P\uD8001"));
    }

    [Fact]
    public void A_decomposed_accent_is_the_same_id_as_the_precomposed_one()
    {
        Assert.Equal("Zo\u00EB", ParticipantIds.Normalize("Zoe\u0308"));
        Assert.Null(ParticipantIds.Problem("Zoe\u0308"));
        var request = new EnrolmentRequest("Zoe\u0308", "S1", new Dictionary<string, string>(), new Dictionary<string, bool>());
        Assert.Equal("Zo\u00EB", request.ParticipantId);
        Assert.Equal("Zo\u00EB", (request with { ParticipantId = "Zoe\u0308" }).ParticipantId);
        Assert.Equal("P\uD8001", ParticipantIds.Normalize("P\uD8001"));
        Assert.Null(ParticipantIds.Normalize(null));
    }
}
