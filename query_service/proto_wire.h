// Protobuf's wire format written and read by hand, for responses spliced
// together from stored bytes.
//
// A serialized message is the concatenation of its fields, and parsing two
// serialized messages one after the other is the same as merging them (a
// later singular field replaces an earlier one, repeated fields append).
// So a claim stored as bytes can go into a response as bytes: the search
// page copies each claim's stored record, its document's shared part and a
// few fields of its own into the response instead of parsing them into a
// message that gRPC would serialize again.
#ifndef CLAIMS_QUERY_SERVICE_PROTO_WIRE_H_
#define CLAIMS_QUERY_SERVICE_PROTO_WIRE_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace claims::query::wire {

// A bare varint (no field tag).
void AppendVarint(uint64_t value, std::string* out);
// Reads a varint at `*at`, advancing it; false if it runs past `end` or
// over ten bytes.
bool ReadVarint(const char** at, const char* end, uint64_t* value);

// Field `field` as a varint (int32/64, uint32/64, bool, enum).
void AppendVarintField(uint32_t field, uint64_t value, std::string* out);
// Field `field` as a 32-bit float.
void AppendFloatField(uint32_t field, float value, std::string* out);
// Field `field` as length-delimited bytes (string, bytes, a message).
void AppendBytesField(uint32_t field, absl::string_view bytes, std::string* out);

// Reads a serialized message once and sets values[i] to the last
// length-delimited occurrence of fields[i] (as a parser keeps the last of a
// singular field), leaving it as it was where the field is absent. False
// when the bytes are not a well-formed message (a truncated field, a
// length past the end, a group or an unknown wire type).
bool ReadBytesFields(absl::string_view message, absl::Span<const uint32_t> fields,
                     absl::Span<absl::string_view> values);

}  // namespace claims::query::wire

#endif  // CLAIMS_QUERY_SERVICE_PROTO_WIRE_H_
