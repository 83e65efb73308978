using System.Globalization;
using Evident.Server.Infrastructure;
using Evident.Randomization.Accounts;
using Evident.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Server.Pages;

/// <summary>
/// <c>/login</c>: trial, user name, password and, for a user enrolled in a TOTP second factor (<c>evident user totp</c>),
/// the current one-time code (RFC 6238; each code works once, on any node). An unknown trial, an unknown user, a user without a password and a wrong
/// password all get the same message, after the same password-hashing work. After <see cref="PageAuth.MaxFailures"/>
/// failures in a row an existing account is locked for <see cref="PageAuth.Lockout"/> (by the service's clock, stored in
/// the database, audited); the message says when to try again. Success clears the count and sets the session cookie.
/// </summary>
/// <param name="store">The trial store.</param>
/// <param name="time">The service's clock.</param>
public sealed class LoginModel(TrialStore store, TimeProvider time) : PageModel
{
    /// <summary>The message for every failed sign-in that is not a lock (no hint which part was wrong).</summary>
    public const string FailedMessage = "The trial, user name or password is not right.";

    /// <summary>The message for a right password of a user whose access was withdrawn (every token revoked).</summary>
    public const string WithdrawnMessage = "Your access to this trial has been withdrawn. Ask the trial's administrator.";

    // A real hash of a random password: unknown users cost the same PBKDF2 work as known ones.
    private static readonly Lazy<string> DecoyHash = new(() => Passwords.Hash(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    /// <summary>The trial id entered.</summary>
    [BindProperty]
    public string? TrialId { get; set; }

    /// <summary>The user name entered.</summary>
    [BindProperty]
    public string? UserName { get; set; }

    /// <summary>The password entered (never shown again).</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>The one-time code entered (users with a TOTP second factor only).</summary>
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The message for a right password of a user with a second factor and a code that is missing, wrong or used.</summary>
    public const string CodeMessage = "Enter the current 6-digit code from your authenticator app (each code works once).";

    /// <summary>Where to go after signing in: a page of the same trial, else the trial's home.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether the user has just signed out.</summary>
    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    /// <summary>The messages shown next to the fields.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the lock and the password, then signs in or shows why not.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        SignedOut = false;
        if (string.IsNullOrWhiteSpace(TrialId)) Errors.Add("trialId", "Enter the trial's id.");
        if (string.IsNullOrWhiteSpace(UserName)) Errors.Add("userName", "Enter your user name.");
        if (string.IsNullOrEmpty(Password)) Errors.Add("password", "Enter your password.");
        if (Errors.Any) return Refused(StatusCodes.Status400BadRequest);
        string trialId = TrialId!.Trim(), userName = UserName!.Trim();

        var now = time.GetUtcNow();
        var user = (await store.GetTrialAsync(trialId)) is null ? null : (await store.ListUsersAsync(trialId)).FirstOrDefault(u => u.Name == userName);
        var state = user is null ? SignInState.Clear : await store.GetSignInStateAsync(trialId, userName);
        if (state.IsLockedAt(now)) return Locked(state.LockedUntil!.Value);

        string? hash = user is null ? null : await store.GetPasswordHashAsync(trialId, userName);
        bool verified = Passwords.Verify(hash ?? DecoyHash.Value, Password!) && hash is not null;
        if (!verified)
        {
            if (user is not null)
            {
                state = await store.RecordSignInFailureAsync(trialId, userName, PageAuth.MaxFailures, PageAuth.Lockout);
                if (state.IsLockedAt(now)) return Locked(state.LockedUntil!.Value);
            }
            Errors.Add("password", FailedMessage);
            return Refused(StatusCodes.Status401Unauthorized);
        }

        if (await SecondFactorRefusedAsync(trialId, userName, now) is { } refused) return refused;
        if (!await store.HasAccessAsync(trialId, userName))
        {
            Errors.Add("password", WithdrawnMessage);
            return Refused(StatusCodes.Status403Forbidden);
        }
        await store.RecordSignInSuccessAsync(trialId, userName);
        await HttpContext.SignInAsync(PageAuth.Scheme, PageAuth.Principal(trialId, user!, now));
        string home = "/t/" + Uri.EscapeDataString(trialId);
        bool sameTrial = ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) && (ReturnUrl == home || ReturnUrl.StartsWith(home + "/", StringComparison.Ordinal));
        return LocalRedirect(sameTrial ? ReturnUrl! : home);
    }

    /// <summary>
    /// For a user with a TOTP second factor: null when the code is that of the current step (±1) and not used before,
    /// else the refusal; a wrong code counts as a failed sign-in towards the lockout.
    /// </summary>
    private async Task<PageResult?> SecondFactorRefusedAsync(string trialId, string userName, DateTimeOffset now)
    {
        if (await store.GetTotpAsync(trialId, userName) is not { } totp) return null;
        long? step = string.IsNullOrWhiteSpace(Code) ? null : Totp.Match(totp.Secret, Code, now, totp.LastStep);
        Code = null;
        if (step is { } s && await store.ClaimTotpStepAsync(trialId, userName, s)) return null;
        var state = await store.RecordSignInFailureAsync(trialId, userName, PageAuth.MaxFailures, PageAuth.Lockout);
        if (state.IsLockedAt(now)) return Locked(state.LockedUntil!.Value);
        Errors.Add("code", CodeMessage);
        return Refused(StatusCodes.Status401Unauthorized);
    }

    private PageResult Locked(DateTimeOffset until)
    {
        // Shown to the minute, rounded up, so that the time named is never before the lock ends.
        var shown = new DateTime((until.UtcTicks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        Errors.Add("password", $"This account is locked after {PageAuth.MaxFailures} failed sign-ins. Try again after " +
                               $"{shown.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.");
        return Refused(StatusCodes.Status429TooManyRequests);
    }

    private PageResult Refused(int status)
    {
        Password = null;
        Response.StatusCode = status;
        return Page();
    }
}
