using Evident.Analysis.Input;
using Evident.Data;
using Evident.Protocol;

namespace Evident.Analysis.Tests.Input;

/// <summary>The simple layout's off-study columns and the adverse events' serious and onset columns.</summary>
public sealed class OffStudyAndSeriousTests : IDisposable
{
    private const string Protocol = """
        trial: {id: T, title: T}
        arms:
          - {id: a, control: true}
          - {id: b}
        allocation: {ratio: "1:1", block_sizes: [2]}
        components: [{id: death}]
        endpoints: [{id: os, events: [death]}]
        data:
          simple:
            participant: id
            arm: arm
            randomized: rand
            last_contact: last
            events: {death: {date: death_date}}
            adverse_events: {term: term, grade: grade, serious: serious, onset: onset}
            off_study:
              off_therapy: {date: off_date, reason: off_reason}
              withdrawn: {date: wd_date, follow_up_allowed: wd_fu}
        analyses: {primary: {endpoint: os}}
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("evident-offstudy-").FullName;

    public void Dispose() => Directory.Delete(directory, true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private TrialData Read(string participants, string adverseEvents) =>
        SimpleLayoutReader.Read(TrialProtocol.Parse(Protocol, "p.yaml"), Write("p.csv", participants), Write("ae.csv", adverseEvents));

    private const string Header = "id,arm,rand,last,death_date,off_date,off_reason,wd_date,wd_fu\n";
    private const string AeHeader = "id,term,grade,serious,onset\n";

    [Fact]
    public void RecordsAreReadOnlyWhereADateIsGiven()
    {
        var data = Read(Header
            + "p1,a,2024-01-01,2024-06-01,,2024-03-01,toxicity,2024-04-01,no\n"
            + "p2,b,2024-01-01,2024-06-01,,,,,\n",
            AeHeader + "p1,Sepsis,4,yes,2024-02-01\np2,Fever,3,,\n");
        var p1 = data.Participants[0].OffStudy;
        Assert.Equal([new OffStudyRecord(OffStudyKind.OffTherapy, new DateOnly(2024, 3, 1), "toxicity", null),
                      new OffStudyRecord(OffStudyKind.Withdrawn, new DateOnly(2024, 4, 1), null, false)], p1);
        Assert.Empty(data.Participants[1].OffStudy);
        Assert.Equal((true, new DateOnly(2024, 2, 1)), (data.AdverseEvents[0].Serious, data.AdverseEvents[0].Onset));
        Assert.Equal(((bool?)null, (DateOnly?)null), (data.AdverseEvents[1].Serious, data.AdverseEvents[1].Onset));
    }

    [Fact]
    public void BadValuesNameFileRowAndColumn()
    {
        var early = Assert.Throws<DataInputException>(() => Read(Header + "p1,a,2024-01-01,2024-06-01,,2023-12-01,,,\n", AeHeader + "p1,Sepsis,4,no,\n"));
        Assert.Contains("off_date", early.Message, StringComparison.Ordinal);
        Assert.Contains("before the randomization date", early.Message, StringComparison.Ordinal);
        var yesNo = Assert.Throws<DataInputException>(() => Read(Header + "p1,a,2024-01-01,2024-06-01,,,,,\n", AeHeader + "p1,Sepsis,4,maybe,\n"));
        Assert.Contains("serious", yesNo.Message, StringComparison.Ordinal);
        Assert.Contains("maybe", yesNo.Message, StringComparison.Ordinal);
        Assert.Contains("yes/no", yesNo.Message, StringComparison.Ordinal);
    }
}
