using System.Text.Json;
using Evident.Design;

namespace Evident.Reporting.Json;

/// <summary>Writes a group-sequential design (<c>analysis: "group_sequential_boundaries"</c>).</summary>
public static class BoundariesJson
{
    /// <summary>Writes the contract's document: the efficacy (and futility) boundaries at each look and the inflation factor.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="design">The design.</param>
    public static void Write(Utf8JsonWriter json, GroupSequentialDesign design)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(design);
        json.WriteStartObject();
        json.WriteString("analysis", "group_sequential_boundaries");
        json.WriteNumber("looks", design.Looks);
        json.WriteNumber("alpha", design.Alpha);
        json.WriteBoolean("two_sided", design.TwoSided);
        json.WriteString("spending", design.Spending.ToString());
        json.WriteNumbers("information", design.Information);
        json.WriteNumbers("critical_values", design.CriticalValues);
        json.WriteNumbers("alpha_spent", design.AlphaSpent);
        json.WriteNumbers("nominal_p", design.NominalP);
        if (design.FutilityBounds is { } futility)
        {
            json.WriteNumber("beta", design.Beta);
            json.WriteString("beta_spending", design.BetaSpending?.ToString());
            json.WriteBoolean("binding_futility", design.BindingFutility);
            json.WriteNumbers("futility_bounds", futility);
            if (design.BetaSpent is { } spent) json.WriteNumbers("beta_spent", spent);
            json.WriteNumbers("power", design.PowerH1);
        }
        json.WriteNumberOrNull("inflation_factor", design.InflationFactor);
        json.WriteEndObject();
    }
}
