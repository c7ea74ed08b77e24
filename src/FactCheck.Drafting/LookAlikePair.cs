using FactCheck.Claims.Model;

namespace FactCheck.Drafting;

/// <summary>Two recorded claims of the same speaker with near-same words and no link between them.</summary>
public sealed record LookAlikePair(Claim First, Claim Second, double Similarity, string FirstWords, string SecondWords);
