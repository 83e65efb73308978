using System.Text;
using Evident.Analysis.Input;
using Evident.Cli;
using Evident.Data;
using Evident.Data.Adam;
using Evident.Protocol;

namespace Evident.EndToEnd.Tests;

/// <summary>
/// A column the protocol names but the data lack is reported at the protocol's line and key (issue 5: "a protocol that
/// refers to an unknown … column is rejected with the line and key at fault"), listing the file's columns.
/// </summary>
public sealed class ProtocolColumnErrorTests
{
    private const string Header = "participant_id,arm,site,risk_group,sex,randomization_date,last_contact_date,relapse_date,relapse_site,death_date,second_malignancy_date,death_cause,off_therapy_date,off_therapy_reason,withdrawal_date,withdrawal_reason,withdrawal_follow_up,lost_date,lost_reason";
    private const string Row = "P1,chemotherapy,S01,SR-average,female,2020-01-10,2023-01-10,,,,,,,,,,,,";

    /// <summary>
    /// The line numbers below are those of the example protocol when its <c>data:</c> section began on line 105; this
    /// shifts them by however many lines the sections above it have gained since, so the tests pin the line of each key
    /// within the data section, not the length of the summary or design above it.
    /// </summary>
    private static int L(int lineWhenDataBeganAt105) =>
        lineWhenDataBeganAt105 + Array.IndexOf(ExampleText.Split('\n'), "data:") + 1 - 105;

    private static string ExampleText => File.ReadAllText(Path.Combine(Examples.Folder, "protocol.yaml"));

    private static TrialProtocol Edited(string find, string replace)
    {
        Assert.Contains(find, ExampleText);
        return TrialProtocol.Parse(ExampleText.Replace(find, replace), "protocol.yaml");
    }

    [Fact]
    public void SimpleLayoutArmColumn()
    {
        string dir = Examples.TempDirectory();
        try
        {
            string data = Path.Combine(dir, "participants.csv");
            File.WriteAllText(data, Header + "\n" + Row + "\n", new UTF8Encoding(false));
            var e = Assert.Throws<DataInputException>(() => SimpleLayoutReader.Read(Edited("    arm: arm\n", "    arm: armcol\n"), data, null));
            Assert.Equal($"protocol.yaml, line {L(108)}, key 'data.simple.arm': column 'armcol' is not in {data}; its columns are: {Header.Replace(",", ", ")}", e.Message);
            Assert.Equal((data, "armcol"), (e.File, e.Column));

            // The mapping form points at its 'column' key, and a type column at its 'type' key.
            e = Assert.Throws<DataInputException>(() => SimpleLayoutReader.Read(Edited("      risk: risk_group\n", "      risk:\n        column: risk\n"), data, null));
            Assert.StartsWith($"protocol.yaml, line {L(112)}, key 'data.simple.strata.risk.column': column 'risk' is not in ", e.Message);
            e = Assert.Throws<DataInputException>(() => SimpleLayoutReader.Read(Edited("{date: relapse_date, type: relapse_site, values: [marrow]}", "{date: relapse_date, type: site_of_relapse, values: [marrow]}"), data, null));
            Assert.StartsWith($"protocol.yaml, line {L(117)}, key 'data.simple.events.marrow_relapse.type': column 'site_of_relapse' is not in ", e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void AdverseEventTableColumn()
    {
        string dir = Examples.TempDirectory();
        try
        {
            string data = Path.Combine(dir, "participants.csv"), ae = Path.Combine(dir, "ae.csv");
            File.WriteAllText(data, Header + "\n" + Row + "\n", new UTF8Encoding(false));
            File.WriteAllText(ae, "participant_id,aeterm,grade\nP1,Sepsis,3\n", new UTF8Encoding(false));
            var e = Assert.Throws<DataInputException>(() => SimpleLayoutReader.Read(Examples.Protocol, data, ae));
            Assert.Equal($"protocol.yaml, line {L(124)}, key 'data.simple.adverse_events.term': column 'term' is not in {ae}; its columns are: participant_id, aeterm, grade", e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void AdamColumnsWrittenAndDefault()
    {
        string dir = Examples.TempDirectory();
        try
        {
            File.WriteAllText(Path.Combine(dir, "adsl.csv"), "USUBJID,ARM,SITEID,SEX,RANDDT\nP1,Chemotherapy,S01,F,2020-01-10\n");
            File.WriteAllText(Path.Combine(dir, "adtte.csv"), "SUBJID,PARAMCD,AVAL,CNSR,STARTDT,ADT,EVNTDESC\nP1,DFS,100,1,2020-01-10,2020-04-19,\n");
            File.WriteAllText(Path.Combine(dir, "adae.csv"), "USUBJID,AEDECOD,AETOX\nP1,Sepsis,3\n");
            string adsl = Path.Combine(dir, "adsl.csv");
            var e = Assert.Throws<DataInputException>(() => AdamLayoutReader.Read(Examples.Protocol, AdamFiles.Locate(dir)));
            Assert.Equal($"protocol.yaml, line {L(140)}, key 'data.adam.adsl.strata.risk': column 'STRAT1R' is not in {adsl}; its columns are: USUBJID, ARM, SITEID, SEX, RANDDT", e.Message);

            File.WriteAllText(adsl, "USUBJID,ARM,SITEID,STRAT1R,SEX,RANDDT\nP1,Chemotherapy,S01,SR-average,F,2020-01-10\nP2,Chemotherapy,S01,SR-high,M,2020-01-11\n");
            e = Assert.Throws<DataInputException>(() => AdamLayoutReader.Read(Examples.Protocol, AdamFiles.Locate(dir)));
            Assert.Equal($"protocol.yaml, line {L(132)}, key 'data.adam.adsl.participant': column 'USUBJID' is not in {Path.Combine(dir, "adtte.csv")}; " +
                         "its columns are: SUBJID, PARAMCD, AVAL, CNSR, STARTDT, ADT, EVNTDESC", e.Message);

            File.WriteAllText(Path.Combine(dir, "adtte.csv"), "USUBJID,PARAMCD,AVAL,CNSR,STARTDT,ADT,EVNTDESC\nP1,DFS,100,1,2020-01-10,2020-04-19,\nP1,FIRSTEVT,100,1,2020-01-10,2020-04-19,\n" +
                "P2,DFS,100,1,2020-01-11,2020-04-20,\nP2,FIRSTEVT,100,1,2020-01-11,2020-04-20,\n");
            var noAdae = Edited("    adae:\n      term: AEDECOD\n      grade: AETOXGRN\n", "");
            e = Assert.Throws<DataInputException>(() => AdamLayoutReader.Read(noAdae, AdamFiles.Locate(dir)));
            Assert.Equal($"protocol.yaml, line {L(131)}, key 'data.adam.adae.grade': column 'AETOXGRN' (the default when the key is not given) is not in {Path.Combine(dir, "adae.csv")}; " +
                         "its columns are: USUBJID, AEDECOD, AETOX", e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void AnalyzeCommandReportsTheProtocolLineWithExitCode2()
    {
        string dir = Examples.TempDirectory();
        try
        {
            string data = Path.Combine(dir, "participants.csv"), protocol = Path.Combine(dir, "protocol.yaml"), output = Path.Combine(dir, "out");
            File.WriteAllText(data, Header + "\n" + Row + "\n", new UTF8Encoding(false));
            File.WriteAllText(protocol, ExampleText.Replace("    arm: arm\n", "    arm: armcol\n"), new UTF8Encoding(false));
            var stderr = new StringWriter();
            int code = EvidentApp.Run(["analyze", protocol, "--data", data, "--out", output], new StringWriter(), stderr);
            Assert.Equal(2, code);
            Assert.Equal($"evident: error: protocol.yaml, line {L(108)}, key 'data.simple.arm': column 'armcol' is not in {data}; its columns are: {Header.Replace(",", ", ")}",
                         stderr.ToString().Trim());
            Assert.False(Directory.Exists(output));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
