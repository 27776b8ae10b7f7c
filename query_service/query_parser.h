// Free-text queries: words and "quoted phrases", all required. Words are
// folded and stemmed by the same tokenizer that indexes claim text.
#ifndef CLAIMS_QUERY_SERVICE_QUERY_PARSER_H_
#define CLAIMS_QUERY_SERVICE_QUERY_PARSER_H_

#include <array>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "protos/claims/v1/claim.pb.h"
#include "protos/claims/v1/query_service.pb.h"

namespace claims::query {

struct QueryTerm {
  std::string exact;  // folded word
  std::string stem;   // its stem
};

struct ParsedQuery {
  // Every word of the query, phrase words included, without duplicates.
  std::vector<QueryTerm> terms;
  // Phrases of two or more words, as indexes into `terms`, in order.
  std::vector<std::vector<size_t>> phrases;

  bool empty() const { return terms.empty(); }
};

// Longest query accepted, in bytes.
inline constexpr size_t kMaxQueryBytes = 4096;
// Most words in a query.
inline constexpr size_t kMaxQueryTerms = 64;

// Parses a query. INVALID_ARGUMENT for an unbalanced '"', a query over
// kMaxQueryBytes or with more than kMaxQueryTerms words.
absl::StatusOr<ParsedQuery> ParseQuery(absl::string_view query);

// Whether `claim` matches `query` and `filter` (all words present, phrases
// in order, every set filter field satisfied). Used for claims that are not
// (yet) in the index, e.g. by WatchClaims.
bool MatchesClaim(const ParsedQuery& query, const v1::ClaimFilter& filter, const v1::Claim& claim);

// The stems of a text's words, in order (Tokenize, then Stem).
std::vector<std::string> TextStems(absl::string_view text);

// How often phrase `phrase_index` of `query` occurs in `stems` (TextStems of
// a text).
size_t PhraseFrequency(const ParsedQuery& query, size_t phrase_index, absl::Span<const std::string> stems);

// Whether every phrase of `query` occurs in `stems` (TextStems of a text).
bool ContainsPhrases(const ParsedQuery& query, absl::Span<const std::string> stems);

// Byte ranges of the words of a text (a claim's) that have one of a query's
// stems: the words ForEachWord finds whose folded form stems to a query
// term's stem. Not thread-safe: it remembers the words it has stemmed.
class Highlighter {
 public:
  // `query` must outlive the highlighter.
  explicit Highlighter(const ParsedQuery& query);

  // Calls on_match(start, end) for each such word of `text`, in order.
  void ForEachMatch(absl::string_view text, absl::FunctionRef<void(uint32_t, uint32_t)> on_match) const;

 private:
  // Whether an ASCII word (or a folded term, or the text from a byte on)
  // could have a query stem: it starts with the stem's first
  // StemSharedPrefix() bytes, ignoring case.
  bool Possible(absl::string_view word) const;
  void Highlight(absl::string_view chunk, uint32_t offset,
                 absl::FunctionRef<void(uint32_t, uint32_t)> on_match) const;
  // Whether a word (as written; `ascii` if all its bytes are) folds and
  // stems to a query stem.
  bool HasQueryStem(absl::string_view word, bool ascii) const;

  const ParsedQuery& query_;
  // Words already folded and stemmed, as written: a page's claims repeat
  // the forms of the query's words. (So one highlighter is for one thread.)
  mutable absl::flat_hash_map<std::string, bool> matches_;
  std::array<bool, 256> first_{};     // a query stem opens with this byte
  std::array<bool, 256> openers_{};   // first_ in either case, apostrophes, non-ASCII bytes
};

// Validates a filter: known kinds, date ranges with from <= to and real
// calendar days. INVALID_ARGUMENT naming the field otherwise.
absl::Status ValidateFilter(const v1::ClaimFilter& filter);

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_QUERY_PARSER_H_
