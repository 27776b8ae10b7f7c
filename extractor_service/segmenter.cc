#include "extractor_service/segmenter.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace claims::extractor {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Words that commonly start a sentence, used after a dotted acronym.
bool IsCommonSentenceStarter(absl::string_view word) {
  static const auto* kStarters = new absl::flat_hash_set<absl::string_view>{
      "The", "A",    "An",   "He",    "She",  "It",   "They", "We",  "I",
      "But", "And",  "In",   "On",    "At",   "This", "That", "His", "Her",
      "Its", "Their", "There", "Meanwhile", "However", "As", "After", "When"};
  return kStarters->contains(word);
}

// The word (letters, digits and inner periods) that ends just before `pos`.
absl::string_view WordBefore(absl::string_view text, uint32_t pos, uint32_t floor) {
  uint32_t start = pos;
  while (start > floor) {
    const char c = text[start - 1];
    if (absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '.' ||
        static_cast<unsigned char>(c) >= 0x80) {
      --start;
    } else {
      break;
    }
  }
  return text.substr(start, pos - start);
}

// Where the words of a paragraph opening with a live report's time stamp
// begin: "10:42 NorthGrid says ...", "09.20 BST – The minister ...",
// "7:15pm: Police say ..." (an hour, a minute, an optional "am"/"pm" or
// time zone in capitals, an optional dash or colon, then a capital letter
// or a quotation mark). para.start when the paragraph opens otherwise.
uint32_t AfterTimeStamp(absl::string_view text, TextRange para) {
  const uint32_t start = para.start;
  uint32_t hour_end = start;
  while (hour_end < para.end && hour_end - start < 2 && IsDigit(text[hour_end])) ++hour_end;
  if (hour_end == start || hour_end + 3 > para.end || (text[hour_end] != ':' && text[hour_end] != '.') ||
      !IsDigit(text[hour_end + 1]) || !IsDigit(text[hour_end + 2])) {
    return start;
  }
  const int hour = std::stoi(std::string(text.substr(start, hour_end - start)));
  const int minute = (text[hour_end + 1] - '0') * 10 + (text[hour_end + 2] - '0');
  if (hour > 24 || minute > 59) return start;
  uint32_t i = hour_end + 3;
  if (text.substr(i, 2) == "am" || text.substr(i, 2) == "pm") i += 2;
  if (i < para.end && !IsSpace(text[i]) && text[i] != ':') return start;  // "10.42m", "10.425"
  auto skip_spaces = [&] {
    while (i < para.end && IsSpace(text[i])) ++i;
  };
  auto skip_dash = [&] {
    for (absl::string_view dash : {":", "-", "\u2013", "\u2014"}) {
      if (text.substr(i, dash.size()) == dash) {
        i += static_cast<uint32_t>(dash.size());
        skip_spaces();
        return true;
      }
    }
    return false;
  };
  skip_spaces();
  // A time zone: two to four capitals, then a dash or a colon ("GMT –").
  uint32_t zone = i;
  while (zone < para.end && zone - i < 4 && IsUpper(text[zone])) ++zone;
  if (zone - i >= 2) {
    const uint32_t before_zone = i;
    i = zone;
    skip_spaces();
    if (!skip_dash()) i = before_zone;
  } else {
    skip_dash();
  }
  if (i >= para.end || !(IsUpper(text[i]) || text[i] == '"' || (static_cast<unsigned char>(text[i]) & 0x80) != 0)) {
    return start;
  }
  return i;
}

}  // namespace

bool IsAbbreviation(absl::string_view word) {
  static const auto* kAbbreviations = new absl::flat_hash_set<absl::string_view>{
      // Titles and honorifics.
      "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Rev", "Hon",
      "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Adm", "Cmdr", "Brig", "Gov",
      "Sen", "Rep", "Pres", "Amb", "Supt", "Insp", "Det", "Fr", "Sec",
      // Months and weekdays.
      "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
      "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
      // Others common in news text.
      "No", "Nos", "vs", "v", "approx", "est", "Inc", "Corp", "Co", "Ltd", "Bros",
      "Dept", "Univ", "Ave", "Blvd", "Rd", "Fig", "p", "pp", "al", "cf", "e.g", "i.e"};
  return kAbbreviations->contains(word);
}

namespace {

// Whether the line ending at `end` (exclusive, before its newline) wraps
// onto the next line starting at `next`: the line stops with no sentence
// end (nor a colon), and the next goes on in lower case ("said on Monday
// that the talks had\ncollapsed").
bool WrapsOnto(absl::string_view text, uint32_t line_start, uint32_t end, uint32_t next) {
  while (end > line_start && IsSpace(text[end - 1])) --end;
  while (next < text.size() && text[next] != '\n' && IsSpace(text[next])) ++next;
  if (end == line_start || next + 1 >= text.size()) return false;
  if (!(text[next] >= 'a' && text[next] <= 'z') || !(text[next + 1] >= 'a' && text[next + 1] <= 'z')) return false;
  uint32_t last = end - 1;
  // Past closing quotation marks (normalised to '"' and '\'') and brackets.
  while (last > line_start && (text[last] == '"' || text[last] == '\'' || text[last] == ')')) --last;
  const char c = text[last];
  return c != '.' && c != '!' && c != '?' && c != ':' && c != ';';
}

}  // namespace

std::vector<TextRange> SplitParagraphs(absl::string_view text) {
  std::vector<TextRange> paragraphs;
  uint32_t line_start = 0;
  const uint32_t n = static_cast<uint32_t>(text.size());
  for (uint32_t i = 0; i <= n; ++i) {
    // (A line wrapped inside a paragraph goes on.)
    if (i < n && text[i] == '\n' && WrapsOnto(text, line_start, i, i + 1)) continue;
    if (i == n || text[i] == '\n') {
      uint32_t s = line_start, e = i;
      while (s < e && IsSpace(text[s])) ++s;
      while (e > s && IsSpace(text[e - 1])) --e;
      if (e > s) paragraphs.push_back({s, e});
      line_start = i + 1;
    }
  }
  return paragraphs;
}

bool IsSentenceEnd(absl::string_view text, uint32_t pos, TextRange limit) {
  const char c = text[pos];
  if (c != '.' && c != '!' && c != '?') return false;
  // Skip further terminators, closing quotes and brackets.
  uint32_t after = pos + 1;
  while (after < limit.end && (text[after] == '.' || text[after] == '!' || text[after] == '?' ||
                               text[after] == '"' || text[after] == '\'' ||
                               text[after] == ')' || text[after] == ']')) {
    ++after;
  }
  if (after >= limit.end) return true;
  if (!IsSpace(text[after])) return false;
  uint32_t next = after;
  while (next < limit.end && IsSpace(text[next])) ++next;
  if (next >= limit.end) return true;
  const char first = text[next];
  const bool plausible_start = IsUpper(first) || IsDigit(first) || first == '"' ||
                               first == '\'' || first == '(' || first == '[' ||
                               static_cast<unsigned char>(first) >= 0x80;
  if (!plausible_start) return false;
  if (c != '.') return true;
  if (pos + 1 < limit.end && text[pos + 1] == '.') return true;  // "..." then capital
  const absl::string_view word = WordBefore(text, pos, limit.start);
  if (word.empty()) return true;
  // "No.", "Fig." and "p." abbreviate only before a number.
  const bool numeric_abbreviation =
      word == "No" || word == "Nos" || word == "Fig" || word == "p" || word == "pp";
  // "... at Acme Corp. “We are proud ...”": a name's closing abbreviation
  // before a quotation ends the sentence (a title's never stands there).
  const bool closes_name = word == "Inc" || word == "Corp" || word == "Co" || word == "Ltd" || word == "Bros" ||
                           word == "Jr" || word == "Sr" || word == "Dept" || word == "Univ";
  if (closes_name && first == '"') return true;
  if (IsAbbreviation(word) && (!numeric_abbreviation || IsDigit(first))) return false;
  // A single capital letter is an initial ("J. Smith").
  if (word.size() == 1 && IsUpper(word[0])) return false;
  // A dotted acronym ("U.S", "U.N") ends a sentence only before a usual starter.
  if (word.find('.') != absl::string_view::npos) {
    uint32_t wend = next;
    while (wend < limit.end && absl::ascii_isalpha(static_cast<unsigned char>(text[wend]))) ++wend;
    return IsCommonSentenceStarter(text.substr(next, wend - next));
  }
  return true;
}

std::vector<TextRange> SplitSentences(absl::string_view text, TextRange para) {
  std::vector<TextRange> sentences;
  uint32_t start = para.start;
  // A live report's time stamp is a sentence of its own, so that the
  // paragraph's first sentence opens with its subject.
  if (const uint32_t words = AfterTimeStamp(text, para); words > para.start) {
    uint32_t label_end = words;
    while (label_end > para.start && IsSpace(text[label_end - 1])) --label_end;
    sentences.push_back({para.start, label_end});
    start = words;
  }
  for (uint32_t i = start; i < para.end; ++i) {
    const char c = text[i];
    if (c != '.' && c != '!' && c != '?') continue;
    if (!IsSentenceEnd(text, i, para)) continue;
    uint32_t end = i + 1;
    while (end < para.end && (text[end] == '.' || text[end] == '!' || text[end] == '?' ||
                              text[end] == '"' || text[end] == '\'' || text[end] == ')' ||
                              text[end] == ']')) {
      ++end;
    }
    sentences.push_back({start, end});
    start = end;
    while (start < para.end && IsSpace(text[start])) ++start;
    i = start == 0 ? 0 : start - 1;
  }
  if (start < para.end) sentences.push_back({start, para.end});
  return sentences;
}

}  // namespace claims::extractor
