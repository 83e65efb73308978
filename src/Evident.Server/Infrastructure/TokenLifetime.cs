namespace Evident.Server.Infrastructure;

/// <summary>
/// How long a token issued through the API works unless the request says otherwise: <see cref="DaysKey"/> (1–3650),
/// by default <see cref="DefaultDays"/>. A token is a password that travels with every request, so it should expire
/// well within a trial's life; a new one is issued with <c>POST …/users/{name}/tokens</c>.
/// </summary>
internal sealed class TokenLifetime
{
    /// <summary>Configuration key: days a newly issued token works.</summary>
    public const string DaysKey = "Evident:TokenDays";

    /// <summary>The default: 90 days.</summary>
    public const int DefaultDays = 90;

    public TokenLifetime(IConfiguration configuration)
    {
        int days = configuration.GetValue(DaysKey, DefaultDays);
        if (days is < 1 or > 3650) throw new InvalidOperationException($"{DaysKey} is {days}; expected 1 to 3650 days.");
        Default = TimeSpan.FromDays(days);
    }

    /// <summary>The lifetime of a token issued without a stated one.</summary>
    public TimeSpan Default { get; }
}
