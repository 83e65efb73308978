using Evident.Design;

namespace Evident.Protocol.Yaml;

/// <summary>
/// Reads <c>design</c>: the group-sequential boundaries and the sample-size assumptions. Each value is checked where it
/// is written against the range Evident.Design states for it (<see cref="DesignLimits"/>), and the assembled boundaries
/// go through <see cref="GroupSequential.Validate"/> so that the rules between values are Design's alone.
/// </summary>
internal static class DesignReader
{
    /// <summary>Planned events at information fraction 1: at least one.</summary>
    private static readonly ValueRange PlannedEvents = ValueRange.AtLeast(1);

    public static ProtocolDesign Read(YMap m)
    {
        var boundaries = Boundaries(m);
        double? hr = m.Get("hazard_ratio") is { } hn ? HazardRatio(hn) : null;
        var medianNode = m.Get("control_median");
        var hazardNode = m.Get("control_hazard");
        if (medianNode is not null && hazardNode is not null) throw hazardNode.Value.Error("give either 'control_median' or 'control_hazard', not both");
        var defaults = new SurvivalSampleSizeOptions();
        return new ProtocolDesign(boundaries, hr,
            ControlMedian: m.Number("control_median", DesignLimits.Positive),
            ControlHazard: m.Number("control_hazard", DesignLimits.Positive),
            AccrualDuration: m.Number("accrual_duration", DesignLimits.Positive),
            FollowUp: m.Number("follow_up", DesignLimits.NonNegative),
            Participants: m.Integer("participants", DesignLimits.Subjects),
            DropoutRate: m.Number("dropout_rate", DesignLimits.DropoutRate) ?? defaults.DropoutRate,
            DropoutTime: m.Number("dropout_time", DesignLimits.Positive) ?? defaults.DropoutTime,
            PlannedEvents: m.Integer("planned_events", PlannedEvents));
    }

    private static GroupSequentialOptions Boundaries(YMap m)
    {
        var defaults = new GroupSequentialOptions();
        var information = m.Get("information") is { } infoNode ? Information(infoNode) : null;
        int looks = information?.Count ?? defaults.Looks;
        if (m.Get("looks") is { } ln)
        {
            looks = ln.Integer(DesignLimits.Looks);
            if (information is not null && information.Count != looks)
                throw ln.Error($"looks = {looks} but 'information' lists {information.Count} fractions");
        }
        double alpha = m.Number("alpha", DesignLimits.Alpha) ?? defaults.Alpha;
        bool twoSided = m.Boolean("two_sided") ?? defaults.TwoSided;
        var spending = m.Get("spending") is { } sn ? DesignInputs.Spending(sn) : defaults.Spending;
        double beta = Beta(m, alpha) ?? defaults.Beta;
        SpendingFunction? betaSpending = m.Get("beta_spending") is { } bsn ? DesignInputs.Spending(bsn) : null;
        bool binding = m.Boolean("binding") ?? defaults.BindingFutility;
        if (binding && betaSpending is null) throw m.Require("binding").Error("binding futility needs 'beta_spending'");

        var options = new GroupSequentialOptions
        {
            Looks = looks, Information = information, Alpha = alpha, TwoSided = twoSided, Spending = spending,
            Beta = beta, BetaSpending = betaSpending, BindingFutility = binding,
        };
        return DesignInputs.Check(() => { GroupSequential.Validate(options); return options; },
            input => (m, input == nameof(GroupSequentialOptions.Beta) && m.Has("power") ? "power" : DesignInputs.DesignKey(input)));
    }

    /// <summary>Information fractions: each in <see cref="DesignLimits.InformationFraction"/>, increasing, the last exactly 1.</summary>
    private static IReadOnlyList<double> Information(YNode node)
    {
        var items = node.Items();
        if (items.Count == 0) throw node.Error("give at least one information fraction");
        var information = new double[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            double t = items[i].Number();
            if (!DesignLimits.InformationFraction.Contains(t))
                throw items[i].Error($"information fraction {YNode.Text(t)} must lie in {DesignLimits.InformationFraction}");
            if (i > 0 && !(t > information[i - 1]))
                throw items[i].Error($"information fractions must increase; {YNode.Text(t)} follows {YNode.Text(information[i - 1])}");
            information[i] = t;
        }
        if (information[^1] != 1) throw items[^1].Error($"the last information fraction is {YNode.Text(information[^1])}; it must be 1 (the final analysis)");
        return new ValueList<double>(information);
    }

    /// <summary>β from <c>beta</c> or from <c>power</c> = 1 − β (not both), in <see cref="DesignLimits.Beta"/>; null when neither is given.</summary>
    private static double? Beta(YMap m, double alpha)
    {
        var betaNode = m.Get("beta");
        var powerNode = m.Get("power");
        if (betaNode is not null && powerNode is not null) throw powerNode.Value.Error("give either 'beta' or 'power' (= 1 − beta), not both");
        var range = DesignLimits.Beta(alpha);
        if (betaNode is { } bn) return bn.Number(range, expected: $"it must lie in (0, 1 − alpha) = {range}");
        if (powerNode is not { } pn) return null;
        double power = pn.Number();
        if (!range.Contains(1 - power)) throw pn.Error($"power = {YNode.Text(power)}; it must lie in (alpha, 1) = ({YNode.Text(alpha)}, 1)");
        return 1 - power;
    }

    private static double HazardRatio(YNode node)
    {
        const string expected = "it must be positive and different from 1";
        double hr = node.Number(DesignLimits.Positive, expected: expected);
        if (hr == 1) throw node.Error($"hazard_ratio = 1; {expected}");
        return hr;
    }
}
