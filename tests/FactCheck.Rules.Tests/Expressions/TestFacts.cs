namespace FactCheck.Rules.Tests.Expressions;

public enum ClaimKind { Quote, Statistic, Event }

public sealed record Source(string Outlet, string? Author, int Year);

public sealed record TestClaim(
    string Statement,
    string? Speaker,
    int Count,
    int? Rank,
    double Score,
    bool Verified,
    bool? Disputed,
    DateOnly Published,
    DateOnly? EventDate,
    ClaimKind Kind,
    IReadOnlyList<string> Tags,
    List<int> Years,
    Source? Source)
{
    // Not visible to expressions: Type-typed and object-typed properties, static members.
    public Type ClrType => typeof(TestClaim);
    public object Anything => this;
    public static string Secret => "secret";

    public static TestClaim Sample(string statement = "Inflation rose to 5%") => new(
        statement, "Jane Doe", 3, null, 0.5, true, null, new DateOnly(2023, 11, 8), null, ClaimKind.Quote,
        ["economy", "uk"], [2022, 2023], new Source("The Paper", null, 2023));
}

public sealed record TestArticle(string Title, string Quote, Source? Source, long Words, string? Published = null);
