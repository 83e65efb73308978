using Evident.Data;
using Evident.Data.Adam;
using Evident.Protocol;

namespace Evident.Analysis.Input;

/// <summary>Cell readers shared by the layouts; every failure names the file, the 1-based row, the column and the value.</summary>
internal static class DataErrors
{
    public static DataInputException Bad(DataTable table, int row, string column, string? value, string problem) =>
        new($"{table.Source}, row {row + 1}, column '{column}': value '{value}' {problem}.", table.Source, row + 1, column, value);

    public static DataInputException Missing(DataTable table, int row, string column, string what) =>
        new($"{table.Source}, row {row + 1}, column '{column}': the {what} is missing.", table.Source, row + 1, column, null);

    public static string RequiredText(DataTable table, DataColumn column, int row, string what) =>
        column.Format(row) is { Length: > 0 } text ? text.Trim() : throw Missing(table, row, column.Name, what);

    public static DateOnly RequiredDate(DataTable table, DataColumn column, int row, string what) =>
        StudyDate.At(table, column, row) ?? throw Missing(table, row, column.Name, what);

    /// <summary>The arm index of a data value through the binding's recoding.</summary>
    public static int Arm(TrialProtocol protocol, ColumnBinding binding, DataTable table, DataColumn column, int row)
    {
        string value = RequiredText(table, column, row, "arm");
        string? code = binding.CodeOf(value);
        for (int a = 0; a < protocol.Arms.Count; a++)
            if (protocol.Arms[a].Id == code) return a;
        string expected = binding.Values.Count > 0 ? string.Join(", ", binding.Values.Select(v => v.DataValue)) : string.Join(", ", protocol.Arms.Select(a => a.Id));
        throw Bad(table, row, column.Name, value, $"is not an arm of the protocol; arms are {expected}");
    }

    /// <summary>The level index of a stratification factor's data value.</summary>
    public static int Level(StratificationFactor factor, ColumnBinding binding, DataTable table, DataColumn column, int row)
    {
        string value = RequiredText(table, column, row, $"level of '{factor.Id}'");
        string? code = binding.CodeOf(value);
        int level = code is null ? -1 : factor.Levels.ToList().IndexOf(code);
        if (level < 0) throw Bad(table, row, column.Name, value, $"is not a level of stratification factor '{factor.Id}'; levels are {string.Join(", ", factor.Levels)}");
        return level;
    }

    /// <summary>A covariate's level (null when missing), checked against the protocol's levels when it lists them.</summary>
    public static string? Covariate(Covariate covariate, ColumnBinding binding, DataTable table, DataColumn column, int row)
    {
        string? value = column.Format(row)?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        string? code = binding.CodeOf(value);
        if (code is null || (covariate.Levels.Count > 0 && !covariate.Levels.Contains(code)))
            throw Bad(table, row, column.Name, value, $"is not a level of covariate '{covariate.Id}'; levels are {string.Join(", ", covariate.Levels)}");
        return code;
    }

    /// <summary>A CTCAE grade, a whole number 1–5.</summary>
    public static int Grade(DataTable table, DataColumn column, int row)
    {
        string? text = column.Format(row);
        if (column.Kind == ColumnKind.Numeric && !column.IsMissing(row))
        {
            double g = column.Numbers[row];
            if (g is >= 1 and <= 5 && g == Math.Floor(g)) return (int)g;
        }
        else if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int parsed) && parsed is >= 1 and <= 5)
        {
            return parsed;
        }
        if (text is null) throw Missing(table, row, column.Name, "grade");
        throw Bad(table, row, column.Name, text, "is not a CTCAE grade; grades are whole numbers from 1 to 5");
    }

    /// <summary>Reads the adverse-event rows of a table keyed by participant id.</summary>
    public static List<AdverseEventRecord> AdverseEvents(DataTable table, AdverseEventColumns columns, IReadOnlyDictionary<string, int> participants, string participantsSource)
    {
        var id = table[columns.Participant];
        var term = table[columns.Term];
        var grade = table[columns.Grade];
        var serious = columns.Serious is null ? null : table[columns.Serious];
        var onset = columns.Onset is null ? null : table[columns.Onset];
        var events = new List<AdverseEventRecord>(table.RowCount);
        for (int row = 0; row < table.RowCount; row++)
        {
            string who = RequiredText(table, id, row, "participant id");
            if (!participants.TryGetValue(who, out int index))
                throw Bad(table, row, id.Name, who, $"is not a participant of {participantsSource}");
            events.Add(new AdverseEventRecord(index, RequiredText(table, term, row, "adverse-event term"), Grade(table, grade, row))
            {
                Serious = serious is null ? null : YesNo(table, serious, row),
                Onset = onset is null ? null : Data.Adam.StudyDate.At(table, onset, row),
            });
        }
        return events;
    }

    /// <summary>A yes/no value (yes, no, true, false, y, n, 1, 0; any case), or null when empty.</summary>
    public static bool? YesNo(DataTable table, DataColumn column, int row)
    {
        string? text = column.Format(row)?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        return text.ToLowerInvariant() switch
        {
            "yes" or "y" or "true" or "1" => true,
            "no" or "n" or "false" or "0" => false,
            _ => throw Bad(table, row, column.Name, text, "is not a yes/no value; expected yes, no, true, false, Y, N, 1 or 0"),
        };
    }
}
