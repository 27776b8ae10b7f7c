#include "extractor_service/tokens.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "common/utf8.h"

namespace claims::extractor {
namespace {

bool IsWordByte(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Abbreviated company forms written with a period ("Inc.", "Corp.").
bool IsCompanyAbbreviation(absl::string_view w) {
  return w == "Inc" || w == "Corp" || w == "Co" || w == "Ltd" || w == "Bros" || w == "Cos" || w == "Plc";
}

}  // namespace

TokenStream::TokenStream(absl::string_view text, TextRange range) : text_(text) {
  tokens_.reserve(range.size() / 5 + 4);  // about one token per five bytes of news text
  uint32_t i = range.start;
  // Whether a single quotation opened in the range is still open: its
  // closing mark may follow a word ending in "s" ('no more talks'), where a
  // plural possessive's apostrophe otherwise sits.
  bool single_open = false;
  while (i < range.end) {
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t') {
      ++i;
      continue;
    }
    if (IsWordByte(c)) {
      uint32_t j = i + 1;
      while (j < range.end) {
        if (IsWordByte(text[j])) {
          ++j;
        } else if ((text[j] == '-' || text[j] == '.' || text[j] == '\'') && j + 1 < range.end &&
                   IsWordByte(text[j + 1])) {
          j += 2;
        } else if (text[j] == '&' && j + 1 < range.end &&
                   absl::ascii_isupper(static_cast<unsigned char>(text[j - 1])) &&
                   absl::ascii_isupper(static_cast<unsigned char>(text[j + 1]))) {
          j += 2;  // initials joined by an ampersand ("A&E", "AT&T", "S&P")
        } else if (text[j] == ',' && j + 1 < range.end &&
                   absl::ascii_isdigit(static_cast<unsigned char>(text[j - 1])) &&
                   absl::ascii_isdigit(static_cast<unsigned char>(text[j + 1]))) {
          j += 2;  // a digit group of a number ("90,000")
        } else if (text[j] == '.' && j + 1 < range.end && j >= i + 1 && j - i <= 3 &&
                   text.substr(i, j - i).find('.') != absl::string_view::npos) {
          ++j;  // the final period of a dotted acronym ("U.S.")
          break;
        } else {
          break;
        }
      }
      // A company's abbreviated form keeps its period inside a sentence
      // ("Veltrix Inc. said", "Acme Corp. (NYSE: ACM)"): the sentence goes
      // on in lower case, or with a bracket or a comma.
      if (j + 1 < range.end && text[j] == '.' && IsCompanyAbbreviation(text.substr(i, j - i))) {
        uint32_t next = j + 1;
        while (next < range.end && text[next] == ' ') ++next;
        if (next < range.end && (absl::ascii_islower(static_cast<unsigned char>(text[next])) || text[next] == '(' ||
                                 text[next] == ',')) {
          ++j;
        }
      }
      // Possessive after a plural: "allies'" keeps the apostrophe.
      if (!single_open && j < range.end && text[j] == '\'' && (text[j - 1] == 's' || text[j - 1] == 'S') &&
          (j + 1 == range.end || !IsWordByte(text[j + 1]))) {
        ++j;
      }
      tokens_.push_back({i, j, Token::Kind::kWord});
      i = j;
      continue;
    }
    if (c == '\'') {
      const bool opens = (i == range.start || !IsWordByte(text[i - 1])) && i + 1 < range.end && IsWordByte(text[i + 1]);
      single_open = opens;  // any other single mark closes, or stands alone
    }
    tokens_.push_back({i, i + 1, (c == '"' || c == '\'') ? Token::Kind::kQuote : Token::Kind::kPunct});
    ++i;
  }
}

absl::string_view TokenStream::Text(size_t i) const {
  return text_.substr(tokens_[i].start, tokens_[i].end - tokens_[i].start);
}

absl::string_view TokenStream::Stem(size_t i) const {
  absl::string_view t = Text(i);
  if (absl::EndsWith(t, "'s")) {
    t.remove_suffix(2);
  } else if (t.size() > 2 && t.back() == '\'') {
    t.remove_suffix(1);  // "residents'"
  }
  return t;
}

bool TokenStream::IsCapitalized(size_t i) const {
  if (!tokens_[i].is_word()) return false;
  const char c = text_[tokens_[i].start];
  if (c >= 'A' && c <= 'Z') return true;
  // "Łukasz", "Émilie": an upper-case letter past ASCII.
  return static_cast<unsigned char>(c) >= 0x80 && StartsWithUppercase(Text(i));
}

bool TokenStream::IsPunct(size_t i, char c) const {
  return i < tokens_.size() && tokens_[i].kind == Token::Kind::kPunct && text_[tokens_[i].start] == c;
}

bool TokenStream::IsNamePeriod(size_t i) const {
  if (!IsPunct(i, '.') || i == 0 || tokens_[i - 1].end != tokens_[i].start) return false;
  // A suffix closes a name whatever follows ("Martin Luther King Jr. said").
  if ((Text(i - 1) == "Jr" || Text(i - 1) == "Sr") && i >= 2 && IsCapitalized(i - 2)) return true;
  if (i + 1 >= tokens_.size()) return false;
  if (!IsCapitalized(i - 1) || !IsCapitalized(i + 1)) return false;
  const absl::string_view before = Text(i - 1);
  return before.size() == 1 || IsAbbreviation(before);
}

size_t TokenStream::IndexAtOrAfter(uint32_t pos) const {
  return std::lower_bound(tokens_.begin(), tokens_.end(), pos,
                          [](const Token& t, uint32_t p) { return t.start < p; }) -
         tokens_.begin();
}

long TokenStream::IndexEndingBefore(uint32_t pos) const {
  long i = static_cast<long>(IndexAtOrAfter(pos)) - 1;
  while (i >= 0 && tokens_[i].end > pos) --i;
  return i;
}

bool HoldsPossessive(absl::string_view text) {
  return absl::StrContains(text, "'s") || absl::StrContains(text, "\u2019s");
}

bool EndsPossessive(absl::string_view text) {
  return absl::EndsWith(text, "'s") || absl::EndsWith(text, "\u2019s") || absl::EndsWith(text, "s'") ||
         absl::EndsWith(text, "s\u2019");
}

}  // namespace claims::extractor
