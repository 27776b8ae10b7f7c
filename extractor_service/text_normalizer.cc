#include "extractor_service/text_normalizer.h"

#include <cstdlib>

#include "absl/strings/ascii.h"
#include "common/utf8.h"

namespace claims::extractor {
namespace {

using Direction = QuoteMark::Direction;

// Named HTML character references worth decoding in news text.
struct NamedEntity {
  absl::string_view name;
  char32_t cp;
};
constexpr NamedEntity kNamedEntities[] = {
    {"amp", U'&'},       {"quot", U'"'},      {"apos", U'\''},     {"lt", U'<'},
    {"gt", U'>'},        {"nbsp", 0xA0},      {"ldquo", 0x201C},   {"rdquo", 0x201D},
    {"lsquo", 0x2018},   {"rsquo", 0x2019},   {"sbquo", 0x201A},   {"bdquo", 0x201E},
    {"laquo", 0xAB},     {"raquo", 0xBB},     {"lsaquo", 0x2039},  {"rsaquo", 0x203A},
    {"ndash", 0x2013},   {"mdash", 0x2014},   {"hellip", 0x2026},  {"shy", 0xAD},
    {"thinsp", 0x2009},  {"ensp", 0x2002},    {"emsp", 0x2003},    {"prime", 0x2032},
    {"Prime", 0x2033},   {"eacute", 0xE9},    {"euro", 0x20AC},    {"pound", 0xA3},
};

// Decodes an HTML character reference at text[pos] ('&'). Returns its length
// in bytes (0 when there is none) and the code point.
size_t DecodeEntity(absl::string_view text, size_t pos, char32_t* cp) {
  const size_t semi = text.find(';', pos + 1);
  if (semi == absl::string_view::npos || semi - pos > 10 || semi == pos + 1) return 0;
  const absl::string_view body = text.substr(pos + 1, semi - pos - 1);
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const absl::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    unsigned long value = 0;
    for (char c : digits) {
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && absl::ascii_isxdigit(static_cast<unsigned char>(c))) {
        d = absl::ascii_tolower(static_cast<unsigned char>(c)) - 'a' + 10;
      } else {
        return 0;
      }
      value = value * (hex ? 16 : 10) + static_cast<unsigned long>(d);
      if (value > 0x10FFFF) return 0;
    }
    if (value == 0 || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    *cp = static_cast<char32_t>(value);
    return semi - pos + 1;
  }
  for (const NamedEntity& e : kNamedEntities) {
    if (e.name == body) {
      *cp = e.cp;
      return semi - pos + 1;
    }
  }
  return 0;
}

}  // namespace

uint32_t NormalizedText::RawEnd(uint32_t end) const {
  if (end == 0) return to_raw_[0];
  const uint32_t last_char = to_raw_[end - 1];
  // Skip the remaining bytes of the same source character.
  uint32_t i = end;
  while (i < text_.size() && to_raw_[i] == last_char) ++i;
  return to_raw_[i];
}

NormalizedText Normalize(absl::string_view raw) {
  NormalizedText out;
  out.raw_size_ = static_cast<uint32_t>(raw.size());
  out.text_.reserve(raw.size() + raw.size() / 16);
  out.to_raw_.reserve(raw.size() + raw.size() / 16 + 1);

  uint32_t source = 0;  // raw offset of the character being emitted
  auto emit = [&](absl::string_view bytes) {
    out.text_.append(bytes.data(), bytes.size());
    for (size_t k = 0; k < bytes.size(); ++k) out.to_raw_.push_back(source);
  };
  auto emit_mark = [&](char symbol, Direction direction) {
    out.marks_.push_back(
        QuoteMark{static_cast<uint32_t>(out.text_.size()), symbol, direction});
    emit(absl::string_view(&symbol, 1));
  };

  // Plain printable ASCII other than quotation marks and '&' passes through
  // unchanged; copy such runs in bulk.
  auto plain = [](unsigned char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\'' && c != '&'; };
  for (size_t pos = 0; pos < raw.size();) {
    if (plain(static_cast<unsigned char>(raw[pos]))) {
      size_t end = pos + 1;
      while (end < raw.size() && plain(static_cast<unsigned char>(raw[end]))) ++end;
      out.text_.append(raw.data() + pos, end - pos);
      for (size_t k = pos; k < end; ++k) out.to_raw_.push_back(static_cast<uint32_t>(k));
      pos = end;
      continue;
    }
    source = static_cast<uint32_t>(pos);
    const unsigned char b = static_cast<unsigned char>(raw[pos]);
    char32_t cp;
    size_t len;
    bool verbatim = false;  // valid multi-byte UTF-8, copied as written
    if (b < 0x80) {
      cp = b;
      len = 1;
      if (b == '&') {
        char32_t decoded;
        if (size_t n = DecodeEntity(raw, pos, &decoded); n != 0) {
          cp = decoded;
          len = n;
        }
      }
    } else {
      bool valid;
      len = DecodeUtf8(raw, pos, &cp, &valid);
      if (!valid) ++out.invalid_utf8_;
      verbatim = valid;
    }
    pos += len;

    switch (cp) {
      case U'"':
        emit_mark('"', Direction::kAmbiguous);
        break;
      case 0x2033:  // double prime
      case 0x301D:  // reversed double prime quotation mark
      case 0x301E:  // double prime quotation mark
        emit_mark('"', Direction::kAmbiguous);
        break;
      case 0x201C:  // “
      case 0x201E:  // „
      case 0x201F:  // ‟
      case 0xAB:    // «
        emit_mark('"', Direction::kOpen);
        break;
      case 0x201D:  // ”
      case 0xBB:    // »
        emit_mark('"', Direction::kClose);
        break;
      case U'\'':
      case 0x2032:  // prime
        emit_mark('\'', Direction::kAmbiguous);
        break;
      case 0x2018:  // ‘
      case 0x201A:  // ‚
      case 0x201B:  // ‛
      case 0x2039:  // ‹
        emit_mark('\'', Direction::kOpen);
        break;
      case 0x2019:  // ’
      case 0x203A:  // ›
        emit_mark('\'', Direction::kClose);
        break;
      case 0x2013:  // en dash
      case 0x2012:  // figure dash
      case 0x2212:  // minus sign
      case 0x2010:  // hyphen
      case 0x2011:  // non-breaking hyphen
        emit("-");
        break;
      case 0x2014:  // em dash
      case 0x2015:  // horizontal bar
        emit(" - ");
        break;
      case 0x2026:
        emit("...");
        break;
      case U'\r':
        // "\r\n" becomes "\n"; a lone '\r' is a line break.
        if (pos < raw.size() && raw[pos] == '\n') {
          source = static_cast<uint32_t>(pos);
          ++pos;
        }
        emit("\n");
        break;
      case 0x2028:
      case 0x2029:
      case 0x85:
        emit("\n");
        break;
      case 0x200B:  // zero-width space
      case 0x200C:  // zero-width non-joiner
      case 0x200D:  // zero-width joiner
      case 0x2060:  // word joiner
      case 0xFEFF:  // byte-order mark
      case 0xAD:    // soft hyphen
        break;
      default:
        if (cp == U'\n') {
          emit("\n");
        } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xA0 ||
                   (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
                   cp == 0x3000 || cp == 0x1680) {
          emit(" ");  // tabs, controls and Unicode spaces
        } else if (verbatim) {
          emit(raw.substr(pos - len, len));  // valid UTF-8 passes through as written
        } else {
          std::string utf8;
          AppendUtf8(cp, &utf8);
          emit(utf8);
        }
    }
  }
  out.to_raw_.push_back(out.raw_size_);
  return out;
}

}  // namespace claims::extractor
