// Normalisation of raw article bytes, with an offset map back to the raw bytes.
//
// Later stages work on the normalised text, in which
//   * every quotation-mark variant (“ ” „ ‟ « » ‹ › ‘ ’ ‚ ‛, straight quotes,
//     primes) is one ASCII byte, '"' or '\'', and its direction as written
//     (opening, closing, or ambiguous for straight marks) is kept in `marks`;
//   * dashes (– — ― ‒ −) are '-' (em dash and bar as " - ");
//   * Unicode spaces are ' ', zero-width characters and soft hyphens vanish,
//     "\r\n" and '\r' are '\n', U+2028/U+2029 are '\n';
//   * '…' is "...";
//   * HTML character references (&amp; &quot; &#8220; &#x201D; &nbsp; ...) are
//     decoded, then normalised like the character they name;
//   * an invalid UTF-8 sequence becomes U+FFFD and is counted (policy: replace
//     and count, never fail).
// Every normalised byte records the raw offset of the character it came from,
// so a span found in the normalised text maps back to raw byte offsets.
//
// Thread-compatible: Normalize() is a pure function.
#ifndef CLAIMS_EXTRACTOR_SERVICE_TEXT_NORMALIZER_H_
#define CLAIMS_EXTRACTOR_SERVICE_TEXT_NORMALIZER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace claims::extractor {

// A quotation mark in the normalised text.
struct QuoteMark {
  enum class Direction { kOpen, kClose, kAmbiguous };
  // Offset of the mark ('"' or '\'') in the normalised text.
  uint32_t pos = 0;
  // '"' for double marks, '\'' for single marks.
  char symbol = '"';
  // Direction of the mark as written: curly and angle marks have one,
  // straight quotes and primes do not.
  Direction direction = Direction::kAmbiguous;
};

// The result of Normalize().
class NormalizedText {
 public:
  // The normalised text (valid UTF-8).
  const std::string& text() const { return text_; }
  // Quotation marks in text order.
  const std::vector<QuoteMark>& marks() const { return marks_; }
  // Invalid UTF-8 sequences replaced by U+FFFD.
  uint32_t invalid_utf8_sequences() const { return invalid_utf8_; }
  // Size of the raw input.
  uint32_t raw_size() const { return raw_size_; }

  // RawStart()
  //
  // Raw offset of the character that normalised offset `pos` belongs to.
  // REQUIRES: pos <= text().size(); text().size() maps to raw_size().
  uint32_t RawStart(uint32_t pos) const { return to_raw_[pos]; }

  // RawEnd()
  //
  // Raw offset just past a span ending at normalised offset `end` (exclusive):
  // the end of the raw character that holds byte end-1.
  uint32_t RawEnd(uint32_t end) const;

 private:
  friend NormalizedText Normalize(absl::string_view raw);

  std::string text_;
  std::vector<uint32_t> to_raw_;  // text_.size() + 1 entries
  std::vector<QuoteMark> marks_;
  uint32_t invalid_utf8_ = 0;
  uint32_t raw_size_ = 0;
};

// Normalize()
//
// Normalises `raw` as described at the top of this file.
// REQUIRES: raw.size() < 4 GiB (spans are 32-bit).
NormalizedText Normalize(absl::string_view raw);

}  // namespace claims::extractor

#endif  // CLAIMS_EXTRACTOR_SERVICE_TEXT_NORMALIZER_H_
