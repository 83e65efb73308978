using Evident.Analysis.Export;
using Evident.Analysis.Input;
using Evident.Data;
using Evident.Data.Adam;
using Evident.Protocol;
using Evident.Protocol.Synthetic;
using Evident.Testing;

namespace Evident.Analysis.Tests.Input;

/// <summary>Off-study records through ADSL's end-of-treatment and end-of-study variables, written and read back.</summary>
public sealed class AdamOffStudyTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("evident-adam-offstudy-").FullName;

    public void Dispose() => Directory.Delete(directory, true);

    private static string Records(TrialData data) =>
        string.Join(";", data.Participants.Select(p => p.Id + ":" + string.Join(",", p.OffStudy.Select(o => $"{o.Kind}@{o.Date:yyyy-MM-dd}={o.Reason}"))));

    [Theory]
    [InlineData(DataFileFormat.Csv)]
    [InlineData(DataFileFormat.Xpt)]
    public void Written_ADSL_reads_back_the_same_records(DataFileFormat format)
    {
        var protocol = TrialProtocol.Load(RepositoryFiles.PathOf("examples/aall1731/protocol.yaml"));
        var scenario = TrialScenario.Load(RepositoryFiles.PathOf("examples/aall1731/scenario.yaml"), protocol);
        var data = SyntheticTables.ToTrialData(ProtocolTrialGenerator.Generate(protocol, scenario, 500));
        Assert.Contains(data.Participants, p => p.OffStudy.Count > 0);
        AdamTables.Write(protocol, data, directory, format);
        var back = AdamLayoutReader.Read(protocol, AdamFiles.Locate(directory));
        Assert.Equal(Enum.GetValues<OffStudyKind>(), back.OffStudyRecorded);
        Assert.Equal(Records(data), Records(back));
    }

    [Fact]
    public void ADSL_without_the_variables_records_nothing_and_other_reasons_are_not_off_study()
    {
        var adsl = Evident.Data.TableReader.ParseCsv("""
            USUBJID,EOSSTT,EOSDT,DCSREAS,DCSREASP
            P1,DISCONTINUED,2021-02-01,DEATH,
            P2,DISCONTINUED,2021-03-01,LOST TO FOLLOW-UP,
            P3,COMPLETED,2021-04-01,,
            """u8, "adsl.csv");
        Assert.Equal([OffStudyKind.Withdrawn, OffStudyKind.LostToFollowUp], AdamOffStudy.Kinds(adsl));
        var start = new DateOnly(2020, 1, 1);
        Assert.Empty(AdamOffStudy.Read(adsl, 0, start));
        Assert.Equal([new OffStudyRecord(OffStudyKind.LostToFollowUp, new DateOnly(2021, 3, 1), null, null)], AdamOffStudy.Read(adsl, 1, start));
        Assert.Empty(AdamOffStudy.Read(adsl, 2, start));
        Assert.Throws<DataInputException>(() => AdamOffStudy.Read(adsl, 1, new DateOnly(2022, 1, 1)));
        Assert.Empty(AdamOffStudy.Kinds(Evident.Data.TableReader.ParseCsv("USUBJID\nP1\n"u8, "adsl.csv")));
    }
}
