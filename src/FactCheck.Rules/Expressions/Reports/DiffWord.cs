namespace FactCheck.Rules.Expressions.Reports;

/// <summary>One word of a wording compared with a reference: printed as is, changed, or a reference word it leaves out.</summary>
/// <param name="Changed">The wording prints this word where the reference has another or none.</param>
/// <param name="Removed">A reference word the wording leaves out (not part of the wording itself).</param>
public readonly record struct DiffWord(string Text, bool Changed, bool Removed = false);
