#include "common/utf8.h"

#include "absl/strings/ascii.h"

#include <cstdlib>

#include <utf8proc.h>

namespace claims {

size_t DecodeUtf8(absl::string_view text, size_t pos, char32_t* cp, bool* valid) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const unsigned char b0 = s[pos];
  *valid = true;
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t len;
  char32_t min;
  char32_t value;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, min = 0x80, value = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, min = 0x800, value = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, min = 0x10000, value = b0 & 0x07;
  } else {
    len = 0, min = 0, value = 0;
  }
  if (len != 0 && pos + len <= n) {
    bool ok = true;
    for (size_t i = 1; i < len; ++i) {
      const unsigned char b = s[pos + i];
      if ((b & 0xC0) != 0x80) {
        ok = false;
        break;
      }
      value = (value << 6) | (b & 0x3F);
    }
    if (ok && value >= min && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF)) {
      *cp = value;
      return len;
    }
  }
  *valid = false;
  *cp = kReplacementChar;
  return 1;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsValidUtf8(absl::string_view text) {
  char32_t cp;
  bool valid;
  for (size_t pos = 0; pos < text.size();) {
    pos += DecodeUtf8(text, pos, &cp, &valid);
    if (!valid) return false;
  }
  return true;
}

std::string SanitizeUtf8(absl::string_view text) {
  if (IsValidUtf8(text)) return std::string(text);
  std::string clean;
  clean.reserve(text.size() + 8);
  char32_t cp;
  bool valid;
  for (size_t pos = 0; pos < text.size();) {
    pos += DecodeUtf8(text, pos, &cp, &valid);
    AppendUtf8(cp, &clean);
  }
  return clean;
}

bool StartsWithUppercase(absl::string_view text) {
  if (text.empty()) return false;
  const unsigned char first = static_cast<unsigned char>(text[0]);
  if (first < 0x80) return first >= 'A' && first <= 'Z';
  char32_t cp;
  bool valid;
  DecodeUtf8(text, 0, &cp, &valid);
  if (!valid) return false;
  const utf8proc_category_t category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
}

std::string FoldForMatching(absl::string_view text) {
  // ASCII folds to its lower case; only other text needs utf8proc.
  bool ascii = true;
  for (char c : text) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) return absl::AsciiStrToLower(text);
  const std::string src = SanitizeUtf8(text);
  utf8proc_uint8_t* folded = nullptr;
  const utf8proc_ssize_t len = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(src.data()),
      static_cast<utf8proc_ssize_t>(src.size()), &folded,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                                     UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK));
  std::string result;
  if (len >= 0 && folded != nullptr) {
    result.assign(reinterpret_cast<const char*>(folded), static_cast<size_t>(len));
  }
  std::free(folded);
  return result;
}

}  // namespace claims
