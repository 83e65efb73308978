using Evident.Design;
using Evident.Design.Simulation;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Evident.Protocol.Simulation;

/// <summary>
/// Reads a <see cref="SimulationScenario"/> from YAML (the scenario form of <c>evident simulate</c>; keys documented in
/// docs/simulation.md, example in examples/aall1731-simulation.yaml). Keys are snake_case; unknown keys are errors.
/// </summary>
public static class SimulationScenarioYaml
{
    /// <summary>Parses and checks a scenario.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <exception cref="ArgumentException">Malformed YAML, an unknown or missing key, or an invalid value, with its location.</exception>
    public static SimulationScenario Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        ScenarioDto dto;
        try
        {
            dto = deserializer.Deserialize<ScenarioDto?>(yaml) ?? throw new ArgumentException("The scenario file is empty.");
        }
        catch (YamlException e)
        {
            throw new ArgumentException($"Scenario YAML, line {e.Start.Line}, column {e.Start.Column}: {(e.InnerException ?? e).Message}", e);
        }

        if (dto.Subjects is not int subjects) throw new ArgumentException("Scenario: 'subjects' is missing.");
        if (dto.Strata is null || dto.Strata.Count == 0) throw new ArgumentException("Scenario: 'strata' is missing or empty.");
        if (dto.Looks is null) throw new ArgumentException("Scenario: 'looks' is missing (give 'events' or 'times').");
        if (dto.Design is null) throw new ArgumentException("Scenario: 'design' is missing.");
        if (dto.Accrual is null) throw new ArgumentException("Scenario: 'accrual' is missing.");

        var strata = new List<SimulationStratum>();
        for (int j = 0; j < dto.Strata.Count; j++)
        {
            var s = dto.Strata[j];
            string name = s.Name ?? $"stratum {j + 1}";
            var control = Hazard(s.ControlMedian, s.ControlHazard, $"strata[{j}] ('{name}') control") ??
                throw new ArgumentException($"Scenario: stratum '{name}' needs 'control_median' or 'control_hazard'.");
            var competing = Hazard(s.CompetingMedian, s.CompetingHazard, $"strata[{j}] ('{name}') competing");
            strata.Add(new SimulationStratum(name, s.Proportion ?? 1.0, control,
                s.HazardRatio ?? throw new ArgumentException($"Scenario: stratum '{name}' needs 'hazard_ratio'."), competing));
        }

        PiecewiseAccrual accrual;
        if (dto.Accrual.Pieces is { Count: > 0 } pieces)
        {
            if (dto.Accrual.End is not double end) throw new ArgumentException("Scenario: piecewise 'accrual' needs 'end'.");
            accrual = new PiecewiseAccrual(pieces.Select(p => p.Start).ToArray(), pieces.Select(p => p.Rate).ToArray(), end);
        }
        else
        {
            accrual = PiecewiseAccrual.Uniform(dto.Accrual.Duration ?? throw new ArgumentException("Scenario: 'accrual' needs 'duration' or 'pieces' with 'end'."));
        }

        PiecewiseHazard? dropout = null;
        if (dto.Dropout is { } d)
        {
            if (d.Hazard is { Count: > 0 } h) dropout = Pieces(h);
            else if (d.Probability is double p && p > 0)
            {
                if (!(p < 1)) throw new ArgumentException($"Scenario: dropout probability = {p}; it must lie in [0, 1).");
                dropout = PiecewiseHazard.Exponential(-Math.Log(1 - p) / (d.Time ?? 12));
            }
        }

        LookSchedule looks = (dto.Looks.Events, dto.Looks.Times) switch
        {
            ({ Count: > 0 } e, null) => LookSchedule.AtEvents(e.ToArray()),
            (null, { Count: > 0 } t) => LookSchedule.AtTimes(t.ToArray()),
            _ => throw new ArgumentException("Scenario: 'looks' needs exactly one of 'events' and 'times'."),
        };

        var g = dto.Design;
        var design = new GroupSequentialOptions
        {
            Looks = g.Looks ?? looks.Values.Count,
            Information = g.Information?.ToArray(),
            Alpha = g.Alpha ?? 0.025,
            Spending = SpendingFunction.Parse(g.Spending ?? "obrien-fleming"),
            Beta = g.Beta ?? 0.2,
            BetaSpending = g.BetaSpending is { } bs ? SpendingFunction.Parse(bs) : null,
            BindingFutility = g.Binding ?? false,
        };

        var scenario = new SimulationScenario
        {
            Subjects = subjects,
            Strata = strata.AsReadOnly(),
            Accrual = accrual,
            Dropout = dropout,
            Looks = looks,
            Design = design,
            Stratified = dto.Stratified ?? true,
        };
        SurvivalSimulation.Validate(scenario);
        return scenario;
    }

    private static PiecewiseHazard? Hazard(double? median, List<PieceDto>? pieces, string what)
    {
        if (median is not null && pieces is not null) throw new ArgumentException($"Scenario: {what}: give a median or a hazard, not both.");
        if (median is double m) return PiecewiseHazard.FromMedian(m);
        return pieces is { Count: > 0 } ? Pieces(pieces) : null;
    }

    private static PiecewiseHazard Pieces(List<PieceDto> pieces) =>
        new(pieces.Select(p => p.Start).ToArray(), pieces.Select(p => p.Rate).ToArray());

    // YAML shapes (snake_case keys). Settable because the deserializer fills them; never leave this file.
    private sealed class ScenarioDto
    {
        public int? Subjects { get; set; }
        public AccrualDto? Accrual { get; set; }
        public DropoutDto? Dropout { get; set; }
        public bool? Stratified { get; set; }
        public LooksDto? Looks { get; set; }
        public DesignDto? Design { get; set; }
        public List<StratumDto>? Strata { get; set; }
    }

    private sealed class AccrualDto
    {
        public double? Duration { get; set; }
        public List<AccrualPieceDto>? Pieces { get; set; }
        public double? End { get; set; }
    }

    private sealed class AccrualPieceDto
    {
        public double Start { get; set; }
        public double Rate { get; set; }
    }

    private sealed class DropoutDto
    {
        public double? Probability { get; set; }
        public double? Time { get; set; }
        public List<PieceDto>? Hazard { get; set; }
    }

    private sealed class LooksDto
    {
        public List<int>? Events { get; set; }
        public List<double>? Times { get; set; }
    }

    private sealed class DesignDto
    {
        public int? Looks { get; set; }
        public List<double>? Information { get; set; }
        public double? Alpha { get; set; }
        public string? Spending { get; set; }
        public double? Beta { get; set; }
        public string? BetaSpending { get; set; }
        public bool? Binding { get; set; }
    }

    private sealed class StratumDto
    {
        public string? Name { get; set; }
        public double? Proportion { get; set; }
        public double? ControlMedian { get; set; }
        public List<PieceDto>? ControlHazard { get; set; }
        public double? HazardRatio { get; set; }
        public double? CompetingMedian { get; set; }
        public List<PieceDto>? CompetingHazard { get; set; }
    }

    private sealed class PieceDto
    {
        public double Start { get; set; }
        public double Rate { get; set; }
    }
}
