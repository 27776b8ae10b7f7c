// Article structure: headline, byline, publication date, and the paragraphs
// that are page furniture rather than reporting (comment prompts, share and
// "related articles" blocks, author bios, captions, "Source link").
//
// Thread-compatible: pure function.
#ifndef CLAIMS_EXTRACTOR_SERVICE_ARTICLE_STRUCTURE_H_
#define CLAIMS_EXTRACTOR_SERVICE_ARTICLE_STRUCTURE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "extractor_service/segmenter.h"

namespace claims::extractor {

struct ArticleStructure {
  // Index of the headline paragraph, or -1.
  int title_paragraph = -1;
  std::string title;
  // The author line without "By" / "Written by"; empty when absent.
  std::string byline;
  // The publication date printed near the top ("Published 07:54 IST,
  // January 27th 2022", "Friday, January 28, 2022").
  std::optional<absl::CivilDay> published;
  // The outlet when the text states it: a wire-agency dateline ("OSLO
  // (Nordic Wire) - ..."), a "Source: X" line or a copyright line
  // ("© 2026 The Example Times"); empty otherwise.
  std::string outlet;
  // One flag per paragraph: true for the headline, the byline and dateline,
  // and page furniture; such paragraphs are not searched for claims.
  std::vector<bool> skip;
};

// AnalyzeStructure()
//
// Reads the structure of an article from its paragraphs.
ArticleStructure AnalyzeStructure(absl::string_view text, absl::Span<const TextRange> paragraphs);

// AfterDateline()
//
// Where the words of a sentence starting at `start` (and ending by `end`)
// begin once a dateline opening it is left out ("GENEVA — ", "OSTERBY,
// Velmora, Nov. 4 (Wire) - "): an upper-case place, then capitalised words,
// numbers or a parenthesis, then a dash. `start` when there is none.
uint32_t AfterDateline(absl::string_view text, uint32_t start, uint32_t end);

}  // namespace claims::extractor

#endif  // CLAIMS_EXTRACTOR_SERVICE_ARTICLE_STRUCTURE_H_
