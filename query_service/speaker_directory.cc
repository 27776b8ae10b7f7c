#include "query_service/speaker_directory.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/ids.h"
#include "common/names.h"
#include "common/utf8.h"

namespace claims::query {
namespace {

// Folded words of a name or role: letters and digits, split on everything
// else; dots vanish so "U.S." is one word.
std::vector<std::string> Words(absl::string_view text) {
  std::string folded = FoldForMatching(text);
  folded.erase(std::remove(folded.begin(), folded.end(), '.'), folded.end());
  std::vector<std::string> out;
  std::string word;
  for (char ch : folded) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (absl::ascii_isalnum(c) || c >= 0x80) {
      word.push_back(ch);
    } else if (c != '\'' && !word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// Words that carry no identity in a role ("Secretary of State").
bool IsRoleFiller(absl::string_view w) { return w == "the" || w == "of" || w == "for" || w == "and" || w == "a"; }

// Whether every content word of `title` occurs in `role` (both RoleKeys).
bool TitleWithinRole(absl::string_view title, absl::string_view role) {
  const std::vector<absl::string_view> role_words = absl::StrSplit(role, ' ', absl::SkipEmpty());
  int content = 0;
  for (absl::string_view w : absl::StrSplit(title, ' ', absl::SkipEmpty())) {
    if (IsRoleFiller(w)) continue;
    ++content;
    if (std::find(role_words.begin(), role_words.end(), w) == role_words.end()) return false;
  }
  return content > 0;
}

// An organisation's name written as initials: three to six capitals
// ("CPS", "NATO"; two-letter ones, "UN", "EU", are too often another
// body's), else "".
std::string Acronym(absl::string_view name) { return WrittenAsInitials(name, 3) ? std::string(name) : ""; }

// The initials of an organisation's name of three to six capitalised words
// ("Crown Prosecution Service" -> "CPS"), else "".
std::string Initials(absl::string_view name) {
  std::string initials = OrganisationInitials(name);
  return initials.size() >= 3 && initials.size() <= 6 ? initials : "";
}

}  // namespace

std::string RoleKey(absl::string_view role) {
  std::vector<std::string> words = Words(role);
  if (!words.empty() && words.front() == "the") words.erase(words.begin());
  return absl::StrJoin(words, " ");
}

uint32_t SpeakerDirectory::Add(const v1::Speaker& speaker, const std::string& key) {
  const uint32_t index = static_cast<uint32_t>(people_.size());
  Person person;
  person.name = speaker.canonical_name();
  person.id = speaker.speaker_id().empty() ? SpeakerIdForName(person.name) : speaker.speaker_id();
  // Two names with different keys can slug alike ("O'Neil", "Oneil"); the
  // later one gets a numbered id.
  if (by_id_.contains(person.id)) person.id = absl::StrCat(person.id, "-", index);
  by_id_[person.id] = index;
  person.aliases.push_back(person.id);
  by_key_[key] = index;
  people_.push_back(std::move(person));
  return index;
}

int64_t SpeakerDirectory::UniqueByRole(absl::string_view role_key, const std::vector<uint32_t>* candidates) const {
  if (role_key.empty()) return -1;
  int64_t found = -1;
  auto consider = [&](uint32_t p) {
    for (const std::string& r : people_[p].roles) {
      if (r == role_key || TitleWithinRole(role_key, r)) {
        if (found >= 0 && found != p) {
          found = -2;  // ambiguous
        } else if (found == -1) {
          found = p;
        }
        return;
      }
    }
  };
  if (candidates != nullptr) {
    for (uint32_t p : *candidates) consider(p);
  } else {
    for (uint32_t p = 0; p < people_.size(); ++p) consider(p);
  }
  return found >= 0 ? found : -1;
}

uint32_t SpeakerDirectory::FindOrAdd(const v1::Speaker& speaker, bool* keyed) {
  *keyed = true;
  const std::vector<std::string> words = Words(speaker.canonical_name());
  std::vector<std::string> skeletons;
  for (const std::string& w : words) skeletons.push_back(NameSkeleton(w));
  const bool organisation = speaker.type() == v1::SPEAKER_TYPE_ORGANIZATION;
  const std::string key = absl::StrCat(organisation ? "org:" : "", absl::StrJoin(skeletons, " "));
  if (auto it = by_key_.find(key); it != by_key_.end()) return it->second;
  *keyed = false;
  if (!organisation && words.size() == 1) {
    // A surname alone: the one person with it, or the one whose role matches.
    if (auto it = by_surname_.find(skeletons[0]); it != by_surname_.end()) {
      if (it->second.size() == 1) return it->second[0];
      const int64_t p = UniqueByRole(RoleKey(speaker.role()), &it->second);
      if (p >= 0) return static_cast<uint32_t>(p);
    }
  }
  if (!organisation) {
    // A title alone ("the Secretary of State").
    const int64_t p = UniqueByRole(RoleKey(speaker.canonical_name()), nullptr);
    if (p >= 0) return static_cast<uint32_t>(p);
  }
  // An organisation by its initials ("CPS") and by its name ("Crown
  // Prosecution Service"), in either order, when one name alone has those
  // initials.
  const std::string initials = organisation ? Initials(speaker.canonical_name()) : "";
  if (organisation) {
    if (const std::string acronym = Acronym(speaker.canonical_name()); !acronym.empty()) {
      if (auto it = by_initials_.find(acronym); it != by_initials_.end() && it->second != kAmbiguous) {
        return it->second;
      }
    } else if (!initials.empty() && !by_initials_.contains(initials)) {
      if (auto it = by_key_.find(absl::StrCat("org:", NameSkeleton(absl::AsciiStrToLower(initials))));
          it != by_key_.end()) {
        by_initials_[initials] = it->second;
        return it->second;
      }
    }
  }
  *keyed = true;
  const uint32_t index = Add(speaker, key);
  if (!organisation && words.size() >= 2) by_surname_[skeletons.back()].push_back(index);
  if (!initials.empty()) {
    auto [it, inserted] = by_initials_.try_emplace(initials, index);
    if (!inserted && it->second != index) it->second = kAmbiguous;  // two names, one set of initials
  }
  return index;
}

void SpeakerDirectory::Resolve(v1::Speaker* speaker) {
  if (speaker->canonical_name().empty()) return;
  // The parts that decide the resolution, each but the last after its length.
  const std::string given_as =
      absl::StrCat(static_cast<int>(speaker->type()), ",", speaker->canonical_name().size(), ",",
                   speaker->canonical_name(), speaker->role().size(), ",", speaker->role(), speaker->speaker_id());
  absl::MutexLock lock(&mu_);
  if (auto it = repeats_.find(given_as); it != repeats_.end()) {
    const Person& person = people_[it->second];
    speaker->set_speaker_id(person.id);
    speaker->set_canonical_name(person.name);
    return;
  }
  bool keyed = false;
  const uint32_t index = FindOrAdd(*speaker, &keyed);
  if (keyed) {
    if (repeats_.size() >= kMaxRepeats) repeats_.clear();
    repeats_.emplace(given_as, index);
  }
  Person& person = people_[index];
  if (!speaker->role().empty()) {
    std::string role = RoleKey(speaker->role());
    if (!role.empty() && std::find(person.roles.begin(), person.roles.end(), role) == person.roles.end()) {
      person.roles.push_back(std::move(role));
    }
  }
  const std::string& given = speaker->speaker_id();
  if (!given.empty() && by_id_.emplace(given, index).second) person.aliases.push_back(given);
  speaker->set_speaker_id(person.id);
  speaker->set_canonical_name(person.name);
}

std::string SpeakerDirectory::Canonical(absl::string_view speaker_id) const {
  absl::MutexLock lock(&mu_);
  auto it = by_id_.find(speaker_id);
  return it == by_id_.end() ? std::string(speaker_id) : people_[it->second].id;
}

std::vector<std::string> SpeakerDirectory::Aliases(absl::string_view canonical_id) const {
  absl::MutexLock lock(&mu_);
  auto it = by_id_.find(canonical_id);
  if (it == by_id_.end()) return {std::string(canonical_id)};
  return people_[it->second].aliases;
}

size_t SpeakerDirectory::size() const {
  absl::MutexLock lock(&mu_);
  return people_.size();
}

}  // namespace claims::query
