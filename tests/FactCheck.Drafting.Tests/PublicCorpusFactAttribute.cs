namespace FactCheck.Drafting.Tests;

/// <summary>A test of the published-articles corpus: skipped, with the reason, unless FACTCHECK_PUBLIC_CORPUS names its folder.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PublicCorpusFactAttribute : FactAttribute
{
    public PublicCorpusFactAttribute()
    {
        if (CorpusTests.PublicRoot is null)
            Skip = "the published articles are the outlets' texts and are not shipped; set FACTCHECK_PUBLIC_CORPUS to the folder holding the public-* stories";
    }
}
