using System.Text.RegularExpressions;
using Evident.Testing;

namespace Evident.Cli.Tests;

/// <summary>
/// The shard examples in examples/simulation-shards (a Slurm job array and a Kubernetes indexed Job, each with its merge
/// step) run the command lines they hold, and merging their shards gives exactly a single run's output. The test takes
/// the `evident …` lines out of the files, sets the variables the scheduler would set (three shards, a few replicates),
/// and runs them in-process.
/// </summary>
public sealed partial class ShardExampleTests
{
    private const int Shards = 3;
    private const string Reps = "24";
    private const string Seed = "7";
    private static string Examples => RepositoryFiles.PathOf("examples/simulation-shards");
    private static string Scenario => RepositoryFiles.PathOf("examples/aall1731-simulation.yaml");

    [Fact]
    public void The_slurm_array_and_its_merge_give_the_single_run()
    {
        string shard = CommandLine("slurm-array.sbatch", "evident simulate \"$SCENARIO\"");
        string merge = CommandLine("merge-shards.sbatch", "evident simulate merge");
        AssertMergeIsSingleRun(index => Expand(shard, new()
        {
            ["SCENARIO"] = Scenario, ["REPS"] = Reps, ["SEED"] = Seed, ["SLURM_CPUS_PER_TASK"] = "1",
            ["SLURM_ARRAY_TASK_ID"] = index.ToString(), ["SLURM_ARRAY_TASK_COUNT"] = Shards.ToString(),
        }), merge, shardsPrefix: "shards/");
    }

    [Fact]
    public void The_kubernetes_indexed_job_and_its_merge_give_the_single_run()
    {
        string shard = CommandLine("kubernetes-indexed-job.yaml", "evident simulate /scenario/");
        string merge = CommandLine("kubernetes-merge-job.yaml", "evident simulate merge").Split(" && ")[0];
        AssertMergeIsSingleRun(index => Expand(shard.Replace("/scenario/aall1731-simulation.yaml", Scenario), new()
        {
            ["REPS"] = Reps, ["SEED"] = Seed, ["SHARDS"] = Shards.ToString(), ["JOB_COMPLETION_INDEX"] = (index - 1).ToString(),
        }), merge, shardsPrefix: "/shards/");
    }

    private static void AssertMergeIsSingleRun(Func<int, string> shardLine, string mergeLine, string shardsPrefix)
    {
        string dir = Directory.CreateTempSubdirectory("evident-shards-").FullName;
        try
        {
            for (int i = 1; i <= Shards; i++)
            {
                var (code, _, err) = Fixtures.Run(Words(shardLine(i).Replace(shardsPrefix, dir + "/")));
                Assert.True(code == 0, err);
            }
            // The Slurm merge writes simulation.json in the directory it was submitted from; the Kubernetes one beside the shards.
            var merge = Words(mergeLine.Replace(shardsPrefix, dir + "/").Replace("--output simulation.json", $"--output {dir}/simulation.json"))
                .SelectMany<string, string>(w => w.EndsWith("shard-*.json", StringComparison.Ordinal) ? Directory.GetFiles(dir, "shard-*.json").Order(StringComparer.Ordinal) : [w])
                .ToArray();
            Assert.Equal(Shards, merge.Count(w => w.Contains("shard-", StringComparison.Ordinal)));
            var (mergeCode, _, mergeErr) = Fixtures.Run(merge);
            Assert.True(mergeCode == 0, mergeErr);
            var (singleCode, single, singleErr) = Fixtures.Run("simulate", Scenario, "--reps", Reps, "--seed", Seed, "--format", "json");
            Assert.True(singleCode == 0, singleErr);
            Assert.Equal(single, File.ReadAllText(Path.Combine(dir, "simulation.json")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The one line of <paramref name="file"/> that starts (after indentation and a YAML "- ") with <paramref name="start"/>.</summary>
    private static string CommandLine(string file, string start) =>
        File.ReadLines(Path.Combine(Examples, file)).Select(l => l.Trim().TrimStart('-', ' ')).Single(l => l.StartsWith(start, StringComparison.Ordinal));

    /// <summary>The shell's expansions these files use: $VAR, ${VAR:-default} and $((VAR + 1)).</summary>
    private static string Expand(string line, Dictionary<string, string> variables)
    {
        line = Arithmetic().Replace(line, m => (int.Parse(variables[m.Groups[1].Value]) + int.Parse(m.Groups[2].Value)).ToString());
        line = WithDefault().Replace(line, m => variables.GetValueOrDefault(m.Groups[1].Value) ?? m.Groups[2].Value);
        return Variable().Replace(line, m => variables[m.Groups[1].Value]);
    }

    /// <summary>Splits a command line into words as the shell does for these files (double quotes group).</summary>
    private static string[] Words(string line) =>
        [.. QuotedWord().Matches(line).Select(m => m.Value.Replace("\"", "")).Skip(1)];

    [GeneratedRegex(@"\$\(\((\w+) \+ (\d+)\)\)")]
    private static partial Regex Arithmetic();

    [GeneratedRegex(@"\$\{(\w+):-([^}]*)\}")]
    private static partial Regex WithDefault();

    [GeneratedRegex(@"\$(\w+)")]
    private static partial Regex Variable();

    [GeneratedRegex(@"(?:""[^""]*""|[^\s""])+")]
    private static partial Regex QuotedWord();
}
