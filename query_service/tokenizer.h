// The one tokenizer used both to index claim text and to parse queries, so
// both sides agree: Unicode case folding and accent stripping (utf8proc),
// then splitting on every ASCII character that is not a letter or digit.
#ifndef CLAIMS_QUERY_SERVICE_TOKENIZER_H_
#define CLAIMS_QUERY_SERVICE_TOKENIZER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace claims::query {

// Tokenize()
//
// Folded terms of `text` in order. A possessive "'s" is dropped ("Russia's"
// -> "russia"), other apostrophes join ("won't" -> "wont"), hyphens split
// ("de-escalate" -> "de", "escalate").
std::vector<std::string> Tokenize(absl::string_view text);

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_TOKENIZER_H_
