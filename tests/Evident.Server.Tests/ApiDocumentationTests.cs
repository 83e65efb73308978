using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Evident.Testing;

namespace Evident.Server.Tests;

/// <summary>
/// docs/api.md against the OpenAPI document the service serves: every documented call (each <c>curl</c>) is an operation
/// of the service, every operation is documented, the members of each documented request body are members of the
/// operation's body, and the members of each documented answer (a <c>json</c> block after a call) are members of its answer.
/// </summary>
public sealed partial class ApiDocumentationTests
{
    private sealed record Call(string Method, string Path, string? Body, int Line);

    [Fact]
    public async Task Docs_api_md_and_the_openapi_document_name_the_same_routes_and_fields()
    {
        await using var app = new TestApp();
        var openapi = await TestApp.Json(await app.CreateClient().GetAsync("/openapi/v1.json"));
        var operations = openapi.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (Method: m.Name.ToUpperInvariant(), Template: p.Name, Operation: m.Value)))
            .ToList();
        var (calls, answers) = Read(File.ReadAllLines(RepositoryFiles.PathOf("docs/api.md")));
        var problems = new List<string>();
        var documented = new HashSet<(string, string)>();

        foreach (var call in calls.Where(c => c.Path != "/openapi/v1.json"))
        {
            var match = operations.Where(o => o.Method == call.Method && Matches(o.Template, call.Path)).OrderByDescending(o => Literals(o.Template)).FirstOrDefault();
            if (match.Template is null)
            {
                problems.Add($"docs/api.md line {call.Line}: {call.Method} {call.Path} is not an operation of the service");
                continue;
            }
            documented.Add((match.Method, match.Template));
            if (call.Body is not null)
            {
                var schema = Schema(openapi, match.Operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
                foreach (string member in TopLevelMembers(call.Body).Where(m => !Properties(openapi, schema).Contains(m)))
                    problems.Add($"docs/api.md line {call.Line}: the body of {call.Method} {match.Template} has no member '{member}'");
            }
            if (answers.TryGetValue(call, out var answer))
            {
                var response = match.Operation.GetProperty("responses").EnumerateObject().First(r => r.Name is "200" or "201").Value;
                var schema = Schema(openapi, response.GetProperty("content").GetProperty("application/json").GetProperty("schema"));
                foreach (string member in TopLevelMembers(answer).Where(m => !Properties(openapi, schema).Contains(m)))
                    problems.Add($"docs/api.md: the answer of {call.Method} {match.Template} has no member '{member}'");
            }
        }
        foreach (var (method, template, _) in operations.Where(o => !documented.Contains((o.Method, o.Template))))
            problems.Add($"{method} {template} is served but docs/api.md has no call of it");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(calls.Count >= 20 && answers.Count >= 2, $"{calls.Count} calls and {answers.Count} answers read: the reader of docs/api.md is broken");
    }

    /// <summary>Every <c>curl</c> of the shell blocks (continuation lines joined, <c>$S</c> and variables like <c>$P</c> expanded) and the <c>json</c> block after a call.</summary>
    private static (List<Call> Calls, Dictionary<Call, string> Answers) Read(string[] lines)
    {
        var calls = new List<Call>();
        var answers = new Dictionary<Call, string>();
        var variables = new Dictionary<string, string> { ["S"] = "" };
        string? block = null;
        var json = new StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                if (block == "json" && calls.Count > 0) answers[calls[^1]] = json.ToString();
                block = block is null ? line[3..].Trim() : null;
                json.Clear();
                continue;
            }
            if (block == "json") json.AppendLine(line.Replace("…", "", StringComparison.Ordinal));
            if (block != "sh") continue;
            if (Assignment().Match(line) is { Success: true } set) variables[set.Groups[1].Value] = Expand(set.Groups[2].Value, variables);
            if (!line.StartsWith("curl ", StringComparison.Ordinal)) continue;
            int first = i;
            string command = line;
            while (command.TrimEnd().EndsWith('\\') && i + 1 < lines.Length) command = command.TrimEnd()[..^1] + " " + lines[++i].Trim();
            var url = Url().Match(command);
            var body = DataSingle().Match(command) is { Success: true } single ? single.Groups[1].Value
                : DataDouble().Match(command) is { Success: true } quoted ? quoted.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal) : null;
            string method = MethodOption().Match(command) is { Success: true } m ? m.Groups[1].Value : "GET";
            calls.Add(new Call(method, Expand(url.Groups[1].Value, variables).TrimEnd('/'), body, first + 1));
        }
        return (calls, answers);
    }

    private static string Expand(string text, Dictionary<string, string> variables) =>
        Variable().Replace(text, m => variables.TryGetValue(m.Groups[1].Value, out string? value) ? value : m.Value);

    private static bool Matches(string template, string path)
    {
        string[] t = template.Split('/'), p = path.Split('/');
        return t.Length == p.Length && t.Zip(p).All(s => s.First.StartsWith('{') || s.First == s.Second);
    }

    private static int Literals(string template) => template.Split('/').Count(s => !s.StartsWith('{'));

    /// <summary>The names at depth 1 of the first object in <paramref name="json"/> (an object, or an array of them).</summary>
    private static List<string> TopLevelMembers(string json)
    {
        var names = new List<string>();
        int depth = 0, objectDepth = json.TrimStart().StartsWith('[') ? 2 : 1;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (c is '{' or '[') depth++;
            else if (c is '}' or ']') { if (--depth < objectDepth) break; }
            else if (c == '"')
            {
                int end = json.IndexOf('"', i + 1);
                if (depth == objectDepth && json[(end + 1)..].TrimStart().StartsWith(':')) names.Add(json[(i + 1)..end]);
                i = end;
            }
        }
        return names;
    }

    private static JsonElement Schema(JsonElement openapi, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
            return Schema(openapi, openapi.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]));
        return schema.TryGetProperty("items", out var items) ? Schema(openapi, items) : schema;
    }

    private static HashSet<string> Properties(JsonElement openapi, JsonElement schema) =>
        schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name).ToHashSet() : [];

    [GeneratedRegex(@"^(\w+)=(\S+)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\s(\$\w+(?:/\S*)?)")]
    private static partial Regex Url();

    [GeneratedRegex(@"\$(\w+)")]
    private static partial Regex Variable();

    [GeneratedRegex(@"-X (\w+)")]
    private static partial Regex MethodOption();

    [GeneratedRegex(@"-d '([^']*)'")]
    private static partial Regex DataSingle();

    [GeneratedRegex(@"-d ""((?:[^""\\]|\\.)*)""")]
    private static partial Regex DataDouble();
}
