namespace FactCheck.Claims.Dates;

public enum ResolutionStatus
{
    Resolved,
    Unresolved,
}
