using System.Text;

namespace Evident.Data.Tests.Xpt;

/// <summary>
/// Builds XPORT v5 files byte by byte from the TS-140 record layout, independently of <c>XportWriter</c>, so the
/// reader is checked against the specification and not only against our own writer. Numbers are given as raw
/// 8-byte (or shorter) IBM patterns computed by hand.
/// </summary>
internal sealed class SpecXptBuilder
{
    private readonly List<byte> bytes = [];

    public sealed record Var(short Type, short Length, string Name, int Position, string Label = "", string Format = "", short FormatLength = 0, short FormatDecimals = 0);

    public SpecXptBuilder()
    {
        Record("HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000  ");
        Record("SAS     SAS     SASLIB  9.4     X64_7PRO                        01JAN24:10:20:30");
        Record("02FEB24:11:21:31");
    }

    public SpecXptBuilder Member(string name, string label, IReadOnlyList<Var> variables, byte[] observations, int namestrLength = 140)
    {
        Record($"HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000{namestrLength:000}  ");
        Record("HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!000000000000000000000000000000  ");
        Record($"SAS     {name,-8}SASDATA 9.4     X64_7PRO                        03MAR95:01:02:03");
        Record($"04APR24:04:05:06                {label,-40}DATA    ");
        Record($"HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000{variables.Count:0000}00000000000000000000  ");
        var namestrs = new List<byte>();
        for (int i = 0; i < variables.Count; i++)
        {
            var v = variables[i];
            var ns = new byte[namestrLength];
            Short(ns, 0, v.Type);
            Short(ns, 4, v.Length);
            Short(ns, 6, (short)(i + 1));
            Text(ns, 8, v.Name, 8);
            Text(ns, 16, v.Label, 40);
            Text(ns, 56, v.Format, 8);
            Short(ns, 64, v.FormatLength);
            Short(ns, 66, v.FormatDecimals);
            Text(ns, 72, "", 8);
            ns[84] = (byte)(v.Position >> 24); ns[85] = (byte)(v.Position >> 16); ns[86] = (byte)(v.Position >> 8); ns[87] = (byte)v.Position;
            namestrs.AddRange(ns);
        }
        Padded(namestrs);
        Record("HEADER RECORD*******OBS     HEADER RECORD!!!!!!!000000000000000000000000000000  ");
        Padded(observations);
        return this;
    }

    public byte[] ToArray() => [.. bytes];

    /// <summary>Concatenates byte fragments given as text ("S-001     ") or hex ("41 10 00 00 00 00 00 00") into one row.</summary>
    public static byte[] Row(params object[] parts)
    {
        var row = new List<byte>();
        foreach (var part in parts) row.AddRange(part is byte[] b ? b : Encoding.ASCII.GetBytes((string)part));
        return [.. row];
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    public static string Pad(string text, int width) => text.PadRight(width);

    private void Record(string text)
    {
        if (text.Length > 80) throw new ArgumentException($"record of {text.Length} characters");
        bytes.AddRange(Encoding.ASCII.GetBytes(text.PadRight(80)));
    }

    private void Padded(IEnumerable<byte> content)
    {
        int before = bytes.Count;
        bytes.AddRange(content);
        while ((bytes.Count - before) % 80 != 0) bytes.Add((byte)' ');
    }

    private static void Short(byte[] target, int at, short value)
    {
        target[at] = (byte)(value >> 8);
        target[at + 1] = (byte)value;
    }

    private static void Text(byte[] target, int at, string value, int width)
        => Encoding.ASCII.GetBytes(value.PadRight(width)).CopyTo(target, at);
}
