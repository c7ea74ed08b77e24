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
    private readonly YamlMapping _mapping;
    private readonly string _what;
    private readonly ICollection<Diagnostic> _diagnostics;

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
        if (node is not YamlMapping mapping)
        {
            diagnostics.Add(Diagnostic.Error(
                node.Location, "wrong-type", $"{what} must be a mapping of keys to values, found {node.Describe()}"));
            return null;
        }

        // Index loops: a foreach over the IReadOnlyList boxes an enumerator, per mapping and per key looked up.
        var entries = mapping.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            var key = entries[i].Key;
            if (!allowedKeys.Contains(key.Value))
            {
                diagnostics.Add(Diagnostic.Error(
                    key.Location,
                    "unknown-key",
                    $"unknown key '{key.Value}' in {what}{Suggestions.DidYouMean(key.Value, allowedKeys)}",
                    $"allowed keys: {string.Join(", ", allowedKeys)}"));
            }
        }

        return new MappingView(mapping, what, diagnostics);
    }

    public YamlNode? Node(string key)
    {
        var entries = _mapping.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            var (k, v) = entries[i];
            if (k.Value == key)
            {
                return v is YamlScalar { IsNull: true } ? null : v;
            }
        }

        return null;
    }

    public void Report(Location location, string code, string message, string? help = null) =>
        _diagnostics.Add(Diagnostic.Error(location, code, message, help));

    public YamlScalar? Scalar(string key, bool required)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key);
            return null;
        }

        if (node is YamlScalar scalar) return scalar;
        Report(node.Location, "wrong-type", $"'{key}' in {_what} must be text, found {node.Describe()}");
        return null;
    }

    public string? Text(string key, bool required = false)
    {
        var scalar = Scalar(key, required);
        if (scalar is null) return null;
        if (required && string.IsNullOrWhiteSpace(scalar.Value))
        {
            Report(scalar.Location, "empty-value", $"'{key}' in {_what} must not be empty");
            return null;
        }

        return scalar.Value;
    }

    public string? Slug(string key, string kind, bool required = true)
    {
        var scalar = Scalar(key, required);
        if (scalar is null) return null;
        return CheckSlug(scalar, kind) ? scalar.Value : null;
    }

    public Reference? Ref(string key, string kind, bool required)
    {
        var scalar = Scalar(key, required);
        return scalar is not null && CheckSlug(scalar, kind) ? new Reference(scalar.Value, scalar.Location) : null;
    }

    public IReadOnlyList<Reference> Refs(string key, string kind)
    {
        var result = new List<Reference>();
        foreach (var item in List(key, required: false))
        {
            if (item is not YamlScalar scalar)
            {
                Report(item.Location, "wrong-type", $"each entry of '{key}' must be {kind}, found {item.Describe()}");
            }
            else if (CheckSlug(scalar, kind))
            {
                result.Add(new Reference(scalar.Value, scalar.Location));
            }
        }

        return result;
    }

    public IReadOnlyList<string> Texts(string key)
    {
        var node = Node(key);
        if (node is YamlScalar single)
        {
            // A lone value where a list is expected is what an editor means: authors: Jane Doe.
            return [single.Value];
        }

        var result = new List<string>();
        foreach (var item in List(key, required: false))
        {
            if (item is YamlScalar scalar) result.Add(scalar.Value);
            else Report(item.Location, "wrong-type", $"each entry of '{key}' must be text, found {item.Describe()}");
        }

        return result;
    }

    public TEnum? Enum<TEnum>(string key, bool required)
        where TEnum : struct, Enum
    {
        var scalar = Scalar(key, required);
        if (scalar is null) return null;
        if (KebabCase.TryParse<TEnum>(scalar.Value, out var value)) return value;
        var words = KebabCase.Words<TEnum>();
        Report(
            scalar.Location,
            "unknown-value",
            $"'{scalar.Value}' is not a valid {key}{Suggestions.DidYouMean(scalar.Value, words)}",
            $"use one of: {string.Join(", ", words)}");
        return null;
    }

    /// <summary>A true/false flag; YAML's other spellings (yes, on) are refused so a file means the same everywhere.</summary>
    public bool? Bool(string key)
    {
        var scalar = Scalar(key, required: false);
        if (scalar is null) return null;
        switch (scalar.Value)
        {
            case "true" or "True" or "TRUE": return true;
            case "false" or "False" or "FALSE": return false;
        }

        Report(
            scalar.Location,
            "unknown-value",
            $"'{scalar.Value}' is not a valid {key}{Suggestions.DidYouMean(scalar.Value, ["true", "false"])}",
            $"write {key}: true or {key}: false");
        return null;
    }

    /// <summary>A list of non-empty texts; a lone value is a one-entry list.</summary>
    public IReadOnlyList<string> NonEmptyTexts(string key)
    {
        var node = Node(key);
        if (node is YamlScalar single) return NonEmpty(single, key) ? [single.Value] : [];
        var result = new List<string>();
        foreach (var item in List(key, required: false))
        {
            if (item is not YamlScalar scalar) Report(item.Location, "wrong-type", $"each entry of '{key}' must be text, found {item.Describe()}");
            else if (NonEmpty(scalar, key)) result.Add(scalar.Value);
        }

        return result;
    }

    private bool NonEmpty(YamlScalar scalar, string key)
    {
        if (!scalar.IsNull && !string.IsNullOrWhiteSpace(scalar.Value)) return true;
        Report(scalar.Location, "empty-value", $"an entry of '{key}' in {_what} must not be empty", "write the words as printed, or remove the entry");
        return false;
    }

    /// <summary>
    /// A web address: http or https, a host, no blanks. The same pattern as the JSON Schema's, so the
    /// editor and the loader agree on every value.
    /// </summary>
    public string? Url(string key)
    {
        var scalar = Scalar(key, required: false);
        if (scalar is null) return null;
        if (UrlPattern().IsMatch(scalar.Value)) return scalar.Value;
        Report(
            scalar.Location,
            "bad-url",
            $"'{scalar.Value}' is not a web address for '{key}'",
            "write the full address, starting with https:// or http://; leave the key out when it is unknown");
        return null;
    }

    /// <summary>A plain decimal number (4, 2.5, -1); YAML's other spellings (0x10, .inf) are refused.</summary>
    public decimal? Number(string key)
    {
        var scalar = Scalar(key, required: false);
        if (scalar is null) return null;
        if (NumberPattern().IsMatch(scalar.Value)
            && decimal.TryParse(scalar.Value, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Report(scalar.Location, "wrong-type", $"'{key}' in {_what} must be a number, found '{scalar.Value}'", $"write a number such as {key}: 1");
        return null;
    }

    public PartialDate? Date(string key)
    {
        var scalar = Scalar(key, required: false);
        if (scalar is null) return null;
        if (PartialDate.TryParse(scalar.Value, out var date, out var error)) return date;
        Report(
            scalar.Location,
            "bad-date",
            $"invalid date for '{key}': {error}",
            "write 2023, 2023-06, 2023-11-08 or 2023-11-08T14:10+05:00");
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

    private bool CheckSlug(YamlScalar scalar, string kind)
    {
        if (SlugPattern().IsMatch(scalar.Value)) return true;
        Report(
            scalar.Location,
            "bad-id",
            $"'{scalar.Value}' is not a valid {kind}",
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
