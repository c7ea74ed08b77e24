namespace FactCheck.Engine.Network;

/// <summary>
/// Compaction of the lazily deleted token lists (see <see cref="Token"/>). A list is compacted when its length exceeds
/// twice its live length at the previous compaction plus <see cref="Slack"/> (a right entry's list) or when its dead tokens
/// outnumber its live ones by more than <see cref="Slack"/> (a parent's list), so each compaction is paid for by the
/// additions or retractions since the previous one (amortised O(1)) and dead tokens never outnumber live ones by much.
/// </summary>
internal static class ChildList
{
    public const int Slack = 8;

    /// <summary>Unlinks the dead tokens of a sibling list, in order; returns the live count (half the next threshold).</summary>
    public static int CompactSiblings(ref Token? first)
    {
        var live = 0;
        Token? prev = null;
        for (var c = first; c is not null; c = c.NextSibling)
        {
            if (c.Dead)
            {
                if (prev is null) first = c.NextSibling; else prev.NextSibling = c.NextSibling;
            }
            else
            {
                prev = c;
                live++;
            }
        }
        return live;
    }

    /// <summary>The same for a right entry's list (linked through <see cref="Token.NextRight"/>).</summary>
    public static int CompactRight(ref Token? first)
    {
        var live = 0;
        Token? prev = null;
        for (var c = first; c is not null; c = c.NextRight)
        {
            if (c.Dead)
            {
                if (prev is null) first = c.NextRight; else prev.NextRight = c.NextRight;
            }
            else
            {
                prev = c;
                live++;
            }
        }
        return live;
    }
}
