namespace FactCheck.Claims.Dates;

public enum DateFit
{
    /// <summary>Every day of the claimed date lies within what the expression means.</summary>
    Fits,

    /// <summary>The claimed date lies entirely outside what the expression means.</summary>
    DoesNotFit,

    /// <summary>Cannot tell: the expression is unresolved, or the claimed date is only partly inside it.</summary>
    Unknown,
}
