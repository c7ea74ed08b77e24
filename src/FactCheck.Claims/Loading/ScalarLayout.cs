namespace FactCheck.Claims.Loading;

public enum ScalarLayout
{
    /// <summary>The text starts at the node's position.</summary>
    Plain,

    /// <summary>The text starts one column after the node's position (after the quote).</summary>
    Quoted,

    /// <summary>A <c>|</c> or <c>&gt;</c> block: the text starts on the next line.</summary>
    Block,
}
