namespace FactCheck.Claims.Model;

/// <summary>When words were said relative to the occasion an appearance names ("ahead of the meeting", "receiving him").</summary>
public enum EventTiming
{
    Before,
    At,
    After,
}
