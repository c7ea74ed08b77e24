using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;
using FactCheck.Engine;
using FactCheck.Rules.Expressions;
using FactCheck.Rules.Expressions.Reports;
using FactCheck.Rules.Facts;

namespace FactCheck.Rules.Language;

/// <summary>Loads rule files (<c>rules/**/*.yaml</c>), compiles them, and checks what needs the whole pack.</summary>
public static class RulePackLoader
{
    /// <summary>The expression compiler rules use: the fact types, the standard library, and the date and text checks.</summary>
    public static ExpressionCompiler CreateExpressionCompiler()
    {
        var functions = FunctionLibrary.CreateStandard();
        functions.AllowClass(typeof(DateFunctions)).AllowClass(typeof(TextFunctions));
        functions.Register("dateFits", typeof(DateFunctions).GetMethod(nameof(DateFunctions.DateFits))!);
        functions.Register("resolveDate", typeof(DateFunctions).GetMethod(nameof(DateFunctions.ResolveDate))!);
        functions.Register("isAfter", typeof(DateFunctions).GetMethod(nameof(DateFunctions.IsAfter))!);
        functions.Register("sameDate", typeof(DateFunctions).GetMethod(nameof(DateFunctions.SameDate))!);
        functions.Register("isRelative", typeof(DateFunctions).GetMethod(nameof(DateFunctions.IsRelative))!);
        functions.Register("year", typeof(DateFunctions).GetMethod(nameof(DateFunctions.Year))!);
        functions.Register("quoteFound", typeof(TextFunctions).GetMethod(nameof(TextFunctions.QuoteFound))!);
        functions.Register("fragmentsFound", typeof(TextFunctions).GetMethod(nameof(TextFunctions.FragmentsFound))!);
        functions.AllowClass(typeof(ReportFunctions));
        foreach (var (name, method) in ReportFunctionNames) functions.Register(name, typeof(ReportFunctions).GetMethod(method)!);
        return new ExpressionCompiler(FactProjection.FactTypes.Values, functions);
    }

    private static readonly (string Name, string Method)[] ReportFunctionNames =
    [
        ("driftLevel", nameof(ReportFunctions.DriftLevel)),
        ("driftReport", nameof(ReportFunctions.DriftReport)),
        ("stanceConflict", nameof(ReportFunctions.StanceConflict)),
        ("selfContradiction", nameof(ReportFunctions.SelfContradiction)),
        ("chainConflict", nameof(ReportFunctions.ChainConflict)),
        ("chainConflictExists", nameof(ReportFunctions.ChainConflictExists)),
        ("circumstanceConflict", nameof(ReportFunctions.CircumstanceConflict)),
        ("secondHandChain", nameof(ReportFunctions.SecondHandChain)),
        ("sameWordsReport", nameof(ReportFunctions.SameWordsReport)),
        ("uncreditedCopy", nameof(ReportFunctions.UncreditedCopy)),
        ("whenMadeConflict", nameof(ReportFunctions.WhenMadeConflict)),
        ("eventDateConflict", nameof(ReportFunctions.EventDateConflict)),
        ("claimIds", nameof(ReportFunctions.ClaimIds)),
        ("mentionList", nameof(ReportFunctions.MentionList)),
        ("publishedList", nameof(ReportFunctions.PublishedList)),
        ("sourceCount", nameof(ReportFunctions.SourceCount)),
    ];

    public static RulePack Load(IEnumerable<string> paths, string? baseDirectory = null)
    {
        var root = Path.GetFullPath(baseDirectory ?? Environment.CurrentDirectory);
        var diagnostics = new List<Diagnostic>();
        var files = ClaimsLoader.Discover(paths, root, diagnostics, "rules");

        var expressions = CreateExpressionCompiler();
        var definitions = new List<RuleDefinition>();
        var tests = new List<RuleTestCase>();
        var writes = new Dictionary<string, IReadOnlySet<Type>>(StringComparer.Ordinal);
        foreach (var (full, display) in files)
        {
            var text = InputText.Read(full, display, diagnostics);
            if (text is null) continue;
            var compiler = new RuleFileCompiler(expressions, display, Path.GetDirectoryName(full)!, diagnostics);
            foreach (var document in YamlTreeReader.Read(text, display, diagnostics)) compiler.Compile(document);
            definitions.AddRange(compiler.Rules);
            tests.AddRange(compiler.Tests);
            foreach (var (rule, types) in compiler.Writes) writes.TryAdd(rule, types);
        }

        CheckDuplicates(definitions, diagnostics);
        var network = CompileNetwork(definitions, diagnostics);
        diagnostics.Sort(Diagnostic.ByPosition);
        return new RulePack(definitions, tests, diagnostics, files.Select(f => f.Display).ToArray(), network, writes);
    }

    private static void CheckDuplicates(List<RuleDefinition> definitions, List<Diagnostic> diagnostics)
    {
        var seen = new Dictionary<string, RuleInfo>(StringComparer.Ordinal);
        for (var i = 0; i < definitions.Count; i++)
        {
            var info = (RuleInfo)definitions[i].Tag!;
            if (seen.TryGetValue(info.Id, out var first))
            {
                diagnostics.Add(Diagnostic.Error(
                    new Location(info.File, info.Line, info.Column), "duplicate-id", $"duplicate rule id '{info.Id}': already defined at {first.File}:{first.Line}:{first.Column}", "rule ids must be unique across the pack"));
                definitions.RemoveAt(i--);
            }
            else
            {
                seen.Add(info.Id, info);
            }
        }
    }

    /// <summary>
    /// The engine has the last word on a rule's shape; its refusals become positioned errors too. The
    /// whole pack is compiled once (the pack keeps that network); only when the engine refuses a rule is
    /// it taken out and the rest compiled again.
    /// </summary>
    private static ICompiledRuleSet? CompileNetwork(List<RuleDefinition> definitions, List<Diagnostic> diagnostics)
    {
        while (true)
        {
            try
            {
                return RuleCompiler.Compile(definitions);
            }
            catch (RuleCompilationException ex)
            {
                var index = definitions.FindIndex(d => d.Name == ex.RuleName);
                if (index < 0) throw;
                var info = (RuleInfo)definitions[index].Tag!;
                diagnostics.Add(Diagnostic.Error(new Location(info.File, info.Line, info.Column), "rule-invalid", $"rule '{info.Id}' cannot run: {ex.Reason}"));
                definitions.RemoveAt(index);
            }
        }
    }
}
