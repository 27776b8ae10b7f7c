#include "extractor_service/segmenter.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"

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

}  // namespace

uint32_t AfterTimeStamp(absl::string_view text, uint32_t start, uint32_t end) {
  auto digits = [&](uint32_t p) {
    uint32_t q = p;
    while (q < end && IsDigit(text[q])) ++q;
    return q - p;
  };
  uint32_t p = start;
  const uint32_t hours = digits(p);
  if (hours < 1 || hours > 2) return start;
  p += hours;
  if (p >= end || (text[p] != ':' && text[p] != '.')) return start;
  ++p;
  if (digits(p) != 2) return start;
  const int hour = hours == 1 ? text[start] - '0' : (text[start] - '0') * 10 + (text[start + 1] - '0');
  const int minute = (text[p] - '0') * 10 + (text[p + 1] - '0');
  if (hour > 24 || minute > 59) return start;  // "25:10", "10.75"
  p += 2;
  // ("am", "pm", "GMT", " BST": letters of a clock or a zone.)
  const uint32_t letters = p < end && text[p] == ' ' ? p + 1 : p;
  uint32_t q = letters;
  while (q < end && q - letters < 4 && absl::ascii_isalpha(static_cast<unsigned char>(text[q]))) ++q;
  if (q > letters && (q >= end || !absl::ascii_isalpha(static_cast<unsigned char>(text[q])))) p = q;
  if (p + 1 < end && text[p] == ':' && text[p + 1] == ' ') {
    p += 2;
    while (p < end && text[p] == ' ') ++p;
    return p;
  }
  uint32_t after = p;
  while (after < end && text[after] == ' ') ++after;
  if (after == p) return start;  // "10.42m", "10.425"
  // A dash between spaces (the normaliser pads an em dash with more).
  for (absl::string_view mark : {"--", "-", "\u2014", "\u2013"}) {
    if (text.substr(after, mark.size()) != mark) continue;
    uint32_t words = after + static_cast<uint32_t>(mark.size());
    if (words >= end || text[words] != ' ') return start;
    while (words < end && text[words] == ' ') ++words;
    return words;
  }
  // No mark: the entry opens with a capital or a quotation ("10:42
  // NorthGrid says ..."), not a number's next word ("12:30 was the hour").
  if (after < end && (IsUpper(text[after]) || text[after] == '"' || (static_cast<unsigned char>(text[after]) & 0x80))) {
    return after;
  }
  return start;
}

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
  if (const uint32_t words = AfterTimeStamp(text, para.start, para.end); words > para.start) {
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
