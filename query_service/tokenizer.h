// The one tokenizer used both to index claim text and to parse queries, so
// both sides agree.
//
// Words are runs of letters, digits and combining marks (any script);
// everything else separates them. A word is folded for matching: Unicode
// case folding and accent stripping (utf8proc). A possessive "'s" is dropped
// ("Russia's" -> "russia"), other apostrophes join ("won't" -> "wont");
// hyphens separate ("de-escalate" -> "de", "escalate"). Typographic
// apostrophes count as apostrophes.
//
// Stem() gives the Snowball English stem of a folded word (libstemmer), used
// for recall: the index keeps stems with positions, and exact forms where
// they differ, so exact matches can rank higher.
#ifndef CLAIMS_QUERY_SERVICE_TOKENIZER_H_
#define CLAIMS_QUERY_SERVICE_TOKENIZER_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"

namespace claims::query {

// Calls visit(word, start, end) for each word of `text` in order: the
// word's bytes as written, apostrophes removed and not yet folded
// (FoldForMatching gives the term), and its byte range in `text`.
void ForEachWord(absl::string_view text, absl::FunctionRef<void(absl::string_view, uint32_t, uint32_t)> visit);

// Folded terms of `text` in order.
std::vector<std::string> Tokenize(absl::string_view text);

// Snowball English stem of a folded term ("warned" -> "warn"). Terms with
// digits are returned unchanged. Thread-safe (one stemmer per thread).
// Snowball rewrites suffixes only, so a stem keeps its word's first byte.
std::string Stem(absl::string_view term);

// How many of a stem's first bytes the folded word it came from starts
// with: its first byte (see Stem), and all but its last two. Snowball's
// English rules rewrite at most the last byte of what they keep ("gravity"
// -> "graviti"), but for the exceptions "dying", "lying" and "tying"
// ("die", ...), so a word that does not start with these bytes cannot have
// that stem. (Checked on 4.3 million words: WordNet's lemmas and irregular
// forms, each also with 52 English suffixes.)
inline size_t StemSharedPrefix(absl::string_view stem) {
  return stem.size() <= 3 ? std::min<size_t>(stem.size(), 1) : stem.size() - 2;
}

// Whether a folded term is an English function word (article, preposition,
// conjunction, pronoun, auxiliary, common adverb). Adjacent pairs of them
// are indexed as pair terms, so a phrase made of them ("of the") does not
// intersect their very long lists.
bool IsFunctionWord(absl::string_view folded_term);

// A code from 1 to 15 for the stems of the fifteen most frequent English
// function words ("the", "of", "to", ...), 0 for every other stem. The
// index keeps, with each occurrence of any other word, its neighbours'
// NeighbourBytes (below), so a two-word phrase of one of these words and
// another word ("the minister") is matched on the other word's list alone.
uint8_t NeighbourCode(absl::string_view stem);

// The byte the index keeps for a stem next to an occurrence of a word
// without a NeighbourCode: the stem's NeighbourCode, or for any other stem
// a value from 16 to 255 hashed from it (0 is "no word": the claim's start
// or end). A two-word phrase of words without codes ("harbour pilots") is
// then matched on one word's list, and positions are compared only in the
// claims where the other word's byte is beside it (another word may share
// the byte).
uint8_t NeighbourByte(absl::string_view stem);

// The NeighbourCode of the stem a NeighbourByte was made from.
inline uint8_t NeighbourCodeOfByte(uint8_t byte) { return byte < 16 ? byte : 0; }

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_TOKENIZER_H_
