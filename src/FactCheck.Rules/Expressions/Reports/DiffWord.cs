namespace FactCheck.Rules.Expressions.Reports;

/// <summary>One printed word of a wording, and whether it differs from the reference wording.</summary>
public readonly record struct DiffWord(string Text, bool Changed);
