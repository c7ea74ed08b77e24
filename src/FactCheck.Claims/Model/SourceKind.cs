namespace FactCheck.Claims.Model;

/// <summary>What kind of document a source is. YAML spells these in kebab-case.</summary>
public enum SourceKind
{
    Article,
    WireCopy,
    Transcript,
    OfficialStatement,
    Report,
    SocialPost,
    PressRelease,
    Broadcast,
    Other,
}
