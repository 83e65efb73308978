namespace Evident.Cli.Tests;

/// <summary>The bad inputs of the competing-risks, milestone and safety commands: one clear line, exit code 2.</summary>
public sealed class CompetingRisksAndSafetyBadInputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("evident-bad-cr-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Csv(string name, string content)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private const string CompetingRisks = "time,cause,arm,x\n1,1,A,1\n2,1,B,2\n3,2,A,3\n4,0,B,1\n5,1,A,2\n6,2,B,5\n";
    private const string AdverseEvents = "USUBJID,ARM,AEDECOD,AETOXGR\n";

    private static void AssertError(string[] args, string message)
    {
        var (code, stdout, stderr) = Fixtures.Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public void CauseColumnWithFractions() => AssertError(
        ["cuminc", Csv("frac.csv", "time,cause,arm\n1,1,A\n2,1.5,B\n3,2,A\n4,0,B\n"), "--formula", "Surv(time, cause) ~ arm"],
        "frac.csv, row 2, column 'cause': value '1.5' is not a whole number; cause codes must be whole numbers");

    [Fact]
    public void UnknownCauseListsTheCausesPresent() => AssertError(
        ["finegray", Csv("cr.csv", CompetingRisks), "--formula", "Surv(time, cause) ~ x", "--cause", "3"],
        "--cause 3: no failures from cause 3 in column 'cause'; the causes in the data are 1, 2.");

    [Fact]
    public void CauseZeroIsCensoring() => AssertError(
        ["finegray", Csv("cr.csv", CompetingRisks), "--formula", "Surv(time, cause) ~ x", "--cause", "0"],
        "--cause 0: the cause must be a status code ≥ 1 (0 means censored)");

    [Fact]
    public void GradeOutsideOneToFive() => AssertError(
        ["safety", Csv("ae1.csv", AdverseEvents + "S1,A,Sepsis,3\nS2,B,Sepsis,6\n"), "--subject", "USUBJID", "--arm", "ARM", "--term", "AEDECOD", "--grade", "AETOXGR"],
        "ae1.csv, row 2, column 'AETOXGR': value '6' is not a grade; grades are whole numbers from 1 to 5");

    [Fact]
    public void FractionalGrade() => AssertError(
        ["safety", Csv("ae3.csv", AdverseEvents + "S1,A,Sepsis,3\nS2,B,Nausea,2.5\n"), "--subject", "USUBJID", "--arm", "ARM", "--term", "AEDECOD", "--grade", "AETOXGR"],
        "ae3.csv, row 2, column 'AETOXGR': value '2.5' is not a grade");

    [Fact]
    public void SubjectWithEventsInTwoArms() => AssertError(
        ["safety", Csv("ae2.csv", AdverseEvents + "S1,A,Sepsis,3\nS1,B,Nausea,2\n"), "--subject", "USUBJID", "--arm", "ARM", "--term", "AEDECOD", "--grade", "AETOXGR"],
        "ae2.csv, row 2, column 'ARM': value 'B' conflicts with row 1: subject 'S1' has events in two arms ('A' and 'B')");

    [Fact]
    public void UnknownSafetyColumn() => AssertError(
        ["safety", Csv("ae4.csv", AdverseEvents + "S1,A,Sepsis,3\n"), "--subject", "USUBJID", "--arm", "ARMX", "--term", "AEDECOD", "--grade", "AETOXGR"],
        "column 'ARMX' not found in");

    [Fact]
    public void MilestoneNeedsAPositiveTime() => AssertError(
        ["milestone", Csv("m.csv", "time,status,arm\n1,1,A\n2,0,B\n3,1,A\n4,1,B\n"), "--formula", "Surv(time, status) ~ arm", "--time", "-1"],
        "--time");
}
