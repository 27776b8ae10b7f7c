// Finds quotations in normalised text by pairing quotation marks.
//
// Rules, per paragraph:
//  * Double marks pair with double marks. A mark with a direction (curly,
//    angle) is used as written; a straight mark opens when no quotation is
//    open and closes otherwise.
//  * An opening mark met while a quotation is already open closes the open
//    one just before it (a writer who forgot a closing mark), so one stray
//    mark never swallows the rest of the text.
//  * A quotation still open at the end of a paragraph continues into the next
//    paragraph when that one starts with an opening mark (the convention for
//    multi-paragraph quotes); otherwise it ends at the paragraph's end.
//  * Single marks are quotations only when they open after a space or bracket
//    and close before a non-letter; between letters (won't, Russia's) or
//    before digits ('90s) they are apostrophes. Single quotations inside a
//    double quotation are nested and reported with `nested` set.
//  * Spans exclude the marks, surrounding spaces and a trailing ',' or '.'.
//
// Thread-compatible: pure function.
#ifndef CLAIMS_EXTRACTOR_SERVICE_QUOTE_FINDER_H_
#define CLAIMS_EXTRACTOR_SERVICE_QUOTE_FINDER_H_

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "extractor_service/segmenter.h"
#include "extractor_service/text_normalizer.h"

namespace claims::extractor {

// One quotation.
struct QuoteSpan {
  // The quoted words, without marks; may cross paragraphs.
  TextRange content;
  // Offset of the opening mark (or of content.start when it had none).
  uint32_t open_mark = 0;
  // Offset one past the closing mark, or content.end when it had none.
  uint32_t close_end = 0;
  // '"' or '\''.
  char symbol = '"';
  // Inside another quotation.
  bool nested = false;
  // Ended by a paragraph end or a stray opening mark rather than a closing mark.
  bool unclosed = false;
  // Index of the paragraph holding the opening mark.
  uint32_t paragraph = 0;
};

// Most paragraphs one quotation may run over (re-opened at each, closed once).
inline constexpr uint32_t kMaxQuoteParagraphs = 8;

// FindQuotes()
//
// Quotations of `text` in order of their opening marks.
// REQUIRES: `marks` and `paragraphs` come from the same normalised text.
std::vector<QuoteSpan> FindQuotes(absl::string_view text, absl::Span<const QuoteMark> marks,
                                  absl::Span<const TextRange> paragraphs);

// ParagraphPieces()
//
// The content of `quote` one paragraph at a time, each piece without the
// mark that re-opens it and trimmed as a quotation's content is: a
// quotation run over paragraphs is one statement per paragraph, as news
// writing lays it out. One piece for a quotation within one paragraph.
std::vector<TextRange> ParagraphPieces(absl::string_view text, const QuoteSpan& quote,
                                       absl::Span<const TextRange> paragraphs);

}  // namespace claims::extractor

#endif  // CLAIMS_EXTRACTOR_SERVICE_QUOTE_FINDER_H_
