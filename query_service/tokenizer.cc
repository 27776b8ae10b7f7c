#include "query_service/tokenizer.h"

#include <libstemmer.h>
#include <utf8proc.h>

#include <memory>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "common/utf8.h"

namespace claims::query {
namespace {

bool IsApostrophe(char32_t c) { return c == U'\'' || c == 0x2019 || c == 0x02BC; }

bool IsWordChar(char32_t c) {
  if (c < 0x80) return absl::ascii_isalnum(static_cast<unsigned char>(c));
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

}  // namespace

void ForEachWord(absl::string_view text, absl::FunctionRef<void(absl::string_view, uint32_t, uint32_t)> visit) {
  // A word is handed over as a slice of the text unless an apostrophe
  // inside it was dropped ("won't"), in which case its bytes are gathered
  // in `joined`.
  size_t pos = 0;
  size_t word_start = 0;
  size_t word_end = 0;  // word_end == word_start: no word open
  std::string joined;
  bool is_joined = false;
  auto flush = [&] {
    if (word_end > word_start) {
      visit(is_joined ? absl::string_view(joined) : text.substr(word_start, word_end - word_start),
            static_cast<uint32_t>(word_start), static_cast<uint32_t>(word_end));
    }
    word_start = word_end = 0;
    is_joined = false;
  };
  // The code point at `at` (ASCII without a call), its length and validity.
  auto decode = [&text](size_t at, char32_t* c, bool* valid) -> size_t {
    const unsigned char byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      *c = byte;
      *valid = true;
      return 1;
    }
    return DecodeUtf8(text, at, c, valid);
  };
  while (pos < text.size()) {
    // A run of ASCII letters and digits, the bulk of most text, is taken
    // whole.
    if (absl::ascii_isalnum(static_cast<unsigned char>(text[pos]))) {
      if (word_end <= word_start) word_start = pos;
      size_t run_end = pos + 1;
      while (run_end < text.size() && absl::ascii_isalnum(static_cast<unsigned char>(text[run_end]))) ++run_end;
      if (is_joined) joined.append(text.data() + pos, run_end - pos);
      word_end = pos = run_end;
      continue;
    }
    char32_t c;
    bool valid;
    const size_t len = decode(pos, &c, &valid);
    const bool open = word_end > word_start;
    if (valid && IsWordChar(c)) {
      if (!open) word_start = pos;
      if (is_joined) joined.append(text.data() + pos, len);
      word_end = pos + len;
    } else if (valid && IsApostrophe(c) && open && pos + len < text.size()) {
      // "Russia's" ends at the apostrophe; "won't" joins.
      char32_t next;
      bool next_valid;
      const size_t next_len = decode(pos + len, &next, &next_valid);
      if (!next_valid || !IsWordChar(next)) {
        flush();
      } else if (next == U's' || next == U'S') {
        char32_t after = 0;
        bool after_valid = false;
        if (pos + len + next_len < text.size()) decode(pos + len + next_len, &after, &after_valid);
        if (!after_valid || !IsWordChar(after)) {
          flush();
          pos += len + next_len;  // skip "'s"
          continue;
        }
      }
      if (word_end > word_start && !is_joined) {
        joined.assign(text.data() + word_start, word_end - word_start);
        is_joined = true;
      }
    } else {
      flush();
    }
    pos += len;
  }
  flush();
}

std::vector<std::string> Tokenize(absl::string_view text) {
  std::vector<std::string> terms;
  ForEachWord(text, [&terms](absl::string_view word, uint32_t, uint32_t) { terms.push_back(FoldForMatching(word)); });
  return terms;
}

bool IsFunctionWord(absl::string_view folded_term) {
  static const auto* words = new absl::flat_hash_set<absl::string_view>{
      "a",     "an",    "the",   "and",   "or",    "but",   "if",    "of",    "to",    "in",    "on",
      "at",    "by",    "for",   "from",  "with",  "as",    "into",  "onto",  "about", "than",  "then",
      "that",  "this",  "these", "those", "which", "who",   "whom",  "whose", "what",  "there", "here",
      "is",    "are",   "was",   "were",  "be",    "been",  "being", "am",    "it",    "its",   "itself",
      "i",     "me",    "my",    "we",    "us",    "our",   "ours",  "you",   "your",  "he",    "him",
      "his",   "she",   "her",   "they",  "them",  "their", "has",   "have",  "had",   "having", "do",
      "does",  "did",   "will",  "would", "shall", "should", "can",  "could", "may",   "might", "must",
      "so",    "also",  "very",  "just",  "such",  "some",  "any",   "all",   "both",  "each",  "other",
      "own",   "same",  "once",  "again", "too",   "only",  "while", "when",  "where", "how",   "why",
      "weve",  "ive",   "youre", "theyre", "hes",  "shes",  "im",    "one",   "out",   "up",    "over",
      "under", "after", "before"};
  return words->contains(folded_term);
}

uint8_t NeighbourCode(absl::string_view stem) {
  static const auto* codes = new absl::flat_hash_map<absl::string_view, uint8_t>{
      {"the", 1}, {"of", 2},   {"to", 3},   {"and", 4},  {"a", 5},   {"in", 6},  {"that", 7}, {"is", 8},
      {"for", 9}, {"on", 10}, {"with", 11}, {"was", 12}, {"it", 13}, {"as", 14}, {"at", 15}};
  auto it = codes->find(stem);
  return it == codes->end() ? 0 : it->second;
}

uint8_t NeighbourByte(absl::string_view stem) {
  if (const uint8_t code = NeighbourCode(stem); code != 0) return code;
  uint32_t h = 2166136261u;  // FNV-1a: fixed, so the same in every process
  for (const char c : stem) h = (h ^ static_cast<uint8_t>(c)) * 16777619u;
  return static_cast<uint8_t>(16 + h % 240);
}

// The Snowball stem without the cache.
std::string StemUncached(absl::string_view term);

std::string Stem(absl::string_view term) {
  for (char c : term) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) return std::string(term);
  }
  // News vocabulary repeats: remember stems per thread (bounded).
  thread_local absl::flat_hash_map<std::string, std::string> cache;
  if (auto it = cache.find(term); it != cache.end()) return it->second;
  std::string stem = StemUncached(term);
  if (cache.size() > 200000) cache.clear();
  cache.emplace(term, stem);
  return stem;
}

std::string StemUncached(absl::string_view term) {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("english", "UTF_8"));
  if (stemmer == nullptr) return std::string(term);
  const sb_symbol* out =
      sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(term.data()), static_cast<int>(term.size()));
  if (out == nullptr) return std::string(term);
  return std::string(reinterpret_cast<const char*>(out), sb_stemmer_length(stemmer.get()));
}

}  // namespace claims::query
