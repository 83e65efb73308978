using Evident.Protocol;
using Evident.Randomization;
using Evident.Randomization.Accounts;
using Evident.Server.Features;
using Evident.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Server.Pages.Trial;

/// <summary>
/// <c>/t/{trialId}/randomize</c> (admins and site coordinators): a form generated from the protocol (participant id; the
/// site, fixed to a coordinator's own; one radio group per stratification factor; a yes/no group per eligibility
/// question; one group per baseline covariate, its levels plus "Not recorded"), checked by <see cref="EnrolmentCheck"/> with each problem next to its field and in a summary; then a
/// confirmation step showing what will be submitted; then the randomization (<see cref="Enrolment"/>, as the API does
/// it) and a redirect to the result. A double submission does not randomize twice: the form carries one Idempotency-Key from its first display,
/// and the store answers the same participant with the same values with the allocation already made.
/// </summary>
/// <param name="store">The trial store.</param>
public sealed class RandomizeModel(TrialStore store) : TrialPageModel(store)
{
    /// <summary>Which part of the flow is shown.</summary>
    public enum Step
    {
        /// <summary>The form (first display, or with problems).</summary>
        Form,

        /// <summary>What will be submitted, with buttons to randomize or change it.</summary>
        Confirm,
    }

    /// <summary>What is shown.</summary>
    public Step Showing { get; private set; } = Step.Form;

    /// <summary>The participant id entered.</summary>
    public string ParticipantId { get; private set; } = "";

    /// <summary>The site: a coordinator's own, or the admin's choice.</summary>
    public string Site { get; private set; } = "";

    /// <summary>The level chosen for each stratification factor, by factor id.</summary>
    public Dictionary<string, string> Strata { get; } = new(StringComparer.Ordinal);

    /// <summary>The answer to each eligibility question, by question id.</summary>
    public Dictionary<string, bool> Eligibility { get; } = new(StringComparer.Ordinal);

    /// <summary>The level given for each baseline covariate, by covariate id; a covariate not recorded is absent.</summary>
    public Dictionary<string, string> Covariates { get; } = new(StringComparer.Ordinal);

    /// <summary>The Idempotency-Key this form carries from its first display to the randomization.</summary>
    public string IdempotencyKey { get; private set; } = "";

    /// <summary>The trial's sites (the admin's choices).</summary>
    public IReadOnlyList<StoredSite> Sites { get; private set; } = [];

    /// <summary>The messages shown next to the fields.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>The protocol's stratification factors.</summary>
    public IReadOnlyList<StratificationFactor> Factors => Trial.Protocol.Strata;

    /// <summary>The protocol's eligibility questions.</summary>
    public IReadOnlyList<EligibilityQuestion> Questions => Trial.Protocol.Eligibility;

    /// <summary>The protocol's baseline covariates.</summary>
    public IReadOnlyList<Covariate> BaselineCovariates => Trial.Protocol.Covariates;

    /// <inheritdoc />
    protected override bool Allows(TrialRole role) => role is TrialRole.Admin or TrialRole.SiteCoordinator;

    /// <summary>Shows an empty form with a new Idempotency-Key.</summary>
    public async Task OnGetAsync()
    {
        await LoadSitesAsync();
        Site = CallerSite ?? "";
        IdempotencyKey = Enrolment.NewIdempotencyKey();
    }

    /// <summary>Checks the form; shows the confirmation step, or the form with its problems.</summary>
    public async Task<IActionResult> OnPostReviewAsync()
    {
        var request = await ReadFormAsync();
        if (!Check(request)) return Refused(StatusCodes.Status400BadRequest);
        Showing = Step.Confirm;
        return Page();
    }

    /// <summary>Back from the confirmation step to the form, with the values kept.</summary>
    public async Task<IActionResult> OnPostEditAsync()
    {
        await ReadFormAsync();
        return Page();
    }

    /// <summary>Checks again, randomizes, and redirects to the result (or shows the form with the problem).</summary>
    public async Task<IActionResult> OnPostConfirmAsync()
    {
        var request = await ReadFormAsync();
        if (!Check(request)) return Refused(StatusCodes.Status400BadRequest);
        var outcome = await Enrolment.RandomizeAsync(Store, Trial, request, IdempotencyKey, Caller);
        if (outcome.Randomization is { } randomization) return LocalRedirect(TrialPath("randomize", "result", randomization.ParticipantId));
        if (outcome.Status == RandomizationStatus.Conflict && await Store.GetRandomizationAsync(Trial.Id, request.ParticipantId) is null)
        {
            // The key was used for another participant: this form was submitted before. A fresh key lets the user go on.
            Errors.Add("participantId", "This form was already used to randomize another participant; check the participant id and submit again.");
            IdempotencyKey = Enrolment.NewIdempotencyKey();
            return Refused(StatusCodes.Status409Conflict);
        }
        var (status, field) = Enrolment.Refusal(outcome.Status);
        Errors.Add(field, outcome.Message!);
        return Refused(status);
    }

    private async Task<EnrolmentRequest> ReadFormAsync()
    {
        await LoadSitesAsync();
        var form = Request.Form;
        ParticipantId = form["participantId"].ToString();
        Site = CallerSite ?? form["site"].ToString();
        IdempotencyKey = form["idempotencyKey"].ToString();
        if (!RandomizationService.IsValidIdempotencyKey(IdempotencyKey)) IdempotencyKey = Enrolment.NewIdempotencyKey();
        foreach (var (key, value) in form)
        {
            if (key.StartsWith("strata.", StringComparison.Ordinal) && !string.IsNullOrEmpty(value)) Strata[key["strata.".Length..]] = value.ToString();
            if (key.StartsWith("eligibility.", StringComparison.Ordinal) && value.ToString() is "yes" or "no") Eligibility[key["eligibility.".Length..]] = value == "yes";
            // An empty value is the "Not recorded" choice.
            if (key.StartsWith("covariates.", StringComparison.Ordinal) && !string.IsNullOrEmpty(value)) Covariates[key["covariates.".Length..]] = value.ToString();
        }
        return new EnrolmentRequest(ParticipantId, Site, Strata, Eligibility, Covariates);
    }

    private bool Check(EnrolmentRequest request)
    {
        Errors.AddRange(Enrolment.Problems(Trial, request), field => field);
        if (Site.Length > 0 && Sites.All(s => s.Id != Site))
            Errors.Add("site", $"'{Site}' is not a site of trial {Trial.Id}; choose one of {string.Join(", ", Sites.Select(s => s.Id))}.");
        return !Errors.Any;
    }

    private async Task LoadSitesAsync() => Sites = await Store.ListSitesAsync(Trial.Id);

    private PageResult Refused(int status)
    {
        Showing = Step.Form;
        Response.StatusCode = status;
        return Page();
    }
}
