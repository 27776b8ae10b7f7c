#include "extractor_service/speaker_registry.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/utf8.h"
#include "extractor_service/lexicon.h"

namespace claims::extractor {
namespace {

std::vector<std::string> FoldedWords(absl::string_view name) {
  std::vector<std::string> words;
  for (absl::string_view w : absl::StrSplit(name, ' ', absl::SkipEmpty())) {
    if (IsHonorific(absl::StripSuffix(w, "."))) continue;
    words.push_back(FoldForMatching(w));
  }
  return words;
}

size_t EditDistance(absl::string_view a, absl::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// Words of a role that identify its holder's organisation or country ("NATO"
// in "NATO Secretary General").
std::vector<std::string> RoleKeys(absl::string_view role) {
  std::vector<std::string> keys;
  for (absl::string_view w : absl::StrSplit(role, ' ', absl::SkipEmpty())) {
    w = absl::StripSuffix(w, "'s");
    if (IsNonNameCapitalized(w)) continue;
    keys.push_back(FoldForMatching(w));
  }
  return keys;
}

}  // namespace

bool SpeakerRegistry::NamesMatch(absl::string_view a, absl::string_view b) {
  const std::vector<std::string> wa = FoldedWords(a);
  const std::vector<std::string> wb = FoldedWords(b);
  if (wa.empty() || wb.empty()) return false;
  if (wa == wb) return true;
  if (wa.back() != wb.back()) return false;
  if (wa.size() == 1 || wb.size() == 1) return true;
  const std::string& fa = wa.front();
  const std::string& fb = wb.front();
  if (fa == fb) return true;
  return fa[0] == fb[0] && EditDistance(fa, fb) <= 2 && std::min(fa.size(), fb.size()) >= 4;
}

int SpeakerRegistry::Add(Entry entry) {
  entry.variants.push_back(entry.canonical);
  entries_.push_back(std::move(entry));
  return static_cast<int>(entries_.size()) - 1;
}

int SpeakerRegistry::Resolve(const SpeakerMention& m) {
  int found = -1;
  switch (m.kind) {
    case MentionKind::kPronoun:
      return m.pronoun == 'p' ? (last_any_ >= 0 ? last_any_ : last_person_) : last_person_;
    case MentionKind::kName: {
      for (int i = static_cast<int>(entries_.size()) - 1; i >= 0; --i) {
        if (entries_[i].type != v1::SPEAKER_TYPE_PERSON) continue;
        if (NamesMatch(entries_[i].canonical, m.name)) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        found = Add({m.name, {}, m.role, v1::SPEAKER_TYPE_PERSON});
      } else {
        Entry& e = entries_[found];
        if (FoldedWords(m.name).size() > FoldedWords(e.canonical).size()) e.canonical = m.name;
        if (std::find(e.variants.begin(), e.variants.end(), m.name) == e.variants.end()) {
          e.variants.push_back(m.name);
        }
        if (e.role.empty()) e.role = m.role;
      }
      last_person_ = found;
      break;
    }
    case MentionKind::kTitle: {
      // A title alone ("the NATO chief") refers to a person seen with a role
      // that shares its identifying words.
      const std::vector<std::string> keys = RoleKeys(m.role);
      for (int i = static_cast<int>(entries_.size()) - 1; i >= 0 && found < 0; --i) {
        if (entries_[i].type != v1::SPEAKER_TYPE_PERSON || entries_[i].role.empty()) continue;
        const std::vector<std::string> held = RoleKeys(entries_[i].role);
        auto has = [&held](const std::string& k) {
          return std::find(held.begin(), held.end(), k) == held.end() ? 0 : 1;
        };
        // Either every word of the title is in the role ("foreign minister" /
        // "Foreign Minister Jane Doe"), or they share an identifying word
        // that is not a title word ("NATO chief" / "NATO Secretary General").
        size_t contained = 0;
        bool shares_identifier = false;
        for (const std::string& k : keys) {
          contained += has(k);
          shares_identifier |= has(k) && !IsTitleWord(k);
        }
        if ((!keys.empty() && contained == keys.size()) || shares_identifier) found = i;
      }
      if (found < 0) found = Add({m.name, {}, m.role, v1::SPEAKER_TYPE_PERSON});
      last_person_ = found;
      break;
    }
    case MentionKind::kOrganization: {
      const std::string folded = FoldForMatching(m.name);
      for (int i = 0; i < static_cast<int>(entries_.size()); ++i) {
        if (FoldForMatching(entries_[i].canonical) == folded) found = i;
      }
      if (found < 0) found = Add({m.name, {}, "", v1::SPEAKER_TYPE_ORGANIZATION});
      break;
    }
  }
  last_any_ = found;
  return found;
}

}  // namespace claims::extractor
