using System.Text.Json;
using Evident.Design;

namespace Evident.Reporting.Json;

/// <summary>Writes a survival sample size (<c>analysis: "sample_size_survival"</c>).</summary>
public static class SampleSizeJson
{
    /// <summary>Writes the contract's document: events, subjects, accrual and the schedule of the looks.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="result">The sample size.</param>
    public static void Write(Utf8JsonWriter json, SurvivalSampleSizeResult result)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        json.WriteStartObject();
        json.WriteString("analysis", "sample_size_survival");
        json.WriteNumber("looks", result.Design.Looks);
        json.WriteNumberOrNull("events_fixed", result.EventsFixed);
        json.WriteNumberOrNull("max_events", result.MaxEvents);
        json.WriteNumberOrNull("max_subjects", result.MaxSubjects);
        WriteOneOrMany(json, "accrual_intensity", result.AccrualIntensities);
        json.WriteNumbers("accrual_time", result.AccrualTimes);
        json.WriteNumberOrNull("follow_up", result.FollowUpTime);
        WriteOneOrMany(json, "control_hazard", result.ControlHazards);
        WriteOneOrMany(json, "treatment_hazard", result.TreatmentHazards);
        json.WriteNumbers("piecewise_time", result.PiecewiseSurvivalTimes);
        json.WriteNumbers("information", result.Design.Information);
        json.WriteNumbers("critical_values", result.Design.CriticalValues);
        json.WriteNumbers("events_per_look", result.EventsPerLook);
        json.WriteNumbers("analysis_times", result.AnalysisTimes);
        json.WriteNumbers("subjects_per_look", result.SubjectsPerLook);
        json.WriteNumberOrNull("expected_events_h0", result.ExpectedEventsH0);
        json.WriteNumberOrNull("expected_events_h1", result.ExpectedEventsH1);
        json.WriteNumberOrNull("expected_subjects_h1", result.ExpectedSubjectsH1);
        json.WriteNumberOrNull("study_duration", result.StudyDuration);
        json.WriteNumberOrNull("expected_study_duration_h1", result.ExpectedStudyDurationH1);
        json.WriteNumberOrNull("power", result.Power);
        json.WriteNumbers("effective_hazard_ratios", result.EffectiveHazardRatios);
        WriteStrata(json, result.Strata);
        json.WriteEndObject();
    }

    /// <summary><c>strata</c>: each stratum's share, hazard ratio, control hazard, subjects and expected events per look; null when unstratified.</summary>
    private static void WriteStrata(Utf8JsonWriter json, IReadOnlyList<StratumSampleSize>? strata)
    {
        if (strata is null)
        {
            json.WriteNull("strata");
            return;
        }
        json.WriteStartArray("strata");
        foreach (var s in strata)
        {
            json.WriteStartObject();
            json.WriteString("name", s.Name);
            json.WriteNumber("prevalence", s.Prevalence);
            json.WriteNumber("hazard_ratio", s.HazardRatio);
            json.WriteNumber("control_hazard", s.ControlHazard);
            json.WriteNumber("subjects", s.Subjects);
            json.WriteNumbers("events_per_look", s.EventsPerLook);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>rpact's shape: a number when there is one piece, an array of numbers when there are several.</summary>
    private static void WriteOneOrMany(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        if (values.Count == 1) json.WriteNumberOrNull(name, values[0]);
        else json.WriteNumbers(name, values);
    }
}
