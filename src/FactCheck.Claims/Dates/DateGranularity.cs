namespace FactCheck.Claims.Dates;

/// <summary>How precisely a <see cref="PartialDate"/> is known, from coarsest to finest.</summary>
public enum DateGranularity
{
    Year = 0,
    Month = 1,
    Day = 2,
    /// <summary>A local date and time of day with a UTC offset (an instant).</summary>
    DateTime = 3,
}
