using Evident.Reporting.Report;

namespace Evident.Reporting.Tests.Report;

public sealed class ReportTextTests
{
    [Theory]
    [InlineData("Isolated CNS relapse", "isolated CNS relapse")]
    [InlineData("Isolated bone marrow relapse", "isolated bone marrow relapse")]
    [InlineData("Disease-free survival", "disease-free survival")]
    [InlineData("Chemotherapy + blinatumomab", "chemotherapy + blinatumomab")]
    [InlineData("Sepsis", "sepsis")]
    [InlineData("CNS relapse", "CNS relapse")]
    [InlineData("DFS", "DFS")]
    [InlineData("B-cell aplasia", "B-cell aplasia")]
    [InlineData("IgG deficiency", "IgG deficiency")]
    [InlineData("T2 lesion", "T2 lesion")]
    [InlineData("already lower", "already lower")]
    [InlineData("A", "A")]
    [InlineData("", "")]
    public void InSentenceLowersOnlyAFirstLetterThatIsNotPartOfAnAcronym(string label, string expected) =>
        Assert.Equal(expected, ReportText.InSentence(label));
}
