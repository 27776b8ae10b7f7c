// The values corroboration compares statements on, word by word: a 32-bit
// hash of the word's Snowball stem, with the lowest bit set for content
// words and clear for function words and the words of reporting
// ("said", "told"). A contraction stands for two words, its base and "not"
// ("won't" -> "will", "not"), so it matches the spelled-out form.
//
// Kept apart from the clusterer so that a segment's builder, which folds
// and stems every distinct word of a batch anyway, can work out each
// claim's values while it indexes the text.
#ifndef CLAIMS_QUERY_SERVICE_STATEMENT_WORDS_H_
#define CLAIMS_QUERY_SERVICE_STATEMENT_WORDS_H_

#include <cstdint>

#include "absl/strings/string_view.h"

namespace claims::query {

// The values of one word, given folded (FoldForMatching) and with its
// Stem(): writes one or two values to `out` and returns how many.
int StatementValues(absl::string_view folded, absl::string_view stem, uint32_t out[2]);
// The same for a word as written (ForEachWord): folded here, and stemmed
// only when it is a content word.
int WrittenStatementValues(absl::string_view written, uint32_t out[2]);

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_STATEMENT_WORDS_H_
