#include "query_service/query_parser.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/utf8.h"
#include "query_service/segment.h"
#include "query_service/tokenizer.h"

namespace claims::query {
namespace {

size_t InternTerm(ParsedQuery& q, const std::string& exact) {
  for (size_t i = 0; i < q.terms.size(); ++i) {
    if (q.terms[i].exact == exact) return i;
  }
  q.terms.push_back({exact, Stem(exact)});
  return q.terms.size() - 1;
}

bool DayInDateRange(int32_t day, const v1::DateRange& range) {
  return DayInRange(day, DayNumber(range.from()), DayNumber(range.to()));
}

absl::Status ValidateDate(const v1::Date& d, absl::string_view field) {
  if (d.year() == 0 && d.month() == 0 && d.day() == 0) return absl::OkStatus();
  if (d.year() < 1 || d.year() > 9999 || d.month() < 1 || d.month() > 12 || d.day() < 1 || d.day() > 31) {
    return absl::InvalidArgumentError(absl::StrCat(field, " is not a calendar day (year, month 1-12, day 1-31)"));
  }
  const absl::CivilDay day(d.year(), d.month(), d.day());
  if (day.day() != d.day()) return absl::InvalidArgumentError(absl::StrCat(field, " is not a calendar day"));
  return absl::OkStatus();
}

absl::Status ValidateRange(const v1::DateRange& range, absl::string_view field) {
  if (absl::Status s = ValidateDate(range.from(), absl::StrCat(field, ".from")); !s.ok()) return s;
  if (absl::Status s = ValidateDate(range.to(), absl::StrCat(field, ".to")); !s.ok()) return s;
  const int32_t from = DayNumber(range.from());
  const int32_t to = DayNumber(range.to());
  if (from != kNoDay && to != kNoDay && from > to) {
    return absl::InvalidArgumentError(absl::StrCat(field, ".from is after ", field, ".to"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ParsedQuery> ParseQuery(absl::string_view query) {
  if (query.size() > kMaxQueryBytes) {
    return absl::InvalidArgumentError(absl::StrCat("query is ", query.size(), " bytes; the limit is ", kMaxQueryBytes));
  }
  if (std::count(query.begin(), query.end(), '"') % 2 != 0) {
    return absl::InvalidArgumentError("query has an unbalanced '\"': close every quoted phrase");
  }
  ParsedQuery q;
  bool in_phrase = false;
  size_t start = 0;
  for (size_t i = 0; i <= query.size(); ++i) {
    if (i < query.size() && query[i] != '"') continue;
    const std::vector<std::string> words = Tokenize(query.substr(start, i - start));
    std::vector<size_t> phrase;
    for (const std::string& w : words) phrase.push_back(InternTerm(q, w));
    if (in_phrase && phrase.size() >= 2) q.phrases.push_back(std::move(phrase));
    in_phrase = !in_phrase;
    start = i + 1;
  }
  if (q.terms.size() > kMaxQueryTerms) {
    return absl::InvalidArgumentError(
        absl::StrCat("query has ", q.terms.size(), " distinct words; the limit is ", kMaxQueryTerms));
  }
  return q;
}

absl::Status ValidateFilter(const v1::ClaimFilter& filter) {
  for (int kind : filter.kinds()) {
    if (!v1::ClaimKind_IsValid(kind) || kind == v1::CLAIM_KIND_UNSPECIFIED) {
      return absl::InvalidArgumentError(absl::StrCat("filter.kinds has an unknown kind ", kind));
    }
  }
  if (absl::Status s = ValidateRange(filter.statement_date(), "filter.statement_date"); !s.ok()) return s;
  return ValidateRange(filter.published_date(), "filter.published_date");
}

bool MatchesClaim(const ParsedQuery& query, const v1::ClaimFilter& filter, const v1::Claim& claim) {
  if (!filter.speaker_ids().empty() && std::find(filter.speaker_ids().begin(), filter.speaker_ids().end(),
                                                 claim.speaker().speaker_id()) == filter.speaker_ids().end()) {
    return false;
  }
  if (!filter.outlets().empty()) {
    const std::string outlet = FoldForMatching(claim.source().outlet());
    bool any = false;
    for (const std::string& o : filter.outlets()) any |= FoldForMatching(o) == outlet;
    if (!any) return false;
  }
  if (!filter.kinds().empty() &&
      std::find(filter.kinds().begin(), filter.kinds().end(), claim.kind()) == filter.kinds().end()) {
    return false;
  }
  if (!DayInDateRange(DayNumber(claim.statement_date()), filter.statement_date())) return false;
  if (!DayInDateRange(DayNumber(claim.source().published_date()), filter.published_date())) return false;
  if (!filter.entities().empty()) {
    bool any = false;
    for (const std::string& wanted : filter.entities()) {
      const std::string w = FoldForMatching(wanted);
      for (const v1::Entity& e : claim.entities()) {
        any |= FoldForMatching(e.canonical_name()) == w || FoldForMatching(e.text()) == w;
      }
    }
    if (!any) return false;
  }
  // The count when the claim became visible (later reports raise it).
  if (filter.min_outlets() > 1 && claim.outlet_count() < filter.min_outlets()) return false;
  if (query.empty()) return true;
  const std::vector<std::string> stems = TextStems(claim.text());
  for (const QueryTerm& t : query.terms) {
    if (std::find(stems.begin(), stems.end(), t.stem) == stems.end()) return false;
  }
  return ContainsPhrases(query, stems);
}

std::vector<std::string> TextStems(absl::string_view text) {
  std::vector<std::string> stems = Tokenize(text);
  for (std::string& w : stems) w = Stem(w);
  return stems;
}

size_t PhraseFrequency(const ParsedQuery& query, size_t phrase_index, absl::Span<const std::string> stems) {
  const std::vector<size_t>& phrase = query.phrases[phrase_index];
  size_t count = 0;
  for (size_t p = 0; p + phrase.size() <= stems.size(); ++p) {
    bool found = true;
    for (size_t k = 0; k < phrase.size() && found; ++k) found = stems[p + k] == query.terms[phrase[k]].stem;
    count += found;
  }
  return count;
}

bool ContainsPhrases(const ParsedQuery& query, absl::Span<const std::string> stems) {
  for (size_t p = 0; p < query.phrases.size(); ++p) {
    if (PhraseFrequency(query, p, stems) == 0) return false;
  }
  return true;
}

Highlighter::Highlighter(const ParsedQuery& query) : query_(query) {
  // A stem keeps its word's first byte (see Stem), and an ASCII letter
  // folds to its lower case, so a word opening with an ASCII byte no query
  // stem opens with is ruled out on that byte alone.
  for (const QueryTerm& q : query.terms) {
    if (q.stem.empty()) continue;
    const auto lead = static_cast<unsigned char>(q.stem[0]);
    first_[lead] = true;
    openers_[lead] = true;
    openers_[static_cast<unsigned char>(absl::ascii_toupper(lead))] = true;
  }
  // Where a word's written bytes may differ from its folded form other than
  // in ASCII case: an apostrophe joining its parts ("won't"), or any
  // non-ASCII character (accents fold away, other scripts fold their case).
  openers_['\''] = true;
  for (int b = 0x80; b < 0x100; ++b) openers_[b] = true;
}

bool Highlighter::Possible(absl::string_view word) const {
  for (const QueryTerm& q : query_.terms) {
    if (q.stem.empty()) continue;
    const size_t keep = StemSharedPrefix(q.stem);
    if (word.size() >= keep &&
        absl::EqualsIgnoreCase(word.substr(0, keep), absl::string_view(q.stem).substr(0, keep))) {
      return true;
    }
  }
  return false;
}

void Highlighter::Highlight(absl::string_view chunk, uint32_t offset,
                            absl::FunctionRef<void(uint32_t, uint32_t)> on_match) const {
  ForEachWord(chunk, [&](absl::string_view word, uint32_t start, uint32_t end) {
    const auto lead = static_cast<unsigned char>(word[0]);
    if (lead < 0x80 && !first_[absl::ascii_tolower(lead)]) return;
    const bool ascii =
        std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii && !Possible(word)) return;
    if (auto known = matches_.find(word); known != matches_.end()) {
      if (known->second) on_match(offset + start, offset + end);
      return;
    }
    const bool match = HasQueryStem(word, ascii);
    matches_.emplace(std::string(word), match);
    if (match) on_match(offset + start, offset + end);
  });
}

bool Highlighter::HasQueryStem(absl::string_view word, bool ascii) const {
  const std::string term = FoldForMatching(word);
  if (term.empty() || (!ascii && !Possible(term))) return false;
  const std::string stem = Stem(term);
  return std::any_of(query_.terms.begin(), query_.terms.end(), [&stem](const QueryTerm& q) { return q.stem == stem; });
}

void Highlighter::ForEachMatch(absl::string_view text, absl::FunctionRef<void(uint32_t, uint32_t)> on_match) const {
  if (query_.empty()) return;
  // ASCII white space always ends a word and is never looked past (an
  // apostrophe joins only to a word character), so the text splits into
  // white-space-free chunks that tokenize on their own. Only a chunk where
  // a query stem's prefix starts, or with bytes that fold other than by
  // ASCII case, can hold a match: the rest are skipped without tokenizing.
  auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; };
  // A word never starts right after an ASCII letter or digit (the run is
  // one word), so a prefix is looked for only where one may start; a word
  // joined across an apostrophe has its chunk read for the apostrophe.
  size_t at = 0;
  while (at < text.size()) {
    const auto byte = static_cast<unsigned char>(text[at]);
    const bool opens =
        openers_[byte] &&
        (byte >= 0x80 || byte == '\'' ||
         ((at == 0 || !absl::ascii_isalnum(static_cast<unsigned char>(text[at - 1]))) && Possible(text.substr(at))));
    if (!opens) {
      ++at;
      continue;
    }
    size_t begin = at;
    while (begin > 0 && !is_space(text[begin - 1])) --begin;
    size_t end = at + 1;
    while (end < text.size() && !is_space(text[end])) ++end;
    Highlight(text.substr(begin, end - begin), static_cast<uint32_t>(begin), on_match);
    at = end;
  }
}

}  // namespace claims::query
