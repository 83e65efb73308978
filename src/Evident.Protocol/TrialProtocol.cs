using System.Security.Cryptography;
using System.Text;
using Evident.Protocol.Yaml;

namespace Evident.Protocol;

/// <summary>
/// A trial's protocol and statistical analysis plan, read from one YAML file (documented key by key in docs/protocol.md,
/// JSON Schema docs/protocol.schema.json, example examples/aall1731/protocol.yaml). <c>evident analyze</c> turns data into
/// the DSMB report with it; the randomization service reads the same file for arms, strata, allocation ratio, method and
/// block sizes. Immutable; records and lists compare by value.
/// </summary>
/// <remarks>
/// The parser is strict: an unknown key (a typo), a value of the wrong type or out of range, a reference to an arm,
/// stratification factor, level, covariate, component or endpoint that is not defined, two control arms or none, an
/// allocation ratio that does not match the arms, a block size that is not a multiple of the ratio's sum, or a design
/// value out of range is a <see cref="ProtocolException"/> naming the file, line and key.
/// </remarks>
/// <param name="Trial">Identity: id, title, sponsor, registration, version, citation.</param>
/// <param name="Summary">Learning objective and abbreviations for the clinician summary.</param>
/// <param name="TimeUnit">Unit of every time in the protocol and the analysis; default months (365.25/12 days).</param>
/// <param name="Arms">The arms (at least two, distinct ids, exactly one control), in file order.</param>
/// <param name="Allocation">Allocation ratio, method and block sizes or minimization settings.</param>
/// <param name="Strata">Stratification factors and their levels; may be empty.</param>
/// <param name="Sites">Participating sites; may be empty.</param>
/// <param name="Covariates">Other baseline characteristics (for subgroups); may be empty.</param>
/// <param name="Eligibility">Eligibility questions asked at randomization; may be empty.</param>
/// <param name="Components">Event components endpoints are built from.</param>
/// <param name="Endpoints">Endpoints (at least one).</param>
/// <param name="Data">Column mapping for the simple layout and/or ADaM.</param>
/// <param name="Design">The group-sequential design, or null.</param>
/// <param name="Analyses">The analysis plan.</param>
/// <param name="SourceName">The file name given to <see cref="Parse"/> or <see cref="Load"/>, used in messages.</param>
/// <param name="Hash">SHA-256 of the file's bytes, 64 lowercase hex digits, for the report footer.</param>
public sealed record TrialProtocol(
    TrialIdentity Trial,
    ClinicianSummary Summary,
    TimeUnit TimeUnit,
    IReadOnlyList<TrialArm> Arms,
    AllocationPlan Allocation,
    IReadOnlyList<StratificationFactor> Strata,
    IReadOnlyList<TrialSite> Sites,
    IReadOnlyList<Covariate> Covariates,
    IReadOnlyList<EligibilityQuestion> Eligibility,
    IReadOnlyList<EventComponent> Components,
    IReadOnlyList<Endpoint> Endpoints,
    DataMapping Data,
    ProtocolDesign? Design,
    AnalysisPlan Analyses,
    string SourceName,
    string Hash)
{
    /// <summary>How often participants are seen for follow-up (<c>follow_up_schedule</c>), or null when the protocol does not say.</summary>
    public FollowUpSchedule? FollowUpSchedule { get; init; }

    /// <summary>The adverse-event term list with organ classes (<c>adverse_event_terms</c>), or null when the protocol has none.</summary>
    public AdverseEventTerms? AdverseEventTerms { get; init; }

    /// <summary>The control arm (exactly one arm is the control).</summary>
    public TrialArm Control => Arms.First(a => a.IsControl);

    /// <summary>The arm with the given id.</summary>
    /// <param name="id">An arm id.</param>
    /// <exception cref="KeyNotFoundException">No arm has that id.</exception>
    public TrialArm Arm(string id) => Arms.FirstOrDefault(a => a.Id == id) ?? throw new KeyNotFoundException($"Arm '{id}' is not defined.");

    /// <summary>The endpoint with the given id.</summary>
    /// <param name="id">An endpoint id.</param>
    /// <exception cref="KeyNotFoundException">No endpoint has that id.</exception>
    public Endpoint Endpoint(string id) =>
        Endpoints.FirstOrDefault(e => e.Id == id) ?? throw new KeyNotFoundException($"Endpoint '{id}' is not defined.");

    /// <summary>The endpoint of the primary analysis.</summary>
    public Endpoint PrimaryEndpoint => Endpoint(Analyses.Primary.Endpoint);

    /// <summary>Parses and validates a protocol from YAML text; <see cref="Hash"/> is the SHA-256 of its UTF-8 bytes.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">File name for messages, e.g. <c>protocol.yaml</c>.</param>
    /// <exception cref="ProtocolException">The text is not a valid protocol; the message names the line and key.</exception>
    public static TrialProtocol Parse(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        return ProtocolParser.Parse(yaml, sourceName, Sha256(Encoding.UTF8.GetBytes(yaml)));
    }

    /// <summary>
    /// Reads, parses and validates a protocol file (UTF-8, with or without a byte-order mark); <see cref="Hash"/> is the
    /// SHA-256 of the file's bytes exactly as stored, and <see cref="SourceName"/> the file's name.
    /// </summary>
    /// <param name="path">Path of the YAML file.</param>
    /// <exception cref="ProtocolException">The file is not a valid protocol.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static TrialProtocol Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes = File.ReadAllBytes(path);
        ReadOnlySpan<byte> text = bytes;
        if (text.StartsWith(Encoding.UTF8.Preamble)) text = text[Encoding.UTF8.Preamble.Length..];
        string yaml;
        try
        {
            yaml = new UTF8Encoding(false, true).GetString(text);
        }
        catch (DecoderFallbackException e)
        {
            throw new ProtocolException(Path.GetFileName(path), 0, 0, "", "the file is not valid UTF-8 text", e);
        }
        return ProtocolParser.Parse(yaml, Path.GetFileName(path), Sha256(bytes));
    }

    /// <summary>
    /// The protocol as canonical YAML: every key in documented order, defaults written out, comments dropped. Parsing the
    /// result gives a protocol equal to this one (apart from <see cref="SourceName"/> and <see cref="Hash"/>).
    /// </summary>
    public string ToYaml() => ProtocolWriter.Write(this);

    private static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
