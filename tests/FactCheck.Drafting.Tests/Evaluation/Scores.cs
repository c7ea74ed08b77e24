namespace FactCheck.Drafting.Tests.Evaluation;

/// <summary>Counts behind each measured rate; rates are NaN-free (0/0 reads as 1).</summary>
internal sealed record Scores
{
    public int GoldQuotes { get; init; }
    public int RecoveredQuotes { get; init; }
    public int DraftedQuotes { get; init; }
    public int CorrectDraftedQuotes { get; init; }
    public int SpeakersRight { get; init; }
    public int AttributionsRight { get; init; }
    public int GoldWithDates { get; init; }
    public int DatesRight { get; init; }
    public int ExpectedMatches { get; init; }
    public int MatchesFound { get; init; }
    public int MatchesMade { get; init; }
    public int MatchesMadeRight { get; init; }
    public int SameAsProposed { get; init; }
    public int ExpectedQuoteMatches { get; init; }
    public int QuoteMatchesFound { get; init; }

    /// <summary>Gold direct quotes of claims recorded from another source that came out as an appearance of that claim.</summary>
    public double QuoteMatchRecall => Rate(QuoteMatchesFound, ExpectedQuoteMatches);

    public double QuoteRecall => Rate(RecoveredQuotes, GoldQuotes);
    public double QuotePrecision => Rate(CorrectDraftedQuotes, DraftedQuotes);
    public double SpeakerAccuracy => Rate(SpeakersRight, RecoveredQuotes);
    public double AttributionAccuracy => Rate(AttributionsRight, RecoveredQuotes);
    public double DateAccuracy => Rate(DatesRight, GoldWithDates);
    public double MatchRecall => Rate(MatchesFound, ExpectedMatches);
    public double MatchPrecision => Rate(MatchesMadeRight, MatchesMade);

    /// <summary>Gold printings of recorded claims that came out as a match or, at least, a proposed same_as.</summary>
    public double LinkRecall => Rate(MatchesFound + SameAsProposed, ExpectedMatches);

    private static double Rate(int n, int d) => d == 0 ? 1 : (double)n / d;

    public static Scores operator +(Scores a, Scores b) => new()
    {
        GoldQuotes = a.GoldQuotes + b.GoldQuotes,
        RecoveredQuotes = a.RecoveredQuotes + b.RecoveredQuotes,
        DraftedQuotes = a.DraftedQuotes + b.DraftedQuotes,
        CorrectDraftedQuotes = a.CorrectDraftedQuotes + b.CorrectDraftedQuotes,
        SpeakersRight = a.SpeakersRight + b.SpeakersRight,
        AttributionsRight = a.AttributionsRight + b.AttributionsRight,
        GoldWithDates = a.GoldWithDates + b.GoldWithDates,
        DatesRight = a.DatesRight + b.DatesRight,
        ExpectedMatches = a.ExpectedMatches + b.ExpectedMatches,
        MatchesFound = a.MatchesFound + b.MatchesFound,
        MatchesMade = a.MatchesMade + b.MatchesMade,
        MatchesMadeRight = a.MatchesMadeRight + b.MatchesMadeRight,
        SameAsProposed = a.SameAsProposed + b.SameAsProposed,
        ExpectedQuoteMatches = a.ExpectedQuoteMatches + b.ExpectedQuoteMatches,
        QuoteMatchesFound = a.QuoteMatchesFound + b.QuoteMatchesFound,
    };

    public override string ToString() =>
        $"quotes recall {RecoveredQuotes}/{GoldQuotes} = {QuoteRecall:P0}, precision {CorrectDraftedQuotes}/{DraftedQuotes} = {QuotePrecision:P0}; "
        + $"speakers {SpeakersRight}/{RecoveredQuotes} = {SpeakerAccuracy:P0}; attributed_as {AttributionsRight}/{RecoveredQuotes} = {AttributionAccuracy:P0}; "
        + $"dates {DatesRight}/{GoldWithDates} = {DateAccuracy:P0}; matches recall {MatchesFound}/{ExpectedMatches} = {MatchRecall:P0} "
        + $"(+{SameAsProposed} as same_as; direct quotes {QuoteMatchesFound}/{ExpectedQuoteMatches}), precision {MatchesMadeRight}/{MatchesMade} = {MatchPrecision:P0}";
}
