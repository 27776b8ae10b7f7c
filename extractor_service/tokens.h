// Word and punctuation tokens over a range of normalised text, the unit the
// attribution rules match on.
#ifndef CLAIMS_EXTRACTOR_SERVICE_TOKENS_H_
#define CLAIMS_EXTRACTOR_SERVICE_TOKENS_H_

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "extractor_service/segmenter.h"

namespace claims::extractor {

struct Token {
  enum class Kind { kWord, kPunct, kQuote };
  uint32_t start = 0;
  uint32_t end = 0;
  Kind kind = Kind::kWord;

  bool is_word() const { return kind == Kind::kWord; }
};

// A tokenised range with helpers for the rule code.
class TokenStream {
 public:
  // Tokenises `range` of `text`. Words are runs of letters, digits and
  // non-ASCII characters, joined by inner hyphens, periods (U.S.) and
  // apostrophes (Russia's, won't); '"' and a free-standing '\'' are quote
  // tokens; every other non-space byte is punctuation.
  TokenStream(absl::string_view text, TextRange range);

  size_t size() const { return tokens_.size(); }
  const Token& operator[](size_t i) const { return tokens_[i]; }
  absl::string_view Text(size_t i) const;
  // The token's text without a possessive "'s" or trailing "'".
  absl::string_view Stem(size_t i) const;
  bool IsCapitalized(size_t i) const;
  bool IsPunct(size_t i, char c) const;
  // True when token i is the period of an abbreviation or initial inside a
  // name ("Dr. Ana Lima", "J. Doe", "Gen. Lee"): attached to a capitalised
  // abbreviation (segmenter IsAbbreviation()) or single capital, and
  // followed by a capitalised word. Such a period ends no clause.
  bool IsNamePeriod(size_t i) const;
  // Index of the first token starting at or after `pos` (size() if none).
  size_t IndexAtOrAfter(uint32_t pos) const;
  // Index of the last token ending at or before `pos`, or -1.
  long IndexEndingBefore(uint32_t pos) const;

 private:
  absl::string_view text_;
  std::vector<Token> tokens_;
};

// True when `text` ends in a possessive: "Berg's", "Berg’s", "the Greens'".
bool EndsPossessive(absl::string_view text);

// True when a word of `text` is a possessive in 's ("Dahl's office",
// "Lexica’s lawyers").
bool HoldsPossessive(absl::string_view text);

}  // namespace claims::extractor

#endif  // CLAIMS_EXTRACTOR_SERVICE_TOKENS_H_
