#include "extractor_service/article_structure.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "extractor_service/date_resolver.h"
#include "extractor_service/lexicon.h"

namespace claims::extractor {
namespace {

// Lines of page furniture, matched as case-insensitive prefixes.
constexpr absl::string_view kFurniturePrefixes[] = {
    "leave a comment", "leave a reply", "your email address", "related articles",
    "related posts", "related stories", "read more", "read also", "also read",
    "back to top", "source link", "source:", "article categories", "about the author",
    "tell us something about", "get involved", "get connected", "come and join",
    "no comments", "share this", "share on", "follow us", "subscribe", "sign up",
    "click here", "advertisement", "(image:", "(photo:", "image:", "photo:", "credit:",
    "image credit", "photo credit", "updated ", "published ", "posted ", "copyright",
    "all rights reserved", "- "};

size_t WordCount(absl::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool w = c != ' ' && c != '\t';
    if (w && !in_word) ++n;
    in_word = w;
  }
  return n;
}

bool HasSentencePunctuation(absl::string_view s) {
  return s.find_first_of(".!?\"'") != absl::string_view::npos;
}

// A line that is only a date, perhaps with a weekday, time or "Published".
bool IsDateLine(absl::string_view line) {
  return WordCount(line) <= 10 && FindFullDate(line).has_value();
}

// A plausible outlet name: 1-5 words, the first capitalised, no sentence
// punctuation.
std::optional<std::string> OutletName(absl::string_view name) {
  name = absl::StripAsciiWhitespace(name);
  absl::ConsumeSuffix(&name, ".");
  if (name.empty() || name.size() > 60 || !absl::ascii_isupper(static_cast<unsigned char>(name[0]))) {
    return std::nullopt;
  }
  if (WordCount(name) > 5 || name.find_first_of(".!?:;\"") != absl::string_view::npos) return std::nullopt;
  return std::string(name);
}

// The outlet a line states, if any.
std::optional<std::string> OutletInLine(absl::string_view line, bool first_body_line) {
  absl::string_view rest = line;
  if (absl::ConsumePrefix(&rest, "Source:") || absl::ConsumePrefix(&rest, "SOURCE:")) return OutletName(rest);
  if (absl::ConsumePrefix(&rest, "\xC2\xA9") || absl::ConsumePrefix(&rest, "Copyright") ||
      absl::ConsumePrefix(&rest, "(c)")) {
    rest = absl::StripLeadingAsciiWhitespace(rest);
    absl::ConsumePrefix(&rest, "\xC2\xA9");
    rest = absl::StripLeadingAsciiWhitespace(rest);
    while (!rest.empty() && (absl::ascii_isdigit(static_cast<unsigned char>(rest[0])) || rest[0] == '-')) {
      rest.remove_prefix(1);
    }
    const size_t cut = rest.find_first_of(".|,");
    return OutletName(rest.substr(0, cut));
  }
  if (first_body_line) {
    // "OSLO (Nordic Wire) - ..." or "(Nordic Wire) - ...": a dateline.
    const size_t open = line.find('(');
    const size_t close = line.find(')');
    // (The normaliser pads an em dash with spaces: "(AP)  -  ...".)
    size_t dash = close == absl::string_view::npos ? line.size() : close + 1;
    while (dash < line.size() && dash - close <= 3 && line[dash] == ' ') ++dash;
    if (open != absl::string_view::npos && close != absl::string_view::npos && open < 40 && close > open &&
        dash + 1 < line.size() && line[dash] == '-') {
      return OutletName(line.substr(open + 1, close - open - 1));
    }
  }
  return std::nullopt;
}

// "MARK ELLIS Associated Press" -> "Mark Ellis" and "Associated Press": two
// or more words in capitals, then words that are not. False, and nothing
// changed, for any other byline.
bool SplitCapitalsByline(std::string* byline, std::string* outlet) {
  const std::vector<absl::string_view> words = absl::StrSplit(*byline, ' ', absl::SkipEmpty());
  size_t caps = 0;
  for (; caps < words.size(); ++caps) {
    const absl::string_view w = words[caps];
    bool upper = w.size() >= 2;
    bool letters = false;
    for (char c : w) {
      upper &= !absl::ascii_islower(static_cast<unsigned char>(c));
      letters |= absl::ascii_isalpha(static_cast<unsigned char>(c));
    }
    if (!upper || !letters) break;
  }
  if (caps < 2 || caps == words.size()) return false;
  std::string name;
  for (size_t i = 0; i < caps; ++i) {
    std::string w = absl::AsciiStrToLower(words[i]);
    // ("O'NEILL" -> "O'Neill", "SMITH-JONES" -> "Smith-Jones".)
    for (size_t k = 0; k < w.size(); ++k) {
      if (k == 0 || w[k - 1] == '-' || (w[k - 1] == '\'' && k == 2)) w[k] = absl::ascii_toupper(w[k]);
    }
    absl::StrAppend(&name, name.empty() ? "" : " ", w);
  }
  *outlet = absl::StrJoin(words.begin() + caps, words.end(), " ");
  *byline = std::move(name);
  return true;
}

}  // namespace

ArticleStructure AnalyzeStructure(absl::string_view text, absl::Span<const TextRange> paragraphs) {
  ArticleStructure s;
  s.skip.assign(paragraphs.size(), false);
  const size_t head = std::min<size_t>(paragraphs.size(), 6);
  bool body_started = false;
  for (size_t i = 0; i < head; ++i) {
    const absl::string_view line = text.substr(paragraphs[i].start, paragraphs[i].size());
    absl::string_view rest = line;
    if (absl::ConsumePrefix(&rest, "By ") || absl::ConsumePrefix(&rest, "Written by") ||
        absl::ConsumePrefix(&rest, "Written By")) {
      rest = absl::StripLeadingAsciiWhitespace(rest);
      const size_t cut = rest.find_first_of("|,");
      std::string byline(absl::StripAsciiWhitespace(rest.substr(0, cut)));
      // "By MARK ELLIS Associated Press": a name in capitals, then the
      // outlet.
      if (std::string outlet; SplitCapitalsByline(&byline, &outlet) && s.outlet.empty()) s.outlet = outlet;
      if (!FindFullDate(byline)) s.byline = byline;
      if (!s.published) s.published = FindFullDate(line);
      s.skip[i] = true;
      continue;
    }
    if (IsDateLine(line)) {
      if (!s.published) s.published = FindFullDate(line);
      s.skip[i] = true;
      continue;
    }
    // A headline: the first line that is not a byline or a date, short, not
    // a sentence ending in a full stop (also before closing quotes), and not
    // the whole document (a one-paragraph text is all body). Once body text
    // has started there is no headline to find.
    if (s.title_paragraph < 0 && !body_started) {
      absl::string_view end = absl::StripTrailingAsciiWhitespace(line);
      while (!end.empty() && (end.back() == '"' || end.back() == '\'' || end.back() == ')')) end.remove_suffix(1);
      if (WordCount(line) <= 30 && paragraphs.size() > 1 && !absl::EndsWith(end, ".")) {
        s.title_paragraph = static_cast<int>(i);
        s.title = std::string(line);
        s.skip[i] = true;
      } else {
        body_started = true;
      }
    } else if (s.title_paragraph >= 0 && line == s.title) {
      s.skip[i] = true;  // the headline printed twice
    } else {
      body_started = true;
    }
  }
  bool first_body_line = true;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const absl::string_view line = text.substr(paragraphs[i].start, paragraphs[i].size());
    if (s.outlet.empty() && (!s.skip[i] || !first_body_line)) {
      if (std::optional<std::string> outlet = OutletInLine(line, first_body_line && !s.skip[i])) s.outlet = *outlet;
    }
    // "WASHINGTON, March 4, 2025 - ...", "PARIS, 17 May 2023 (Reuters) -
    // ...": a dated dateline dates the article when nothing above it did.
    if (first_body_line && !s.skip[i] && !s.published) {
      const uint32_t after = AfterDateline(text, paragraphs[i].start, paragraphs[i].end);
      if (after != paragraphs[i].start) {
        s.published = FindFullDate(text.substr(paragraphs[i].start, after - paragraphs[i].start));
      }
    }
    if (!s.skip[i]) first_body_line = false;
    const std::string lower = absl::AsciiStrToLower(line.substr(0, 40));
    const size_t words = WordCount(line);
    if (words <= 25) {
      for (absl::string_view prefix : kFurniturePrefixes) {
        // (A bulleted quotation is a statement: "- Council leader X: “…”".)
        if (prefix == "- " && line.find('"') != absl::string_view::npos) continue;
        if (absl::StartsWith(lower, prefix)) s.skip[i] = true;
      }
    }
    // Short lines without sentence punctuation are headings, names or buttons.
    if (words <= 6 && !HasSentencePunctuation(line)) s.skip[i] = true;
    // E-mail addresses and bio lines ("X is a reporter covering ...").
    if (words <= 40 && line.find('@') != absl::string_view::npos &&
        line.find('"') == absl::string_view::npos) {
      s.skip[i] = true;
    }
    if (absl::StrContains(lower, "[email")) s.skip[i] = true;
  }
  return s;
}

uint32_t AfterDateline(absl::string_view text, uint32_t start, uint32_t end) {
  if (const uint32_t entry = AfterTimeStamp(text, start, end); entry != start) return entry;
  // "New Delhi, Mar 3 (PTI) The government ...": a place in title case, a
  // month and a day, an agency in parentheses, and the story with no dash.
  if (const size_t close = text.substr(start, std::min<uint32_t>(end - start, 60)).find(") ");
      close != absl::string_view::npos && absl::ascii_isupper(static_cast<unsigned char>(text[start]))) {
    const absl::string_view head = text.substr(start, close + 1);
    const size_t comma = head.find(", ");
    const size_t open = head.rfind(" (");
    const uint32_t story = start + static_cast<uint32_t>(close) + 2;
    if (comma != absl::string_view::npos && open != absl::string_view::npos && comma < open && story < end &&
        absl::ascii_isupper(static_cast<unsigned char>(text[story])) &&
        absl::ascii_isupper(static_cast<unsigned char>(head[open + 2]))) {
      // Between the comma and the parenthesis: a month, then a day.
      const std::vector<absl::string_view> when =
          absl::StrSplit(head.substr(comma + 2, open - comma - 2), ' ', absl::SkipEmpty());
      if (when.size() == 2 && MonthIndex(when[0]) > 0 && when[1].size() <= 2 &&
          std::all_of(when[1].begin(), when[1].end(), [](char c) {
            return absl::ascii_isdigit(static_cast<unsigned char>(c));
          })) {
        return story;
      }
    }
  }
  uint32_t p = start;
  int capitals = 0;
  while (p < end && absl::ascii_isupper(static_cast<unsigned char>(text[p]))) {
    ++p;
    ++capitals;
  }
  if (capitals < 3 || p >= end || absl::ascii_isalpha(static_cast<unsigned char>(text[p]))) return start;
  bool in_parenthesis = false;
  for (; p < end && p - start < 80; ++p) {
    const char c = text[p];
    if (c == '(') in_parenthesis = true;
    if (c == ')') in_parenthesis = false;
    if (in_parenthesis) continue;
    const bool word_start =
        absl::ascii_isalpha(static_cast<unsigned char>(c)) && (text[p - 1] == ' ' || text[p - 1] == ',');
    if (word_start && !absl::ascii_isupper(static_cast<unsigned char>(c))) return start;  // running text
    // "NEW DELHI: ...": a place in capitals and a colon.
    if (c == ':' && p + 1 < end && text[p + 1] == ' ') {
      bool capitals_only = true;
      for (uint32_t q = start; q < p && capitals_only; ++q) {
        capitals_only = !absl::ascii_islower(static_cast<unsigned char>(text[q]));
      }
      if (capitals_only) return p + 2;
    }
    for (absl::string_view dash : {" - ", " -- ", " \u2014 ", " \u2013 "}) {
      if (text.substr(p, dash.size()) != dash) continue;
      uint32_t after = p + static_cast<uint32_t>(dash.size());
      while (after < end && text[after] == ' ') ++after;  // the normaliser pads wide dashes
      return after;
    }
  }
  return start;
}

}  // namespace claims::extractor
