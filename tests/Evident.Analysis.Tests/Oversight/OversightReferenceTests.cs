using System.Text.Json;
using Evident.Analysis.Input;
using Evident.Analysis.Oversight;
using Evident.Protocol;
using Evident.Statistics.Safety;
using Evident.Testing;

namespace Evident.Analysis.Tests.Oversight;

/// <summary>
/// The numbers issue 13 adds to the DSMB report, against R on the public trials of tests/fixtures/trials
/// (make_dsmb_refs.R): median follow-up by reverse Kaplan–Meier per arm at 0.95 and 0.90, the baseline table by arm
/// (with "Not recorded" for colon's 23 missing differentiations), and participants by highest adverse-event grade.
/// </summary>
public sealed class OversightReferenceTests
{
    private static string Trials => RepositoryFiles.PathOf("tests/fixtures/trials");

    private static (TrialProtocol Protocol, TrialData Data, JsonElement Expected) Load(string trial, string? adverseEvents = null)
    {
        var protocol = TrialProtocol.Load(Path.Combine(Trials, "protocols", trial + ".yaml"));
        var data = TrialDataLoader.Load(protocol, Path.Combine(Trials, "data", trial + ".csv"), adverseEvents is null ? null : Path.Combine(Trials, "data", adverseEvents));
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Trials, "expected", $"dsmb-{trial}.json"))).RootElement.Clone();
        return (protocol, data, expected);
    }

    private static void Close(JsonElement expected, double actual, string what)
    {
        if (expected.ValueKind == JsonValueKind.Null) Assert.True(double.IsNaN(actual), $"{what}: R gives NA, Evident {actual}");
        else Assert.True(Math.Abs(expected.GetDouble() - actual) <= 1e-12 * Math.Max(1, Math.Abs(actual)), $"{what}: R {expected.GetDouble()}, Evident {actual}");
    }

    [Theory]
    [InlineData("colon", "0.95")]
    [InlineData("colon", "0.90")]
    [InlineData("cgd", "0.95")]
    [InlineData("cgd", "0.90")]
    public void Median_follow_up_by_reverse_Kaplan_Meier_matches_R(string trial, string level)
    {
        var (protocol, data, expected) = Load(trial);
        int endpoint = protocol.Endpoints.Select(e => e.Id).ToList().IndexOf(expected.GetProperty("endpoint").GetString()!);
        double unit = protocol.TimeUnit.Days();
        var time = data.Participants.Select(p => (p.Outcomes[endpoint].End.DayNumber - p.Outcomes[endpoint].Start.DayNumber) / unit).ToArray();
        var isEvent = data.Participants.Select(p => p.Outcomes[endpoint].IsEvent).ToArray();
        var arms = MedianFollowUp.ByArm(protocol, time, isEvent, data.Participants.Select(p => p.Arm).ToArray(), double.Parse(level, System.Globalization.CultureInfo.InvariantCulture));
        var rows = expected.GetProperty("follow_up").GetProperty(level).EnumerateArray().ToArray();
        Assert.Equal(rows.Length, arms.Count);
        foreach (var (row, arm) in rows.Zip(arms))
        {
            Assert.Equal(row.GetProperty("arm").GetString(), arm.Arm);
            Assert.Equal(row.GetProperty("n").GetInt32(), arm.Estimate.N);
            Assert.Equal(row.GetProperty("censored").GetInt32(), arm.Estimate.Censored);
            Close(row.GetProperty("median_follow_up"), arm.Estimate.Median, $"{arm.Arm} median");
            Close(row.GetProperty("conf_low"), arm.Estimate.ConfLow, $"{arm.Arm} lower limit");
            Close(row.GetProperty("conf_high"), arm.Estimate.ConfHigh, $"{arm.Arm} upper limit");
        }
    }

    [Fact]
    public void Baseline_table_matches_R_with_missing_values_counted()
    {
        var (protocol, data, expected) = Load("colon");
        var table = BaselineCharacteristics.Tabulate(protocol, data);
        var factors = expected.GetProperty("baseline").EnumerateArray().ToArray();
        Assert.Equal(factors.Select(f => f.GetProperty("id").GetString()), table.Factors.Select(f => f.Id));
        foreach (var (want, got) in factors.Zip(table.Factors))
        {
            Assert.Equal(want.GetProperty("label").GetString(), got.Label);
            var levels = want.GetProperty("levels").EnumerateArray().ToArray();
            Assert.Equal(levels.Select(l => l.GetProperty("level").GetString()), got.Levels.Select(l => l.Level));
            foreach (var (level, row) in levels.Zip(got.Levels))
            {
                foreach (var (arm, count) in level.GetProperty("arms").EnumerateArray().Zip(row.Arms))
                {
                    Assert.Equal(arm.GetProperty("arm").GetString(), count.Arm);
                    Assert.Equal(arm.GetProperty("n").GetInt32(), count.N);
                    Close(arm.GetProperty("percent"), count.Percent, $"{got.Id} {row.Level} {count.Arm}");
                }
                Assert.Equal(level.GetProperty("overall").GetProperty("n").GetInt32(), row.Overall.N);
                Close(level.GetProperty("overall").GetProperty("percent"), row.Overall.Percent, $"{got.Id} {row.Level} overall");
            }
        }
        Assert.Contains(table.Factors.Single(f => f.Id == "differ").Levels, l => l.Level == BaselineCharacteristics.NotRecorded && l.Overall.N == 23);
    }

    [Fact]
    public void Participants_by_highest_grade_match_R()
    {
        var (protocol, data, expected) = Load("cgd", "cgd-adverse-events.csv");
        var table = MaximumGrade.Tabulate(data.Participants.Select(p => p.Arm).ToArray(), protocol.Arms.Count,
                                          data.AdverseEvents.Select(e => e.Participant).ToArray(), data.AdverseEvents.Select(e => e.Grade).ToArray());
        foreach (var arm in expected.GetProperty("adverse_events_max_grade").EnumerateArray())
        {
            int a = protocol.Arms.Select(x => x.Id).ToList().IndexOf(arm.GetProperty("arm").GetString()!);
            Assert.Equal(arm.GetProperty("n").GetInt32(), table.Participants(a));
            foreach (var g in arm.GetProperty("by_grade").EnumerateArray())
                Assert.Equal(g.GetProperty("n").GetInt32(), table.Count(a, g.GetProperty("grade").GetInt32()));
        }
    }
}
