using Evident.Protocol;

namespace Evident.Analysis.Tests.Oversight;

/// <summary>
/// The small two-arm trial the oversight tests count by hand: arms a (Arm A, control) and b (Arm B), one endpoint (os:
/// death), the simple layout's participant, arm, randomization and last-contact columns, and every participant
/// randomized on <see cref="Start"/>. Each test adds only the mappings and sections it is about.
/// </summary>
internal static class TwoArmTrial
{
    /// <summary>The date every participant is randomized.</summary>
    public static readonly DateOnly Start = new(2020, 1, 1);

    /// <summary>The protocol, with <paramref name="simple"/> appended to <c>data.simple</c> and <paramref name="sections"/> to the top level.</summary>
    /// <param name="simple">Lines of <c>data.simple</c> beyond the events (each indented by two spaces).</param>
    /// <param name="sections">Top-level sections before <c>analyses</c>.</param>
    /// <param name="death">Whether the death component is marked <c>death: true</c>.</param>
    /// <param name="header">Top-level keys after <c>trial</c> (for example <c>time_unit</c>).</param>
    public static TrialProtocol Protocol(string simple = "", string sections = "", bool death = false, string header = "") =>
        TrialProtocol.Parse($$$"""
            trial: {id: T, title: T}
            {{{header}}}
            arms:
              - {id: a, label: Arm A, control: true}
              - {id: b, label: Arm B}
            allocation: {ratio: "1:1", block_sizes: [2]}
            components: [{id: death{{{(death ? ", death: true" : "")}}}}]
            endpoints: [{id: os, events: [death]}]
            data:
              simple:
                participant: id
                arm: arm
                randomized: rand
                last_contact: last
                events: {death: {date: death_date}}
                {{{Indent(simple, "    ")}}}
            {{{sections}}}
            analyses: {primary: {endpoint: os}}
            """, "t.yaml");

    private static string Indent(string lines, string by) =>
        string.Join('\n', lines.Split('\n').Select((line, i) => i == 0 || line.Length == 0 ? line : by + line));
}
