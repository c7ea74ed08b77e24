namespace FactCheck.Drafting.Attribution;

/// <summary>Someone the article names, with every role it prints for them and where they are mentioned.</summary>
internal sealed class Person(string name)
{
    public string Name { get; private set; } = name;

    public List<(string Role, string? Nationality, HashSet<string> Words)> Roles { get; } = [];

    public List<int> Mentions { get; } = [];

    public string[] NameTokens => Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Keeps the longest form printed ("Vladimir Putin" over "Putin").</summary>
    public void SeeName(string printed)
    {
        if (printed.Length > Name.Length) Name = printed;
    }

    public void AddRole(string printed, string? nationality, IEnumerable<string> words)
    {
        if (Roles.Any(r => string.Equals(r.Role, printed, StringComparison.OrdinalIgnoreCase))) return;
        Roles.Add((printed, nationality, new HashSet<string>(words, StringComparer.OrdinalIgnoreCase)));
    }

    /// <summary>Whether a single printed token ("Putin", "Zhang") is one of this person's names.</summary>
    public bool Answers(string token) =>
        NameTokens.Any(t => string.Equals(t, token, StringComparison.OrdinalIgnoreCase));

    /// <summary>The role printed first with a nationality, or first at all: what a new claim's claimant role proposes.</summary>
    public string? MainRole => Roles.FirstOrDefault(r => r.Nationality is not null).Role ?? Roles.FirstOrDefault().Role;
}
