using FactCheck.Claims.Model;

namespace FactCheck.Cli.Configuration;

/// <summary>A rule id named in the configuration, and where.</summary>
internal sealed record RuleReference(string Id, Location Location);
