#include "extractor_service/mentions.h"

#include <cmath>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "extractor_service/lexicon.h"
#include "extractor_service/tokens.h"

namespace claims::extractor {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)); }

double ScaleOf(absl::string_view w) {
  if (w.empty() || w.size() > 8) return 0;
  static const auto* scales = new absl::flat_hash_map<std::string, double>{
      {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
      {"m", 1e6},        {"mn", 1e6},      {"bn", 1e9},      {"k", 1e3},
      {"lakh", 1e5},     {"crore", 1e7}};
  auto it = scales->find(absl::AsciiStrToLower(w));
  return it == scales->end() ? 0 : it->second;
}

double NumberWordValue(absl::string_view w) {
  // Number words are 3-7 letters ("one" .. "seventy"), "several" included.
  if (w.size() < 3 || w.size() > 7) return -1;
  static const auto* words = new absl::flat_hash_map<std::string, double>{
      {"one", 1},     {"two", 2},      {"three", 3},   {"four", 4},     {"five", 5},     {"six", 6},
      {"seven", 7},   {"eight", 8},    {"nine", 9},    {"ten", 10},     {"eleven", 11},  {"twelve", 12},
      {"fifteen", 15}, {"twenty", 20}, {"thirty", 30}, {"forty", 40},   {"fifty", 50},   {"sixty", 60},
      {"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"hundred", 100}, {"dozen", 12}, {"several", 0}};
  auto it = words->find(absl::AsciiStrToLower(w));
  return it == words->end() ? -1 : it->second;
}

// Words that cannot be a counted noun or unit.
bool IsFunctionWord(absl::string_view w) {
  static const auto* s = new absl::flat_hash_set<absl::string_view>{
      "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with", "from",
      "as", "is", "are", "was", "were", "be", "been", "will", "would", "could", "can", "may", "that",
      "this", "these", "those", "it", "its", "than", "more", "less", "per", "if", "into", "over",
      "under", "after", "before", "about", "around", "nearly", "almost", "up", "down", "out", "so"};
  return s->contains(absl::AsciiStrToLower(w));
}

// An adjective that may stand between a number and what it counts ("300
// new buses", "12 armed officers"): a list of the common ones, and words
// with adjective endings.
bool IsCountAdjective(absl::string_view w) {
  static const auto* s = new absl::flat_hash_set<absl::string_view>{
      "new", "additional", "extra", "other", "further", "former", "young", "old", "local", "foreign",
      "armed", "separate", "different", "small", "large", "big", "major", "minor", "senior", "junior",
      "elderly", "full-time", "part-time", "unarmed", "injured", "wounded", "missing", "dead"};
  if (s->contains(w)) return true;
  for (absl::string_view ending : {"al", "ive", "ous", "ful", "less", "ic"}) {
    if (w.size() > ending.size() + 3 && absl::EndsWith(w, ending)) return true;
  }
  return false;
}

// The lower-case word at `pos` (letters only), or "".
absl::string_view WordAt(absl::string_view text, size_t pos, size_t end) {
  size_t e = pos;
  while (e < end && (IsAlpha(text[e]) || text[e] == '-')) ++e;
  return text.substr(pos, e - pos);
}

size_t SkipSpaces(absl::string_view text, size_t pos, size_t end) {
  while (pos < end && text[pos] == ' ') ++pos;
  return pos;
}

// Extends a number ending at `pos` with scale, percent and unit; sets the
// quantity's end, value and unit. False when letters stuck to the number
// make it something else ("24th", "16b").
bool ReadTail(absl::string_view text, size_t pos, size_t end, FoundQuantity* q) {
  size_t p = pos;
  // Attached scale or percent: "40bn", "2.5m", "8%".
  if (p < end && text[p] == '%') {
    q->unit = "percent";
    q->range.end = static_cast<uint32_t>(p + 1);
    return true;
  }
  if (absl::string_view attached = WordAt(text, p, end); !attached.empty()) {
    const double scale = ScaleOf(attached);
    if (scale <= 0) return false;
    q->value *= scale;
    p += attached.size();
    q->range.end = static_cast<uint32_t>(p);
  }
  size_t w = SkipSpaces(text, p, end);
  absl::string_view word = WordAt(text, w, end);
  if (const double scale = ScaleOf(word); scale > 0 && word.size() > 2) {
    q->value *= scale;
    p = w + word.size();
    q->range.end = static_cast<uint32_t>(p);
    w = SkipSpaces(text, p, end);
    word = WordAt(text, w, end);
  }
  const std::string lower = absl::AsciiStrToLower(word);
  if (lower == "percent" || lower == "pct") {
    q->unit = "percent";
    q->range.end = static_cast<uint32_t>(w + word.size());
    return true;
  }
  if (lower == "per") {
    const size_t c = SkipSpaces(text, w + word.size(), end);
    if (absl::AsciiStrToLower(WordAt(text, c, end)) == "cent") {
      q->unit = "percent";
      q->range.end = static_cast<uint32_t>(c + 4);
    }
    return true;
  }
  if (word.empty() || IsFunctionWord(word) || !absl::ascii_islower(static_cast<unsigned char>(word[0])) ||
      MonthIndex(word) != 0) {
    return true;
  }
  // "300 new buses", "40 additional armed police": adjectives before the
  // counted noun are passed (at most two), the noun is the unit.
  const bool unit_prefix =
      lower == "cubic" || lower == "square" || lower == "metric" || lower == "nautical" || lower == "light";
  for (int skipped = 0; !unit_prefix && skipped < 2 && IsCountAdjective(absl::AsciiStrToLower(word)); ++skipped) {
    const size_t c = SkipSpaces(text, w + word.size(), end);
    const absl::string_view next = WordAt(text, c, end);
    if (next.empty() || IsFunctionWord(next) || !absl::ascii_islower(static_cast<unsigned char>(next[0]))) break;
    w = c;
    word = next;
  }
  size_t unit_end = w + word.size();
  if (unit_prefix) {
    const size_t c = SkipSpaces(text, unit_end, end);
    const absl::string_view next = WordAt(text, c, end);
    if (!next.empty()) unit_end = c + next.size();
  }
  q->unit = std::string(text.substr(w, unit_end - w));
  q->range.end = static_cast<uint32_t>(unit_end);
  return true;
}

std::string Lower(absl::string_view s) { return absl::AsciiStrToLower(s); }

bool IsAcronym(absl::string_view w) {
  if (w.size() < 2 || w.size() > 6) return false;
  // Measures, taxes, jobs and diseases written in capitals name no body.
  static const auto* kNotBodies = new absl::flat_hash_set<absl::string_view>{
      "GDP", "GNP", "VAT", "CPI", "PMI", "IPO", "CEO", "CFO", "COO", "AI", "EV", "LNG", "GMT", "BST", "UTC",
      "COVID", "HIV", "AIDS", "DNA"};
  if (kNotBodies->contains(w)) return false;
  int letters = 0;
  for (char c : w) {
    if (absl::ascii_isupper(static_cast<unsigned char>(c))) {
      ++letters;
    } else if (c != '.') {
      return false;
    }
  }
  return letters >= 2;
}

bool IsRegionName(absl::string_view run) {
  static const auto* s = new absl::flat_hash_set<absl::string_view>{
      "Europe", "Asia", "Africa", "North America", "South America", "Latin America", "Middle East",
      "Eastern Europe", "Western Europe", "Central Europe", "Central Asia", "Southeast Asia", "East Asia",
      "Balkans", "Baltics", "Caucasus", "Scandinavia", "Arctic", "Antarctica", "Oceania", "Caribbean",
      "Mediterranean", "Pacific", "Atlantic", "Gulf", "Sahel", "Donbas", "Crimea"};
  return s->contains(run);
}

// Whether the token before `first` (past "the") is a preposition of place
// ("in", "near", "across", "throughout", "outside", "inside"): a name after
// it that is no person's or body's is a place. ("at" and "from" also take
// companies: "works at Veltra", "a letter from Acme".)
bool AfterPlacePreposition(const TokenStream& ts, size_t first) {
  if (first == 0) return false;
  size_t k = first - 1;
  if (ts[k].is_word() && absl::EqualsIgnoreCase(ts.Text(k), "the")) {
    if (k == 0) return false;
    --k;
  }
  if (!ts[k].is_word()) return false;
  for (absl::string_view p : {"in", "near", "across", "throughout", "outside", "inside"}) {
    if (absl::EqualsIgnoreCase(ts.Text(k), p)) return true;
  }
  return false;
}

bool IsSeatOfGovernment(absl::string_view run) {
  return run == "Kremlin" || run == "White House" || run == "Downing Street" || run == "Elysee" ||
         run == "Élysée" || run == "Zhongnanhai";
}

}  // namespace

std::vector<FoundQuantity> FindQuantities(absl::string_view text, TextRange range) {
  std::vector<FoundQuantity> out;
  const size_t end = range.end;
  size_t i = range.start;
  while (i < end) {
    const char c = text[i];
    if (IsDigit(c) && (i == range.start || !(IsAlpha(text[i - 1]) || IsDigit(text[i - 1]) || text[i - 1] == '-' ||
                                             text[i - 1] == '.' || text[i - 1] == ',' || text[i - 1] == ':'))) {
      FoundQuantity q;
      size_t start = i;
      // Currency sign just before: "$", "US$", "€", "£".
      std::string currency;
      if (start > range.start && text[start - 1] == '$') {
        currency = "USD";
        start -= (start >= range.start + 3 && text.substr(start - 3, 2) == "US") ? 3 : 1;
      } else if (start >= range.start + 3 && text.substr(start - 3, 3) == "\xE2\x82\xAC") {
        currency = "EUR";
        start -= 3;
      } else if (start >= range.start + 2 && text.substr(start - 2, 2) == "\xC2\xA3") {
        currency = "GBP";
        start -= 2;
      }
      // Digits with groupings (100,000 and 1,00,000) and a decimal part.
      size_t p = i;
      std::string digits;
      bool grouped = false;
      while (p < end && IsDigit(text[p])) digits += text[p++];
      while (p + 2 < end && text[p] == ',' && IsDigit(text[p + 1]) && IsDigit(text[p + 2])) {
        size_t g = p + 1;
        std::string group;
        while (g < end && IsDigit(text[g])) group += text[g++];
        if (group.size() != 2 && group.size() != 3) break;
        digits += group;
        grouped = true;
        p = g;
      }
      bool decimal = false;
      if (p + 1 < end && text[p] == '.' && IsDigit(text[p + 1])) {
        digits += '.';
        ++p;
        while (p < end && IsDigit(text[p])) digits += text[p++];
        decimal = true;
      }
      i = p;
      // Times ("07:54") and dates ("24 Jan", "Jan. 24", years) are not quantities.
      if (p < end && text[p] == ':' && p + 1 < end && IsDigit(text[p + 1])) continue;
      double value = 0;
      if (!absl::SimpleAtod(digits, &value)) continue;
      const size_t next_word_at = SkipSpaces(text, p, end);
      if (MonthIndex(WordAt(text, next_word_at, end)) != 0) continue;
      size_t back = start;
      while (back > range.start && (text[back - 1] == ' ' || text[back - 1] == '.')) --back;
      size_t word_start = back;
      while (word_start > range.start && IsAlpha(text[word_start - 1])) --word_start;
      if (word_start < back && MonthIndex(text.substr(word_start, back - word_start)) != 0) continue;
      const bool year_like = !grouped && !decimal && currency.empty() && digits.size() == 4 && value >= 1800 &&
                             value <= 2100;
      q.range = {static_cast<uint32_t>(start), static_cast<uint32_t>(p)};
      q.value = value;
      if (!ReadTail(text, p, end, &q)) continue;
      if (year_like && q.unit.empty()) continue;
      if (!currency.empty() && q.unit.empty()) q.unit = currency;
      const size_t quantity_end = q.range.end;
      out.push_back(std::move(q));
      i = std::max(i, quantity_end);
      continue;
    }
    // Number words before a scale: "two million", "a dozen".
    if (IsAlpha(c) && (i == range.start || !IsAlpha(text[i - 1]))) {
      const absl::string_view word = WordAt(text, i, end);
      const double n = NumberWordValue(word);
      const size_t after = SkipSpaces(text, i + word.size(), end);
      const absl::string_view next = WordAt(text, after, end);
      if (n > 0 && ScaleOf(next) > 0 && next.size() > 2) {
        FoundQuantity q;
        q.range = {static_cast<uint32_t>(i), static_cast<uint32_t>(after + next.size())};
        q.value = n * ScaleOf(next);
        if (!ReadTail(text, after + next.size(), end, &q)) q.unit.clear();
        out.push_back(q);
        i = q.range.end;
        continue;
      }
      // "two people", "forty MPs", "three new reactors": a number word (two
      // or more) before a counted noun in the plural.
      if (n >= 2) {
        FoundQuantity q;
        q.range = {static_cast<uint32_t>(i), static_cast<uint32_t>(i + word.size())};
        q.value = n;
        const std::string unit = ReadTail(text, i + word.size(), end, &q) ? q.unit : std::string();
        const size_t space = unit.rfind(' ');
        const absl::string_view head = absl::string_view(unit).substr(space == std::string::npos ? 0 : space + 1);
        if (absl::EndsWith(head, "s") || head == "people" || head == "children" || head == "men" || head == "women") {
          out.push_back(q);
          i = q.range.end;
          continue;
        }
      }
      i += std::max<size_t>(word.size(), 1);
      continue;
    }
    ++i;
  }
  return out;
}

std::vector<FoundEntity> FindEntities(absl::string_view text, TextRange range, const SpeakerRegistry* registry) {
  std::vector<FoundEntity> out;
  // Entities are capitalised; most short claims have no capital after their
  // first letter.
  bool capital = false;
  for (uint32_t p = range.start + 1; p < range.end && !capital; ++p) capital = text[p] >= 'A' && text[p] <= 'Z';
  if (!capital && !(range.size() > 0 && text[range.start] >= 'A' && text[range.start] <= 'Z')) return out;
  TokenStream ts(text, range);
  size_t i = 0;
  while (i < ts.size()) {
    if (!ts[i].is_word() || !ts.IsCapitalized(i) || IsNonNameCapitalized(ts.Text(i)) || WeekdayIndex(ts.Text(i)) >= 0 ||
        MonthIndex(ts.Text(i)) != 0) {
      ++i;
      continue;
    }
    // A sentence-initial word is capitalised anyway.
    const bool at_sentence_start =
        i == 0 || ts.IsPunct(i - 1, '.') || ts.IsPunct(i - 1, ':') || ts[i - 1].kind == Token::Kind::kQuote;
    size_t j = i + 1;
    while (j < ts.size()) {
      if (ts[j].is_word() && ts.IsCapitalized(j) && !IsNonNameCapitalized(ts.Text(j)) && WeekdayIndex(ts.Text(j)) < 0) {
        if (ts.Stem(j - 1) != ts.Text(j - 1)) break;  // "Russia's Foreign": a possessive ends the name
        ++j;
      } else if (ts[j].is_word() && (ts.Text(j) == "of" || ts.Text(j) == "for") && j + 1 < ts.size() &&
                 ts.IsCapitalized(j + 1) && !IsNonNameCapitalized(ts.Text(j + 1))) {
        j += 1;  // "Court of Justice"
      } else {
        break;
      }
    }
    size_t first = i;
    bool after_title = false;
    // "Foreign Minister Lavrov": after the last title word, the name.
    for (size_t k = j; k-- > first + 1;) {
      if (IsTitleWord(ts.Stem(k - 1)) && !IsTitleWord(ts.Stem(k)) && !IsOrganizationWord(ts.Stem(k))) {
        bool tail_is_name = true;
        for (size_t n = k; n < j; ++n) tail_is_name &= !IsTitleWord(ts.Stem(n)) && !IsOrganizationWord(ts.Stem(n));
        if (tail_is_name) {
          first = k;
          after_title = true;
        }
        break;
      }
    }
    // "Russian Federation John Sullivan": a known given name starts a new name.
    for (size_t k = first + 1; k + 1 < j; ++k) {
      if (GivenNameGender(ts.Stem(k)) != 0) {
        j = k;
        break;
      }
    }
    const std::string run_text(text.substr(ts[first].start, ts[j - 1].end - ts[first].start));
    std::string run(run_text);
    if (absl::EndsWith(run, "'s")) run.resize(run.size() - 2);
    FoundEntity e;
    e.range = {ts[first].start, static_cast<uint32_t>(ts[first].start + run.size())};
    e.canonical_name = run;
    const absl::string_view government = GovernmentName(run);
    const int person = registry != nullptr ? registry->FindPerson(run) : -1;
    const absl::string_view first_word = ts.Stem(first);
    bool has_org_word = false;
    for (size_t k = first; k < j; ++k) has_org_word |= IsOrganizationWord(ts.Stem(k)) || IsAcronym(ts.Stem(k));
    if (IsRegionName(run)) {
      e.type = v1::ENTITY_TYPE_LOCATION;
    } else if (!government.empty()) {
      e.type = IsSeatOfGovernment(run) ? v1::ENTITY_TYPE_ORGANIZATION : v1::ENTITY_TYPE_LOCATION;
      if (e.type == v1::ENTITY_TYPE_ORGANIZATION) e.canonical_name = std::string(government);
    } else if (person >= 0) {
      e.type = v1::ENTITY_TYPE_PERSON;
      e.canonical_name = registry->entry(person).canonical;
    } else if (after_title || ((GivenNameGender(first_word) != 0 || IsHonorific(first_word)) && j - first >= 2)) {
      e.type = v1::ENTITY_TYPE_PERSON;
    } else if (has_org_word) {
      e.type = v1::ENTITY_TYPE_ORGANIZATION;
    } else if (AfterPlacePreposition(ts, first)) {
      e.type = v1::ENTITY_TYPE_LOCATION;  // "in England", "near Tromsø", "in The Hague"
    } else {
      e.type = v1::ENTITY_TYPE_OTHER;
    }
    // An unknown single capitalised word opening a sentence is just a
    // capitalised word ("Nobody", "Ships").
    const bool known = !government.empty() || person >= 0 || has_org_word || IsRegionName(run);
    if (!(at_sentence_start && j - first == 1 && !known)) out.push_back(std::move(e));
    i = j;
  }
  return out;
}

}  // namespace claims::extractor
