#include "query_service/proto_wire.h"

#include <cstring>

namespace claims::query::wire {
namespace {

enum WireType : uint32_t { kVarint = 0, kFixed64 = 1, kLengthDelimited = 2, kFixed32 = 5 };

void AppendTag(uint32_t field, WireType type, std::string* out) {
  AppendVarint((static_cast<uint64_t>(field) << 3) | type, out);
}

}  // namespace

void AppendVarint(uint64_t value, std::string* out) {
  if (value < 0x80) {  // most tags, lengths and offsets of a hit
    out->push_back(static_cast<char>(value));
    return;
  }
  char buffer[10];
  size_t n = 0;
  while (value >= 0x80) {
    buffer[n++] = static_cast<char>(value | 0x80);
    value >>= 7;
  }
  buffer[n++] = static_cast<char>(value);
  out->append(buffer, n);
}

bool ReadVarint(const char** at, const char* end, uint64_t* value) {
  uint64_t result = 0;
  for (int shift = 0; shift < 70 && *at < end; shift += 7) {
    const auto byte = static_cast<unsigned char>(*(*at)++);
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if (byte < 0x80) {
      *value = result;
      return true;
    }
  }
  return false;
}

void AppendVarintField(uint32_t field, uint64_t value, std::string* out) {
  AppendTag(field, kVarint, out);
  AppendVarint(value, out);
}

void AppendFloatField(uint32_t field, float value, std::string* out) {
  AppendTag(field, kFixed32, out);
  uint32_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  const char little_endian[4] = {static_cast<char>(bits), static_cast<char>(bits >> 8),
                                 static_cast<char>(bits >> 16), static_cast<char>(bits >> 24)};
  out->append(little_endian, 4);
}

void AppendBytesField(uint32_t field, absl::string_view bytes, std::string* out) {
  AppendTag(field, kLengthDelimited, out);
  AppendVarint(bytes.size(), out);
  out->append(bytes.data(), bytes.size());
}

bool ReadBytesFields(absl::string_view message, absl::Span<const uint32_t> fields,
                     absl::Span<absl::string_view> values) {
  const char* at = message.data();
  const char* const end = message.data() + message.size();
  while (at < end) {
    uint64_t tag;
    if (!ReadVarint(&at, end, &tag)) return false;
    const uint64_t field = tag >> 3;
    if (field == 0) return false;
    uint64_t n;
    switch (static_cast<uint32_t>(tag & 7)) {
      case kVarint:
        if (!ReadVarint(&at, end, &n)) return false;
        break;
      case kFixed64:
      case kFixed32:
        n = (tag & 7) == kFixed64 ? 8 : 4;
        if (static_cast<uint64_t>(end - at) < n) return false;
        at += n;
        break;
      case kLengthDelimited:
        if (!ReadVarint(&at, end, &n) || static_cast<uint64_t>(end - at) < n) return false;
        for (size_t i = 0; i < fields.size(); ++i) {
          if (fields[i] == field) values[i] = absl::string_view(at, n);
        }
        at += n;
        break;
      default:
        return false;
    }
  }
  return true;
}

}  // namespace claims::query::wire
