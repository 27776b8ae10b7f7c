#include "query_service/statement_words.h"

#include <string>

#include "absl/container/flat_hash_map.h"
#include "common/ids.h"
#include "common/utf8.h"
#include "query_service/tokenizer.h"

namespace claims::query {
namespace {

// Function words and the words of reporting say nothing about which
// statement a claim reports. Negations are kept on purpose ("will" and
// "will not" differ).
bool IsStopWord(absl::string_view term) {
  return IsFunctionWord(term) || term == "said" || term == "says" || term == "say" || term == "told" ||
         term == "added";
}

// Contractions as the tokenizer leaves them (apostrophe dropped), expanded
// so they match the spelled-out form.
absl::string_view ContractionBase(absl::string_view term) {
  static const auto* table = new absl::flat_hash_map<absl::string_view, absl::string_view>{
      {"wont", "will"},     {"cant", "can"},       {"cannot", "can"},    {"dont", "do"},
      {"doesnt", "does"},   {"didnt", "did"},      {"isnt", "is"},       {"arent", "are"},
      {"wasnt", "was"},     {"werent", "were"},    {"hasnt", "has"},     {"havent", "have"},
      {"hadnt", "had"},     {"wouldnt", "would"},  {"shouldnt", "should"}, {"couldnt", "could"},
      {"mustnt", "must"},   {"shant", "shall"}};
  auto it = table->find(term);
  return it == table->end() ? absl::string_view() : it->second;
}

uint32_t Value(absl::string_view stem, bool content) {
  return (static_cast<uint32_t>(StableHash64(stem)) & ~1u) | (content ? 1u : 0u);
}

// StatementValues() with the stem asked of `stem_of` only for a content
// word (contractions and stop words hash their folded form).
template <typename StemOf>
int Values(absl::string_view folded, StemOf stem_of, uint32_t out[2]) {
  if (absl::string_view base = ContractionBase(folded); !base.empty()) {
    out[0] = Value(base, false);
    out[1] = Value("not", true);
    return 2;
  }
  out[0] = IsStopWord(folded) ? Value(folded, false) : Value(stem_of(), true);
  return 1;
}

}  // namespace

int StatementValues(absl::string_view folded, absl::string_view stem, uint32_t out[2]) {
  return Values(folded, [stem] { return stem; }, out);
}

int WrittenStatementValues(absl::string_view written, uint32_t out[2]) {
  const std::string folded = FoldForMatching(written);
  return Values(folded, [&folded] { return Stem(folded); }, out);
}

}  // namespace claims::query
