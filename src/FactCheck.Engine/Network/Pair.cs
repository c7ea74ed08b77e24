namespace FactCheck.Engine.Network;

/// <summary>A (left token, right fact) combination that passed a residual test in a not/exists/aggregate node.</summary>
internal sealed class Pair(PairedLeftEntry left, PairedRightEntry right)
{
    public readonly PairedLeftEntry Left = left;
    public readonly PairedRightEntry Right = right;
    public Pair? LPrev;
    public Pair? LNext;
    public Pair? RPrev;
    public Pair? RNext;

    public void Link()
    {
        LPrev = Left.LastPair;
        if (Left.LastPair is null) Left.FirstPair = this; else Left.LastPair.LNext = this;
        Left.LastPair = this;
        RNext = Right.FirstPair;
        if (Right.FirstPair is not null) Right.FirstPair.RPrev = this;
        Right.FirstPair = this;
    }

    public void UnlinkLeft()
    {
        if (LPrev is null) Left.FirstPair = LNext; else LPrev.LNext = LNext;
        if (LNext is null) Left.LastPair = LPrev; else LNext.LPrev = LPrev;
    }

    public void UnlinkRight()
    {
        if (RPrev is null) Right.FirstPair = RNext; else RPrev.RNext = RNext;
        if (RNext is not null) RNext.RPrev = RPrev;
    }
}
