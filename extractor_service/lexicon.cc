#include "extractor_service/lexicon.h"

#include <algorithm>
#include <cstring>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace claims::extractor {
namespace {

using StringSet = absl::flat_hash_set<std::string>;

// Verbs of manner of speaking, as features attribute quotations ("“We
// managed,” she shrugs"): lemma, then past, third-person and -ing forms.
struct MannerVerb {
  const char* lemma;
  const char* forms[3];
};
constexpr MannerVerb kMannerVerbs[] = {
    {"laugh", {"laughed", "laughs", "laughing"}},          {"sigh", {"sighed", "sighs", "sighing"}},
    {"shrug", {"shrugged", "shrugs", "shrugging"}},        {"smile", {"smiled", "smiles", "smiling"}},
    {"remember", {"remembered", "remembers", "remembering"}}, {"exclaim", {"exclaimed", "exclaims", "exclaiming"}},
    {"shout", {"shouted", "shouts", "shouting"}},          {"whisper", {"whispered", "whispers", "whispering"}},
    {"mutter", {"muttered", "mutters", "muttering"}},      {"chuckle", {"chuckled", "chuckles", "chuckling"}},
    {"chant", {"chanted", "chants", "chanting"}},          {"scream", {"screamed", "screams", "screaming"}},
    {"yell", {"yelled", "yells", "yelling"}},              {"cry", {"cried", "cries", "crying"}},
    {"quip", {"quipped", "quips", "quipping"}},            {"snap", {"snapped", "snaps", "snapping"}},
    {"retort", {"retorted", "retorts", "retorting"}},      {"plead", {"pleaded", "pleads", "pleading"}},
    {"beg", {"begged", "begs", "begging"}},                {"murmur", {"murmured", "murmurs", "murmuring"}},
    {"sob", {"sobbed", "sobs", "sobbing"}},                {"gasp", {"gasped", "gasps", "gasping"}}};

// Reporting verbs as (lemma, forms...). Forms are lower case.
const absl::flat_hash_map<std::string, std::string>& VerbForms() {
  static const auto* forms = [] {
    auto* m = new absl::flat_hash_map<std::string, std::string>;
    auto add = [m](const char* lemma, std::initializer_list<const char*> words) {
      (*m)[lemma] = lemma;
      for (const char* w : words) (*m)[w] = lemma;
    };
    add("say", {"said", "says", "saying"});
    add("tell", {"told", "tells", "telling"});
    add("add", {"added", "adds", "adding"});
    add("warn", {"warned", "warns", "warning"});
    add("stress", {"stressed", "stresses", "stressing"});
    add("note", {"noted", "notes", "noting"});
    add("announce", {"announced", "announces", "announcing"});
    add("insist", {"insisted", "insists", "insisting"});
    add("argue", {"argued", "argues", "arguing"});
    add("deny", {"denied", "denies", "denying"});
    add("urge", {"urged", "urges", "urging"});
    add("comment", {"commented", "comments", "commenting"});
    add("emphasise", {"emphasised", "emphasises", "emphasising", "emphasize",
                      "emphasized", "emphasizes", "emphasizing"});
    add("explain", {"explained", "explains", "explaining"});
    add("ask", {"asked", "asks", "asking"});
    add("reply", {"replied", "replies", "replying"});
    add("respond", {"responded", "responds", "responding"});
    add("write", {"wrote", "writes", "writing", "written"});
    add("declare", {"declared", "declares", "declaring"});
    add("claim", {"claimed", "claims", "claiming"});
    add("state", {"stated", "states", "stating"});
    add("assert", {"asserted", "asserts", "asserting"});
    add("acknowledge", {"acknowledged", "acknowledges", "acknowledging"});
    add("admit", {"admitted", "admits", "admitting"});
    add("confirm", {"confirmed", "confirms", "confirming"});
    add("continue", {"continued", "continues", "continuing"});
    add("conclude", {"concluded", "concludes", "concluding"});
    add("remark", {"remarked", "remarks", "remarking"});
    add("observe", {"observed", "observes", "observing"});
    add("suggest", {"suggested", "suggests", "suggesting"});
    add("predict", {"predicted", "predicts", "predicting"});
    add("caution", {"cautioned", "cautions", "cautioning"});
    add("reiterate", {"reiterated", "reiterates", "reiterating"});
    add("recall", {"recalled", "recalls", "recalling"});
    add("inform", {"informed", "informs", "informing"});
    add("promise", {"promised", "promises", "promising"});
    add("vow", {"vowed", "vows", "vowing"});
    add("pledge", {"pledged", "pledges", "pledging"});
    add("threaten", {"threatened", "threatens", "threatening"});
    add("maintain", {"maintained", "maintains", "maintaining"});
    add("clarify", {"clarified", "clarifies", "clarifying"});
    add("highlight", {"highlighted", "highlights", "highlighting"});
    add("underline", {"underlined", "underlines", "underlining"});
    add("underscore", {"underscored", "underscores", "underscoring"});
    add("tweet", {"tweeted", "tweets", "tweeting"});
    add("opine", {"opined", "opines", "opining"});
    add("aver", {"averred", "avers", "averring"});
    // Verbs of judging that introduce a quoted label ("slammed the deal as
    // “a disgrace”", "branded it “a joke”"): cues of quotations, not of
    // reported clauses.
    add("slam", {"slammed", "slams", "slamming"});
    add("blast", {"blasted", "blasts", "blasting"});
    add("brand", {"branded", "brands", "branding"});
    add("hail", {"hailed", "hails", "hailing"});
    add("dub", {"dubbed", "dubs", "dubbing"});
    add("term", {"termed", "terming"});  // (not "terms", a noun far more often)
    add("label", {"labelled", "labeled", "labels", "labelling", "labeling"});
    add("dismiss", {"dismissed", "dismisses", "dismissing"});
    add("denounce", {"denounced", "denounces", "denouncing"});
    add("condemn", {"condemned", "condemns", "condemning"});
    add("deride", {"derided", "derides", "deriding"});
    add("decry", {"decried", "decries", "decrying"});
    add("criticise", {"criticised", "criticises", "criticising", "criticize", "criticized", "criticizes",
                      "criticizing"});
    add("praise", {"praised", "praises", "praising"});
    add("remind", {"reminded", "reminds", "reminding"});
    add("advise", {"advised", "advises", "advising"});
    add("rule", {"ruled", "rules", "ruling"});
    add("thank", {"thanked", "thanking"});  // ("thanks to" is no cue)
    add("blame", {"blamed", "blames", "blaming"});
    add("apologise", {"apologised", "apologises", "apologising", "apologize", "apologized", "apologizes",
                      "apologizing"});
    add("welcome", {"welcomed", "welcomes", "welcoming"});
    add("post", {"posted"});
    // A feeling stated, only with "that" ("expressed hope that ...",
    // "voiced concern that ...").
    add("express", {"expressed", "expresses", "expressing"});
    add("voice", {"voiced", "voices", "voicing"});
    add("report", {"reported"});
    // A court's finding, only with "that" ("the court held that ...").
    add("hold", {"held", "holds"});
    add("reveal", {"revealed", "reveals", "revealing"});
    add("describe", {"described", "describes", "describing"});
    add("demand", {"demanded", "demands", "demanding"});
    add("accuse", {"accused", "accuses", "accusing"});
    add("mention", {"mentioned", "mentions", "mentioning"});
    add("contend", {"contended", "contends", "contending"});
    add("allege", {"alleged", "alleges", "alleging"});
    add("complain", {"complained", "complains", "complaining"});
    add("boast", {"boasted", "boasts", "boasting"});
    add("concede", {"conceded", "concedes", "conceding"});
    add("counter", {"countered", "counters", "countering"});
    add("estimate", {"estimated", "estimates", "estimating"});
    add("forecast", {"forecasted", "forecasts", "forecasting"});
    add("indicate", {"indicated", "indicates", "indicating"});
    add("point", {"pointed"});
    add("tell", {});
    add("agree", {"agreed", "agrees", "agreeing"});
    add("believe", {"believed", "believes", "believing"});
    add("hope", {"hoped", "hopes", "hoping"});
    add("expect", {"expected", "expects", "expecting"});
    add("call", {"called", "calls", "calling"});
    add("quote", {"quoted"});
    add("signal", {"signalled", "signaled", "signals", "signalling", "signaling"});
    add("hint", {"hinted", "hints", "hinting"});
    add("testify", {"testified", "testifies", "testifying"});
    add("disclose", {"disclosed", "discloses", "disclosing"});
    add("assure", {"assured", "assures", "assuring"});
    add("affirm", {"affirmed", "affirms", "affirming"});
    add("reaffirm", {"reaffirmed", "reaffirms", "reaffirming"});
    add("lament", {"lamented", "laments", "lamenting"});
    add("speculate", {"speculated", "speculates", "speculating"});
    add("recount", {"recounted", "recounts", "recounting"});
    add("retort", {"retorted", "retorts"});
    add("quip", {"quipped", "quips"});
    add("joke", {"joked", "jokes", "joking"});
    add("find", {"found", "finds"});
    for (const MannerVerb& v : kMannerVerbs) add(v.lemma, {v.forms[0], v.forms[1], v.forms[2]});
    return m;
  }();
  return *forms;
}

// Portfolios in titles ("Trade and Industry Minister", "Health Secretary").
constexpr const char* kPortfolios[] = {
    "trade", "industry", "energy", "health", "education", "transport", "agriculture", "environment",
    "culture", "economy", "labour", "labor", "housing", "tourism", "science", "technology",
    "infrastructure", "immigration", "treasury", "commerce", "fisheries", "veterans"};

const StringSet& Titles() {
  static const auto* s = [] {
    auto* set = new StringSet{
      "president", "vice", "prime", "minister", "secretary", "general", "secretary-general",
      "chief", "head", "leader", "deputy", "foreign", "defense", "defence", "interior",
      "finance", "state", "senior", "junior", "assistant", "under", "undersecretary",
      "ambassador", "envoy", "representative", "spokesman", "spokeswoman", "spokesperson",
      "chancellor", "governor", "senator", "congressman", "congresswoman", "lawmaker",
      "mayor", "director", "director-general", "chairman", "chairwoman", "chair", "ceo",
      "commissioner", "adviser", "advisor", "official", "officer", "king", "queen",
      "prince", "princess", "pope", "judge", "justice", "attorney", "prosecutor",
      "colonel", "lieutenant", "major", "captain", "sergeant", "admiral", "commander",
      "marshal", "brigadier", "executive", "economist", "analyst", "professor", "dean",
      "speaker", "premier", "diplomat", "counsel", "treasurer", "administrator",
      "coordinator", "negotiator", "presidential", "founder", "co-founder", "chairperson",
      "mp", "mep", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "adm", "amb",
      "cardinal", "bishop", "archbishop", "rabbi", "imam", "sheikh", "emir", "sultan",
      "tsar", "czar", "inspector", "superintendent", "constable", "sheriff", "councillor",
      "councilman", "councilwoman", "delegate", "consul", "attaché", "staff", "master",
      // US state and city offices ("Assemblyman Jim Patterson", "Alderman Ed Burke").
      "assemblyman", "assemblywoman", "assemblymember", "councilmember", "alderman", "alderwoman",
      "supervisor", "comptroller", "controller", "selectman", "congressmember",
      "headmaster", "headteacher", "principal", "manager", "owner", "engineer", "scientist",
      "researcher", "expert", "doctor", "nurse", "teacher", "lawyer", "activist", "campaigner",
      "organiser", "organizer", "historian", "journalist", "editor", "pilot", "witness",
      "hydrologist", "meteorologist", "epidemiologist", "virologist", "spokesman", "aide",
      "strategist", "pollster", "secretary-general", "vice-president", "vice-chair",
      // People quoted as a group in news ("residents said", "a source said").
      "resident", "source", "person", "protester", "protestor", "demonstrator", "villager", "survivor",
      "worker", "farmer", "student", "parent", "voter", "critic", "supporter", "opponent",
      "observer", "commentator", "insider", "legislator", "investigator", "trader",
      "investor", "employee", "member", "mediator", "monitor", "firefighter", "rescuer", "medic",
      "paramedic", "physician", "surgeon", "candidate", "fisherman", "fishermen", "islander",
      "traveller", "traveler", "passenger", "commuter", "driver", "shopper", "visitor", "tourist",
      "neighbour", "neighbor", "customer", "patient", "victim", "player", "coach", "fan",
      // Relations a person is introduced by ("His wife, Ana Lima, said").
      "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "widow", "widower",
      "friend", "colleague", "partner", "cousin", "aunt", "uncle", "niece", "nephew", "fiance", "fiancee",
      "boyfriend", "girlfriend", "grandmother", "grandfather", "grandson", "granddaughter", "relative",
      // Relations in office ("his Swedish counterpart said").
      "counterpart", "successor", "predecessor", "rival", "opponent", "ally",
      // People by what they do, as news introduces unnamed sources.
      "reviewer", "bystander", "shopkeeper", "eyewitness", "spectator", "viewer", "reader", "writer",
      "author", "novelist", "artist", "musician", "singer", "actor", "actress", "filmmaker",
      "photographer", "reporter", "correspondent", "columnist", "consultant", "contractor", "landlord",
      "tenant", "homeowner", "shopowner", "miner", "sailor", "soldier", "veteran", "refugee",
      "migrant", "immigrant", "volunteer", "donor", "banker", "broker", "accountant", "auditor",
      "inspector", "detective", "coroner", "ranger", "climber", "athlete", "referee", "chef", "grower",
      "rancher", "lecturer", "scholar", "astronomer", "geologist", "biologist", "chemist", "physicist",
      "ecologist", "architect", "planner", "designer", "entrepreneur", "founder", "shareholder",
      "holder", "bondholder", "policyholder", "diplomat", "negotiator", "lobbyist", "councillor", "councilor",
      "magistrate", "juror", "keeper", "zookeeper", "curator", "warden", "caretaker", "gardener", "vet",
      "veterinarian", "pharmacist", "dentist", "midwife", "carer", "cleaner", "baker", "butcher", "fisher",
      "defendant", "plaintiff", "barrister", "solicitor", "inmate", "prisoner", "detainee", "hostage",
      "motorist", "pedestrian", "taxpayer", "consumer", "pundit", "priest", "imam", "rabbi", "pastor",
      "bishop", "cardinal", "monk", "nun",
      // Sport ("the veteran defender said", "the youngster said").
      "defender", "striker", "midfielder", "goalkeeper", "goalie", "winger", "quarterback", "pitcher",
      "batsman", "batter", "bowler", "jockey", "cyclist", "rider", "sprinter", "swimmer", "skier", "boxer",
      "golfer", "umpire", "trainer", "teammate", "team-mate", "skipper", "rookie", "youngster", "teenager",
      "boss", "duke", "duchess", "earl", "countess", "baron", "baroness", "viscount", "marquess",
      // People by sex or age, as vox pops introduce them ("A woman in Leeds
      // said", "One man, who gave only his first name, said").
      "man", "woman", "boy", "girl",
      // Entertainment ("pop star X", "the rapper said").
      "star", "rapper", "comedian", "presenter", "host", "dancer", "model", "influencer",
      "songwriter", "composer", "conductor", "playwright", "screenwriter", "poet", "guitarist",
      "drummer", "frontman", "frontwoman"};
    for (const char* p : kPortfolios) set->insert(p);
    return set;
  }();
  return *s;
}

const StringSet& OrganizationWords() {
  static const auto* s = new StringSet{
      "ministry", "government", "administration", "office", "council", "presidency",
      "department", "agency", "commission", "committee", "parliament", "senate",
      "congress", "cabinet", "embassy", "army", "military", "navy", "police", "constabulary", "court",
      // Armed and uniformed services ("the air force said", "the coast guard
      // said", "the brigade said").
      "force", "forces", "guard", "corps", "brigade", "battalion", "regiment", "fleet", "marines",
      "bank", "company", "corporation", "group", "union", "organisation", "organization",
      "party", "alliance", "authority", "authorities", "service", "institute", "board",
      "bureau", "command", "headquarters", "secretariat", "federation", "confederation", "association",
      "syndicate", "guild", "directorate", "prefecture", "nations",  // ("the United Nations said")
      "kremlin", "pentagon", "elysee", "élysée", "downing", "whitehall", "vatican",
      "nato", "un", "eu", "who", "imf", "opec", "fbi", "cia", "press", "university", "hospital",
      "foundation", "fund", "assembly", "league", "coalition", "chamber", "tribunal", "society",
      "centre", "center", "forum", "academy", "observatory", "laboratory", "lab", "clinic",
      // Businesses by what they do ("the operator says", "the airline said").
      "operator", "firm", "carrier", "airline", "retailer", "manufacturer", "insurer", "lender",
      "utility", "broadcaster", "publisher", "developer", "producer", "supplier", "club", "team",
      "school", "college", "museum", "church", "prison", "airport", "carmaker", "automaker", "chipmaker",
      "zoo", "aquarium", "library", "theatre", "theater", "gallery", "orchestra", "festival",
      "drugmaker", "planemaker", "shipbuilder", "brewer", "distributor", "conglomerate",
      // Bodies and public entities ("the trade body said", "the city said").
      "body", "watchdog", "regulator", "inspectorate", "charity", "network", "delegation", "mission", "panel",
      "inquiry", "consortium",
      "municipality", "city", "county", "exchange", "regime", "junta",
      // A party to talks or a dispute ("the Russian side said", "the two
      // sides said").
      "side",
      // A news outlet by its name ("Al-Qahera News reported").
      "news",
      // Documents that speak for their authors ("the study found", "the report said").
      "study", "report", "survey", "poll", "analysis", "audit", "ruling", "indictment", "lawsuit", "filing",
      "memo", "letter", "statement", "document", "assessment", "review", "investigation", "readout",
      "communique", "communiqué", "transcript", "announcement",
      "trust", "think-tank", "thinktank", "tank", "campaign", "bloc", "consulate", "legislature", "cooperative",
      "co-op", "chain", "platform", "startup", "start-up",
      // News media as sources ("state media reported that").
      "media", "newspaper", "paper", "daily", "tabloid", "outlet", "television",
      // Families and couples speaking together ("the family said in a
      // statement", "the couple said").
      "family", "couple", "pair", "trio",
      // Political sides ("the opposition said") and gatherings ("the crowd
      // chanted").
      "opposition", "crowd", "audience",
      // Sides in a court ("the prosecution said", "according to the defence").
      "prosecution", "defence", "defense",
      // Political and armed movements ("the Justice Movement", "the
      // National Front").
      "movement", "front", "caucus", "brotherhood", "militia"};
  return *s;
}

const StringSet& NonNameCapitalized() {
  static const auto* s = new StringSet{
      "the", "a", "an", "and", "but", "or", "nor", "so", "yet", "if", "as", "at", "in",
      "on", "of", "for", "to", "by", "with", "from", "after", "before", "while", "when",
      "where", "this", "that", "these", "those", "there", "here", "it", "its", "his",
      "her", "their", "our", "we", "they", "he", "she", "i", "you", "meanwhile",
      "however", "also", "still", "then", "now", "later", "earlier", "speaking", "asked",
      "according", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december", "separately", "shortly", "like",
      "under", "despite", "although", "though", "because", "since", "during", "amid",
      "against", "both", "some", "many", "several", "other", "another", "such", "what",
      "which", "who", "how", "why", "not", "no", "yes", "last", "next", "previous",
      "prior", "today", "yesterday", "tomorrow", "tonight", "two", "three", "four", "five",
      "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "nobody", "none",
      "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "neither", "either", "whether",
      "every", "each", "all", "most", "few", "once", "until", "unless", "whatever", "whenever"};
  return *s;
}

std::string Lower(absl::string_view w) { return absl::AsciiStrToLower(w); }

// Lower-case copy of a short word in a caller's buffer, without allocating;
// empty for words longer than the buffer (no lexicon entry is that long).
struct LowerWord {
  explicit LowerWord(absl::string_view w) {
    if (w.size() > sizeof(buf)) return;
    for (size_t i = 0; i < w.size(); ++i) buf[i] = absl::ascii_tolower(static_cast<unsigned char>(w[i]));
    view = absl::string_view(buf, w.size());
  }
  char buf[32];
  absl::string_view view;
};

}  // namespace

absl::string_view ReportingVerbLemma(absl::string_view word) {
  if (word.size() < 3) return absl::string_view();
  const auto& forms = VerbForms();
  auto it = forms.find(word);
  return it == forms.end() ? absl::string_view() : absl::string_view(it->second);
}

bool IsRelativePronoun(absl::string_view word) { return word == "who" || word == "which" || word == "whose"; }

bool IsPortfolioWord(absl::string_view word) {
  static const auto* s = new StringSet(std::begin(kPortfolios), std::end(kPortfolios));
  const LowerWord lower(word);
  return !lower.view.empty() && s->contains(lower.view);
}

bool IsCompanyNameEnding(absl::string_view word) {
  static const auto* kForms = new StringSet{
      "ltd", "limited", "inc", "incorporated", "corp", "corporation", "co", "cos", "plc", "llc", "llp", "gmbh", "pty",
      "spa", "oyj",
      // Lines of trade in the plural.
      "devices", "holdings", "pharmaceuticals", "technologies", "industries", "partners", "ventures", "systems",
      "solutions", "motors", "airlines", "airways", "logistics", "laboratories", "labs", "foods", "brands",
      "resources", "investments", "securities", "enterprises", "therapeutics", "biosciences", "semiconductors",
      "electronics", "communications", "telecommunications", "properties", "minerals", "chemicals", "textiles"};
  static const auto* kCapitalForms = new StringSet{"AG", "SA", "NV", "BV", "AB", "ASA", "SE", "KG"};
  if (kCapitalForms->contains(word)) return true;
  absl::ConsumeSuffix(&word, ".");  // "Inc.", "Corp."
  const LowerWord lower(word);
  return !lower.view.empty() && kForms->contains(lower.view);
}

bool IsTitleWord(absl::string_view word) {
  const LowerWord lower(word);
  if (lower.view.empty()) return false;
  if (Titles().contains(lower.view)) return true;
  // "co-author", "ex-minister", "editor-in-chief": a compound ending in a
  // role.
  const size_t hyphen = lower.view.rfind('-');
  return hyphen != absl::string_view::npos && hyphen > 0 && Titles().contains(lower.view.substr(hyphen + 1));
}

std::string SingularOfPluralTitle(absl::string_view word) {
  const LowerWord lower(word);
  const absl::string_view w = lower.view;
  if (w == "people") return "person";  // "people familiar with the matter"
  if (w == "men") return "man";
  if (w == "women") return "woman";
  // "MPs", "CEOs": an abbreviated title's plural.
  auto upper = [](char c) { return absl::ascii_isupper(static_cast<unsigned char>(c)); };
  if (word.size() >= 3 && word.size() <= 5 && word.back() == 's' && std::all_of(word.begin(), word.end() - 1, upper) &&
      Titles().contains(w.substr(0, w.size() - 1))) {
    return std::string(w.substr(0, w.size() - 1));
  }
  if (w.size() < 4 || w.back() != 's' || Titles().contains(w)) return "";
  // "officials", "witnesses", "deputies"; groups of organisations too
  // ("unions", "ministries").
  auto known = [](absl::string_view singular) {
    return Titles().contains(singular) || OrganizationWords().contains(singular);
  };
  if (known(w.substr(0, w.size() - 1))) return std::string(w.substr(0, w.size() - 1));
  if (absl::EndsWith(w, "es") && known(w.substr(0, w.size() - 2))) return std::string(w.substr(0, w.size() - 2));
  if (absl::EndsWith(w, "ies")) {
    const std::string singular = absl::StrCat(w.substr(0, w.size() - 3), "y");
    if (known(singular)) return singular;
  }
  return "";
}

bool IsPluralTitleWord(absl::string_view word) { return !SingularOfPluralTitle(word).empty(); }

bool IsQuantifier(absl::string_view word) {
  static const auto* s = new StringSet{
      "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
      "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "dozen",
      "several", "many", "few", "most"};
  const LowerWord lower(word);
  return !lower.view.empty() && s->contains(lower.view);
}

// Honorifics with the gender they give ('m', 'f', or 0 for either).
const absl::flat_hash_map<absl::string_view, char>& Honorifics() {
  static const auto* m = new absl::flat_hash_map<absl::string_view, char>{
      {"Mr", 'm'},   {"Sir", 'm'},  {"Lord", 'm'}, {"Herr", 'm'},  {"Sr", 'm'},   {"M", 'm'},   {"Mrs", 'f'},
      {"Ms", 'f'},   {"Miss", 'f'}, {"Dame", 'f'}, {"Lady", 'f'},  {"Madam", 'f'}, {"Mme", 'f'}, {"Frau", 'f'},
      {"Sra", 'f'},  {"Mlle", 'f'}, {"Mx", 0},     {"Dr", 0},      {"Prof", 0},   {"Rev", 0},   {"Hon", 0},
      {"Shri", 'm'}, {"Smt", 'f'}, {"Cllr", 0},
      // Abbreviated ranks of the police ("Det Ch Insp Laura Hill", "DCI
      // Ann Cole") and the forces ("Gen. Mark Hale", "Lt Col Ian Roe").
      {"Det", 0},    {"Ch", 0},    {"Insp", 0},   {"Supt", 0},   {"Sgt", 0},   {"PC", 0},
      {"DC", 0},     {"DS", 0},    {"DI", 0},     {"DCI", 0},    {"DCS", 0},   {"Gen", 0},   {"Lt", 0},
      {"Col", 0},    {"Capt", 0},  {"Maj", 0},    {"Cpl", 0},    {"Adm", 0},   {"Brig", 0},  {"Cmdr", 0}};
  return *m;
}

bool IsHonorific(absl::string_view word) { return Honorifics().contains(word); }

bool IsWordsNoun(absl::string_view word) {
  static const auto* s = new StringSet{"message", "answer",   "reply",   "response", "verdict", "view",
                                       "position", "advice",  "warning", "words",    "comment", "comments",
                                       "remarks", "reaction", "explanation", "argument", "assessment", "plea"};
  return s->contains(word);
}

bool IsNewsMediaWord(absl::string_view word) {
  static const auto* s = new StringSet{"media",   "newspaper", "paper", "daily",  "tabloid",  "outlet", "television",
                                       "tv",      "broadcaster", "network", "channel", "radio", "magazine",
                                       "website", "news",      "press", "wire",   "newswire"};
  return s->contains(word);
}

bool IsArticle(absl::string_view word) {
  return absl::EqualsIgnoreCase(word, "the") || absl::EqualsIgnoreCase(word, "a") || absl::EqualsIgnoreCase(word, "an");
}

bool IsArticleOrPossessive(absl::string_view word) {
  if (IsArticle(word)) return true;
  const LowerWord lower(word);
  const absl::string_view w = lower.view;
  return w == "its" || w == "his" || w == "her" || w == "their" || w == "our" || w == "my" || w == "your";
}

bool IsOrganizationWord(absl::string_view word) {
  const LowerWord lower(word);
  if (lower.view.empty() || !OrganizationWords().contains(lower.view)) return false;
  // Acronyms count only capitalised: "WHO" or "Nato", not "who" or "un";
  // those that are also words or name parts only in capitals ("Kim Jong
  // Un", "Who said ...").
  static const auto* kAcronyms =
      new absl::flat_hash_set<absl::string_view>{"nato", "un", "eu", "who", "imf", "opec", "fbi", "cia"};
  if (!kAcronyms->contains(lower.view)) return true;
  if (lower.view == "un" || lower.view == "eu" || lower.view == "who") {
    return std::all_of(word.begin(), word.end(),
                       [](char c) { return absl::ascii_isupper(static_cast<unsigned char>(c)); });
  }
  return absl::ascii_isupper(static_cast<unsigned char>(word[0]));
}

char PronounKind(absl::string_view w) {
  if (w.size() > 4) return 0;
  if (absl::EqualsIgnoreCase(w, "he") || absl::EqualsIgnoreCase(w, "him") || absl::EqualsIgnoreCase(w, "his")) return 'm';
  if (absl::EqualsIgnoreCase(w, "she") || absl::EqualsIgnoreCase(w, "her")) return 'f';
  if (absl::EqualsIgnoreCase(w, "they") || absl::EqualsIgnoreCase(w, "them") || absl::EqualsIgnoreCase(w, "it")) {
    return 'p';  // an organisation or group ("It said in a statement")
  }
  if (absl::EqualsIgnoreCase(w, "i") || absl::EqualsIgnoreCase(w, "we")) return 'i';
  return 0;
}

bool IsNonNameCapitalized(absl::string_view word) {
  const LowerWord lower(word);
  return !lower.view.empty() && NonNameCapitalized().contains(lower.view);
}

int WeekdayIndex(absl::string_view word) {
  // Fast rejection: every weekday name is 6-9 letters starting M T W F S.
  if (word.size() < 6 || word.size() > 9) return -1;
  const char first = absl::ascii_tolower(static_cast<unsigned char>(word[0]));
  if (first != 'm' && first != 't' && first != 'w' && first != 'f' && first != 's') return -1;
  static const char* kDays[] = {"monday", "tuesday", "wednesday", "thursday",
                                "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i) {
    if (absl::EqualsIgnoreCase(word, kDays[i])) return i;
  }
  return -1;
}

int MonthIndex(absl::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  // Month names and abbreviations are 3-9 letters.
  if (word.size() < 3 || word.size() > 9) return 0;
  const LowerWord lower(word);
  const absl::string_view w = lower.view;
  static const char* kMonths[] = {"january", "february", "march",     "april",
                                  "may",     "june",     "july",      "august",
                                  "september", "october", "november", "december"};
  // Candidates by first letter keep this cheap for ordinary words.
  int candidates[3] = {-1, -1, -1};
  switch (w[0]) {
    case 'j': candidates[0] = 0; candidates[1] = 5; candidates[2] = 6; break;
    case 'f': candidates[0] = 1; break;
    case 'm': candidates[0] = 2; candidates[1] = 4; break;
    case 'a': candidates[0] = 3; candidates[1] = 7; break;
    case 's': candidates[0] = 8; break;
    case 'o': candidates[0] = 9; break;
    case 'n': candidates[0] = 10; break;
    case 'd': candidates[0] = 11; break;
    default: return 0;
  }
  for (int i : candidates) {
    if (i < 0) break;
    const absl::string_view full = kMonths[i];
    if (w == full) return i + 1;
    if (w.size() < full.size() && (w.size() == 3 || w == "sept") && full.substr(0, w.size()) == w) return i + 1;
  }
  return 0;
}

}  // namespace claims::extractor

namespace claims::extractor {
namespace {

// country | capital | demonym | other names and seats of government.
// The first field is the canonical name unless the row starts with '='.
constexpr const char* kGovernments[] = {
    "=Kremlin|Russia|Moscow|Russian|Russian Federation|Kremlin",
    "United States|Washington|American|US|U.S.|USA|U.S.A.|America|White House",
    "United Kingdom|London|British|UK|U.K.|Britain|Great Britain|Downing Street",
    "Ukraine|Kyiv|Ukrainian|Kiev",
    "China|Beijing|Chinese|People's Republic of China|Zhongnanhai",
    "France|Paris|French|Elysee|Élysée",
    "Germany|Berlin|German",
    "Italy|Rome|Italian",
    "Spain|Madrid|Spanish",
    "Poland|Warsaw|Polish",
    "Japan|Tokyo|Japanese",
    "India|New Delhi|Indian",
    "Pakistan|Islamabad|Pakistani",
    "Iran|Tehran|Iranian",
    "Iraq|Baghdad|Iraqi",
    "Israel|Jerusalem|Israeli",
    "Turkey|Ankara|Turkish|Türkiye",
    "Egypt|Cairo|Egyptian",
    "Saudi Arabia|Riyadh|Saudi",
    "Syria|Damascus|Syrian",
    "Belarus|Minsk|Belarusian",
    "Georgia|Tbilisi|Georgian",
    "Moldova|Chisinau|Moldovan",
    "Canada|Ottawa|Canadian",
    "Mexico|Mexico City|Mexican",
    "Brazil|Brasilia|Brasília|Brazilian",
    "Argentina|Buenos Aires|Argentine|Argentinian",
    "Australia|Canberra|Australian",
    "South Korea|Seoul|South Korean",
    "North Korea|Pyongyang|North Korean",
    "Taiwan|Taipei|Taiwanese",
    "Vietnam|Hanoi|Vietnamese",
    "Indonesia|Jakarta|Indonesian",
    "Nigeria|Abuja|Nigerian",
    "South Africa|Pretoria|South African",
    "Kenya|Nairobi|Kenyan",
    "Ethiopia|Addis Ababa|Ethiopian",
    "Sweden|Stockholm|Swedish",
    "Norway|Oslo|Norwegian",
    "Finland|Helsinki|Finnish",
    "Denmark|Copenhagen|Danish",
    "Netherlands|The Hague|Dutch",
    "Belgium|Belgian",
    "Austria|Vienna|Austrian",
    "Switzerland|Bern|Swiss",
    "Greece|Athens|Greek",
    "Hungary|Budapest|Hungarian",
    "Romania|Bucharest|Romanian",
    "Czech Republic|Prague|Czech|Czechia",
    "Serbia|Belgrade|Serbian",
    "Lithuania|Vilnius|Lithuanian",
    "Latvia|Riga|Latvian",
    "Estonia|Tallinn|Estonian",
    "Afghanistan|Kabul|Afghan",
    "Venezuela|Caracas|Venezuelan",
    "Cuba|Havana|Cuban",
};

struct GovernmentTable {
  absl::flat_hash_map<std::string, std::string> by_alias;
};

const GovernmentTable& Governments() {
  static const auto* table = [] {
    auto* t = new GovernmentTable;
    for (const char* row : kGovernments) {
      std::vector<std::string> names = absl::StrSplit(row, '|');
      std::string canonical = names[0];
      if (canonical[0] == '=') {
        canonical = canonical.substr(1);
        names.erase(names.begin());
      }
      for (const std::string& n : names) {
        t->by_alias.emplace(n, canonical);
        t->by_alias.emplace(absl::StrCat(n, " government"), canonical);
        t->by_alias.emplace(absl::StrCat(n, " administration"), canonical);
      }
    }
    return t;
  }();
  return *table;
}

// Given names used overwhelmingly for one gender in English-language news,
// across languages. Ambiguous names (Jean, Andrea, Sasha, Kim) are left out.
constexpr const char* kFemaleNames[] = {
    "abby", "abigail", "ada", "adele", "adeline", "adriana", "agata", "agnes", "agnese",
    "agnieszka", "aiko", "aileen", "ailsa", "aisha", "akiko", "alejandra", "aleksandra",
    "alessandra", "alessia", "alexa", "alexandra", "alice", "alicia", "alina", "alisha",
    "alison", "alma", "amal", "amalia", "amanda", "amara", "amber", "amelia", "amina", "aminata",
    "amira", "amy", "ana", "anais", "anastasia", "anastasiya", "angela", "angelica", "angelina",
    "angelique", "angie", "anika", "anita", "anja", "anjali", "ann", "ann-marie", "anna", "annabel",
    "annalena", "anne", "annette", "annika", "antje", "antonia", "ariana", "arianna", "astrid",
    "aurelie", "aurora", "ayesha", "ayumi", "barbara", "beata", "beatrice", "beatriz", "becky",
    "belinda", "bella", "bernadette", "beth", "bethany", "bettina", "bianca", "birgit", "birgitta",
    "blanca", "bonnie", "brenda", "bridget", "brigitte", "brittany", "bronwyn", "camila", "camille",
    "candice", "carina", "carla", "carmen", "carol", "caroline", "cassandra", "catalina",
    "caterina", "catherine", "cathy", "cecilia", "celine", "chantal", "charlene", "charlotte",
    "cheryl", "chiara", "chloe", "christa", "christiane", "christina", "christine",
    "cindy", "claire", "clara", "claudia", "colleen", "constance", "cora", "corinne", "cristina",
    "crystal", "cynthia", "dagmar", "daisy", "dalia", "daniela", "danielle", "daphne", "daria",
    "darya", "debbie", "deborah", "debra", "delia", "delphine", "denise", "diana", "diane", "dina",
    "dolores", "dominika", "donna", "doris", "dorota", "dorothy", "edith", "eileen", "ekaterina",
    "elaine", "eleanor", "elena", "eleni", "elif", "elisabeth", "elise", "eliza", "elizabeth",
    "ella", "ellen", "ellie", "eloise", "elsa", "elzbieta", "emilia", "emilie", "emily", "emine",
    "emma", "erica", "erika", "esra", "esther", "eugenia", "eva", "evelyn", "ewa", "farah",
    "fatima", "fatma", "felicity", "fernanda", "fiona", "frances", "francesca",
    "francoise", "freya", "frida", "gabriela", "gabriella", "gabrielle", "gemma", "genevieve",
    "georgina", "geraldine", "gertrud", "gillian", "gina", "giorgia", "giovanna",
    "gisela", "giulia", "gloria", "grace", "greta", "gudrun", "gwen", "gwendolyn", "halina", "hana",
    "hanna", "hannah", "hannelore", "harriet", "hayley", "hazel", "heather", "heidi", "helen",
    "helena", "helga", "henrietta", "hilary", "hillary", "hiroko", "holly", "hye-jin", "ida",
    "ilona", "ilse", "imogen", "ines", "inga", "inge", "ingrid", "ioana", "irene", "irina", "iris",
    "isabel", "isabella", "isabelle", "ivana", "jacinda", "jacqueline", "jade", "jana", "jane",
    "janet", "janice", "janina", "janine", "jasmine", "jeanette", "jen", "jenna", "jennifer",
    "jenny", "jessica", "jill", "joan", "joanna", "joanne", "jocelyn", "johanna", "josefina",
    "josephine", "joyce", "judith", "judy", "julia", "juliana", "julianne", "julie", "juliet",
    "june", "justine", "justyna", "kaisa", "kaja", "kalina", "kamala", "karen", "karin", "karina",
    "karolina", "kasia", "katarina", "katarzyna", "kate", "katharina", "katherine", "kathleen",
    "kathryn", "kathy", "katie", "katja", "katrin", "katya", "kayla", "keiko", "kelly", "kerry",
    "kirsten", "kristin", "kristina", "krisztina", "lara", "larissa", "laura", "lauren", "lea",
    "leah", "leila", "lena", "lesley", "lidia", "lilian", "liliana", "lily", "linda", "lisa", "liv",
    "liz", "lorena", "lorna", "lorraine", "louisa", "louise", "lucia", "lucinda", "lucy", "ludmila",
    "luisa", "luz", "lydia", "lynn", "lyudmila", "madeleine", "madison", "magdalena", "maggie",
    "maja", "malgorzata", "mandy", "manon", "manuela", "marcela", "margaret", "margarida",
    "margarita", "margot", "margrethe", "maria", "mariam", "mariana", "marianne", "maribel",
    "marie", "marija", "marina", "marine", "marion", "marisa", "marja", "marjorie", "marlene",
    "marta", "martha", "martina", "mary", "mathilde", "matilda", "maureen", "maxine", "maya", "meg",
    "megan", "melania", "melanie", "melinda", "melissa", "meredith", "mette", "mia",
    "michaela", "michelle", "mila", "mildred", "milena", "minna", "miranda", "miriam", "molly",
    "mona", "monica", "monika", "monique", "nadezhda", "nadia", "nadine", "nancy", "naomi",
    "natalia", "natalie", "natalya", "natasha", "nathalie", "nicola", "nicole", "nikki", "nina",
    "nora", "norah", "noura", "nuria", "oksana", "olena", "olga", "olivia", "paivi", "paloma",
    "pamela", "paola", "patricia", "patrizia", "paula", "pauline", "peggy", "penelope", "petra",
    "philippa", "phoebe", "pia", "pilar", "pippa", "pirjo", "polly", "priya", "rachael", "rachel",
    "ramona", "rana", "raquel", "rebecca", "regina", "renata", "renate", "rhea", "riitta", "rita",
    "roberta", "rocio", "romy", "rosa", "rosalind", "rosemary", "rosie", "roxana", "ruth",
    "sabine", "sabrina", "sally", "salma", "samantha", "sandra", "sanja", "sanna", "sara", "sarah",
    "sarita", "selina", "serena", "sharon", "sheila", "shirley", "sienna", "silvia", "simone",
    "siobhan", "sirpa", "sofia", "sonia", "sonja", "sophia", "sophie", "stella", "stephanie", "sue",
    "susan", "susanne", "susie", "suzanne", "svenja", "svetlana", "sylvia", "sylvie", "tamara",
    "tanja", "tanya", "tara", "tatiana", "tatjana", "tatyana", "teresa", "tess", "tessa", "theresa",
    "tiffany", "tina", "tracey", "tracy", "trish", "tuula", "ulrike", "ursula", "valentina",
    "valeria", "valerie", "vanessa", "vera", "veronica", "veronika", "veronique", "vicky",
    "victoria", "viktoria", "viola", "violet", "violeta", "vivian", "wanda", "wendy",
    "wilma", "xenia", "yasmin", "yasmine", "yolanda", "yulia", "yuliia", "yvonne", "zainab", "zara",
    "zeynep", "zoe", "zofia", "zuzana",
    // More names of many languages (not unisex ones: those say nothing).
    "tammy", "lila", "hanne", "randi", "tove", "noor", "samira", "layla", "yuki", "sakura", "priyanka",
    "deepika", "sunita", "kavita", "pooja", "neha", "meera", "aarti", "lakshmi", "ashley", "kimberly", "ava",
    "beverly", "marilyn", "lori",
    "federica", "simona", "elisa", "ilaria", "catarina",
};
constexpr const char* kMaleNames[] = {
    "aaron", "abdul", "abdullah", "abraham", "adam", "adrian", "ahmad", "ahmed", "aidan", "akira",
    "alain", "alan", "alastair", "albert", "alberto", "alejandro", "aleksandar", "aleksander",
    "aleksandr", "alessandro", "alexander", "alexandre", "alexei", "alexey", "alfonso", "alfred",
    "alfredo", "ali", "alistair", "ambrose", "amir", "anders", "andre", "andreas", "andrei",
    "andres", "andrew", "andriy", "andrzej", "andy", "angelo", "angus", "anthony", "antoine",
    "anton", "antonio", "antony", "archie", "arjun", "armando", "arnold", "arthur", "arturo",
    "asif", "augusto", "barack", "barry", "bart", "bartosz", "basil", "ben", "benedict", "benedikt",
    "benjamin", "bernard", "bernd", "bertrand", "bill", "billy", "bjorn", "björn", "bob", "bobby",
    "bogdan", "bohdan", "boris", "brad", "brendan", "brett", "brian", "bruce", "bruno", "bryan",
    "byron", "caleb", "callum", "calvin", "carl", "carlo", "carlos", "cedric", "cesar", "charles",
    "charlie", "chris", "christian", "christoph", "christophe", "christopher", "chuck", "cillian",
    "clement", "clive", "colin", "connor", "conor", "craig", "cristian", "cyril", "damian",
    "damien", "dan", "daniel", "danny", "darius", "darren", "dave", "david", "dean", "declan",
    "denis", "dennis", "derek", "desmond", "diego", "dieter", "dimitri", "dimitris", "dirk",
    "dmitri", "dmitry", "dmytro", "dominic", "dominik", "donald", "doug", "douglas", "duncan",
    "dustin", "dylan", "eamon", "ed", "eddie", "edgar", "edmund", "eduardo", "edward", "edwin",
    "elias", "elijah", "elliot", "emil", "emilio", "emmanuel", "enrique", "enzo", "eric", "erik",
    "ernest", "ernesto", "ernst", "ethan", "eugene", "evan", "fabian", "fabio", "farid", "federico",
    "felipe", "felix", "ferdinand", "fernando", "filip", "finn", "florian", "francesco", "francis",
    "francisco", "francois", "frank", "franz", "françois", "fraser", "fred", "frederic",
    "frederick", "frederik", "fritz", "gabriel", "gareth", "gary", "gavin", "geert", "geoffrey",
    "georg", "george", "gerald", "gerard", "gerardo", "gerhard", "gianni", "gilbert", "giorgio",
    "giovanni", "giuseppe", "glen", "glenn", "gordon", "graham", "greg", "gregg",
    "gregory", "guillaume", "guillermo", "gunnar", "gustavo", "guy", "hamid", "hamish", "hank",
    "hans", "harald", "harold", "harry", "harvey", "hassan", "hector", "heinrich", "helmut",
    "henry", "herbert", "hermann", "hiroshi", "howard", "hugh", "hugo", "hussein", "iain", "ian",
    "ibrahim", "ignacio", "igor", "ilya", "imran", "ioannis", "isaac", "ismail", "istvan", "ivan",
    "jack", "jacob", "jaime", "jake", "jakob", "jamal", "james", "jan", "jan-erik",
    "janusz", "jared", "jaroslav", "jason", "javid", "javier", "jay", "jean-claude", "jean-luc",
    "jean-marc", "jean-pierre", "jeff", "jeffrey", "jens", "jeremy", "jerome", "jerry", "jesse",
    "jesus", "jim", "jimmy", "joachim", "joao", "joaquin", "joe", "joel", "joey", "johan", "johann",
    "johannes", "john", "johnny", "jon", "jonas", "jonathan", "jordi", "jorge", "jose", "jose-luis",
    "josef", "joseph", "josh", "joshua", "josé", "joão", "juan", "juergen", "julian", "julien",
    "julio", "jurgen", "justin", "jürgen", "kai", "kamil", "karim", "karl", "kasper", "keir",
    "keith", "ken", "kenji", "kenneth", "kev", "kevin", "khalid", "kieran", "klaus", "kofi",
    "konrad", "krzysztof", "kurt", "kwame", "kyle", "lachlan", "lamar", "larry", "lars", "laurence",
    "laurent", "lawrence", "leo", "leon", "leonard", "leonardo", "leopold", "lewis", "liam",
    "lionel", "lloyd", "lorenzo", "louis", "luca", "lucas", "luciano", "ludwig", "luigi", "luis",
    "luka", "lukas", "lukasz", "luke", "magnus", "mahmoud", "malcolm", "manfred", "manuel", "marc",
    "marcel", "marcin", "marco", "marcus", "marek", "mario", "marius", "mark", "markus", "martin",
    "mateo", "mateus", "mateusz", "mathias", "matt", "matteo", "matthew", "matthias", "maurice",
    "mauricio", "mauro", "max", "maxim", "maxime", "maximilian", "mehmet", "michael", "michal",
    "michał", "michel", "mick", "miguel", "mike", "mikey", "mikhail", "milan", "miles", "miroslav",
    "mitch", "mitchell", "mohamed", "mohammad", "mohammed", "moritz", "muhammad", "murat",
    "mustafa", "mykola", "narendra", "nate", "nathan", "neil", "nelson", "nicholas", "nick", "nico",
    "nicolas", "niels", "nigel", "nikola", "nikolai", "nikolaos", "nils", "noah", "norbert",
    "norman", "olaf", "oleg", "oleksandr", "oleksii", "oleksiy", "oliver", "olivier", "ollie",
    "omar", "oscar", "oskar", "otto", "owen", "pablo", "pascal", "pasquale", "patrice", "patrick",
    "paul", "pavel", "pawel", "paweł", "pedro", "pekka", "pete", "peter", "petr", "phil", "philip",
    "philipp", "philippe", "pierre", "piet", "pieter", "pietro", "piotr", "przemyslaw", "quentin",
    "rafael", "rahul", "rainer", "ralph", "ramon", "ramzan", "randall", "randy", "raphael", "raul",
    "ray", "raymond", "raúl", "reza", "ricardo", "richard", "rick", "ricky", "rishi", "rob",
    "robert", "roberto", "rodrigo", "roger", "roland", "rolf", "roman", "ron", "ronald", "rory",
    "ross", "roy", "rudolf", "rui", "rupert", "ruslan", "russell", "ryan", "salvatore", "sam",
    "sami", "samir", "samuel", "sandeep", "santiago", "scott", "seamus", "sean", "sebastian",
    "sebastien", "sergei", "sergey", "sergio", "sergiu", "serhiy", "seth", "shane", "shawn",
    "simon", "stan", "stanislav", "stefan", "stefano", "steffen", "stephane", "stephen",
    "steve", "steven", "stuart", "stéphane", "sven", "szymon", "sébastien", "tadeusz", "takashi",
    "taras", "tariq", "ted", "terry", "theo", "theodore", "thierry", "thomas", "thorsten", "tim",
    "timothy", "tobias", "todd", "tom", "tomas", "tomasz", "tommy", "tomás", "tony", "travis",
    "trevor", "troy", "tyler", "ulrich", "umar", "uwe", "valery", "vasily", "victor", "viktor",
    "vincent", "vincenzo", "vitali", "vitaly", "vittorio", "vladimir", "vladislav", "volodymyr",
    "wade", "walter", "warren", "wayne", "werner", "wes", "wilhelm", "willem", "william",
    "wojciech", "wolfgang", "xavier", "yannick", "yaroslav", "yasser", "yevgeny", "yevhen",
    "yoshihide", "youssef", "yuri", "yury", "yusuf", "zach", "zachary", "zbigniew", "zoltan",
    "łukasz",
    // More names of many languages.
    "olav", "geir", "teodor", "valdis", "yuriy", "oleh", "pyotr", "jakub", "majed", "tamim", "faisal", "hamad",
    "salman", "recep", "tayyip", "emre", "kemal", "hakan", "takeshi", "taro", "shinzo", "fumio", "amit",
    "rajesh", "sanjay", "vijay", "anil", "sunil", "arvind", "manmohan", "jair", "luiz", "inacio", "friedrich",
    "henrik", "gustav", "jacques", "silvio", "brandon", "willie", "logan",
    "paolo", "massimo", "enrico", "riccardo", "davide", "sandro", "emanuele", "dario", "claudio", "ettore",
    "giacomo", "raffaele", "paulo", "tiago", "nuno", "gonzalo",
};

}  // namespace

bool IsGerundForm(absl::string_view word) { return word.size() > 4 && absl::EndsWith(word, "ing"); }

bool IsSpeakerParticiple(absl::string_view word) {
  static const auto* s = new absl::flat_hash_set<absl::string_view>{
      "asked", "pressed", "questioned", "quizzed", "challenged", "interviewed", "reached", "contacted",
      "approached", "told", "speaking", "responding", "replying", "answering", "reacting", "commenting",
      "referring", "writing", "addressing", "testifying", "briefing", "appearing"};
  return s->contains(word);
}

bool IsParentheticalStart(absl::string_view word) {
  static const auto* s = new absl::flat_hash_set<absl::string_view>{
      "in", "on", "at", "during", "after", "before", "from", "via", "through", "with", "without",
      "by", "for", "following", "earlier", "later", "yesterday", "today", "tonight", "speaking",
      "writing", "addressing", "responding", "replying", "answering", "asked", "interviewed",
      "quoted", "reached", "contacted", "briefing", "testifying", "while", "whilst", "when",
      // Discourse adverbs ("Falk, however, said", "Ek did, though, say").
      "however", "meanwhile", "though", "nevertheless", "nonetheless", "instead", "too"};
  return s->contains(word) || WeekdayIndex(word) >= 0;
}

bool IsCognitionLemma(absl::string_view lemma) {
  return lemma == "believe" || lemma == "hope" || lemma == "expect" || lemma == "estimate" ||
         lemma == "forecast" || lemma == "predict";
}

absl::string_view GovernmentName(absl::string_view name) {
  absl::ConsumePrefix(&name, "the ");
  absl::ConsumePrefix(&name, "The ");
  const auto& table = Governments().by_alias;
  auto it = table.find(std::string(name));
  return it == table.end() ? absl::string_view() : absl::string_view(it->second);
}

bool IsPersonEpithet(absl::string_view word) {
  static const auto* nouns = new absl::flat_hash_set<absl::string_view>{
      "American", "Argentine", "Argentinian", "Australian", "Austrian", "Belgian", "Brazilian", "Briton",
      "Bulgarian", "Cameroonian", "Canadian", "Chilean", "Colombian", "Croatian", "Cuban", "Czech",
      "Dane", "Dutchman", "Dutchwoman", "Ecuadorian", "Egyptian", "Englishman", "Englishwoman", "Estonian",
      "Ethiopian", "Finn", "Frenchman", "Frenchwoman", "Georgian", "German", "Ghanaian", "Hungarian",
      "Indian", "Indonesian", "Iranian", "Iraqi", "Irishman", "Irishwoman", "Israeli", "Italian",
      "Ivorian", "Jamaican", "Kenyan", "Kiwi", "Latvian", "Lithuanian", "Mexican", "Moroccan",
      "Nigerian", "Norwegian", "Pakistani", "Palestinian", "Peruvian", "Pole", "Romanian", "Russian",
      "Saudi", "Scot", "Scotsman", "Scotswoman", "Senegalese", "Serbian", "Slovak", "Slovenian",
      "Spaniard", "Swede", "Syrian", "Tunisian", "Turk", "Ukrainian", "Uruguayan", "Venezuelan",
      "Welshman", "Welshwoman",
      // Parties.
      "Democrat", "Republican", "Tory", "Conservative", "Socialist", "Liberal"};
  return nouns->contains(word);
}

bool IsEpithetNoun(absl::string_view word) {
  static const auto* nouns = new StringSet{
      "teenager", "teen", "youngster", "octogenarian", "nonagenarian", "centenarian", "pensioner", "veteran",
      "striker", "midfielder", "defender", "goalkeeper", "winger", "batsman", "batter", "bowler", "pitcher",
      "quarterback", "sprinter", "swimmer", "cyclist", "golfer", "boxer", "jockey", "singer", "actress",
      "actor", "rapper", "comedian", "novelist", "billionaire", "tycoon"};
  const LowerWord lower(word);
  return !lower.view.empty() && nouns->contains(lower.view);
}

char GivenNameGender(absl::string_view given_name) {
  static const auto* names = [] {
    auto* m = new absl::flat_hash_map<std::string, char>;
    for (const char* n : kFemaleNames) m->emplace(n, 'f');
    for (const char* n : kMaleNames) m->emplace(n, 'm');
    return m;
  }();
  auto it = names->find(absl::AsciiStrToLower(given_name));
  return it == names->end() ? 0 : it->second;
}

bool IsMannerOfSpeakingLemma(absl::string_view lemma) {
  for (const MannerVerb& v : kMannerVerbs) {
    if (lemma == v.lemma) return true;
  }
  return false;
}

bool IsNameParticle(absl::string_view word) {
  static const auto* s = new absl::flat_hash_set<absl::string_view>{
      "van", "von", "der", "den", "de", "del", "della", "di", "da",
      "dos", "das", "do", "du", "la", "le", "y", "bin", "ibn", "ter", "ten", "zu"};
  return s->contains(word);
}

bool IsFiniteAuxiliary(absl::string_view w) {
  static const auto* s = new absl::flat_hash_set<absl::string_view>{
      "is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "may",
      "might", "must", "should", "shall", "does", "did", "do", "remains", "remained", "seems",
      "seemed", "appears", "appeared", "'s", "\u2019s", "isn't", "wasn't", "won't", "wouldn't", "hasn't",
      "hadn't", "doesn't", "didn't", "cannot", "can't"};
  return s->contains(w);
}

absl::string_view LastWord(absl::string_view name) {
  const size_t space = name.rfind(' ');
  return space == absl::string_view::npos ? name : name.substr(space + 1);
}

bool IsMannerAdverb(absl::string_view w) {
  return w == "only" || w == "simply" || w == "just" || w == "merely" || w == "again" || w == "later" ||
         w == "also" || w == "then" || w == "afterwards" || (w.size() > 4 && absl::EndsWith(w, "ly"));
}

absl::string_view SurnameWithoutArticle(absl::string_view word) {
  // The article as romanised before sun and moon letters.
  static const auto* kArticles = new absl::flat_hash_set<absl::string_view>{
      "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ud", "ul"};
  // (Asked for every pair of names compared: no allocation.)
  const size_t hyphen = word.size() > 3 && word[2] == '-' ? 2 : word.size() > 4 && word[3] == '-' ? 3 : 0;
  if (hyphen == 0 || hyphen + 2 >= word.size()) return word;
  char article[3];
  for (size_t i = 0; i < hyphen; ++i) article[i] = absl::ascii_tolower(static_cast<unsigned char>(word[i]));
  return kArticles->contains(absl::string_view(article, hyphen)) ? word.substr(hyphen + 1) : word;
}

bool IsArticledSurname(absl::string_view word) {
  const absl::string_view rest = SurnameWithoutArticle(word);
  return rest.size() < word.size() && absl::ascii_islower(static_cast<unsigned char>(word[0])) &&
         absl::ascii_isupper(static_cast<unsigned char>(rest[0]));
}

bool IsTimeUnitWord(absl::string_view word) {
  static const auto* s = new absl::flat_hash_set<absl::string_view>{
      "day", "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend"};
  return s->contains(word);
}

char WordGender(absl::string_view word) {
  if (auto it = Honorifics().find(word); it != Honorifics().end()) return it->second;
  static const auto* nouns = new absl::flat_hash_map<absl::string_view, char>{
      {"spokeswoman", 'f'}, {"congresswoman", 'f'}, {"councilwoman", 'f'}, {"businesswoman", 'f'},
      {"chairwoman", 'f'},  {"policewoman", 'f'},   {"assemblywoman", 'f'}, {"queen", 'f'},
      {"princess", 'f'},    {"duchess", 'f'},       {"countess", 'f'},      {"empress", 'f'},
      {"mother", 'f'},      {"daughter", 'f'},      {"wife", 'f'},          {"sister", 'f'},
      {"grandmother", 'f'}, {"widow", 'f'},         {"woman", 'f'},         {"girl", 'f'},
      {"actress", 'f'},     {"spokesman", 'm'},     {"congressman", 'm'},   {"councilman", 'm'},
      {"businessman", 'm'}, {"policeman", 'm'},     {"assemblyman", 'm'},   {"king", 'm'},
      {"prince", 'm'},      {"duke", 'm'},          {"emperor", 'm'},       {"father", 'm'},
      {"son", 'm'},         {"husband", 'm'},       {"brother", 'm'},       {"grandfather", 'm'},
      {"widower", 'm'},     {"man", 'm'},           {"boy", 'm'}};
  const LowerWord lower(word);
  if (lower.view.empty()) return 0;
  auto it = nouns->find(lower.view);
  return it == nouns->end() ? 0 : it->second;
}

}  // namespace claims::extractor
