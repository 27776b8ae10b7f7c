#include "query_service/tokenizer.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_replace.h"
#include "common/utf8.h"

namespace claims::query {

std::vector<std::string> Tokenize(absl::string_view text) {
  // Typographic apostrophes act like the ASCII one.
  const std::string folded = absl::StrReplaceAll(FoldForMatching(text), {{"\xE2\x80\x99", "'"}});
  std::vector<std::string> terms;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) terms.push_back(std::move(current));
    current.clear();
  };
  const size_t n = folded.size();
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(folded[i]);
    if (absl::ascii_isalnum(c) || c >= 0x80) {
      current.push_back(static_cast<char>(c));
    } else if (c == '\'' && !current.empty() && i + 1 < n &&
               absl::ascii_isalnum(static_cast<unsigned char>(folded[i + 1]))) {
      // Possessive 's ends the word; other apostrophes join its parts.
      if (folded[i + 1] == 's' && (i + 2 == n || !absl::ascii_isalnum(static_cast<unsigned char>(folded[i + 2])))) {
        ++i;
        flush();
      }
    } else {
      flush();
    }
  }
  flush();
  return terms;
}

}  // namespace claims::query
