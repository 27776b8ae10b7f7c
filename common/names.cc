#include "common/names.h"

#include <utility>

#include "absl/strings/match.h"

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

}  // namespace claims
