namespace FactCheck.Claims.Caching;

/// <summary>What one load through a <see cref="ParsedFileCache"/> did.</summary>
/// <param name="Files">Claims files loaded.</param>
/// <param name="Hits">Files taken from the cache, not read or parsed.</param>
/// <param name="Stored">Entries written (files parsed this time, unless they changed while being read).</param>
public sealed record CacheStatistics(int Files, int Hits, int Stored);
