using Evident.Protocol;

namespace Evident.Randomization;

/// <summary>A trial as registered in the service's database.</summary>
/// <param name="Id">The trial id (the protocol's <c>trial.id</c>).</param>
/// <param name="Protocol">The parsed protocol, as stored at creation.</param>
/// <param name="Blinded">Whether arms are hidden from every role but the unblinded statistician.</param>
/// <param name="CreatedAt">When the trial was created (UTC).</param>
/// <param name="ProtocolYaml">The protocol file's text exactly as given at creation (comments included); its hash is
/// <see cref="TrialProtocol.Hash"/>, printed in every report's footer.</param>
public sealed record StoredTrial(string Id, TrialProtocol Protocol, bool Blinded, DateTimeOffset CreatedAt, string ProtocolYaml);
