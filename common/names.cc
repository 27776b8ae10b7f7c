#include "common/names.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"

namespace claims {

std::string NameSkeleton(absl::string_view folded_word) {
  std::string s(folded_word);
  // Digraphs that transliterations and spellings render either way.
  static constexpr std::pair<absl::string_view, absl::string_view> kPairs[] = {
      {"th", "t"}, {"ph", "f"}, {"ks", "x"}, {"kh", "h"}, {"ck", "k"}};
  for (const auto& [from, to] : kPairs) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
      if (s.compare(i, from.size(), from.data(), from.size()) == 0) {
        out.append(to.data(), to.size());
        i += from.size();
      } else {
        out.push_back(s[i++]);
      }
    }
    s = std::move(out);
  }
  // Doubled letters ("zelenskyy").
  std::string out;
  for (char c : s) {
    if (out.empty() || out.back() != c) out.push_back(c);
  }
  // Final -ey/-ei, -iy/-i and -y/-i are one sound in transliterated names.
  if (absl::EndsWith(out, "ey")) {
    out.back() = 'i';
  } else if (absl::EndsWith(out, "iy")) {
    out.pop_back();
  } else if (out.size() > 2 && out.back() == 'y') {
    out.back() = 'i';
  }
  return out;
}

std::string OrganisationInitials(absl::string_view name) {
  std::string initials;
  for (absl::string_view w : absl::StrSplit(name, ' ', absl::SkipEmpty())) {
    if (w == "of" || w == "the" || w == "and" || w == "for" || w == "on" || w == "&") continue;
    if (!absl::ascii_isupper(static_cast<unsigned char>(w[0]))) return "";
    initials.push_back(w[0]);
  }
  return initials;
}

bool WrittenAsInitials(absl::string_view name, size_t min_letters) {
  if (name.size() < min_letters || name.size() > 6) return false;
  for (char c : name) {
    if (!absl::ascii_isupper(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace claims
