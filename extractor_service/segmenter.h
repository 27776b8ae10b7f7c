// Paragraph and sentence segmentation of normalised text.
//
// Paragraphs are the non-blank lines of the text (news pages put one paragraph
// per line; blank lines between them are allowed). Sentences end at '.', '!'
// or '?' (with any closing quotes or brackets after it) followed by space and
// a plausible sentence start; a period does not end a sentence after a known
// abbreviation (Mr., Gen., Jan., St.), a single initial (J.), or inside a
// number (3.5, 100,000). Dotted acronyms (U.S.) end a sentence only before a
// word that commonly starts one ("The", "He").
//
// Thread-compatible: pure functions.
#ifndef CLAIMS_EXTRACTOR_SERVICE_SEGMENTER_H_
#define CLAIMS_EXTRACTOR_SERVICE_SEGMENTER_H_

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"

namespace claims::extractor {

// A half-open byte range of the normalised text.
struct TextRange {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - start; }
  bool Contains(uint32_t pos) const { return pos >= start && pos < end; }
  friend bool operator==(const TextRange& a, const TextRange& b) {
    return a.start == b.start && a.end == b.end;
  }
};

// SplitParagraphs()
//
// The paragraphs of `text`, each trimmed of surrounding spaces.
std::vector<TextRange> SplitParagraphs(absl::string_view text);

// SplitSentences()
//
// The sentences of the paragraph `para` of `text`, trimmed, in order; they
// cover every non-space byte of the paragraph.
std::vector<TextRange> SplitSentences(absl::string_view text, TextRange para);

// AfterTimeStamp()
//
// Where the words of a live report's entry begin when the text from
// `start` (to `end`) opens with its time stamp: "10:42 NorthGrid says
// ...", "22:30 — Polls have closed", "10.45am: The minister ...", "09.20
// BST – ..." (an hour and a minute, letters of a clock or a zone, then a
// colon, a dash between spaces, or a capital letter or quotation mark).
// `start` when it does not.
uint32_t AfterTimeStamp(absl::string_view text, uint32_t start, uint32_t end);

// IsSentenceEnd()
//
// True when the terminator ('.', '!' or '?') at `pos` ends a sentence
// within `limit` (the paragraph); exposed for the quote and attribution
// stages, which look for the end of the sentence around a quotation.
bool IsSentenceEnd(absl::string_view text, uint32_t pos, TextRange limit);

// IsAbbreviation()
//
// True for a word that is usually abbreviated with a period ("Gen", "Jan",
// "Mr"), compared case-sensitively without the period.
bool IsAbbreviation(absl::string_view word);

}  // namespace claims::extractor

#endif  // CLAIMS_EXTRACTOR_SERVICE_SEGMENTER_H_
