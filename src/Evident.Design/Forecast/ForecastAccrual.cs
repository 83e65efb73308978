namespace Evident.Design.Forecast;

/// <summary>How the participants still to be enrolled arrive in an <see cref="EventForecast"/>.</summary>
public enum ForecastAccrual
{
    /// <summary>A Poisson process at the observed rate, with its uncertainty: rate ~ Gamma(n − ½, elapsed) (Jeffreys prior; n − 1 arrivals after the first).</summary>
    Observed,

    /// <summary>A Poisson process at the protocol's planned rate (participants / accrual duration), taken as known.</summary>
    Plan,
}
