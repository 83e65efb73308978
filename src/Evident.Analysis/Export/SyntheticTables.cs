using System.Globalization;
using Evident.Data;
using Evident.Data.Xpt;
using Evident.Trials.Protocol;
using Evident.Trials.Synthetic;

namespace Evident.Analysis.Export;

/// <summary>
/// A synthetic trial as data files, in the protocol's simple layout (participants + adverse events) and as CDISC ADaM
/// (ADSL, ADTTE, ADAE), so the same trial can be analysed from either and the results compared.
/// </summary>
/// <remarks>
/// ADTTE holds one row per participant and endpoint: <c>CNSR</c> 0 with <c>EVNTDESC</c> = the first description the
/// protocol maps for the component, or <c>CNSR</c> 1 at last contact (<c>CNSDTDSC</c> = <c>LAST CONTACT</c>);
/// <c>AVAL</c> = <c>ADT − STARTDT</c> in days.
/// </remarks>
public static class SyntheticTables
{
    /// <summary>Writes <c>participants.EXT</c> and <c>adverse_events.EXT</c> in the simple layout.</summary>
    /// <param name="data">The trial.</param>
    /// <param name="directory">Destination directory (created).</param>
    /// <param name="format">CSV or Parquet.</param>
    /// <returns>The participant file and the adverse-event file.</returns>
    public static (string Participants, string AdverseEvents) WriteSimple(SyntheticTrialData data, string directory, DataFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (format == DataFileFormat.Xpt) throw new ArgumentException("the simple layout is written as CSV or Parquet.", nameof(format));
        Directory.CreateDirectory(directory);
        var (participants, events) = Simple(data);
        string ext = format == DataFileFormat.Csv ? ".csv" : ".parquet";
        string p = Path.Combine(directory, "participants" + ext), a = Path.Combine(directory, "adverse_events" + ext);
        Write(participants, p, format);
        Write(events, a, format);
        return (p, a);
    }

    /// <summary>Writes <c>adsl</c>, <c>adtte</c> and <c>adae</c> in <paramref name="format"/> into <paramref name="directory"/>.</summary>
    /// <param name="data">The trial.</param>
    /// <param name="directory">Destination directory (created).</param>
    /// <param name="format">CSV, Parquet or XPT.</param>
    public static void WriteAdam(SyntheticTrialData data, string directory, DataFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(data);
        Directory.CreateDirectory(directory);
        var (adsl, adtte, adae) = Adam(data, sasDates: format == DataFileFormat.Xpt);
        foreach (var (name, table, label) in new[] { ("ADSL", adsl, "Subject-Level Analysis Dataset"), ("ADTTE", adtte, "Time-to-Event Analysis Dataset"), ("ADAE", adae, "Adverse Events Analysis Dataset") })
        {
            string path = Path.Combine(directory, name.ToLowerInvariant() + format switch { DataFileFormat.Csv => ".csv", DataFileFormat.Parquet => ".parquet", _ => ".xpt" });
            if (format == DataFileFormat.Xpt)
            {
                var dates = table.Columns.Where(c => c.Name.EndsWith("DT", StringComparison.Ordinal) && c.Kind == ColumnKind.Numeric)
                                 .Select(c => new XportColumn(c.Name) { Format = "DATE9." }).ToArray();
                XportWriter.Write(path, [new XportDataSet(name, table) { Label = label, Columns = dates }], new DateTime(2024, 6, 30));
            }
            else
            {
                Write(table, path, format);
            }
        }
    }

    /// <summary>The participant and adverse-event tables of the simple layout (columns as the protocol's <c>data.simple</c> names them).</summary>
    /// <param name="data">The trial.</param>
    public static (DataTable Participants, DataTable AdverseEvents) Simple(SyntheticTrialData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var protocol = data.Protocol;
        var map = protocol.Data.Simple ?? throw new ArgumentException("the protocol has no data.simple mapping.", nameof(data));
        var rows = data.Participants;
        var columns = new List<DataColumn>
        {
            DataColumn.FromText(map.Participant, rows.Select(r => (string?)r.ParticipantId).ToArray()),
            DataColumn.FromText(map.Arm.Column, rows.Select(r => (string?)DataValue(map.Arm, r.Arm)).ToArray()),
        };
        if (map.Site is not null) columns.Add(DataColumn.FromText(map.Site, rows.Select(r => (string?)r.Site).ToArray()));
        foreach (var binding in map.Strata)
        {
            int f = protocol.Strata.ToList().FindIndex(x => x.Id == binding.Concept);
            columns.Add(DataColumn.FromText(binding.Column, rows.Select(r => (string?)DataValue(binding, r.Strata[f])).ToArray()));
        }
        foreach (var binding in map.Covariates)
        {
            int v = protocol.Covariates.ToList().FindIndex(x => x.Id == binding.Concept);
            columns.Add(DataColumn.FromText(binding.Column, rows.Select(r => (string?)DataValue(binding, r.Covariates[v])).ToArray()));
        }
        columns.Add(DataColumn.FromText(map.Randomized, rows.Select(r => (string?)Iso(r.Randomized)).ToArray()));
        columns.Add(DataColumn.FromText(map.LastContact, rows.Select(r => (string?)Iso(r.LastContact)).ToArray()));
        foreach (var group in map.Events.GroupBy(e => e.DateColumn))
        {
            var components = group.ToArray();
            columns.Add(DataColumn.FromText(group.Key, rows.Select(r => components.Any(c => c.Component == r.FirstEvent) ? Iso(r.FirstEventDate!.Value) : null).ToArray()));
            if (components[0].TypeColumn is { } typeColumn)
                columns.Add(DataColumn.FromText(typeColumn, rows.Select(r => components.FirstOrDefault(c => c.Component == r.FirstEvent)?.TypeValues[0]).ToArray()));
        }
        var ae = map.AdverseEvents ?? new AdverseEventColumns("participant_id", "term", "grade");
        var events = new DataTable("adverse_events", [
            DataColumn.FromText(ae.Participant, data.AdverseEvents.Select(e => (string?)e.ParticipantId).ToArray()),
            DataColumn.FromText(ae.Term, data.AdverseEvents.Select(e => (string?)e.Term).ToArray()),
            DataColumn.FromNumbers(ae.Grade, data.AdverseEvents.Select(e => (double)e.Grade).ToArray()),
        ]);
        return (new DataTable("participants", columns), events);
    }

    /// <summary>ADSL, ADTTE and ADAE (columns as the protocol's <c>data.adam</c> names them).</summary>
    /// <param name="data">The trial.</param>
    /// <param name="sasDates">True: dates as SAS date numbers (for XPT); false: yyyy-mm-dd text.</param>
    public static (DataTable Adsl, DataTable Adtte, DataTable Adae) Adam(SyntheticTrialData data, bool sasDates)
    {
        ArgumentNullException.ThrowIfNull(data);
        var protocol = data.Protocol;
        var map = protocol.Data.Adam ?? throw new ArgumentException("the protocol has no data.adam mapping.", nameof(data));
        var rows = data.Participants;
        var adsl = new List<DataColumn>
        {
            DataColumn.FromText(map.Participant, rows.Select(r => (string?)r.ParticipantId).ToArray()),
            DataColumn.FromText(map.Arm.Column, rows.Select(r => (string?)DataValue(map.Arm, r.Arm)).ToArray()),
            DataColumn.FromText(map.Site, rows.Select(r => (string?)r.Site).ToArray()),
        };
        foreach (var binding in map.Strata)
        {
            int f = protocol.Strata.ToList().FindIndex(x => x.Id == binding.Concept);
            adsl.Add(DataColumn.FromText(binding.Column, rows.Select(r => (string?)DataValue(binding, r.Strata[f])).ToArray()));
        }
        foreach (var binding in map.Covariates)
        {
            int v = protocol.Covariates.ToList().FindIndex(x => x.Id == binding.Concept);
            adsl.Add(DataColumn.FromText(binding.Column, rows.Select(r => (string?)DataValue(binding, r.Covariates[v])).ToArray()));
        }
        adsl.Add(Dates(map.Randomized, rows.Select(r => (DateOnly?)r.Randomized).ToArray(), sasDates));

        var id = new List<string?>();
        var param = new List<string?>();
        var aval = new List<double>();
        var cnsr = new List<double>();
        var start = new List<DateOnly?>();
        var end = new List<DateOnly?>();
        var description = new List<string?>();
        var censorDescription = new List<string?>();
        foreach (var r in rows)
        {
            foreach (var p in map.Parameters)
            {
                var endpoint = protocol.Endpoint(p.Endpoint);
                bool isEvent = r.FirstEvent is not null && endpoint.Components.Contains(r.FirstEvent);
                var adt = isEvent ? r.FirstEventDate!.Value : r.LastContact;
                id.Add(r.ParticipantId);
                param.Add(p.ParamCode);
                aval.Add(adt.DayNumber - r.Randomized.DayNumber);
                cnsr.Add(isEvent ? 0 : 1);
                start.Add(r.Randomized);
                end.Add(adt);
                description.Add(isEvent ? map.Events.First(e => e.Component == r.FirstEvent).Descriptions[0] : null);
                censorDescription.Add(isEvent ? null : "LAST CONTACT");
            }
        }
        var adtte = new DataTable("adtte", [
            DataColumn.FromText(map.Participant, id), DataColumn.FromText("PARAMCD", param), DataColumn.FromNumbers("AVAL", aval.ToArray()),
            DataColumn.FromNumbers("CNSR", cnsr.ToArray()), Dates("STARTDT", start, sasDates), Dates("ADT", end, sasDates),
            DataColumn.FromText("EVNTDESC", description), DataColumn.FromText("CNSDTDSC", censorDescription),
        ]);
        var adae = new DataTable("adae", [
            DataColumn.FromText(map.Participant, data.AdverseEvents.Select(e => (string?)e.ParticipantId).ToArray()),
            DataColumn.FromText(map.AdverseEvents.Term, data.AdverseEvents.Select(e => (string?)e.Term).ToArray()),
            DataColumn.FromNumbers(map.AdverseEvents.Grade, data.AdverseEvents.Select(e => (double)e.Grade).ToArray()),
        ]);
        return (new DataTable("adsl", adsl), adtte, adae);
    }

    private static DataColumn Dates(string name, IReadOnlyList<DateOnly?> dates, bool sas) =>
        sas ? DataColumn.FromNumbers(name, dates.Select(d => d is { } x ? SasCalendar.FromDate(x) : double.NaN).ToArray())
            : DataColumn.FromText(name, dates.Select(d => d is { } x ? Iso(x) : null).ToArray());

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DataValue(ColumnBinding binding, string code) =>
        binding.Values.FirstOrDefault(v => v.Code == code)?.DataValue ?? code;

    private static void Write(DataTable table, string path, DataFileFormat format)
    {
        if (format == DataFileFormat.Csv) TableWriter.WriteCsv(table, path);
        else TableWriter.WriteParquet(table, path);
    }
}
