using System.Text;
using Evident.Analysis.Input;
using Evident.Cli;
using Evident.Data;
using Evident.Data.Adam;

namespace Evident.EndToEnd.Tests;

/// <summary>Data that do not fit the protocol are rejected with a message naming the file, row, column and value.</summary>
public sealed class DataErrorTests
{
    private const string Header = "participant_id,arm,site,risk_group,sex,randomization_date,last_contact_date,relapse_date,relapse_site,death_date,second_malignancy_date,death_cause,off_therapy_date,off_therapy_reason,withdrawal_date,withdrawal_reason,withdrawal_follow_up,lost_date,lost_reason\n";
    private const string Good = "P1,chemotherapy,S01,SR-average,female,2020-01-10,2023-01-10,,,,,,,,,,,,\n";

    private static DataInputException Reject(string rows, string? adverseEvents = null)
    {
        string dir = Examples.TempDirectory();
        string path = Path.Combine(dir, "trial.csv");
        File.WriteAllText(path, Header + rows, new UTF8Encoding(false));
        string? ae = null;
        if (adverseEvents is not null)
        {
            ae = Path.Combine(dir, "ae.csv");
            File.WriteAllText(ae, "participant_id,term,grade\n" + adverseEvents, new UTF8Encoding(false));
        }
        try
        {
            return Assert.Throws<DataInputException>(() => SimpleLayoutReader.Read(Examples.Protocol, path, ae));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Trimmed(DataInputException e) => e.Message[(e.Message.IndexOf("trial.csv", StringComparison.Ordinal) + 9)..];

    [Fact]
    public void UnknownArm()
    {
        var e = Reject(Good + "P2,blina,S01,SR-high,male,2020-01-11,2023-01-10,,,,,,,,,,,,\n");
        Assert.Equal(", row 2, column 'arm': value 'blina' is not an arm of the protocol; arms are chemotherapy, blinatumomab.", Trimmed(e));
        Assert.Equal((2L, "arm", "blina"), (e.Row!.Value, e.Column, e.Value));
    }

    [Fact]
    public void EventBeforeRandomization()
    {
        var e = Reject(Good + "P2,blinatumomab,S01,SR-high,male,2020-01-11,2023-01-10,2019-12-01,marrow,,,,,,,,,,\n");
        Assert.Equal(", row 2, column 'relapse_date': value '2019-12-01' is before the randomization date 2020-01-11; an event cannot precede randomization.", Trimmed(e));
    }

    [Fact]
    public void DuplicateParticipant()
    {
        var e = Reject(Good + "P1,blinatumomab,S01,SR-high,male,2020-01-11,2023-01-10,,,,,,,,,,,,\n");
        Assert.Equal(", row 2, column 'participant_id': value 'P1' is a duplicate participant: it is also in row 1.", Trimmed(e));
    }

    [Fact]
    public void UnknownStratumLevelRelapseSiteDateAndGrade()
    {
        Assert.Equal(", row 1, column 'risk_group': value 'SR-low' is not a level of stratification factor 'risk'; levels are SR-average, SR-high.",
                     Trimmed(Reject("P1,chemotherapy,S01,SR-low,female,2020-01-10,2023-01-10,,,,,,,,,,,,\n")));
        Assert.Equal(", row 1, column 'relapse_site': value 'testis' is not an event type the protocol maps; expected one of marrow, cns, combined, other.",
                     Trimmed(Reject("P1,chemotherapy,S01,SR-average,female,2020-01-10,2023-01-10,2021-01-01,testis,,,,,,,,,,\n")));
        Assert.Equal(", row 1, column 'randomization_date': value '10/01/2020' is not a date; write dates as yyyy-mm-dd (or SAS date numbers in .xpt files).",
                     Trimmed(Reject("P1,chemotherapy,S01,SR-average,female,10/01/2020,2023-01-10,,,,,,,,,,,,\n")));
        var grade = Reject(Good, "P1,Sepsis,7\n");
        Assert.EndsWith("ae.csv, row 1, column 'grade': value '7' is not a CTCAE grade; grades are whole numbers from 1 to 5.", grade.Message);
        var unknown = Reject(Good, "P9,Sepsis,3\n");
        Assert.EndsWith(", row 1, column 'participant_id': value 'P9' is not a participant of " + unknown.Message.Split(" of ")[^1], unknown.Message);
    }

    [Fact]
    public void AdamUnknownEventDescriptionAndMissingParameter()
    {
        string dir = Examples.TempDirectory();
        try
        {
            File.WriteAllText(Path.Combine(dir, "adsl.csv"), "USUBJID,ARM,SITEID,STRAT1R,SEX,RANDDT\nP1,Chemotherapy,S01,SR-average,F,2020-01-10\nP2,Chemotherapy,S01,SR-high,M,2020-01-11\n");
            File.WriteAllText(Path.Combine(dir, "adtte.csv"),
                "USUBJID,PARAMCD,AVAL,CNSR,STARTDT,ADT,EVNTDESC\nP1,DFS,100,0,2020-01-10,2020-04-19,RELAPSE SOMEWHERE\nP1,FIRSTEVT,100,1,2020-01-10,2020-04-19,\n");
            var e = Assert.Throws<DataInputException>(() => AdamLayoutReader.Read(Examples.Protocol, AdamFiles.Locate(dir)));
            Assert.EndsWith("adtte.csv, row 1, column 'EVNTDESC': value 'RELAPSE SOMEWHERE' is not an event description the protocol maps for PARAMCD 'DFS'; " +
                            "expected one of ISOLATED BONE MARROW RELAPSE, ISOLATED CNS RELAPSE, COMBINED RELAPSE, OTHER RELAPSE, DEATH, SECOND MALIGNANT NEOPLASM.", e.Message);

            File.WriteAllText(Path.Combine(dir, "adtte.csv"), "USUBJID,PARAMCD,AVAL,CNSR,STARTDT,ADT,EVNTDESC\nP1,DFS,100,1,2020-01-10,2020-04-19,\nP2,DFS,100,1,2020-01-11,2020-04-20,\nP2,FIRSTEVT,100,1,2020-01-11,2020-04-20,\n");
            e = Assert.Throws<DataInputException>(() => AdamLayoutReader.Read(Examples.Protocol, AdamFiles.Locate(dir)));
            Assert.EndsWith("adtte.csv: participant 'P1' has no row with PARAMCD 'FIRSTEVT'.", e.Message);

            File.WriteAllText(Path.Combine(dir, "adsl.csv"), "USUBJID,ARM,SITEID,STRAT1R,SEX,RANDDT\nP1,Blinatumomab,S01,SR-average,F,2020-01-10\nP2,Chemotherapy,S01,SR-high,M,2020-01-11\n");
            e = Assert.Throws<DataInputException>(() => AdamLayoutReader.Read(Examples.Protocol, AdamFiles.Locate(dir)));
            Assert.EndsWith("adsl.csv, row 1, column 'ARM': value 'Blinatumomab' is not an arm of the protocol; arms are Chemotherapy, Chemotherapy + blinatumomab.", e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void AnalyzeCommandReportsDataAndProtocolErrorsWithExitCode2AndWritesNothing()
    {
        string dir = Examples.TempDirectory();
        try
        {
            string data = Path.Combine(dir, "trial.csv");
            File.WriteAllText(data, Header + Good + "P1,blinatumomab,S01,SR-high,male,2020-01-11,2023-01-10,,,,,,,,,,,,\n");
            string output = Path.Combine(dir, "out");
            var stderr = new StringWriter();
            int code = EvidentApp.Run(["analyze", Path.Combine(Examples.Folder, "protocol.yaml"), "--data", data, "--out", output], new StringWriter(), stderr);
            Assert.Equal(2, code);
            Assert.Equal($"evident: error: {data}, row 2, column 'participant_id': value 'P1' is a duplicate participant: it is also in row 1.", stderr.ToString().Trim());
            Assert.False(Directory.Exists(output));

            string protocol = Path.Combine(dir, "protocol.yaml");
            File.WriteAllText(protocol, File.ReadAllText(Path.Combine(Examples.Folder, "protocol.yaml")).Replace("compare: [blinatumomab]", "compare: [blina]"));
            stderr = new StringWriter();
            code = EvidentApp.Run(["analyze", protocol, "--data", data, "--out", output], new StringWriter(), stderr);
            Assert.Equal(2, code);
            Assert.StartsWith("evident: error: protocol.yaml, line ", stderr.ToString());
            Assert.Contains("key 'analyses.primary.compare[0]'", stderr.ToString());
            Assert.Contains("'blina'", stderr.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
