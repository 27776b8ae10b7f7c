// UTF-8 helpers shared by the extractor and the query service.
#ifndef CLAIMS_COMMON_UTF8_H_
#define CLAIMS_COMMON_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace claims {

// U+FFFD, the replacement character.
inline constexpr char32_t kReplacementChar = 0xFFFD;

// DecodeUtf8()
//
// Decodes the code point starting at `text[pos]`. Returns the number of bytes
// consumed (1..4) and stores the code point in `*cp`. An invalid, overlong,
// surrogate or truncated sequence consumes exactly one byte and yields
// kReplacementChar with `*valid` set to false.
// REQUIRES: pos < text.size().
size_t DecodeUtf8(absl::string_view text, size_t pos, char32_t* cp, bool* valid);

// AppendUtf8()
//
// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// IsValidUtf8()
//
// True when all of `text` is well-formed UTF-8.
bool IsValidUtf8(absl::string_view text);

// SanitizeUtf8()
//
// `text` with every invalid sequence replaced by U+FFFD (as DecodeUtf8()
// reads it); valid text comes back unchanged.
std::string SanitizeUtf8(absl::string_view text);

// StartsWithUppercase()
//
// True when the first character of `text` is an upper-case or title-case
// letter in any script ("Ana", "Łukasz", "Émilie", "Øystein"); false for
// empty or invalid text. Uses utf8proc past ASCII.
bool StartsWithUppercase(absl::string_view text);

// FoldForMatching()
//
// Lower-cases (Unicode case folding), decomposes and strips combining marks,
// so that "Zelenskyy", "ZELENSKYY" and "Zelénskyy" fold alike. Invalid UTF-8
// is replaced first. Uses utf8proc.
std::string FoldForMatching(absl::string_view text);

}  // namespace claims

#endif  // CLAIMS_COMMON_UTF8_H_
