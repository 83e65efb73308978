using Evident.Analysis.Capture;
using Evident.Analysis.Export;
using Evident.Analysis.Input;
using Evident.Data;
using Evident.Data.Adam;
using Evident.Protocol;
using Evident.Randomization;
using Evident.Randomization.Capture;

namespace Evident.Server.Tests;

/// <summary>
/// The ADaM export's ADAE carries the site's assessment under CDISC's names (<c>AESER</c>, the ICH E2A flags,
/// <c>AEREL</c>, <c>AEACN</c>, <c>AEOUT</c>) and <c>AEENDT</c>, each empty for an event recorded without an assessment;
/// the ADaM reader reads <c>AESER</c> as the analysis's seriousness where the protocol maps <c>data.adam.adae.serious</c>.
/// </summary>
public sealed class AdamAssessmentExportTests
{
    private const string Adae = "    adae:\n      term: AEDECOD\n      grade: AETOXGRN\n";
    private static readonly string Mapped = TestApp.ProtocolYaml.Replace(Adae, Adae + "      serious: AESER\n", StringComparison.Ordinal);

    private static readonly Allocation P1 = new(1, TestApp.Trial, "P1", "S1", new Dictionary<string, string> { ["risk"] = "SR-high" }, "blinatumomab",
        new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), "coord1", null, null);

    private static CaptureEntry Ae(long id, int day, string term, int grade, AdverseEventAssessment? assessment, DateOnly? end = null) =>
        new(id, 1, TestApp.Trial, "P1", "S1", new CaptureInput(CaptureKind.AdverseEvent, new DateOnly(2026, 3, day), null, term, grade) { EndDate = end, Assessment = assessment },
            TestApp.Start, "coord1", null);

    /// <summary>A serious, fatal sepsis; a non-serious nausea that resolved; a nausea recorded without an assessment.</summary>
    private static readonly CaptureEntry[] Entries =
    [
        Ae(1, 1, "Sepsis", 5, new(true, SeriousCriteria.Death | SeriousCriteria.Hospitalization, Attribution.Possible, ActionTaken.Discontinued, AdverseEventOutcome.Fatal), new DateOnly(2026, 3, 9)),
        Ae(2, 2, "Nausea", 1, new(false, SeriousCriteria.None, Attribution.Unrelated, ActionTaken.None, AdverseEventOutcome.Recovered), new DateOnly(2026, 3, 4)),
        Ae(3, 3, "Nausea", 2, null),
    ];

    [Fact]
    public void Adae_carries_the_assessment_with_cdisc_names_and_empty_cells_for_an_unassessed_event()
    {
        var protocol = TrialProtocol.Parse(TestApp.ProtocolYaml, "protocol.yaml");
        var (_, _, adae) = AdamTables.Build(protocol, CapturedTrial.ToTrialData(protocol, [P1], Entries), sasDates: false);
        Assert.Equal(["USUBJID", "AEDECOD", "AETOXGRN", "AESER", "AESDTH", "AESLIFE", "AESHOSP", "AESDISAB", "AESCONG", "AESMIE", "AEREL", "AEACN", "AEOUT", "AEENDT"],
            adae.Columns.Select(c => c.Name));
        string?[] Row(int row) => adae.Columns.Select(c => c.Format(row)).ToArray();
        Assert.Equal(new string?[] { "P1", "Sepsis", "5", "Y", "Y", "N", "Y", "N", "N", "N", "POSSIBLY RELATED", "DRUG WITHDRAWN", "FATAL", "2026-03-09" }, Row(0));
        Assert.Equal(new string?[] { "P1", "Nausea", "1", "N", "N", "N", "N", "N", "N", "N", "NOT RELATED", "DOSE NOT CHANGED", "RECOVERED/RESOLVED", "2026-03-04" }, Row(1));
        Assert.Equal(new string?[] { "P1", "Nausea", "2", null, null, null, null, null, null, null, null, null, null, null }, Row(2));

        // Where the protocol names its own seriousness column, that name is written; without any assessment or end date, ADAE is as before.
        var renamed = TrialProtocol.Parse(TestApp.ProtocolYaml.Replace(Adae, Adae + "      serious: SAEFL\n", StringComparison.Ordinal), "protocol.yaml");
        Assert.Equal("SAEFL", AdamTables.Build(renamed, CapturedTrial.ToTrialData(renamed, [P1], Entries), false).Adae.Columns[3].Name);
        var plain = AdamTables.Build(protocol, CapturedTrial.ToTrialData(protocol, [P1], [Entries[2]]), false).Adae;
        Assert.Equal(["USUBJID", "AEDECOD", "AETOXGRN"], plain.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Every_code_has_its_cdisc_term()
    {
        Assert.Equal(["NOT RELATED", "UNLIKELY RELATED", "POSSIBLY RELATED", "PROBABLY RELATED", "DEFINITELY RELATED"],
            Enum.GetValues<Attribution>().Select(AdamAdverseEvents.Relation));
        Assert.Equal(["DOSE NOT CHANGED", "DOSE REDUCED", "DRUG INTERRUPTED", "DRUG WITHDRAWN", "NOT APPLICABLE", "UNKNOWN"],
            Enum.GetValues<ActionTaken>().Select(AdamAdverseEvents.Action));
        Assert.Equal(["RECOVERED/RESOLVED", "RECOVERED/RESOLVED WITH SEQUELAE", "RECOVERING/RESOLVING", "NOT RECOVERED/NOT RESOLVED", "FATAL", "UNKNOWN"],
            Enum.GetValues<AdverseEventOutcome>().Select(AdamAdverseEvents.Outcome));
    }

    [Theory]
    [InlineData(DataFileFormat.Csv)]
    [InlineData(DataFileFormat.Xpt)]
    public void The_adam_reader_reads_aeser_as_serious_where_the_protocol_maps_it(DataFileFormat format)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"evident-adae-{Guid.NewGuid():N}");
        try
        {
            var mapped = TrialProtocol.Parse(Mapped, "protocol.yaml");
            AdamTables.Write(mapped, CapturedTrial.ToTrialData(mapped, [P1], Entries), dir, format);
            Assert.Equal([true, false, null], AdamLayoutReader.Read(mapped, AdamFiles.Locate(dir)).AdverseEvents.Select(e => e.Serious));
            // Not mapped: not read, so the analysis does not say.
            var unmapped = TrialProtocol.Parse(TestApp.ProtocolYaml, "protocol.yaml");
            Assert.Equal([null, null, null], AdamLayoutReader.Read(unmapped, AdamFiles.Locate(dir)).AdverseEvents.Select(e => e.Serious));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_bad_aeser_is_named_by_file_row_and_column_and_a_mapped_column_must_exist()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"evident-adae-{Guid.NewGuid():N}");
        try
        {
            var mapped = TrialProtocol.Parse(Mapped, "protocol.yaml");
            AdamTables.Write(mapped, CapturedTrial.ToTrialData(mapped, [P1], Entries), dir, DataFileFormat.Csv);
            string adae = Path.Combine(dir, "adae.csv");
            var lines = File.ReadAllLines(adae);
            File.WriteAllLines(adae, [lines[0], lines[1].Replace(",\"Y\",\"Y\",", ",\"maybe\",\"Y\",", StringComparison.Ordinal), .. lines[2..]]);
            var e = Assert.Throws<DataInputException>(() => AdamLayoutReader.Read(mapped, AdamFiles.Locate(dir)));
            Assert.Contains("maybe", e.Message);
            Assert.Contains("AESER", e.Message);
            Assert.Contains("is not a yes/no value", e.Message);

            var other = TrialProtocol.Parse(TestApp.ProtocolYaml.Replace(Adae, Adae + "      serious: SAEFL\n", StringComparison.Ordinal), "protocol.yaml");
            var missing = Assert.Throws<DataInputException>(() => AdamLayoutReader.Read(other, AdamFiles.Locate(dir)));
            Assert.Contains("SAEFL", missing.Message);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_serious_key_round_trips_and_a_protocol_without_it_is_unchanged()
    {
        var mapped = TrialProtocol.Parse(Mapped, "protocol.yaml");
        Assert.Equal("AESER", mapped.Data.Adam!.AdverseEvents.Serious);
        string yaml = mapped.ToYaml();
        Assert.Contains("serious: AESER", yaml);
        Assert.Equal(yaml, TrialProtocol.Parse(yaml, "again.yaml").ToYaml());
        var plain = TrialProtocol.Parse(TestApp.ProtocolYaml, "protocol.yaml");
        Assert.Null(plain.Data.Adam!.AdverseEvents.Serious);
        Assert.DoesNotContain("serious: AESER", plain.ToYaml());
    }
}
