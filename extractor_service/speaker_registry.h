// One identity per speaker within a document: full names, surnames, titles,
// pronouns and spelling variants resolve to one canonical name.
//
// Mentions must be resolved in document order: pronouns refer to the most
// recently resolved person of compatible gender (from a lexicon of given
// names, an honorific or role word of a mention, or an earlier pronoun),
// surnames to the person last seen with that
// surname. A country, its capital or its seat of government speaking is one
// organisation under one name (lexicon GovernmentName()).
// Not thread-safe: one registry per document.
#ifndef CLAIMS_EXTRACTOR_SERVICE_SPEAKER_REGISTRY_H_
#define CLAIMS_EXTRACTOR_SERVICE_SPEAKER_REGISTRY_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "extractor_service/attributor.h"
#include "protos/claims/v1/claim.pb.h"

namespace claims::extractor {

// SpokespersonOrganization()
//
// The organisation an unnamed spokesperson's title names: the words after
// "for", "of" or "at" ("spokeswoman for the Interior Ministry" -> "Interior
// Ministry"), or those before the title ("a Velotek spokesman", "the
// ministry's spokeswoman"); "" when there is none, or when it is neither
// capitalised nor an organisation word ("a port spokeswoman").
std::string SpokespersonOrganization(absl::string_view title);

// IsGenericBusiness()
//
// True for a definite mention of a business by what it is, with no name of
// its own ("the company", "the Oslo-based firm"): the registry resolves it
// to the business last spoken of.
bool IsGenericBusiness(const SpeakerMention& mention);

// NamesBusinessGenerically()
//
// IsGenericBusiness(), or a spokesperson of such a business ("a spokesman
// for the firm").
bool NamesBusinessGenerically(const SpeakerMention& mention);

// NamesBareSpokesperson()
//
// True for a spokesperson with nothing of their own around the title ("a
// spokeswoman said"): the organisation that last spoke, or that the
// narration last spoke of, is theirs.
bool NamesBareSpokesperson(const SpeakerMention& mention);

// NamesOrganisationByKind()
//
// True for a definite mention of an organisation by the words of its kind
// ("the ministry", "the union", "the air force", modifiers in lower case):
// the registry resolves it to the latest organisation whose name or role
// ends in them.
bool NamesOrganisationByKind(const SpeakerMention& mention);

class SpeakerRegistry {
 public:
  struct Entry {
    // The fullest name seen ("Jane Doe" after "Doe").
    std::string canonical;
    // Every distinct spelling seen.
    std::vector<std::string> variants;
    // The first stated role ("Finance Minister").
    std::string role;
    v1::SpeakerType type = v1::SPEAKER_TYPE_PERSON;
    // 'f' or 'm' when known (given name, honorific or role word, or a
    // pronoun that referred to the entry); 0 otherwise.
    char gender = 0;
    // FoldedWords(canonical), kept for matching.
    std::vector<std::string> folded;
    // Named by a title alone so far ("its chairman said"): the first person
    // named with that title later ("chairman C.C. Lin") is them.
    bool unnamed = false;
    // Introduced by an indefinite title in the lede ("A federal judge on
    // Thursday blocked ..."): with `unnamed`, the first person named later
    // with a title of the same head ("U.S. District Judge Maria Chen") is
    // them.
    bool introduced = false;
    // Known to be a person though gender is not: named by the surname alone
    // ("Shaw" for "Mikey Shaw") or by an epithet ("the 31-year-old"). A
    // name with no known given name is otherwise taken for a business's.
    bool person = false;
  };

  // Resolve()
  //
  // The entry `mention` refers to, creating one when it names someone new;
  // -1 for a pronoun with no antecedent.
  int Resolve(const SpeakerMention& mention);

  // KnowsBusiness()
  //
  // Whether a generic description of a business ("the company") has a
  // named business to mean.
  bool KnowsBusiness() const;

  // Introduce()
  //
  // A title introduced indefinitely in an article's lede ("A federal judge
  // ruled"): a new entry, as for any indefinite title, that a person named
  // later with a title of the same head word claims (News style names the
  // lede's subject in a later paragraph).
  int Introduce(const SpeakerMention& mention);

  // NoteNamedInPassing()
  //
  // A person the narration names other than as its subject ("Rovers won
  // after Ana Lima scored"): a pronoun or epithet for a person that finds no
  // one compatible among the people spoken of means the latest such person
  // (who then becomes one of them). `mention` is a kName mention.
  void NoteNamedInPassing(const SpeakerMention& mention) { passing_ = mention; }

  // SetFullNameLookup()
  //
  // How to find the full name the document gives for a surname ("Sola" ->
  // "Ingrid Sola" from "Mayor Ingrid Sola visited ..."), used when a speaker
  // is first named by surname only. Returns "" when there is none.
  void SetFullNameLookup(std::function<std::string(absl::string_view surname)> lookup) {
    full_name_lookup_ = std::move(lookup);
  }

  // FindPerson()
  //
  // The most recent person entry a name can denote (see NamesMatch()), or
  // -1. Does not change the registry.
  int FindPerson(absl::string_view name) const;

  const Entry& entry(int i) const { return entries_[i]; }
  size_t size() const { return entries_.size(); }

  // NamesMatch()
  //
  // True when two person names can denote the same person: equal after case
  // and accent folding, or the same surname with either first name missing or
  // the first names equal or a spelling variant of each other (edit distance
  // at most 2 with the same initial: Antony / Anthony, Sergei / Sergey).
  static bool NamesMatch(absl::string_view a, absl::string_view b);

 private:
  int Add(Entry entry);
  void SetCanonical(Entry& entry, std::string name);

  // A pronoun's antecedent: the most recent person of compatible gender.
  int ResolvePronoun(char pronoun);
  // The latest entry named by a title alone whose title's words are all in
  // `role` and whose gender fits, or -1.
  int UnnamedHolder(absl::string_view role, char gender) const;
  void Touch(int person);

  std::vector<Entry> entries_;
  std::function<std::string(absl::string_view)> full_name_lookup_;
  // People in order of their latest mention, most recent last.
  std::vector<int> recent_people_;
  int last_any_ = -1;
  // The latest entry a generic description ("the company") may mean.
  int last_business_ = -1;
  // The author last heard through each document word ("report").
  absl::flat_hash_map<std::string, int> document_authors_;
  // Whether last_any_ was heard through a document: "it" then means the
  // document, which speaks for its author ("The letter, sent by Ada Lind,
  // warns ... It asks ...").
  bool last_through_document_ = false;
  std::optional<SpeakerMention> passing_;  // NoteNamedInPassing()
};

}  // namespace claims::extractor

#endif  // CLAIMS_EXTRACTOR_SERVICE_SPEAKER_REGISTRY_H_
