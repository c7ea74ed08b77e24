using System.Text.RegularExpressions;
using FactCheck.Claims.Dates;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Model;

namespace FactCheck.Claims.Loading;

/// <summary>
/// Typed, error-collecting access to one YAML mapping: every problem becomes a positioned diagnostic
/// and a null result, so binding goes on and the editor sees all mistakes at once.
/// </summary>
public sealed partial class MappingView
{
    // Not readonly: a binder reuses one view per nesting level (see the internal Of).
    private YamlMapping _mapping;
    private string _what;
    private ICollection<Diagnostic> _diagnostics;

    private MappingView(YamlMapping mapping, string what, ICollection<Diagnostic> diagnostics)
    {
        _mapping = mapping;
        _what = what;
        _diagnostics = diagnostics;
    }

    public Location Location => _mapping.Location;

    /// <summary>Wraps <paramref name="node"/> as a mapping of <paramref name="allowedKeys"/>; reports unknown keys.</summary>
    public static MappingView? Of(YamlNode node, string what, IReadOnlyList<string> allowedKeys, ICollection<Diagnostic> diagnostics)
    {
        MappingView? view = null;
        return Of(node, what, allowedKeys, diagnostics, ref view);
    }

    /// <summary>
    /// <see cref="Of(YamlNode, string, IReadOnlyList{string}, ICollection{Diagnostic})"/> into <paramref name="reused"/>, made
    /// when null: a binder keeps one view per nesting level, each used by one mapping at a time (a view per mapping was
    /// 25 MB of 100,000 claims' loading).
    /// </summary>
    internal static MappingView? Of(YamlNode node, string what, IReadOnlyList<string> allowedKeys, ICollection<Diagnostic> diagnostics, ref MappingView? reused)
    {
        if (node is not YamlMapping mapping)
        {
            diagnostics.Add(Diagnostic.Error(
                node.Location, "wrong-type", $"{what} must be a mapping of keys to values, found {node.Describe()}"));
            return null;
        }

        // Index loops over the keys alone: no enumerator, and no nodes made for a mapping kept inline.
        var count = mapping.Count;
        for (var i = 0; i < count; i++)
        {
            var key = mapping.KeyAt(i);
            if (!Allowed(allowedKeys, key))
            {
                diagnostics.Add(Diagnostic.Error(
                    mapping.KeyLocationAt(i),
                    "unknown-key",
                    $"unknown key '{key}' in {what}{(KeySynonyms.DidYouMean(key, allowedKeys) is { Length: > 0 } meant ? meant : Suggestions.DidYouMean(key, allowedKeys))}",
                    $"allowed keys: {string.Join(", ", allowedKeys)}"));
            }
        }

        if (reused is null) return reused = new MappingView(mapping, what, diagnostics);
        (reused._mapping, reused._what, reused._diagnostics) = (mapping, what, diagnostics);
        return reused;
    }

    public YamlNode? Node(string key)
    {
        var i = IndexOf(key);
        if (i < 0) return null;
        if (_mapping.ValueAt(i, out var scalar) is { } node) return node;
        return scalar.IsNull ? null : _mapping.NodeAt(i);
    }

    /// <summary>Whether <paramref name="key"/> is given a value (not null), without making its node.</summary>
    internal bool Has(string key) => Find(key, out _) != Found.Nothing;

    /// <summary>Where the value of <paramref name="key"/>, which must be given, starts.</summary>
    internal Location LocationOf(string key) => Find(key, out var scalar) switch
    {
        Found.Scalar => scalar.LocationIn(_mapping.Location.File),
        Found.Node => _mapping.ValueAt(IndexOf(key), out _)!.Location,
        _ => throw new InvalidOperationException($"'{key}' is not given"),
    };

    /// <summary>The value of <paramref name="key"/> when it is a scalar (not null), without making its node.</summary>
    internal bool IsScalar(string key, out ScalarText scalar) => Find(key, out scalar) == Found.Scalar;

    private enum Found
    {
        Nothing,
        Scalar,
        Node,
    }

    /// <summary>What <paramref name="key"/> holds: nothing (absent or null), a scalar (in <paramref name="scalar"/>) or another node.</summary>
    private Found Find(string key, out ScalarText scalar)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            scalar = default;
            return Found.Nothing;
        }

        if (_mapping.ValueAt(i, out scalar) is not null) return Found.Node;
        return scalar.IsNull ? Found.Nothing : Found.Scalar;
    }

    private int IndexOf(string key)
    {
        var count = _mapping.Count;
        for (var i = 0; i < count; i++)
        {
            if (_mapping.KeyAt(i) == key) return i;
        }

        return -1;
    }

    private static bool Allowed(IReadOnlyList<string> allowedKeys, string key)
    {
        for (var i = 0; i < allowedKeys.Count; i++)
        {
            if (allowedKeys[i] == key) return true;
        }

        return false;
    }

    public void Report(Location location, string code, string message, string? help = null) =>
        _diagnostics.Add(Diagnostic.Error(location, code, message, help));

    public YamlScalar? Scalar(string key, bool required) =>
        ScalarOf(key, required, out _) ? Node(key) as YamlScalar : null;

    /// <summary><see cref="Scalar"/> without making a node: false (the problem reported) when it is not one.</summary>
    internal bool ScalarOf(string key, bool required, out ScalarText scalar)
    {
        switch (Find(key, out scalar))
        {
            case Found.Scalar:
                return true;
            case Found.Node:
                var node = _mapping.ValueAt(IndexOf(key), out _)!;
                Report(node.Location, "wrong-type", $"'{key}' in {_what} must be text, found {node.Describe()}");
                return false;
            default:
                if (required) Missing(key);
                return false;
        }
    }

    public string? Text(string key, bool required = false)
    {
        if (!ScalarOf(key, required, out var scalar)) return null;
        if (required && string.IsNullOrWhiteSpace(scalar.Value))
        {
            Report(At(scalar), "empty-value", $"'{key}' in {_what} must not be empty");
            return null;
        }

        return scalar.Value;
    }

    public string? Slug(string key, string kind, bool required = true)
    {
        if (!ScalarOf(key, required, out var scalar)) return null;
        return CheckSlug(scalar.Value, At(scalar), kind) ? scalar.Value : null;
    }

    public Reference? Ref(string key, string kind, bool required)
    {
        if (!ScalarOf(key, required, out var scalar)) return null;
        return CheckSlug(scalar.Value, At(scalar), kind) ? new Reference(scalar.Value, At(scalar)) : null;
    }

    /// <summary>Where <paramref name="scalar"/>, a value of this mapping, starts.</summary>
    internal Location At(in ScalarText scalar) => scalar.LocationIn(_mapping.Location.File);

    public IReadOnlyList<Reference> Refs(string key, string kind)
    {
        var items = List(key, required: false);
        if (items.Count == 0) return [];
        var result = new List<Reference>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is not YamlScalar scalar)
            {
                Report(item.Location, "wrong-type", $"each entry of '{key}' must be {kind}, found {item.Describe()}");
            }
            else if (CheckSlug(scalar.Value, scalar.Location, kind))
            {
                result.Add(new Reference(scalar.Value, scalar.Location));
            }
        }

        return result;
    }

    public IReadOnlyList<string> Texts(string key)
    {
        if (IsScalar(key, out var single))
        {
            // A lone value where a list is expected is what an editor means: authors: Jane Doe.
            return [single.Value];
        }

        var result = new List<string>();
        var items = List(key, required: false);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is YamlScalar scalar) result.Add(scalar.Value);
            else Report(item.Location, "wrong-type", $"each entry of '{key}' must be text, found {item.Describe()}");
        }

        return result;
    }

    public TEnum? Enum<TEnum>(string key, bool required)
        where TEnum : struct, Enum
    {
        if (!ScalarOf(key, required, out var scalar)) return null;
        if (KebabCase.TryParse<TEnum>(scalar.Value, out var value)) return value;
        var words = KebabCase.Words<TEnum>();
        Report(
            At(scalar),
            "unknown-value",
            $"'{scalar.Value}' is not a valid {key}{Suggestions.DidYouMean(scalar.Value, words)}",
            $"use one of: {string.Join(", ", words)}");
        return null;
    }

    /// <summary>A true/false flag; YAML's other spellings (yes, on) are refused so a file means the same everywhere.</summary>
    public bool? Bool(string key)
    {
        if (!ScalarOf(key, required: false, out var scalar)) return null;
        switch (scalar.Value)
        {
            case "true" or "True" or "TRUE": return true;
            case "false" or "False" or "FALSE": return false;
        }

        Report(
            At(scalar),
            "unknown-value",
            $"'{scalar.Value}' is not a valid {key}{Suggestions.DidYouMean(scalar.Value, ["true", "false"])}",
            $"write {key}: true or {key}: false");
        return null;
    }

    /// <summary>A list of non-empty texts; a lone value is a one-entry list.</summary>
    public IReadOnlyList<string> NonEmptyTexts(string key)
    {
        if (IsScalar(key, out var single)) return NonEmpty(single.IsNull, single.Value, At(single), key) ? [single.Value] : [];
        if (!Has(key)) return [];
        var result = new List<string>();
        var items = List(key, required: false);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is not YamlScalar scalar) Report(item.Location, "wrong-type", $"each entry of '{key}' must be text, found {item.Describe()}");
            else if (NonEmpty(scalar.IsNull, scalar.Value, scalar.Location, key)) result.Add(scalar.Value);
        }

        return result;
    }

    private bool NonEmpty(bool isNull, string value, Location at, string key)
    {
        if (!isNull && !string.IsNullOrWhiteSpace(value)) return true;
        Report(at, "empty-value", $"an entry of '{key}' in {_what} must not be empty", "write the words as printed, or remove the entry");
        return false;
    }

    /// <summary>
    /// A web address: http or https, a host, no blanks. The same pattern as the JSON Schema's, so the
    /// editor and the loader agree on every value.
    /// </summary>
    public string? Url(string key)
    {
        if (!ScalarOf(key, required: false, out var scalar)) return null;
        if (UrlPattern().IsMatch(scalar.Value)) return scalar.Value;
        Report(
            At(scalar),
            "bad-url",
            $"'{scalar.Value}' is not a web address for '{key}'",
            "write the full address, starting with https:// or http://; leave the key out when it is unknown");
        return null;
    }

    /// <summary>A plain decimal number (4, 2.5, -1); YAML's other spellings (0x10, .inf) are refused.</summary>
    public decimal? Number(string key)
    {
        if (!ScalarOf(key, required: false, out var scalar)) return null;
        if (NumberPattern().IsMatch(scalar.Value)
            && decimal.TryParse(scalar.Value, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Report(At(scalar), "wrong-type", $"'{key}' in {_what} must be a number, found '{scalar.Value}'", $"write a number such as {key}: 1");
        return null;
    }

    public PartialDate? Date(string key)
    {
        if (!ScalarOf(key, required: false, out var scalar)) return null;
        if (PartialDate.TryParse(scalar.Value, out var date, out var error)) return date;

        // The forms are in the advice: the message says what is wrong, or which date was meant (copied from an article).
        var hint = Dates.IsoDateHint.For(scalar.Value);
        var why = hint.Length > 0 ? $"'{scalar.Value}' is not written year-month-day{hint}" : error!.Replace("; " + PartialDate.Expected, "", StringComparison.Ordinal);
        Report(At(scalar), "bad-date", $"invalid date for '{key}': {why}", "write 2023, 2023-06, 2023-11-08 or 2023-11-08T14:10+05:00");
        return null;
    }

    public IReadOnlyList<YamlNode> List(string key, bool required, int minItems = 0)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key);
            return [];
        }

        if (node is not YamlSequence sequence)
        {
            Report(node.Location, "wrong-type", $"'{key}' in {_what} must be a list, found {node.Describe()}", $"write each entry on its own line starting with '- '");
            return [];
        }

        if (sequence.Items.Count < minItems)
        {
            Report(sequence.Location, "empty-list", $"'{key}' in {_what} needs at least {minItems} entr{(minItems == 1 ? "y" : "ies")}");
        }

        return sequence.Items;
    }

    private void Missing(string key) =>
        Report(_mapping.Location, "missing-key", $"{_what} is missing required key '{key}'");

    private bool CheckSlug(string value, Location at, string kind)
    {
        if (SlugPattern().IsMatch(value)) return true;
        Report(
            at,
            "bad-id",
            $"'{value}' is not a valid {kind}",
            "ids are lower-case letters, digits, '.', '_' and '-', starting with a letter or digit");
        return false;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    /// <remarks>Kept equal to <c>url</c>'s pattern in claims.schema.json (the schema agreement tests compare them).</remarks>
    [GeneratedRegex(@"^https?://[^\s/?#]+([/?#]\S*)?\z", RegexOptions.CultureInvariant)]
    internal static partial Regex UrlPattern();

    [GeneratedRegex(@"^-?[0-9]{1,9}(\.[0-9]{1,9})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
