namespace FactCheck.Drafting.Attribution;

/// <summary>The closed word lists attribution reads: speech verbs, titles, nationalities, intermediaries.</summary>
internal static class Lexicon
{
    private static HashSet<string> Set(string words) =>
        new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);

    /// <summary>Verbs that introduce what someone said (any tense a news text uses).</summary>
    public static readonly HashSet<string> SpeechVerbs = Set(
        "said says say added adds claimed claims insisted insists told tells noted notes stated states warned warns argued argues "
        + "explained explains declared declares announced announces stressed stresses asserted asserts wrote writes replied replies "
        + "acknowledged acknowledges admitted admits denied denies confirmed confirms suggested suggests vowed vows promised promises "
        + "urged urges predicted predicts recalled recalls emphasised emphasized emphasises emphasizes maintained maintains countered "
        + "conceded concluded observed remarked responded tweeted posted saying adding insisting warning calling called accused accuses "
        + "reiterated reiterates pledged pledges assured assures alleged alleges cautioned cautions complained complains objected "
        + "spoke speaks found finds estimated estimates concluded concludes described describes told repeated repeats branded dubbed "
        + "labelled labeled cautioned stressed telling");

    /// <summary>Speech verbs after which a paraphrase (reported speech without quotation marks) can follow.</summary>
    public static readonly HashSet<string> ParaphraseVerbs = Set(
        "said says claimed claims insisted insists noted notes stated states warned warns argued argues declared declares "
        + "announced announces stressed stresses asserted asserts acknowledged acknowledges admitted admits denied denies confirmed "
        + "confirms suggested suggests predicted predicts maintained maintains alleged alleges found finds estimated estimates "
        + "concluded concludes told tells added adds reiterated reiterates");

    /// <summary>Verbs whose object is the person spoken to ("told Zhang", "urged Beijing", "calling on Beijing").</summary>
    public static readonly HashSet<string> AudienceVerbs = Set("told tells telling urged urges assured assures warned warns calling called");

    /// <summary>Title nouns and the words that build a role ("Defence Minister", "vice chairman").</summary>
    public static readonly HashSet<string> TitleWords = Set(
        "president vice-president prime minister secretary spokesman spokeswoman spokesperson general gen. admiral adm. chancellor governor "
        + "mayor senator sen. rep. representative chief director official officials ambassador commander chairman chairwoman chair "
        + "ceo head leader king queen prince pope premier envoy diplomat analyst expert professor prof. dr. mr. mrs. ms. lawmaker mp "
        + "congressman congresswoman judge prosecutor attorney lawyer coach manager executive founder economist officer colonel col. "
        + "lieutenant lt. captain capt. sergeant sgt. deputy vice defence defense foreign interior finance health economy trade energy "
        + "justice state national security press military party opposition police army navy commissioner superintendent inspector "
        + "adviser advisor aide counsellor counselor negotiator researcher scientist author editor correspondent reporter candidate "
        + "chairperson vice-chairman vice-chair first lady lord baroness sheikh emir president-elect acting former top senior challenger "
        + "incumbent author epidemiologist representative");

    /// <summary>Lower-case words that qualify a title before it ("presiding judge", "chief operating officer", "campaign manager").</summary>
    public static readonly HashSet<string> RoleModifiers = Set(
        "presiding chief operating campaign executive lead senior junior deputy acting former top assistant associate managing principal "
        + "regional local federal state national foreign defence defense union party opposition interim outgoing incoming incumbent "
        + "finance health interior justice transport industry economy trade energy education environment press communications "
        + "general technical medical political military police fire election research");

    /// <summary>Head nouns of a role that names a person's office (the last title word of a role).</summary>
    public static readonly HashSet<string> TitleHeads = Set(
        "president vice-president minister secretary spokesman spokeswoman spokesperson general gen. admiral adm. chancellor governor mayor "
        + "senator sen. rep. representative chief director official ambassador commander chairman chairwoman chair ceo head leader king "
        + "queen prince pope premier envoy diplomat analyst expert professor prof. lawmaker mp congressman congresswoman judge prosecutor "
        + "attorney lawyer coach manager executive founder economist officer colonel col. lieutenant lt. captain capt. sergeant sgt. "
        + "commissioner adviser advisor aide negotiator researcher scientist candidate chairperson vice-chairman emir challenger incumbent "
        + "author epidemiologist");

    /// <summary>Courtesy titles printed before a name, never part of a role.</summary>
    public static readonly HashSet<string> Honorifics = Set("mr. mrs. ms. dr. mr mrs ms dr");

    /// <summary>Bodies and channels through which words reach the outlet: their presence makes an appearance "reported".</summary>
    public static readonly HashSet<string> IntermediaryHeads = Set(
        "ministry transcript transcription statement readout agency office kremlin spokesman spokeswoman spokesperson "
        + "tass ria interfax xinhua reuters afp ap bloomberg media television broadcaster newspaper report translation communique news "
        + "communiqué release press-release channel website account");

    /// <summary>Heads that make a claimant a document.</summary>
    public static readonly HashSet<string> DocumentHeads = Set(
        "report study survey statement transcript transcription readout memo letter document assessment analysis poll communique "
        + "communiqué filing ruling indictment paper review audit census");

    /// <summary>Words that make a name an organisation.</summary>
    public static readonly HashSet<string> OrganisationWords = Set(
        "ministry commission council office agency department kremlin government party union bank court army police committee "
        + "organisation organization group company corporation inc. ltd. fund federation association institute university parliament "
        + "congress senate assembly administration navy forces service services authority authorities board bureau cabinet "
        + "secretariat embassy alliance coalition nato eu un who imf opec g7 g20 tass ria interfax xinhua reuters afp ap "
        + "white house pentagon");

    public static readonly HashSet<string> Pronouns = Set("he she they it we i");

    /// <summary>Capitalised words that open a sentence or clause and are never part of a name.</summary>
    public static readonly HashSet<string> NotNames = Set(
        "but and or while when earlier later speaking in on at also however meanwhile after before asked yesterday today tonight "
        + "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september "
        + "october november december as if although though because since with without from by for of to the a an this that "
        + "these those his her their its our we he she they it i there here then so yet still even not no yes both either "
        + "neither last next first during despite amid among according according, file update updated breaking live watch "
        + "read share photo video copyright advertisement");

    /// <summary>Month names that are also surnames and first names ("Theresa May", "Prime Minister May", "June Sarpong").</summary>
    public static readonly HashSet<string> NameMonths = Set("may june april august");

    public static readonly HashSet<string> Determiners = Set("the a an his her their its this that");

    /// <summary>Words between a subject and its verb that belong to the attribution phrase ("also", "had earlier").</summary>
    public static readonly HashSet<string> VerbModifiers = Set(
        "also had has have earlier later then again previously reportedly repeatedly once further separately publicly privately "
        + "recently subsequently initially first last yesterday today has been was is would will did does had already");

    /// <summary>Hedges a printing carries outside the quotation marks.</summary>
    public static readonly string[] Hedges =
    [
        "reportedly", "allegedly", "likely", "probably", "possibly", "apparently", "purportedly", "seemingly", "may have", "might have",
        "could have", "is believed to", "are believed to", "was believed to", "is thought to", "are thought to", "is said to",
        "are said to", "is expected to", "are expected to", "unconfirmed",
    ];

    /// <summary>Nationality adjectives and possessives, to the country they name (for matching roles).</summary>
    public static readonly Dictionary<string, string> Nationalities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["russian"] = "russia", ["russia's"] = "russia", ["russia’s"] = "russia", ["russia"] = "russia",
        ["chinese"] = "china", ["china's"] = "china", ["china’s"] = "china", ["china"] = "china",
        ["american"] = "us", ["us"] = "us", ["u.s."] = "us", ["america's"] = "us", ["america’s"] = "us",
        ["british"] = "uk", ["uk"] = "uk", ["britain's"] = "uk", ["britain’s"] = "uk",
        ["french"] = "france", ["france's"] = "france", ["france’s"] = "france",
        ["german"] = "germany", ["germany's"] = "germany", ["germany’s"] = "germany",
        ["ukrainian"] = "ukraine", ["ukraine's"] = "ukraine", ["ukraine’s"] = "ukraine", ["ukraine"] = "ukraine",
        ["japanese"] = "japan", ["japan's"] = "japan", ["japan’s"] = "japan",
        ["indian"] = "india", ["india's"] = "india", ["india’s"] = "india",
        ["israeli"] = "israel", ["israel's"] = "israel", ["israel’s"] = "israel",
        ["iranian"] = "iran", ["iran's"] = "iran", ["iran’s"] = "iran",
        ["turkish"] = "turkey", ["turkey's"] = "turkey", ["turkey’s"] = "turkey",
        ["italian"] = "italy", ["italy's"] = "italy", ["italy’s"] = "italy",
        ["spanish"] = "spain", ["spain's"] = "spain", ["spain’s"] = "spain",
        ["polish"] = "poland", ["poland's"] = "poland", ["poland’s"] = "poland",
        ["european"] = "eu", ["eu"] = "eu", ["canadian"] = "canada", ["canada's"] = "canada", ["canada’s"] = "canada",
        ["brazilian"] = "brazil", ["brazil's"] = "brazil", ["brazil’s"] = "brazil", ["mexican"] = "mexico", ["mexico's"] = "mexico",
        ["australian"] = "australia", ["australia's"] = "australia", ["australia’s"] = "australia",
        ["south african"] = "south-africa", ["kenyan"] = "kenya", ["kenya's"] = "kenya", ["kenya’s"] = "kenya",
        ["nigerian"] = "nigeria", ["nigeria's"] = "nigeria", ["nigeria’s"] = "nigeria",
        ["dutch"] = "netherlands", ["swedish"] = "sweden", ["norwegian"] = "norway", ["finnish"] = "finland", ["greek"] = "greece",
        ["egyptian"] = "egypt", ["saudi"] = "saudi-arabia", ["korean"] = "korea", ["taiwanese"] = "taiwan", ["philippine"] = "philippines",
    };

    /// <summary>Spelling variants read as one word when comparing roles ("defense"/"defence", "gen."/"general").</summary>
    public static string RoleWord(string lower) => lower switch
    {
        "defense" => "defence",
        "gen." or "gen" => "general",
        "adm." => "admiral",
        "sen." => "senator",
        "rep." => "representative",
        "col." => "colonel",
        "lt." => "lieutenant",
        "capt." => "captain",
        "sgt." => "sergeant",
        "prof." => "professor",
        "vice-chairman" or "vice-president" or "vice-chair" => lower,
        _ => lower,
    };
}
