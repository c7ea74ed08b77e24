namespace FactCheck.Drafting.Recorded;

/// <summary>One printing of a recorded claim: the source it names and the words as printed.</summary>
internal readonly record struct RecordedAppearance(string Source, string Quote);
