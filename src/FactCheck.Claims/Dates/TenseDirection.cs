namespace FactCheck.Claims.Dates;

/// <summary>Which way an unanchored expression ("on Wednesday", "in June") points from the reference.</summary>
internal enum TenseDirection
{
    Past,
    Future,
}
