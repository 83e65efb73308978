using Evident.Data;
using Evident.Data.Adam;
using Evident.Protocol;

namespace Evident.Analysis.Input;

/// <summary>
/// Reads CDISC ADaM data (protocol <c>data.adam</c>) from CSV, TSV, Parquet or SAS XPORT files: ADSL (one row per
/// participant), ADTTE (one row per participant and endpoint parameter) and optionally ADAE (one row per event).
/// </summary>
/// <remarks>
/// ADTTE columns: <c>PARAMCD</c> selects the endpoint; <c>CNSR</c> = 0 is an event and &gt; 0 a censoring (ADaM
/// convention); <c>STARTDT</c> the start of time (default the ADSL randomization date); <c>ADT</c> the date of the event or
/// censoring (when absent, <c>STARTDT + AVAL</c> with <c>AVAL</c> in days); <c>EVNTDESC</c> of an event names the
/// component through the protocol's <c>data.adam.adtte.events</c>. Rows of other parameters are ignored. Errors name
/// the file, row, column and value: duplicate or unknown participant, unknown arm or level, a participant without a row
/// for an endpoint, a second row for one, an unknown event description, an end before the start. A column the protocol
/// names (or implies by a default such as <c>USUBJID</c>) but a file lacks is reported at the protocol's line and key.
/// ADSL's end-of-treatment and end-of-study variables, when present, give the off-study records (<see cref="AdamOffStudy"/>).
/// </remarks>
public static class AdamLayoutReader
{
    private const string ParamCode = "PARAMCD", Value = "AVAL", Censor = "CNSR", StartDate = "STARTDT", EndDate = "ADT", Description = "EVNTDESC";

    /// <summary>Reads the data sets.</summary>
    /// <param name="protocol">The protocol (its <c>data.adam</c> mapping is used).</param>
    /// <param name="files">The ADSL, ADTTE and optional ADAE files.</param>
    /// <exception cref="DataInputException">The data do not fit the protocol (see remarks).</exception>
    public static TrialData Read(TrialProtocol protocol, AdamFiles files)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(files);
        var map = protocol.Data.Adam
                  ?? throw new DataInputException($"{protocol.SourceName}: the protocol has no data.adam mapping, so '{files.Adsl}' cannot be read as ADaM.", files.Adsl);

        var columns = new List<string> { map.Participant, map.Arm.Column, map.Randomized };
        if (!string.IsNullOrEmpty(map.Site)) columns.Add(map.Site);
        columns.AddRange(map.Strata.Select(s => s.Column));
        columns.AddRange(map.Covariates.Select(c => c.Column));
        var adsl = ReadEveryColumn(protocol, DataTableRole.Adsl, files.Adsl, columns.Where(c => c != map.Site).Distinct());
        var id = adsl[map.Participant];
        var arm = adsl[map.Arm.Column];
        var randomized = adsl[map.Randomized];
        adsl.TryGetColumn(map.Site, out var site);
        var strata = map.Strata.Select(s => (Factor: protocol.Strata.First(f => f.Id == s.Concept), Binding: s, Column: adsl[s.Column])).ToArray();
        var covariates = protocol.Covariates.Select(c => map.Covariates.FirstOrDefault(b => b.Concept == c.Id) is { } b
            ? (Covariate: c, Binding: b, Column: (DataColumn?)adsl[b.Column]) : (c, null!, null)).ToArray();

        int n = adsl.RowCount;
        var index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        var ids = new string[n];
        var arms = new int[n];
        var levels = new int[n][];
        var covariateValues = new string?[n][];
        var starts = new DateOnly[n];
        for (int row = 0; row < n; row++)
        {
            string who = DataErrors.RequiredText(adsl, id, row, "participant id");
            if (!index.TryAdd(who, row)) throw DataErrors.Bad(adsl, row, id.Name, who, $"is a duplicate participant: it is also in row {index[who] + 1}");
            ids[row] = who;
            arms[row] = DataErrors.Arm(protocol, map.Arm, adsl, arm, row);
            levels[row] = new int[protocol.Strata.Count];
            foreach (var (factor, binding, column) in strata)
                levels[row][protocol.Strata.ToList().IndexOf(factor)] = DataErrors.Level(factor, binding, adsl, column, row);
            covariateValues[row] = covariates.Select<(Covariate Covariate, ColumnBinding Binding, DataColumn? Column), string?>(c => c.Column is null ? null : DataErrors.Covariate(c.Covariate, c.Binding, adsl, c.Column, row)).ToArray();
            starts[row] = DataErrors.RequiredDate(adsl, randomized, row, "randomization date");
        }

        var outcomes = ReadOutcomes(protocol, map, files.Adtte, index, starts);
        var participants = new TrialParticipant[n];
        for (int i = 0; i < n; i++)
            participants[i] = new TrialParticipant(ids[i], arms[i], Array.AsReadOnly(levels[i]), Array.AsReadOnly(covariateValues[i]),
                                                   site is null ? null : site.Format(i), starts[i], Array.AsReadOnly(outcomes[i])).FromAdsl(protocol, adsl, i);

        var events = new List<AdverseEventRecord>();
        string source = $"{files.Adsl}, {files.Adtte}";
        if (files.Adae is not null)
        {
            var ae = new AdverseEventColumns(map.Participant, map.AdverseEvents.Term, map.AdverseEvents.Grade) { Serious = map.AdverseEvents.Serious };
            var adae = MappedTable.Read(protocol, DataTableRole.Adae, files.Adae, new[] { ae.Participant, ae.Term, ae.Grade, ae.Serious }.OfType<string>().Distinct().ToArray());
            events = DataErrors.AdverseEvents(adae, ae, index, files.Adsl);
            source += ", " + files.Adae;
        }
        return new TrialData(Array.AsReadOnly(participants), events.AsReadOnly(), source, DataLayout.Adam) { OffStudyRecorded = AdamOffStudy.Kinds(adsl) };
    }

    private static EndpointOutcome[][] ReadOutcomes(TrialProtocol protocol, AdamMapping map, string path, Dictionary<string, int> index, DateOnly[] starts)
    {
        var adtte = TableReader.Read(path);
        var id = MappedTable.Column(protocol, DataTableRole.Adtte, adtte, map.Participant);
        var param = Column(adtte, ParamCode);
        var censor = Column(adtte, Censor);
        adtte.TryGetColumn(Value, out var aval);
        adtte.TryGetColumn(StartDate, out var startDate);
        adtte.TryGetColumn(EndDate, out var endDate);
        adtte.TryGetColumn(Description, out var description);
        if (aval is null && endDate is null)
            throw new DataInputException($"{path}: ADTTE has neither an ADT nor an AVAL column; one of them gives the end of follow-up.", path, null, EndDate);

        var endpointOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in map.Parameters) endpointOf[p.ParamCode] = protocol.Endpoints.ToList().FindIndex(e => e.Id == p.Endpoint);
        var outcomes = new EndpointOutcome[starts.Length][];
        for (int i = 0; i < outcomes.Length; i++) outcomes[i] = new EndpointOutcome[protocol.Endpoints.Count];
        var seenRow = new int[starts.Length, protocol.Endpoints.Count];

        for (int row = 0; row < adtte.RowCount; row++)
        {
            string code = DataErrors.RequiredText(adtte, param, row, "parameter code");
            if (!endpointOf.TryGetValue(code, out int e) || e < 0) continue;
            var endpoint = protocol.Endpoints[e];
            string who = DataErrors.RequiredText(adtte, id, row, "participant id");
            if (!index.TryGetValue(who, out int p)) throw DataErrors.Bad(adtte, row, id.Name, who, "is not a participant of ADSL");
            if (seenRow[p, e] > 0) throw DataErrors.Bad(adtte, row, id.Name, who, $"has a second row for PARAMCD '{code}' (the first is row {seenRow[p, e]})");
            seenRow[p, e] = row + 1;

            bool isEvent = CensoringFlag(adtte, censor, row) == 0;
            var start = startDate is null ? starts[p] : StudyDate.At(adtte, startDate, row) ?? starts[p];
            var end = End(adtte, row, start, endDate, aval);
            int component = isEvent ? EventComponent(protocol, map, adtte, description, row, code, endpoint) : -1;
            outcomes[p][e] = new EndpointOutcome(start, end, component);
        }
        foreach (var (code, e) in endpointOf)
        {
            if (e < 0) continue;
            for (int p = 0; p < starts.Length; p++)
                if (seenRow[p, e] == 0)
                    throw new DataInputException($"{path}: participant '{index.First(kv => kv.Value == p).Key}' has no row with PARAMCD '{code}'.", path, null, ParamCode, code);
        }
        return outcomes;
    }

    /// <summary>CNSR: 0 for an event, a positive whole number for a censoring.</summary>
    private static double CensoringFlag(DataTable adtte, DataColumn censor, int row)
    {
        double cnsr = censor.Kind == ColumnKind.Text ? double.NaN : censor.Numbers[row];
        if (censor.Kind == ColumnKind.Text && double.TryParse(censor.Format(row), System.Globalization.CultureInfo.InvariantCulture, out double parsed)) cnsr = parsed;
        if (!(cnsr >= 0) || cnsr != Math.Floor(cnsr))
            throw DataErrors.Bad(adtte, row, Censor, censor.Format(row), "is not a censoring flag; CNSR is 0 for an event and a positive whole number for a censoring");
        return cnsr;
    }

    /// <summary>The end of follow-up: ADT, else the start plus AVAL days; not before the start.</summary>
    private static DateOnly End(DataTable adtte, int row, DateOnly start, DataColumn? endDate, DataColumn? aval)
    {
        DateOnly end;
        if (endDate is not null && StudyDate.At(adtte, endDate, row) is { } adt) end = adt;
        else if (aval is not null && aval.Kind != ColumnKind.Text && !aval.IsMissing(row)) end = start.AddDays((int)Math.Round(aval.Numbers[row]));
        else throw DataErrors.Missing(adtte, row, endDate?.Name ?? Value, "end of follow-up (ADT or AVAL)");
        if (end < start)
            throw DataErrors.Bad(adtte, row, endDate?.Name ?? Value, end.ToString("yyyy-MM-dd"), $"is before the start date {start:yyyy-MM-dd}; an event cannot precede randomization");
        return end;
    }

    /// <summary>The component of an event row, from its EVNTDESC among the endpoint's mapped descriptions.</summary>
    private static int EventComponent(TrialProtocol protocol, AdamMapping map, DataTable adtte, DataColumn? description, int row, string code, Endpoint endpoint)
    {
        string text = description is null ? "" : description.Format(row)?.Trim() ?? "";
        foreach (var events in map.Events)
            if (endpoint.Components.Contains(events.Component) && events.Descriptions.Contains(text))
                return protocol.Components.ToList().FindIndex(c => c.Id == events.Component);
        throw DataErrors.Bad(adtte, row, Description, text,
            $"is not an event description the protocol maps for PARAMCD '{code}'; expected one of {string.Join(", ", map.Events.Where(x => endpoint.Components.Contains(x.Component)).SelectMany(x => x.Descriptions))}");
    }

    private static DataColumn Column(DataTable table, string name) =>
        table.TryGetColumn(name, out var column) ? column
            : throw new DataInputException($"{table.Source}: column '{name}' not found; the file has {string.Join(", ", table.Columns.Select(c => c.Name))}.", table.Source, null, name);

    /// <summary>Every column of the file (ADSL's optional site and off-study variables among them), the required ones checked.</summary>
    private static DataTable ReadEveryColumn(TrialProtocol protocol, DataTableRole role, string path, IEnumerable<string> required)
    {
        var all = MappedTable.Read(protocol, role, path, null);
        foreach (string c in required) MappedTable.Column(protocol, role, all, c);
        return all;
    }
}
