// One identity per real speaker across every ingested document.
//
// The extractor names a speaker within one document ("Sergei Volkov" in one
// article, "Sergey Volkov" in another; "Volkov" where the article never
// gives the first name). The directory maps each of those to one
// index-wide speaker:
//   - full person names match when every word has the same spelling
//     skeleton: case and accents folded, common transliteration variants
//     made equal (th/t, ph/f, ks/x, final y/i/iy/ey, doubled letters), so
//     Antony/Anthony and Sergei/Sergey meet while Jan/Jon do not;
//   - a surname alone joins the one known person with that surname; with
//     several (Karl Brandt, Tomasz Brandt) the role stated beside it decides,
//     and without a deciding role it stays a speaker of its own;
//   - a title alone ("the Secretary of State") joins the one person seen
//     with a role containing all its words;
//   - organisations match on their folded name, and a name of capitals
//     ("CPS") the one organisation whose words have those initials
//     ("Crown Prosecution Service"), whichever came first.
// Every id the extractor gave stays an alias of the index-wide id, so
// clients holding an old id still find the speaker.
//
// Resolution is incremental and order-dependent: a surname seen before any
// full name with it keeps its own identity.
#ifndef CLAIMS_QUERY_SERVICE_SPEAKER_DIRECTORY_H_
#define CLAIMS_QUERY_SERVICE_SPEAKER_DIRECTORY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "protos/claims/v1/claim.pb.h"

namespace claims::query {

// A role in comparable form: folded, dots dropped, hyphens as spaces,
// leading "the" dropped ("U.S. Secretary-General" -> "us secretary general").
std::string RoleKey(absl::string_view role);

class SpeakerDirectory {
 public:
  // Rewrites speaker_id and canonical_name to the index-wide identity,
  // learning the name, its role and the extractor's id on the way. A speaker
  // without a name is left as it is. Thread-safe.
  void Resolve(v1::Speaker* speaker);

  // The index-wide id for an id handed out by the extractor or by Resolve;
  // the input itself when unknown. Thread-safe.
  std::string Canonical(absl::string_view speaker_id) const;

  // Ids that resolve to `canonical_id` (itself included). Thread-safe.
  std::vector<std::string> Aliases(absl::string_view canonical_id) const;

  size_t size() const;

 private:
  struct Person {
    std::string id;
    std::string name;
    std::vector<std::string> roles;  // RoleKey()s
    std::vector<std::string> aliases;
  };

  // Index of the person for a named speaker, creating one when needed.
  // `*keyed` tells whether the answer came from the speaker's name key (found
  // or added), which never changes; a surname or title resolved through
  // roles may resolve otherwise once more people are known.
  uint32_t FindOrAdd(const v1::Speaker& speaker, bool* keyed) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The only person whose roles match `role_key` among `candidates`
  // (all people when null), or -1.
  int64_t UniqueByRole(absl::string_view role_key, const std::vector<uint32_t>* candidates) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  uint32_t Add(const v1::Speaker& speaker, const std::string& key) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  mutable absl::Mutex mu_;
  std::vector<Person> people_ ABSL_GUARDED_BY(mu_);
  // Name key (skeletons of the words; "org:" prefix for organisations).
  absl::flat_hash_map<std::string, uint32_t> by_key_ ABSL_GUARDED_BY(mu_);
  // Surname skeleton -> people with a full name ending in it.
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_surname_ ABSL_GUARDED_BY(mu_);
  // Initials of organisations' names ("CPS" for "Crown Prosecution
  // Service") -> organisation, or kAmbiguous when two names share them.
  static constexpr uint32_t kAmbiguous = UINT32_MAX;
  absl::flat_hash_map<std::string, uint32_t> by_initials_ ABSL_GUARDED_BY(mu_);
  // Every id handed out or received -> person.
  absl::flat_hash_map<std::string, uint32_t> by_id_ ABSL_GUARDED_BY(mu_);
  // Speakers resolved before through their name key, as given (type, name,
  // role and id) -> person: a speaker repeated across claims is resolved
  // without folding and skeletonising its name again. Nothing else changes
  // on a repeat: its role and id are already the person's. Starts over when
  // it reaches kMaxRepeats.
  static constexpr size_t kMaxRepeats = 1 << 14;
  absl::flat_hash_map<std::string, uint32_t> repeats_ ABSL_GUARDED_BY(mu_);
};

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_SPEAKER_DIRECTORY_H_
