using System.Text;
using System.Text.Unicode;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Model;

namespace FactCheck.Cli.ClaimReview;

/// <summary>
/// Finds the JSON-LD texts in the files given: .json/.jsonld files whole, and the ld+json script blocks of .html/.htm
/// pages, read with AngleSharp's HTML5 tokenizer (a regex misreads comments, raw-text elements and attributes in other orders).
/// Bounded: files over <see cref="MaxFileBytes"/>, more than <see cref="MaxFiles"/> files, binary files and invalid UTF-8
/// get a positioned error instead of being read.
/// </summary>
internal static class LdInput
{
    public const long MaxFileBytes = 8 * 1024 * 1024;

    public const int MaxFiles = 10_000;

    private static readonly string[] JsonExtensions = [".json", ".jsonld"];

    private static readonly string[] HtmlExtensions = [".html", ".htm"];

    /// <param name="paths">Files or folders as the user gave them (folders are searched recursively).</param>
    /// <param name="fullPath">Resolves a path the user gave against the working folder.</param>
    public static List<LdBlock> Read(IReadOnlyList<string> paths, Func<string, string> fullPath, List<Diagnostic> problems, List<Diagnostic> notes)
    {
        var files = new List<(string Shown, string Full)>();
        foreach (var path in paths)
        {
            var full = fullPath(path);
            if (File.Exists(full))
            {
                files.Add((path, full));
            }
            else if (Directory.Exists(full))
            {
                var found = Directory.EnumerateFiles(full, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(f => IsJson(f) || IsHtml(f))
                    .Order(StringComparer.Ordinal)
                    .Take(MaxFiles + 1)
                    .ToList();
                if (found.Count == 0) notes.Add(Warning(new Location(path, 0, 0), "no .json, .jsonld, .html or .htm file in this folder"));
                files.AddRange(found.Select(f => (Path.Combine(path, Path.GetRelativePath(full, f)).Replace('\\', '/'), f)));
            }
            else
            {
                problems.Add(Diagnostic.Error(new Location(path, 0, 0), "claimreview-input", "no such file or folder", "give ClaimReview JSON-LD files (.json, .jsonld), HTML pages, or folders of them"));
            }
        }

        if (files.Count > MaxFiles)
        {
            problems.Add(Diagnostic.Error(new Location(paths[0], 0, 0), "claimreview-input", $"more than {MaxFiles:N0} files to import", "import them in smaller folders"));
            return [];
        }

        var blocks = new List<LdBlock>();
        foreach (var (shown, full) in files)
        {
            var at = new Location(shown, 0, 0);
            var size = new FileInfo(full).Length;
            if (size > MaxFileBytes)
            {
                problems.Add(Diagnostic.Error(at, "claimreview-input", $"the file is {size / (1024 * 1024)} MiB; at most {MaxFileBytes / (1024 * 1024)} MiB is read", "a ClaimReview page is a few kilobytes: split the file"));
                continue;
            }

            var bytes = File.ReadAllBytes(full);
            var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            if (bytes.AsSpan(start).Contains((byte)0) || !Utf8.IsValid(bytes.AsSpan(start)))
            {
                problems.Add(Diagnostic.Error(at, "claimreview-input", "not UTF-8 text (a binary file, or another encoding)", "save the file as UTF-8"));
                continue;
            }

            if (IsHtml(full) || (!IsJson(full) && LooksLikeHtml(bytes.AsSpan(start))))
            {
                var count = blocks.Count;
                Scripts(shown, Encoding.UTF8.GetString(bytes, start, bytes.Length - start), blocks);
                if (blocks.Count == count) notes.Add(Warning(at, "no <script type=\"application/ld+json\"> block in this page"));
            }
            else
            {
                blocks.Add(new LdBlock(shown, start == 0 ? bytes : bytes[start..], 1, 1));
            }
        }

        return blocks;
    }

    private static void Scripts(string shown, string html, List<LdBlock> blocks)
    {
        // The HTML5 tokenizer alone, in the states the tree builder would switch it to: the script blocks are all that is
        // needed, and building the tree costs time quadratic in the nesting (1.5 million nested <div>s did not finish in
        // ten minutes), while tokenizing is linear. The text is read with LF line ends, as the parser reads CR LF.
        var text = html.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var tokenizer = new HtmlTokenizer(new TextSource(text), HtmlEntityProvider.Resolver);
        LdBlockStart? open = null;
        var body = new StringBuilder();
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            if (open is { } script)
            {
                if (token.Type == HtmlTokenType.Character)
                {
                    if (body.Length == 0) open = script with { Line = token.Position.Line, Column = token.Position.Column };
                    body.Append(token.Data);
                    continue;
                }

                blocks.Add(new LdBlock(shown, Encoding.UTF8.GetBytes(body.ToString()), open.Value.Line, open.Value.Column));
                open = null;
                body.Clear();
            }

            if (token.Type != HtmlTokenType.StartTag || token is not HtmlTagToken tag || tag.IsSelfClosing) continue;
            switch (tag.Name)
            {
                case "script":
                    tokenizer.State = HtmlParseMode.Script;
                    var type = tag.GetAttribute("type")?.Split(';')[0].Trim();
                    if (string.Equals(type, "application/ld+json", StringComparison.OrdinalIgnoreCase)) open = new LdBlockStart(tag.Position.Line, tag.Position.Column);
                    break;
                case "style" or "xmp" or "iframe" or "noembed" or "noframes" or "noscript":
                    tokenizer.State = HtmlParseMode.Rawtext;
                    break;
                case "title" or "textarea":
                    tokenizer.State = HtmlParseMode.RCData;
                    break;
                case "plaintext":
                    tokenizer.State = HtmlParseMode.Plaintext;
                    break;
            }
        }

        if (open is { } last) blocks.Add(new LdBlock(shown, Encoding.UTF8.GetBytes(body.ToString()), last.Line, last.Column));
    }

    /// <summary>Where an ld+json block's text starts (its first character, else its tag).</summary>
    private readonly record struct LdBlockStart(int Line, int Column);

    private static bool IsJson(string path) => JsonExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    private static bool IsHtml(string path) => HtmlExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>A file named neither way is a page when it starts with markup rather than JSON.</summary>
    private static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        var trimmed = bytes.TrimStart(" \t\r\n"u8);
        return trimmed.Length > 0 && trimmed[0] == (byte)'<';
    }

    public static Diagnostic Warning(Location at, string message, string? help = null) => new(at, DiagnosticSeverity.Warning, "claimreview-import", message, help);
}
