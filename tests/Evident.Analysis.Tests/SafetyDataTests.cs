using Evident.Analysis.Models;

namespace Evident.Analysis.Tests;

/// <summary>The safety input read from an ADAE-shaped file and summarized through <see cref="SafetyData"/>.</summary>
public sealed class SafetyDataTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("evident-safety-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private SafetyData Read(string events)
    {
        string path = Path.Combine(_directory, "adae.csv");
        File.WriteAllText(path, events);
        return SafetyData.Read(path, null, "USUBJID", "ARM", "AEDECOD", "AETOXGR", null);
    }

    private const string Events = "USUBJID,ARM,AEDECOD,AETOXGR\n1,B,Sepsis,3\n2,A,Nausea,1\n3,A,Sepsis,4\n3,A,Fever,3\n4,B,Fever,2\n";

    [Fact]
    public void CodesArmsAndTermsInRFactorOrder()
    {
        var data = Read(Events);
        Assert.Equal(["A", "B"], data.Arms);
        Assert.Equal(["Fever", "Nausea", "Sepsis"], data.Terms);
        Assert.Equal([""], data.Strata);
        Assert.False(data.FromSubjectList);
        Assert.Empty(data.EmptyArms);
    }

    [Fact]
    public void SummarizeCountsParticipantsWithAnEventOfAtLeastTheGrade()
    {
        var table = Read(Events).Summarize(minGrade: 3);
        Assert.Equal([2, 2], table.ArmSizes);
        Assert.Equal([1, 0], table.Terms[0].Participants);   // Fever ≥ 3: subject 3 (A); subject 4's is grade 2
        Assert.Equal([0, 0], table.Terms[1].Participants);   // Nausea is grade 1
        Assert.Equal([1, 1], table.Terms[2].Participants);   // Sepsis: subjects 3 (A) and 1 (B)
        Assert.Equal([1, 1], table.AnyTerm.Participants);
    }

    [Fact]
    public void WithFirstTermsKeepsTheSubjectsAndOnlyThoseTermsEvents()
    {
        var data = Read(Events);
        var first = data.WithFirstTerms(1);
        Assert.Equal(["Fever"], first.Terms);
        Assert.Equal(data.Arms, first.Arms);
        var table = first.Summarize(minGrade: 2);
        Assert.Equal([2, 2], table.ArmSizes);
        Assert.Single(table.Terms);
        Assert.Equal([1, 1], table.Terms[0].Participants);
        Assert.Equal([1, 1], table.AnyTerm.Participants);
        Assert.Empty(data.WithFirstTerms(0).Terms);
        Assert.Throws<ArgumentOutOfRangeException>(() => data.WithFirstTerms(4));
    }
}
