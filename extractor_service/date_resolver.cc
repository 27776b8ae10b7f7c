#include "extractor_service/date_resolver.h"

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "extractor_service/lexicon.h"
#include "extractor_service/tokens.h"

namespace claims::extractor {
namespace {

// Words of `text` (via TokenStream) with ordinal suffixes and periods removed.
struct Words {
  explicit Words(absl::string_view text) : ts(text, {0, static_cast<uint32_t>(text.size())}) {
    for (size_t i = 0; i < ts.size(); ++i) words.push_back(ts.Text(i));
  }
  TokenStream ts;
  std::vector<absl::string_view> words;
};

// Parses a day of month ("29", "29th", "1st").
std::optional<int> DayNumber(absl::string_view w) {
  if (w.empty() || w.size() > 4 || w[0] < '0' || w[0] > '9') return std::nullopt;
  for (absl::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (w.size() > 2 && absl::EndsWithIgnoreCase(w, suffix)) {
      w.remove_suffix(2);
      break;
    }
  }
  int d;
  if (w.empty() || w.size() > 2 || !absl::SimpleAtoi(w, &d) || d < 1 || d > 31) return std::nullopt;
  return d;
}

std::optional<int> YearNumber(absl::string_view w) {
  if (w.size() != 4 || w[0] < '0' || w[0] > '9') return std::nullopt;
  int y;
  if (w.size() != 4 || !absl::SimpleAtoi(w, &y) || y < 1900 || y > 2200) return std::nullopt;
  return y;
}

std::optional<absl::CivilDay> MakeDay(int y, int m, int d) {
  const absl::CivilDay day(y, m, d);
  if (day.year() != y || day.month() != m || day.day() != d) return std::nullopt;  // Feb 30
  return day;
}

// Month-day (and optional year) at word i: "January 27", "Jan. 24, 2022",
// "27 January", "27 January 2022". Sets *year to 0 when absent.
std::optional<std::pair<int, int>> MonthDayAt(const Words& w, size_t i, int* year, size_t* next) {
  *year = 0;
  const auto& v = w.words;
  auto skip_punct = [&](size_t k) {
    while (k < v.size() && (v[k] == "," || v[k] == ".")) ++k;
    return k;
  };
  if (int m = MonthIndex(v[i]); m != 0) {
    size_t k = skip_punct(i + 1);
    if (k < v.size()) {
      if (auto d = DayNumber(v[k])) {
        size_t after = skip_punct(k + 1);
        if (after < v.size()) {
          if (auto y = YearNumber(v[after])) {
            *year = *y;
            *next = after + 1;
            return std::make_pair(m, *d);
          }
        }
        *next = k + 1;
        return std::make_pair(m, *d);
      }
    }
  }
  if (auto d = DayNumber(v[i]); d && i + 1 < v.size()) {
    if (int m = MonthIndex(v[i + 1]); m != 0) {
      size_t k = skip_punct(i + 2);
      if (k < v.size()) {
        if (auto y = YearNumber(v[k])) {
          *year = *y;
          *next = k + 1;
          return std::make_pair(m, *d);
        }
      }
      *next = i + 2;
      return std::make_pair(m, *d);
    }
  }
  return std::nullopt;
}

std::optional<absl::CivilDay> IsoDate(absl::string_view w) {
  // 2022-01-27 tokenises as one word joined by hyphens.
  if (w.size() != 10 || w[4] != '-' || w[7] != '-') return std::nullopt;
  int y, m, d;
  if (!absl::SimpleAtoi(w.substr(0, 4), &y) || !absl::SimpleAtoi(w.substr(5, 2), &m) ||
      !absl::SimpleAtoi(w.substr(8, 2), &d)) {
    return std::nullopt;
  }
  return MakeDay(y, m, d);
}

absl::Weekday WeekdayFromIndex(int i) {
  static const absl::Weekday kDays[] = {absl::Weekday::monday,    absl::Weekday::tuesday,
                                        absl::Weekday::wednesday, absl::Weekday::thursday,
                                        absl::Weekday::friday,    absl::Weekday::saturday,
                                        absl::Weekday::sunday};
  return kDays[i];
}

// The all-numeric dates in `text`, in order: "21/11/2017", "21.11.2017",
// "21-11-2017" and "2017/11/21". Day and month are told apart by a value
// above 12; where both could be either, the day comes first (as in most
// of the world's usage; US copy spells the month out: "Nov. 21, 2017").
std::vector<absl::CivilDay> NumericDates(absl::string_view text) {
  std::vector<absl::CivilDay> days;
  auto digits_at = [&](size_t i) {
    size_t n = 0;
    while (i + n < text.size() && absl::ascii_isdigit(static_cast<unsigned char>(text[i + n]))) ++n;
    return n;
  };
  for (size_t i = 0; i < text.size();) {
    const size_t a = digits_at(i);
    if (a == 0) {
      ++i;
      continue;
    }
    const size_t start = i;
    i += a;
    // Not inside a longer number or word ("v1.2.2024", "12,3/4/2021").
    if (start > 0 && (absl::ascii_isalnum(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '.' ||
                      text[start - 1] == '/' || text[start - 1] == '-')) {
      continue;
    }
    if (i >= text.size() || (text[i] != '/' && text[i] != '.' && text[i] != '-')) continue;
    const char sep = text[i];
    const size_t b = digits_at(i + 1);
    if (b == 0 || b > 2 || i + 1 + b >= text.size() || text[i + 1 + b] != sep) continue;
    const size_t c = digits_at(i + 2 + b);
    const size_t end = i + 2 + b + c;
    if (end < text.size() && (absl::ascii_isalnum(static_cast<unsigned char>(text[end])) ||
                              (text[end] == sep && end + 1 < text.size() &&
                               absl::ascii_isdigit(static_cast<unsigned char>(text[end + 1]))))) {
      continue;
    }
    int x = 0, y = 0, z = 0;
    if (!absl::SimpleAtoi(text.substr(start, a), &x) || !absl::SimpleAtoi(text.substr(i + 1, b), &y) ||
        c == 0 || !absl::SimpleAtoi(text.substr(i + 2 + b, c), &z)) {
      continue;
    }
    std::optional<absl::CivilDay> day;
    if (a == 4 && c <= 2) {
      if (x >= 1900 && x <= 2200) day = MakeDay(x, y, z);  // year first
    } else if (a <= 2 && c == 4 && z >= 1900 && z <= 2200) {
      day = x > 12 || y <= 12 ? MakeDay(z, y, x) : MakeDay(z, x, y);
    }
    if (day) days.push_back(*day);
    i = end;
  }
  return days;
}

}  // namespace

std::optional<absl::CivilDay> FindFullDate(absl::string_view text) {
  Words w(text);
  for (size_t i = 0; i < w.words.size(); ++i) {
    if (auto iso = IsoDate(w.words[i])) return iso;
    int year;
    size_t next;
    if (auto md = MonthDayAt(w, i, &year, &next); md && year != 0) {
      if (auto day = MakeDay(year, md->first, md->second)) return day;
    }
  }
  if (const std::vector<absl::CivilDay> numeric = NumericDates(text); !numeric.empty()) return numeric.front();
  return std::nullopt;
}

std::optional<absl::CivilDay> LatestFullDate(absl::string_view text) {
  Words w(text);
  std::optional<absl::CivilDay> latest;
  for (size_t i = 0; i < w.words.size(); ++i) {
    std::optional<absl::CivilDay> day = IsoDate(w.words[i]);
    int year;
    size_t next;
    if (!day) {
      if (auto md = MonthDayAt(w, i, &year, &next); md && year != 0) day = MakeDay(year, md->first, md->second);
    }
    if (day && (!latest || *day > *latest)) latest = day;
  }
  for (const absl::CivilDay& day : NumericDates(text)) {
    if (!latest || day > *latest) latest = day;
  }
  return latest;
}

// Whether `clause` can hold a time expression at all: every form this file
// reads has a digit, or one of these words ("Wednesday", "yesterday" and
// "the previous day" all contain "day").
bool MayHoldTimeExpression(absl::string_view clause) {
  for (char c : clause) {
    if (c >= '0' && c <= '9') return true;
  }
  const std::string lower = absl::AsciiStrToLower(clause);
  for (absl::string_view trigger : {"day", "shortly", "soon", "hours", "minutes", "moments", "immediately", "just",
                                    "night", "morning", "afternoon", "evening", "week", "afterward"}) {
    if (absl::StrContains(lower, trigger)) return true;
  }
  return false;
}

std::optional<absl::CivilDay> ResolveStatementDate(absl::string_view clause, const DateContext& context) {
  if (!MayHoldTimeExpression(clause)) return std::nullopt;
  // The last day mentioned, looked up (once) only when a relative
  // expression needs it.
  bool asked = false;
  std::optional<absl::CivilDay> last;
  auto last_mentioned = [&]() -> std::optional<absl::CivilDay> {
    if (!asked) {
      asked = true;
      last = context.last_mentioned;
      if (!last && context.last_mentioned_lookup) last = context.last_mentioned_lookup();
    }
    return last;
  };
  const std::optional<absl::CivilDay>& published = context.published;
  const std::optional<absl::CivilDay> reference = published ? published : context.anchor;
  Words w(clause);
  const auto& v = w.words;
  // Lower-case copies only of words that can be part of a relative
  // expression (at most 11 letters); others compare as "".
  auto lower = [&v](size_t i) {
    return i < v.size() && v[i].size() <= 11 ? absl::AsciiStrToLower(v[i]) : std::string();
  };
  for (size_t i = 0; i < v.size(); ++i) {
    if (auto iso = IsoDate(v[i])) return iso;
    int year;
    size_t next;
    if (auto md = MonthDayAt(w, i, &year, &next)) {
      if (year != 0) {
        if (auto day = MakeDay(year, md->first, md->second)) return day;
      }
      if (!reference) return std::nullopt;
      auto day = MakeDay(static_cast<int>(reference->year()), md->first, md->second);
      if (published && day && *day > *published) {
        day = MakeDay(static_cast<int>(published->year()) - 1, md->first, md->second);
      }
      if (day) return day;
    }
    int weekday = WeekdayIndex(v[i]);
    // "Wednesday's answer" names a thing, but "told Tuesday's meeting" says
    // when the statement was made.
    if (weekday < 0 && v[i].size() > 2 && absl::EndsWith(v[i], "'s") && i + 1 < v.size()) {
      static const auto* kEvents = new absl::flat_hash_set<absl::string_view>{
          "meeting", "session", "briefing", "debate", "hearing", "conference", "summit",
          "rally", "interview", "address", "speech", "sitting", "gathering"};
      if (kEvents->contains(lower(i + 1))) weekday = WeekdayIndex(v[i].substr(0, v[i].size() - 2));
    }
    if (weekday >= 0) {
      // "Wednesday's answer" names a thing, not when it was said.
      if (i + 1 < v.size() && (v[i + 1] == "'" || absl::StartsWith(v[i + 1], "'"))) continue;
      // So does a weekday opening a title: "told the Sunday Herald".
      if (i > 0 && lower(i - 1) == "the" && i + 1 < v.size() && !v[i + 1].empty() &&
          absl::ascii_isupper(static_cast<unsigned char>(v[i + 1][0])) && MonthIndex(v[i + 1]) == 0) {
        continue;
      }
      // "on Sunday, March 3": the date written after the weekday decides.
      bool dated = false;
      for (size_t j = i + 1; j <= i + 2 && j < v.size() && !dated; ++j) {
        int y;
        size_t n;
        dated = MonthDayAt(w, j, &y, &n).has_value();
      }
      if (dated) continue;
      if (published) {
        absl::CivilDay day = *published;
        // ("last Tuesday" in Tuesday's paper is a week before.)
        if (i > 0 && lower(i - 1) == "last") --day;
        while (absl::GetWeekday(day) != WeekdayFromIndex(weekday)) --day;
        return day;
      }
      if (context.anchor) {
        absl::CivilDay day = *context.anchor;
        while (absl::GetWeekday(day) != WeekdayFromIndex(weekday)) ++day;
        return day;
      }
      return std::nullopt;
    }
    if (v[i].size() < 3 || v[i].size() > 11 || !absl::ascii_isalpha(static_cast<unsigned char>(v[i][0]))) continue;
    const std::string word = lower(i);
    if (word == "yesterday" && published) return *published - 1;
    // (Capitalised inside a clause, "Today" names something: "the Today programme".)
    const bool named = absl::ascii_isupper(static_cast<unsigned char>(v[i][0])) && i > 0 &&
                       absl::ascii_isalnum(static_cast<unsigned char>(v[i - 1][0]));  // ("Radio 4's Today")
    if ((word == "today" || word == "tonight") && published && !named) return *published;
    // "said last night", "said this morning": the evening before
    // publication, the day of publication.
    if ((word == "last" || word == "this") && published) {
      const std::string part = lower(i + 1);
      if (word == "last" && (part == "night" || part == "evening")) return *published - 1;
      if (word == "this" && (part == "morning" || part == "afternoon" || part == "evening")) return *published;
    }
    // "two days later", "a week earlier", "three days ago": a count of days
    // or weeks from the last day mentioned (or, with "ago", publication).
    if ((word == "days" || word == "weeks" || word == "week") && i > 0) {
      static const char* kCounts[] = {"a",    "one",   "two",   "three", "four", "five",
                                      "six",  "seven", "eight", "nine",  "ten"};
      const std::string count_word = lower(i - 1);
      int count = 0;
      for (int n = 0; n < 11 && count == 0; ++n) {
        if (count_word == kCounts[n]) count = std::max(n, 1);
      }
      if (count == 0 && v[i - 1].size() <= 2 && !absl::SimpleAtoi(v[i - 1], &count)) count = 0;
      if (word != "days") count *= 7;
      const std::string after = lower(i + 1);
      if (count > 0 && count <= 70) {
        if (after == "ago" && published) return *published - count;
        if (after == "later" || after == "after") {
          if (const std::optional<absl::CivilDay> last = last_mentioned()) return *last + count;
        }
        if (after == "earlier" || after == "before") {
          if (const std::optional<absl::CivilDay> last = last_mentioned()) return *last - count;
        }
      }
    }
    // "the previous day", "previous day", "the day before", "a day earlier",
    // "the next day", "the following day", "a day later": an offset from the
    // last day mentioned, asked for only once the words call for it.
    std::optional<int> offset;
    const std::string next_word = lower(i + 1);
    if ((word == "previous" || word == "preceding") && next_word == "day") offset = -1;
    if ((word == "next" || word == "following") && next_word == "day") offset = 1;
    if (word == "day" && (next_word == "before" || next_word == "earlier") && i > 0 &&
        (lower(i - 1) == "the" || lower(i - 1) == "a")) {
      offset = -1;
    }
    if (word == "day" && next_word == "later" && i > 0 && lower(i - 1) == "a") offset = 1;
    // The same day as the last one mentioned: "shortly after", "hours
    // later", "minutes before", "later that day", "the same day",
    // "afterwards".
    static const auto* near = new absl::flat_hash_set<absl::string_view>{
        "shortly", "soon", "hours", "minutes", "moments", "immediately", "just"};
    if (near->contains(word) &&
        (next_word == "after" || next_word == "later" || next_word == "before" || next_word == "earlier")) {
      offset = 0;
    }
    if (word == "afterwards" || word == "afterward") offset = 0;
    if ((word == "that" || word == "same") && next_word == "day" && !(i > 0 && lower(i - 1) == "every")) offset = 0;
    if (word == "that" && (next_word == "morning" || next_word == "afternoon" || next_word == "evening")) offset = 0;
    if (offset) {
      if (const std::optional<absl::CivilDay> last = last_mentioned()) return *last + *offset;
    }
  }
  return std::nullopt;
}

std::optional<absl::CivilDay> ResolveStatementDate(absl::string_view clause,
                                                   std::optional<absl::CivilDay> published) {
  DateContext context;
  context.published = published;
  return ResolveStatementDate(clause, context);
}

bool NamesAPeriod(absl::string_view clause) {
  const std::string lower = absl::AsciiStrToLower(clause);
  std::vector<absl::string_view> words;
  for (absl::string_view w : absl::StrSplit(lower, absl::ByAnyChar(" ,;:()"), absl::SkipEmpty())) {
    words.push_back(w);
  }
  static const auto* kPeriods = new absl::flat_hash_set<absl::string_view>{
      "week", "month", "year", "spring", "summer", "autumn", "fall", "winter", "weekend", "decade"};
  static const auto* kMonths = new absl::flat_hash_set<absl::string_view>{
      "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
      "december"};
  for (size_t i = 0; i < words.size(); ++i) {
    const absl::string_view w = words[i];
    if (w == "recently" || w == "lately") return true;
    const absl::string_view next = i + 1 < words.size() ? words[i + 1] : absl::string_view();
    // "last week", "this month", "earlier this year", "next spring".
    if ((w == "last" || w == "this" || w == "past" || w == "previous") && kPeriods->contains(next)) return true;
    // "in recent days/weeks/months".
    if (w == "recent" && (next == "days" || next == "weeks" || next == "months" || next == "years")) return true;
    // "in March" with no day after it ("in March 12" is not English).
    if (w == "in" && kMonths->contains(next)) {
      const absl::string_view after = i + 2 < words.size() ? words[i + 2] : absl::string_view();
      if (after.empty() || !absl::ascii_isdigit(static_cast<unsigned char>(after[0])) || after.size() == 4) return true;
    }
  }
  return false;
}

}  // namespace claims::extractor
