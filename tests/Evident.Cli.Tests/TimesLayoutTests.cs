using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Evident.Cli.Tests.TrialReferenceTests;

namespace Evident.Cli.Tests;

/// <summary>
/// The simple layout without calendar dates (<c>data.simple.follow_up_time</c> and a status per component): the same
/// trials as data/&lt;trial&gt;-times.csv give exactly the numbers of the dated layout (and so R's), and a cut-off, which
/// needs dates, is refused with the reason.
/// </summary>
public sealed partial class TimesLayoutTests
{
    /// <summary>The protocol of <paramref name="trial"/> mapped onto its times file, in a temporary file the caller deletes.</summary>
    private static string TimesProtocol(string trial)
    {
        string dated = EditedProtocol($"{trial}-issue12", "    randomized: randomization_date\n    last_contact: last_contact_date\n", "    follow_up_time: follow_up_time\n");
        string text = DatedEvent().Replace(File.ReadAllText(dated), "$1: {status: $1, time: $1_time}");
        File.Delete(dated);
        string path = Path.Combine(Path.GetTempPath(), $"{trial}-times-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("colon")]
    [InlineData("pbc")]
    [InlineData("cgd")]
    public void Times_since_randomization_give_the_numbers_of_the_dated_layout(string trial)
    {
        var dated = Analyze($"protocols/{trial}-issue12.yaml", trial);
        string protocol = TimesProtocol(trial);
        var times = Outputs(protocol, trial, "--data", Path.Combine(AppContext.BaseDirectory, "fixtures", "trials", "data", $"{trial}-times.csv")).Results;
        File.Delete(protocol);
        int compared = 0;
        foreach (var (key, value) in dated)
        {
            // The report block's data hash is the files' hash, and the files differ by design; accrual by month and the
            // completeness of follow-up need calendar dates, so they are null without them (checked below).
            if (key is "protocol" or "data_source" or "notes" or "report" or "accrual" or "completeness") continue;
            Assert.True(times.ContainsKey(key), key);
            Assert.Equal(value?.ToJsonString(), times[key]?.ToJsonString());
            compared++;
        }
        Assert.True(compared > 15, $"{compared} keys compared");
        Assert.Null(times["accrual"]);
        Assert.Null(times["completeness"]);
        Assert.Contains($"{trial}-times.csv", times["data_source"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_off_needs_dates_and_says_so()
    {
        string protocol = TimesProtocol("colon");
        string data = Path.Combine(AppContext.BaseDirectory, "fixtures", "trials", "data", "colon-times.csv");
        var (code, _, stderr) = Fixtures.Run("analyze", protocol, "--data", data, "--cutoff", "1990-01-01", "--out", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")));
        File.Delete(protocol);
        Assert.Equal(2, code);
        Assert.Contains("the data cut-off 1990-01-01 needs calendar dates, but the data give follow-up as time since randomization (data.simple.follow_up_time)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_times_and_statuses_name_the_row_column_and_value()
    {
        string protocol = TimesProtocol("pbc");
        string source = Path.Combine(AppContext.BaseDirectory, "fixtures", "trials", "data", "pbc-times.csv");
        var lines = File.ReadAllLines(source);
        foreach (var (edit, message) in new (Func<string, string>, string)[]
        {
            (l => Regex.Replace(l, ",1$", ",2"), "column 'death': value '2' is not an event status; expected 1 (the event happened) or 0 (it did not)"),
            (l => Regex.Replace(l, "^(\"P001\"(,[^,]*){17}),([0-9.]+),", "$1,-5,"), "column 'follow_up_time': value '-5' is not a follow-up time"),
        })
        {
            string path = Path.Combine(Path.GetTempPath(), $"pbc-times-{Guid.NewGuid():N}.csv");
            File.WriteAllLines(path, lines.Take(1).Concat(lines.Skip(1).Select((l, i) => i == 0 ? edit(l) : l)));
            var (code, _, stderr) = Fixtures.Run("analyze", protocol, "--data", path, "--out", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")));
            File.Delete(path);
            Assert.Equal(2, code);
            Assert.Contains("row 1, " + message, stderr, StringComparison.Ordinal); // the first participant
        }
        File.Delete(protocol);
    }

    [GeneratedRegex(@"(\w+): \{date: \1_date\}")]
    private static partial Regex DatedEvent();
}
