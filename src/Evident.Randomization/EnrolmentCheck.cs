using System.Collections.ObjectModel;
using Evident.Protocol;

namespace Evident.Randomization;

/// <summary>
/// Validates a randomization request against the protocol before anything is written: participant id (<see cref="ParticipantIds"/>), a value for every
/// stratification factor and nothing else, each value a level the protocol defines, an answer to every eligibility
/// question and nothing else, and each answer the one that allows randomization; baseline covariates are optional, but
/// each one given must be a covariate of the protocol with one of its levels (any short text when it lists none).
/// </summary>
public static class EnrolmentCheck
{
    /// <summary>The longest value accepted for a covariate whose protocol entry lists no levels.</summary>
    public const int MaxCovariateValueLength = 64;

    /// <summary>
    /// The problems with <paramref name="request"/>, by field (<c>participantId</c>, <c>strata.risk</c>,
    /// <c>eligibility.age</c>, <c>covariates.sex</c>, …), in plain English with the protocol's labels and question texts
    /// (never its ids, except to name a key the protocol does not define); empty when the request may be randomized. The site's existence and
    /// the caller's right to use it are checked by the service, not here.
    /// </summary>
    /// <param name="protocol">The trial's protocol.</param>
    /// <param name="request">The request.</param>
    public static IReadOnlyDictionary<string, string[]> Problems(TrialProtocol protocol, EnrolmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (ParticipantIds.Problem(request.ParticipantId) is { } idProblem) problems["participantId"] = [idProblem];
        if (string.IsNullOrEmpty(request.Site)) problems["site"] = ["The site is required."];

        var strata = request.Strata ?? new Dictionary<string, string>();
        foreach (var factor in protocol.Strata)
        {
            if (!strata.TryGetValue(factor.Id, out string? level) || level is null)
                problems[$"strata.{factor.Id}"] = [$"{factor.Label} is required: choose {Choices(factor.Levels)}."];
            else if (!factor.Levels.Contains(level))
                problems[$"strata.{factor.Id}"] = [$"'{Shorten(level)}' is not a level of {factor.Label}: choose {Choices(factor.Levels)}."];
        }
        foreach (string key in strata.Keys)
            if (protocol.Strata.All(f => f.Id != key))
                problems[$"strata.{Shorten(key)}"] = [$"'{Shorten(key)}' is not a stratification factor of this protocol."];

        var answers = request.Eligibility ?? new Dictionary<string, bool>();
        foreach (var question in protocol.Eligibility)
        {
            if (!answers.TryGetValue(question.Id, out bool answer))
                problems[$"eligibility.{question.Id}"] = [$"Answer the question “{question.Text}”."];
            else if (answer != question.RequiredAnswer)
                problems[$"eligibility.{question.Id}"] = [$"Not eligible: the answer to “{question.Text}” is {(answer ? "yes" : "no")}; randomization requires {(question.RequiredAnswer ? "yes" : "no")}."];
        }
        foreach (string key in answers.Keys)
            if (protocol.Eligibility.All(q => q.Id != key))
                problems[$"eligibility.{Shorten(key)}"] = [$"'{Shorten(key)}' is not an eligibility question of this protocol."];

        foreach (var (key, value) in request.Covariates ?? NoCovariates)
        {
            var covariate = protocol.Covariates.FirstOrDefault(c => c.Id == key);
            if (covariate is null)
                problems[$"covariates.{Shorten(key)}"] = [$"'{Shorten(key)}' is not a covariate of this protocol{CovariateList(protocol)}."];
            else if (covariate.Levels.Count > 0 && (value is null || !covariate.Levels.Contains(value)))
                problems[$"covariates.{key}"] = [$"{(string.IsNullOrEmpty(value) ? "An empty value" : $"'{Shorten(value)}'")} is not a level of {covariate.Label}: choose {Choices(covariate.Levels)}, or leave it unrecorded."];
            else if (covariate.Levels.Count == 0 && (string.IsNullOrEmpty(value) || value.Length > MaxCovariateValueLength || value.Any(char.IsControl) || value.Trim().Length != value.Length))
                problems[$"covariates.{key}"] = [$"{covariate.Label} must be 1 to {MaxCovariateValueLength} characters without control characters or surrounding spaces, or left unrecorded."];
        }
        return problems;
    }

    private static readonly IReadOnlyDictionary<string, string> NoCovariates = ReadOnlyDictionary<string, string>.Empty;

    private static string CovariateList(TrialProtocol protocol) =>
        protocol.Covariates.Count == 0 ? " (it has none)" : $"; the covariates are {string.Join(", ", protocol.Covariates.Select(c => c.Id))}";

    /// <summary>"a or b", "a, b or c".</summary>
    private static string Choices(IReadOnlyList<string> levels) =>
        levels.Count <= 1 ? string.Join("", levels) : $"{string.Join(", ", levels.Take(levels.Count - 1))} or {levels[^1]}";

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
