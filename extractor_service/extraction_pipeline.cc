#include "extractor_service/extraction_pipeline.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/ids.h"
#include "common/utf8.h"
#include "extractor_service/article_structure.h"
#include "extractor_service/attributor.h"
#include "extractor_service/date_resolver.h"
#include "extractor_service/lexicon.h"
#include "extractor_service/mentions.h"
#include "extractor_service/quote_finder.h"
#include "extractor_service/reported_speech.h"
#include "extractor_service/segmenter.h"
#include "extractor_service/speaker_registry.h"
#include "extractor_service/text_normalizer.h"
#include "extractor_service/tokens.h"

namespace claims::extractor {
namespace {

constexpr size_t kMaxDocIdBytes = 256;
// Sentences longer than this are not searched for reported speech.
constexpr uint32_t kMaxReportedSentenceBytes = 4000;
// Narration read on each side of a claim's words for its date.
constexpr uint32_t kNarrationBytes = 400;

// A claim being assembled, in normalised offsets.
struct Candidate {
  // The quotation, or null for reported speech.
  const QuoteSpan* quote = nullptr;
  // The claim's words: the quotation's content or the reported clause.
  TextRange content;
  uint32_t paragraph = 0;
  v1::ClaimKind kind = v1::CLAIM_KIND_UNSPECIFIED;
  std::optional<Attribution> attribution;
  // For continuation quotes: the candidate whose speaker they inherit.
  int inherit_from = -1;
  // For a partial quotation speaking with a reported clause around it: the
  // clause's candidate, whose words are not its narration.
  int clause = -1;
  TextRange sentence;
  float confidence = 0;
  // A mostly quoted clause: it attributes the quotation inside it and is no
  // claim itself (ReportedSpeech::mostly_quoted).
  bool carrier = false;
};

bool StartsLikeStatement(absl::string_view text, TextRange content) {
  const char c = text[content.start];
  return absl::ascii_isupper(static_cast<unsigned char>(c)) ||
         absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == '[' || c == '"' ||
         c == '\'' || static_cast<unsigned char>(c) >= 0x80;
}

size_t CountWords(absl::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool w = c != ' ' && c != '\n';
    n += (w && !in);
    in = w;
  }
  return n;
}

void SetDate(const absl::CivilDay& day, v1::Date* out) {
  out->set_year(static_cast<int32_t>(day.year()));
  out->set_month(day.month());
  out->set_day(day.day());
}

// The sentence of `sentences` that contains `pos` (or the last one starting before it).
TextRange SentenceAt(const std::vector<TextRange>& sentences, uint32_t pos) {
  if (sentences.empty()) return TextRange{pos, pos};
  // Sentences are in order: the last starting at or before pos, by binary
  // search (a paragraph may hold tens of thousands).
  auto after = std::upper_bound(sentences.begin(), sentences.end(), pos,
                                [](uint32_t p, const TextRange& s) { return p < s.start; });
  return after == sentences.begin() ? sentences.front() : *std::prev(after);
}

// "“Why should we pay?” Mary Gold asked.": a question or exclamation mark
// closing a quotation ends its sentence before a capitalised speaker; the
// sentence after `sentence` joins it when it is the quotation's speaker and
// cue. `close_end` is the end of the closing mark.
TextRange JoinTrailingAttribution(absl::string_view text, const std::vector<TextRange>& sentences,
                                  TextRange sentence, uint32_t close_end) {
  if (sentence.end != close_end) return sentence;
  uint32_t mark = close_end;
  while (mark > sentence.start && (text[mark - 1] == '"' || text[mark - 1] == '\'')) --mark;
  if (mark == close_end || mark == sentence.start || (text[mark - 1] != '?' && text[mark - 1] != '!')) {
    return sentence;
  }
  // (Sentences are in order: the next one is found by binary search.)
  const auto it = std::lower_bound(sentences.begin(), sentences.end(), sentence.end,
                                   [](const TextRange& s, uint32_t pos) { return s.start < pos; });
  for (auto next_it = it; next_it != sentences.end(); ++next_it) {
    const TextRange& next = *next_it;
    const TokenStream ts(text, next);
    size_t end = 0;
    const bool inverted = ts.size() > 1 && IsCueVerbAt(ts, 0) && ParseMentionAt(text, ts, 1, &end).has_value();
    const bool named = !inverted && ParseMentionAt(text, ts, 0, &end).has_value() && end < ts.size() &&
                       IsCueVerbAt(ts, end);
    if (inverted || named) sentence.end = next.end;
    break;
  }
  return sentence;
}

// The label opening an interview's paragraph ("Q:", "Question:", "A:",
// "Answer:"): 'q' or 'a', and *after receives the offset after the label
// and its spaces; 0 for other paragraphs.
char InterviewLabel(absl::string_view text, TextRange paragraph, uint32_t* after) {
  const absl::string_view p = text.substr(paragraph.start, paragraph.size());
  for (const auto& [label, kind] : {std::pair<absl::string_view, char>{"Q:", 'q'}, {"Question:", 'q'},
                                    {"A:", 'a'}, {"Answer:", 'a'}}) {
    if (!absl::StartsWith(p, label)) continue;
    uint32_t at = paragraph.start + static_cast<uint32_t>(label.size());
    while (at < paragraph.end && text[at] == ' ') ++at;
    if (at >= paragraph.end) return 0;
    *after = at;
    return kind;
  }
  return 0;
}

// A byte of a name's word: an ASCII letter, or part of a letter outside
// ASCII.
bool IsLetterByte(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)) || (c & 0x80) != 0; }

// How often `word` occurs in `text` as a whole word.
size_t CountWord(absl::string_view text, absl::string_view word) {
  size_t count = 0;
  for (size_t at = text.find(word); !word.empty() && at != absl::string_view::npos; at = text.find(word, at + 1)) {
    const size_t end = at + word.size();
    count += (at == 0 || !IsLetterByte(text[at - 1])) && (end == text.size() || !IsLetterByte(text[end]));
  }
  return count;
}

// The person an interview set out as questions and answers is with: the
// one its introduction names after "interview with", "spoke to", "talked
// to" or "sat down with", or before "spoke to" ("X spoke to the Herald"),
// else, of the people it names in full, the one whose surname it repeats
// most (the story's subject; an opponent or a predecessor quoted in
// passing is named fewer times), the last named among equals.
std::optional<SpeakerMention> Interviewee(absl::string_view text, absl::Span<const std::vector<TextRange>> sentences,
                                          const std::vector<bool>& skip, size_t first_question) {
  std::optional<SpeakerMention> last;
  size_t last_count = 0;
  std::string introduction;  // the paragraphs before the first question
  for (size_t p = 0; p < first_question; ++p) {
    if (skip[p] || sentences[p].empty()) continue;
    absl::StrAppend(&introduction, text.substr(sentences[p].front().start,
                                               sentences[p].back().end - sentences[p].front().start), "\n");
  }
  for (size_t p = 0; p < first_question; ++p) {
    if (skip[p]) continue;
    for (const TextRange& sentence : sentences[p]) {
      for (SpeakerMention& m : NamedPeople(text, sentence)) {
        const absl::string_view before = text.substr(sentence.start, m.range.start - sentence.start);
        const absl::string_view after = text.substr(m.range.end, sentence.end - m.range.end);
        for (absl::string_view cue : {"interview with ", "spoke to ", "talked to ", "sat down with ", "spoke with "}) {
          // "an interview with X", "X spoke to the Herald".
          const absl::string_view verb = cue.substr(0, cue.size() - 1);
          const bool subject = absl::StartsWith(after, " ") && absl::StartsWith(after.substr(1), verb);
          if (absl::EndsWith(before, cue) || subject) {
            return std::move(m);
          }
        }
        const size_t count = CountWord(introduction, LastWord(m.name));
        if (!last || count >= last_count) {
          last_count = count;
          last = std::move(m);
        }
      }
      // ("Nouriel Varga, a professor at ..., was one of the few ...": a
      // named subject whose given name the lexicon does not know.)
      if (!last) {
        if (std::optional<SpeakerMention> subject = NarrativeSubject(text, sentence);
            subject && subject->kind == MentionKind::kName && subject->name.find(' ') != std::string::npos) {
          last = std::move(subject);
        }
      }
    }
  }
  return last;
}

// The paragraphs of an interview set out as questions and answers: 'q' for
// a question, 'a' for the paragraph opening an answer, 0 for others; *after
// receives, for each, the offset after its label. Labelled ("Q: ...", "A:
// ...") or not: a headline or introduction that says it is an interview or
// a Q&A, and at least two questions that are paragraphs of their own (one
// sentence ending in "?", no quotation marks), each followed by an answer.
std::vector<char> InterviewParagraphs(absl::string_view text, absl::Span<const TextRange> paragraphs,
                                      const ArticleStructure& structure, std::vector<uint32_t>* after) {
  std::vector<char> labels(paragraphs.size(), 0);
  after->assign(paragraphs.size(), 0);
  bool labelled = false;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    (*after)[p] = paragraphs[p].start;
    labels[p] = InterviewLabel(text, paragraphs[p], &(*after)[p]);
    labelled |= labels[p] == 'q';
  }
  if (labelled) return labels;
  std::fill(labels.begin(), labels.end(), 0);
  auto question = [&](size_t p) {
    const absl::string_view line = text.substr(paragraphs[p].start, paragraphs[p].size());
    const absl::string_view body = absl::StripTrailingAsciiWhitespace(line);
    return !structure.skip[p] && absl::EndsWith(body, "?") && CountWords(body) <= 40 &&
           body.find_first_of(".!?") == body.size() - 1 && body.find('"') == absl::string_view::npos;
  };
  int questions = 0;
  size_t first_question = paragraphs.size();
  for (size_t p = 0; p + 1 < paragraphs.size(); ++p) {
    if (!question(p) || question(p + 1) || structure.skip[p + 1]) continue;
    labels[p] = 'q';
    labels[p + 1] = 'a';
    if (questions++ == 0) first_question = p;
  }
  if (questions < 2) {
    std::fill(labels.begin(), labels.end(), 0);
    return labels;
  }
  // Said to be an interview: in the headline, or in the paragraphs before
  // the first question.
  bool said = false;
  for (absl::string_view marker : {"Q&A", "Q & A", "interview", "Interview", "asked him", "asked her", "asked them",
                                   "spoke to", "talked to", "sat down with"}) {
    said |= absl::StrContains(structure.title, marker);
    for (size_t p = 0; p < first_question && !said; ++p) {
      said |= absl::StrContains(text.substr(paragraphs[p].start, paragraphs[p].size()), marker);
    }
  }
  if (!said) std::fill(labels.begin(), labels.end(), 0);
  return labels;
}

// " da Silva" when the name at `end` of `text` goes on with a particle and
// a capitalised word ("Luiz Inacio Lula da Silva"); "" otherwise.
std::string SurnameGoesOn(absl::string_view text, size_t end) {
  if (end + 1 >= text.size() || text[end] != ' ') return "";
  const size_t particle_end = text.find(' ', end + 1);
  if (particle_end == absl::string_view::npos || !IsNameParticle(text.substr(end + 1, particle_end - end - 1))) {
    return "";
  }
  size_t word_end = particle_end + 1;
  while (word_end < text.size() && (IsLetterByte(text[word_end]) || text[word_end] == '-')) ++word_end;
  const absl::string_view word = text.substr(particle_end + 1, word_end - particle_end - 1);
  if (word.size() < 2 || !StartsWithUppercase(word)) return "";
  return std::string(text.substr(end, word_end - end));
}

// Whether the word of `text` ending one space before `pos` is a title or
// an honorific ("President ", "Dr ").
bool TitleBefore(absl::string_view text, size_t pos) {
  if (pos < 2 || text[pos - 1] != ' ') return false;
  size_t t = pos - 1;
  while (t > 0 && IsLetterByte(text[t - 1])) --t;
  const absl::string_view word = text.substr(t, pos - 1 - t);
  return IsTitleWord(absl::AsciiStrToLower(word)) || IsHonorific(word);
}

// The word of letters ending at `end` (spaces before `end` passed),
// lower-cased; *start receives where it starts.
std::string LowerWordBefore(absl::string_view text, uint32_t end, uint32_t* start) {
  while (end > 0 && text[end - 1] == ' ') --end;
  uint32_t s = end;
  while (s > 0 && absl::ascii_isalpha(static_cast<unsigned char>(text[s - 1]))) --s;
  *start = s;
  return absl::AsciiStrToLower(text.substr(s, end - s));
}

// The first "Given Surname" in `text` for `surname`: the word before an
// occurrence of the surname that is capitalised and not a title, honorific,
// organisation or place ("Mayor Ingrid Sola" -> "Ingrid Sola"). "" if none.
std::string FullNameInText(absl::string_view text, absl::string_view surname) {
  for (size_t pos = text.find(surname); pos != absl::string_view::npos; pos = text.find(surname, pos + 1)) {
    const size_t end = pos + surname.size();
    if ((end < text.size() && IsLetterByte(text[end])) || pos < 2 || text[pos - 1] != ' ') continue;
    size_t given_end = pos - 1;
    // ("Mohammed “Mo” Farah": past a quoted nickname.)
    if (given_end > 0 && (text[given_end - 1] == '"' || text[given_end - 1] == '\'')) {
      size_t open = given_end - 1;
      while (open > 0 && given_end - open < 24 && text[open - 1] != '"' && text[open - 1] != '\'') --open;
      if (open >= 2 && text[open - 2] == ' ') given_end = open - 2;
    }
    size_t start = given_end;
    while (start > 0 && (IsLetterByte(text[start - 1]) || text[start - 1] == '-')) --start;
    const absl::string_view given = text.substr(start, given_end - start);
    if (given.size() < 2 || !StartsWithUppercase(given)) continue;
    if (IsTitleWord(given) || IsHonorific(given) || IsOrganizationWord(given) || IsNonNameCapitalized(given) ||
        !GovernmentName(given).empty() || WeekdayIndex(given) >= 0 ||
        (MonthIndex(given) != 0 && GivenNameGender(given) == 0)) {  // "Jan Ek" is a name
      continue;
    }
    // "Lucas Moura Santos", "Andres Manuel Lopez Obrador": a known given
    // name before a middle name or a first surname opens the name; so does
    // any name word right after a title ("President Anura Kumara
    // Dissanayake").
    if (start >= 2 && text[start - 1] == ' ') {
      size_t first = start - 1;
      while (first > 0 && IsLetterByte(text[first - 1])) --first;
      const absl::string_view before = text.substr(first, start - 1 - first);
      if (StartsWithUppercase(before) &&
          (GivenNameGender(before) != 0 ||
           (GivenNameGender(given) == 0 && !IsTitleWord(before) && !IsHonorific(before) && !IsOrganizationWord(before) &&
            !IsNonNameCapitalized(before) && TitleBefore(text, first)))) {
        return absl::StrCat(before, " ", given, " ", surname, SurnameGoesOn(text, end));
      }
    }
    return absl::StrCat(given, " ", surname, SurnameGoesOn(text, end));
  }
  // "Prime Minister Srettha Thavisin ... Srettha said": a name used by its
  // first word, after a title.
  for (size_t pos = text.find(surname); pos != absl::string_view::npos; pos = text.find(surname, pos + 1)) {
    const size_t end = pos + surname.size();
    if (end + 2 >= text.size() || text[end] != ' ' || !TitleBefore(text, pos)) continue;
    size_t next_end = end + 1;
    while (next_end < text.size() && (IsLetterByte(text[next_end]) || text[next_end] == '-')) ++next_end;
    const absl::string_view next = text.substr(end + 1, next_end - end - 1);
    if (next.size() < 2 || !StartsWithUppercase(next) || IsTitleWord(absl::AsciiStrToLower(next)) ||
        IsOrganizationWord(next) || IsNonNameCapitalized(next) || WeekdayIndex(next) >= 0 || MonthIndex(next) != 0) {
      continue;
    }
    return absl::StrCat(surname, " ", next);
  }
  return "";
}

// How far before a mention by an organisation's kind its name is looked for.
constexpr size_t kOrganizationWindowBytes = 8 * 1024;

// The organisation a single capitalised word names by its first word
// ("Northgate" after "Northgate Bank", "Meridian" after "Meridian
// Airlines Group"): the latest name in `text` before `before` that opens
// with `word` and ends, one to three capitalised words later, in an
// organisation's word or a company's ending. "" when there is none.
std::string OrganizationNamedByFirstWord(absl::string_view text, uint32_t before, absl::string_view word) {
  // Only the text shortly before the mention is read, as for a kind.
  const size_t window_start = before > kOrganizationWindowBytes ? before - kOrganizationWindowBytes : 0;
  const absl::string_view prefix = text.substr(0, before);
  const absl::string_view window = prefix.substr(window_start);
  int occurrences = 0;
  for (size_t w = window.rfind(word); w != absl::string_view::npos && occurrences++ < 16;
       w = w > 0 ? window.rfind(word, w - 1) : absl::string_view::npos) {
    const size_t at = window_start + w;
    if (at > 0 && IsLetterByte(prefix[at - 1])) continue;
    size_t p = at + word.size();
    std::string name(word);
    for (int words = 0; words < 3 && p + 1 < prefix.size() && prefix[p] == ' '; ++words) {
      size_t q = p + 1;
      while (q < prefix.size() && (IsLetterByte(prefix[q]) || prefix[q] == '-')) ++q;
      const absl::string_view next = prefix.substr(p + 1, q - p - 1);
      if (next.size() < 2 || !StartsWithUppercase(next) || IsNonNameCapitalized(next)) break;
      absl::StrAppend(&name, " ", next);
      if (IsOrganizationWord(next) || IsCompanyNameEnding(next)) return name;
      p = q;
    }
  }
  return "";
}

// The organisation a definite mention by its kind means ("the trust",
// "the foreign ministry"): the latest name in `text` before `before` that
// ends in the kind's word capitalised ("Westmoor Hospitals NHS Trust") or
// opens with it ("Ministry of Foreign Affairs") and holds every word of the
// mention. "" when there is none, or when the mention is not such a kind.
std::string OrganizationNamedInText(absl::string_view text, uint32_t before, absl::string_view mention) {
  const std::vector<std::string> words = absl::StrSplit(absl::AsciiStrToLower(mention), ' ', absl::SkipEmpty());
  if (words.empty() || words.size() > 3 || !IsOrganizationWord(words.back()) || IsDocumentWord(words.back())) {
    return "";
  }
  for (absl::string_view w : absl::StrSplit(mention, ' ', absl::SkipEmpty())) {
    if (absl::ascii_isupper(static_cast<unsigned char>(w[0]))) return "";  // a name of its own
  }
  std::string head = words.back();
  head[0] = absl::ascii_toupper(static_cast<unsigned char>(head[0]));
  auto is_name_word = [](absl::string_view w) {
    return !w.empty() && absl::ascii_isupper(static_cast<unsigned char>(w[0])) && !IsNonNameCapitalized(w);
  };
  // Only the text shortly before the mention is read (an organisation is
  // named near where it is referred to), so that many such mentions in a
  // huge document stay linear.
  const size_t window_start = before > kOrganizationWindowBytes ? before - kOrganizationWindowBytes : 0;
  const absl::string_view prefix = text.substr(0, before);
  const absl::string_view window = prefix.substr(window_start);
  int occurrences = 0;
  for (size_t at = window.rfind(head); at != absl::string_view::npos && at > 0 && occurrences++ < 16;
       at = window.rfind(head, at - 1)) {
    const size_t pos = window_start + at;
    const size_t end = pos + head.size();
    if (end < prefix.size() && absl::ascii_isalpha(static_cast<unsigned char>(prefix[end]))) continue;
    if (absl::ascii_isalpha(static_cast<unsigned char>(prefix[pos - 1]))) continue;
    // Capitalised words before it, on the same line.
    size_t start = pos;
    for (int words = 0; words < 8 && start >= 2 && prefix[start - 1] == ' '; ++words) {
      size_t w = start - 1;
      while (w > 0 && (absl::ascii_isalnum(static_cast<unsigned char>(prefix[w - 1])) || prefix[w - 1] == '-')) --w;
      const absl::string_view word = prefix.substr(w, start - 1 - w);
      if (!is_name_word(word) || EndsPossessive(word)) break;  // ("Russia's Foreign Ministry")
      start = w;
    }
    // "of (the) Capitalised ..." after it.
    size_t stop = end;
    for (size_t p = end, words = 0; words < 8; ++words) {
      if (p >= text.size() || text[p] != ' ') break;
      size_t q = p + 1;
      while (q < text.size() && (absl::ascii_isalnum(static_cast<unsigned char>(text[q])) || text[q] == '-')) ++q;
      const absl::string_view w = text.substr(p + 1, q - p - 1);
      if (is_name_word(w)) {
        stop = q;
      } else if (!(w == "of" || w == "and" || (w == "the" && stop > end)) || (w == "and" && stop == end)) {
        break;
      }
      p = q;
    }
    if (start == pos && stop == end) continue;  // the kind alone
    const std::string name(text.substr(start, stop - start));
    const std::string lower = absl::AsciiStrToLower(name);
    bool holds = true;
    for (const std::string& w : words) holds &= absl::StrContains(lower, w);
    if (holds) return name;
  }
  return "";
}

// "Berg added:" ending the paragraph before a quotation that opens its
// own: the attribution of that quotation, if the paragraph ends so.
std::optional<Attribution> CueEndingParagraph(absl::string_view text, TextRange paragraph,
                                              const std::vector<TextRange>& sentences) {
  if (sentences.empty()) return std::nullopt;
  // The cue and its speaker stand at the sentence's end: read its last
  // kNarrationBytes at most (a run-on "sentence" may be megabytes).
  TextRange tail = sentences.back();
  if (tail.size() > kNarrationBytes) {
    tail.start = tail.end - kNarrationBytes;
    while (tail.start < tail.end && text[tail.start] != ' ') ++tail.start;
  }
  TokenStream ts(text, tail);
  if (ts.size() < 3 || !ts.IsPunct(ts.size() - 1, ':') || ts[ts.size() - 1].end < paragraph.end - 1) {
    return std::nullopt;
  }
  const size_t verb = ts.size() - 2;
  if (!IsCueVerbAt(ts, verb)) return std::nullopt;
  std::optional<SpeakerMention> m = ParseMentionEndingAt(text, ts, verb);
  if (!m) return std::nullopt;
  return MakeCueAttribution(ts, *std::move(m), verb, 3);
}

// Two to eight words, each capitalised or a short function word, the first
// and last capitalised: "Marsh Lights", "Save the Marsh", "War and Peace".
bool IsTitleCase(absl::string_view words) {
  std::vector<absl::string_view> parts = absl::StrSplit(words, ' ', absl::SkipEmpty());
  if (parts.size() < 2 || parts.size() > 8) return false;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (StartsWithUppercase(parts[i])) continue;
    const bool inner = i != 0 && i + 1 != parts.size();
    if (!inner || parts[i].size() > 4 || !IsNonNameCapitalized(parts[i])) return false;
  }
  return true;
}

// The word before `pos` introduces a name: a kind of work or campaign
// ("film", "album", "slogan"), or "titled", "dubbed", "known as".
bool IntroducesAName(absl::string_view text, uint32_t pos) {
  size_t end = pos;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t start = end;
  while (start > 0 && absl::ascii_isalpha(static_cast<unsigned char>(text[start - 1]))) --start;
  const std::string word = absl::AsciiStrToLower(text.substr(start, end - start));
  static const auto* kWords = new absl::flat_hash_set<std::string>{
      "film", "movie", "book", "novel", "memoir", "song", "album", "single", "play", "musical", "show", "series",
      "documentary", "painting", "poem", "opera", "campaign", "slogan", "titled", "entitled", "dubbed",
      "nicknamed", "named", "as"};
  if (!kWords->contains(word)) return false;
  if (word != "as") return true;
  size_t before = start;
  while (before > 0 && text[before - 1] == ' ') --before;
  return before >= 5 && absl::AsciiStrToLower(text.substr(before - 5, 5)) == "known";
}

// The words before `pos` are an outlet's name in the possessive after
// "on", "told" or "to" ("said on CNN's", "told NBC's", "speaking to ABC's"):
// a title in title case after them names the outlet's programme ("on CNN's
// “State of the Union”"). (Not any possessive: "NATO's “Open Door
// Policy”" is a policy a speaker invokes.)
bool AfterAnOutletsPossessive(absl::string_view text, uint32_t pos) {
  auto word_before = [&text](size_t end, size_t* start) {
    while (end > 0 && text[end - 1] == ' ') --end;
    size_t s = end;
    while (s > 0 && text[s - 1] != ' ' && text[s - 1] != '\n') --s;
    *start = s;
    return text.substr(s, end - s);
  };
  size_t start = 0;
  const absl::string_view outlet = word_before(pos, &start);
  if (outlet.size() <= 2 || !absl::ascii_isupper(static_cast<unsigned char>(outlet[0])) || !EndsPossessive(outlet)) {
    return false;
  }
  absl::string_view before = word_before(start, &start);
  if (absl::EqualsIgnoreCase(before, "the")) before = word_before(start, &start);
  return before == "on" || before == "told" || before == "to" || before == "tells";
}

// A quotation right after "so-called" ("the so-called “peace dividend”"):
// the writer's distance from a phrase, which nobody is quoted as saying.
bool AfterSoCalled(absl::string_view text, uint32_t pos) {
  size_t end = pos;
  while (end > 0 && text[end - 1] == ' ') --end;
  if (end < 9) return false;
  const std::string before = absl::AsciiStrToLower(text.substr(end - 9, 9));
  return (before == "so-called" || before == "so called") &&
         (end == 9 || !absl::ascii_isalpha(static_cast<unsigned char>(text[end - 10])));
}

// A quoted nickname inside a name: one or two capitalised words between a
// capitalised word and another ("Mohammed “Mo” Farah"). [open, close) is
// the quotation with its marks.
bool IsNickname(absl::string_view text, uint32_t open, uint32_t close, TextRange content) {
  auto capitalised_word = [&text](size_t at) {
    return at < text.size() && absl::ascii_isupper(static_cast<unsigned char>(text[at]));
  };
  if (open < 2 || text[open - 1] != ' ' || !absl::ascii_isalpha(static_cast<unsigned char>(text[open - 2]))) {
    return false;
  }
  size_t word = open - 1;
  while (word > 0 && absl::ascii_isalpha(static_cast<unsigned char>(text[word - 1]))) --word;
  if (!capitalised_word(word) || close + 1 >= text.size() || text[close] != ' ' || !capitalised_word(close + 1)) {
    return false;
  }
  const absl::string_view words = text.substr(content.start, content.size());
  if (words.empty() || CountWords(words) > 2 || !capitalised_word(content.start)) return false;
  return std::all_of(words.begin(), words.end(), [](char c) {
    return absl::ascii_isalpha(static_cast<unsigned char>(c)) || c == ' ' || c == '-' || c == '.';
  });
}

// The sentence before the one holding candidate `c`: in its paragraph, or
// the last of the paragraph before (not a headline or furniture).
std::optional<TextRange> SentenceBefore(const std::vector<std::vector<TextRange>>& sentences,
                                        const std::vector<bool>& skip, const Candidate& c) {
  const std::vector<TextRange>& here = sentences[c.paragraph];
  auto it = std::lower_bound(here.begin(), here.end(), c.sentence.start,
                             [](const TextRange& s, uint32_t pos) { return s.end <= pos; });
  if (it != here.begin()) return *std::prev(it);
  if (c.paragraph == 0 || skip[c.paragraph - 1] || sentences[c.paragraph - 1].empty()) return std::nullopt;
  return sentences[c.paragraph - 1].back();
}

// Whether `narration` introduces someone by `noun` with "a" or "an" ("a
// teenager", "a local teenager"): at most two words between the article
// and the noun, ASCII case folded.
bool IntroducedIndefinitely(absl::string_view narration, absl::string_view noun) {
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i <= narration.size(); ++i) {
    const char c = i < narration.size() ? narration[i] : ' ';
    if (absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-') {
      word.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  const std::string wanted = absl::AsciiStrToLower(noun);
  for (size_t w = 0; w < words.size(); ++w) {
    if (words[w] != wanted) continue;
    for (size_t back = 1; back <= 3 && back <= w; ++back) {
      const std::string& before = words[w - back];
      if (before == "a" || before == "an") return true;
      if (before == "the") break;
    }
  }
  return false;
}

// The subject of a sentence of narration about a named person. A single
// capitalised word opening a sentence ("Lower rates, he said, ...") names
// someone only when the text also writes it as a name elsewhere: after a
// given name, or capitalised inside a sentence.
// `known` remembers the answer for each word, so that a document of many
// such sentences is read once per distinct word, and at most
// kMaxNarratedWords times in all (a hostile document of distinct words
// would otherwise be read once per word).
constexpr size_t kMaxNarratedWords = 256;

std::optional<SpeakerMention> NarratedPerson(absl::string_view text, absl::string_view body, TextRange sentence,
                                             absl::flat_hash_map<std::string, bool>* known,
                                             bool organisation_wanted = false) {
  std::optional<SpeakerMention> m = NarrativeSubject(text, sentence);
  if (!m || m->name.find(' ') != std::string::npos || m->range.size() != m->name.size()) return m;
  if (known->size() >= kMaxNarratedWords && !known->contains(m->name)) return std::nullopt;
  auto [it, inserted] = known->try_emplace(m->name, false);
  if (inserted) {
    it->second = !FullNameInText(body, m->name).empty();
    for (size_t pos = body.find(m->name); !it->second && pos != absl::string_view::npos;
         pos = body.find(m->name, pos + 1)) {
      if (pos < 2 || body[pos - 1] != ' ') continue;
      const char before = body[pos - 2];
      it->second = absl::ascii_islower(static_cast<unsigned char>(before)) || before == ',';
    }
  }
  if (!it->second) {
    // "Greenpeace staged a protest ... It said": a word the text writes
    // only at a sentence's start, and not as a person's name, is the body
    // an "it", "they" or "the company" after it means.
    if (organisation_wanted && m->kind == MentionKind::kName && GivenNameGender(m->name) == 0 &&
        !IsNonNameCapitalized(m->name) && MonthIndex(m->name) == 0 && WeekdayIndex(m->name) < 0) {
      m->kind = MentionKind::kOrganization;
      return m;
    }
    return std::nullopt;
  }
  return m;
}

}  // namespace

absl::StatusOr<v1::ExtractResponse> ExtractionPipeline::Extract(const v1::Document& document) const {
  absl::string_view content;
  switch (document.content_case()) {
    case v1::Document::kText:
      content = document.text();
      break;
    case v1::Document::kRaw:
      content = document.raw();
      break;
    default:
      return absl::InvalidArgumentError("document has no content: set document.text or document.raw");
  }
  if (content.empty()) return absl::InvalidArgumentError("document content is empty");
  if (content.size() > options_.max_document_bytes) {
    return absl::InvalidArgumentError(absl::StrCat("document is ", content.size(),
                                                   " bytes; the limit is ",
                                                   options_.max_document_bytes, " bytes"));
  }
  if (document.doc_id().size() > kMaxDocIdBytes) {
    return absl::InvalidArgumentError(absl::StrCat("doc_id is longer than ", kMaxDocIdBytes, " bytes"));
  }
  for (char c : document.doc_id()) {
    if (static_cast<unsigned char>(c) < 0x20) {
      return absl::InvalidArgumentError("doc_id contains control characters");
    }
  }

  v1::ExtractResponse response;
  const std::string doc_id =
      document.doc_id().empty() ? DocumentIdForContent(content) : document.doc_id();
  response.set_doc_id(doc_id);

  const NormalizedText norm = Normalize(content);
  const std::string& text = norm.text();
  const std::vector<TextRange> paragraphs = SplitParagraphs(text);
  const ArticleStructure structure = AnalyzeStructure(text, paragraphs);

  // Source: request metadata wins over what the text says.
  v1::Source* source = response.mutable_source();
  *source = document.metadata();
  if (source->title().empty()) source->set_title(structure.title);
  if (source->byline().empty()) source->set_byline(structure.byline);
  if (source->outlet().empty()) source->set_outlet(structure.outlet);
  std::optional<absl::CivilDay> published;
  if (document.metadata().published_date().year() != 0) {
    const v1::Date& d = document.metadata().published_date();
    published = absl::CivilDay(d.year(), d.month(), d.day());
  } else if (structure.published) {
    published = structure.published;
    SetDate(*published, source->mutable_published_date());
  }

  std::vector<std::vector<TextRange>> sentences(paragraphs.size());
  uint32_t sentence_count = 0;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    sentences[i] = SplitSentences(text, paragraphs[i]);
    sentence_count += sentences[i].size();
  }
  const std::vector<QuoteSpan> quotes = FindQuotes(text, norm.marks(), paragraphs);

  v1::ExtractionStats* stats = response.mutable_stats();
  stats->set_input_bytes(content.size());
  stats->set_invalid_utf8_sequences(norm.invalid_utf8_sequences());
  stats->set_paragraphs(paragraphs.size());
  stats->set_sentences(sentence_count);
  stats->set_quote_spans(quotes.size());

  // Single words opening sentences that the text also writes as names.
  absl::flat_hash_map<std::string, bool> known_names;
  // Full names are looked for in the body: a headline's capitalised words
  // ("Late Goal Sends Rovers Into Final") are no given names.
  absl::string_view body = text;
  for (size_t p = 0; p < paragraphs.size() && structure.skip[p]; ++p) {
    body = absl::string_view(text).substr(paragraphs[p].end);
  }

  // Pass 1: attribute each top-level quotation.
  std::vector<Candidate> candidates;
  for (const QuoteSpan& q : quotes) {
    if (q.nested) continue;
    if (structure.skip[q.paragraph]) {
      // A headline's quotation with its cue ("Moscow Warns of ‘…’"): a
      // partial quotation, or a whole one opening the headline before a
      // colon ("‘…’: Minister Vows ...").
      const TextRange line = paragraphs[q.paragraph];
      if (structure.title.empty() || text.substr(line.start, line.size()) != structure.title) continue;
      Candidate c;
      c.attribution = HeadlineAttribution(text, q, line);
      if (!c.attribution) continue;
      // ("Lanz: ‘…’": a one-word label is a person the body names in full,
      // not "Update:" or "Watch:".)
      if (c.attribution->cue_lemma == ":" && c.attribution->speaker.name.find(' ') == std::string::npos &&
          FullNameInText(body, c.attribution->speaker.name).empty()) {
        continue;
      }
      c.quote = &q;
      c.content = q.content;
      c.paragraph = q.paragraph;
      c.sentence = line;
      c.kind = c.attribution->rule == 1 ? v1::CLAIM_KIND_DIRECT : v1::CLAIM_KIND_PARTIAL;
      c.confidence = 0.7f;
      candidates.push_back(c);
      continue;
    }
    TextRange para = paragraphs[q.paragraph];
    const std::vector<TextRange>& sents = sentences[q.paragraph];
    TextRange sentence = SentenceAt(sents, q.open_mark);
    // Extend over the closing mark (the quotation may hold several sentences).
    const uint32_t last = std::min(std::max(q.close_end, q.open_mark + 1) - 1, para.end - 1);
    if (para.Contains(last)) sentence.end = std::max(sentence.end, SentenceAt(sents, last).end);
    sentence.end = std::min(sentence.end, para.end);
    if (q.close_end <= para.end) sentence = JoinTrailingAttribution(text, sents, sentence, q.close_end);
    // A quotation closed in a later paragraph ("…,” he added.) is attributed
    // over the paragraphs it runs through.
    for (uint32_t p = q.paragraph + 1; !q.unclosed && p < paragraphs.size() && paragraphs[p].start < q.close_end;
         ++p) {
      if (!paragraphs[p].Contains(q.close_end - 1)) continue;
      para.end = paragraphs[p].end;
      sentence.end = std::min(SentenceAt(sentences[p], q.close_end - 1).end, para.end);
    }

    Candidate c;
    c.quote = &q;
    c.content = q.content;
    c.paragraph = q.paragraph;
    c.sentence = sentence;
    c.attribution = AttributeQuote(text, q, sentence, para);
    if (!c.attribution && q.paragraph > 0 && q.open_mark == sentence.start) {
      c.attribution = CueEndingParagraph(text, paragraphs[q.paragraph - 1], sentences[q.paragraph - 1]);
    }
    // A paragraph that is one quotation, and the next opens "That was the
    // warning from X.".
    if (!c.attribution && q.open_mark == paragraphs[q.paragraph].start && q.paragraph + 1 < paragraphs.size() &&
        q.close_end + 1 >= paragraphs[q.paragraph].end && !sentences[q.paragraph + 1].empty()) {
      c.attribution = WordsNamedAfter(text, sentences[q.paragraph + 1].front());
    }
    // Direct: the quotation opens its sentence, or follows only its cue
    // ("Doe said: “…”", "Doe was blunt: “…”"), and reads like a statement.
    bool opens_sentence = true;
    for (uint32_t p = sentence.start; p < q.open_mark; ++p) {
      if (text[p] != ' ') {
        opens_sentence = false;
        break;
      }
    }
    // (A colon right before the mark introduces a whole quotation too: "...,”
    // she said, adding: “…”".)
    uint32_t before_mark = q.open_mark;
    while (before_mark > sentence.start && text[before_mark - 1] == ' ') --before_mark;
    const bool after_colon = before_mark > sentence.start && text[before_mark - 1] == ':';
    const bool after_cue =
        c.attribution && (c.attribution->rule == 3 || c.attribution->cue_lemma == ":" || after_colon);
    bool direct = (opens_sentence || after_cue) && StartsLikeStatement(text, q.content);
    // The second half of a quotation split by its cue (“We are ready,” she
    // said, “but not today.”) continues a direct quotation.
    if (!direct && after_cue && !candidates.empty()) {
      const Candidate& prev = candidates.back();
      direct = prev.kind == v1::CLAIM_KIND_DIRECT && prev.quote != nullptr && prev.sentence.start == sentence.start &&
               prev.quote->close_end >= 2 && text[prev.quote->close_end - 2] == ',' &&
               prev.quote->close_end <= c.attribution->speaker.range.start;
    }
    c.kind = direct ? v1::CLAIM_KIND_DIRECT : v1::CLAIM_KIND_PARTIAL;
    // A fragment in title case after a word that introduces a name ("the
    // film “Marsh Lights”", "known as “Save the Marsh”") names a work or a
    // campaign; nobody said it. (A policy's name a speaker invokes, "uphold
    // the “Open Door Policy”", stays a partial quotation.)
    if (!direct && IsNickname(text, q.open_mark, q.close_end, q.content)) continue;  // a name's nickname
    if (!direct && AfterSoCalled(text, q.open_mark)) continue;
    const absl::string_view words = absl::string_view(text).substr(q.content.start, q.content.size());
    if (!direct && IntroducesAName(text, q.open_mark) && IsTitleCase(words)) continue;
    if (AfterAnOutletsPossessive(text, q.open_mark) && CountWords(words) <= 6 && IsTitleCase(words)) {
      continue;
    }
    if (c.attribution) {
      c.confidence = c.attribution->rule <= 3 ? 0.9f : 0.7f;
      if (c.attribution->speaker.kind == MentionKind::kPronoun) c.confidence -= 0.1f;
    }
    candidates.push_back(c);
  }

  // Pass 1b: reported speech, sentence by sentence, around the quotations.
  // Cues that introduce an adjacent quotation are not reused.
  std::vector<uint32_t> quote_cues;
  for (const Candidate& c : candidates) {
    // (A partial quotation's cue is its sentence's: "... “for a season”, its
    // minister said" reports the whole clause.)
    if (c.attribution && c.attribution->rule <= 3 && c.kind == v1::CLAIM_KIND_DIRECT) {
      quote_cues.push_back(c.attribution->cue.start);
    }
  }
  std::sort(quote_cues.begin(), quote_cues.end());
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    if (structure.skip[p]) continue;
    for (const TextRange& sentence : sentences[p]) {
      // Longer "sentences" are lists, tables or run-on junk; reading them
      // would cost time quadratic in their length for no claims.
      if (sentence.size() > kMaxReportedSentenceBytes) continue;
      // Quotations overlapping the sentence: they open before its end, in
      // this paragraph or one a multi-paragraph quotation can reach from.
      std::vector<TextRange> quoted;
      auto after = std::lower_bound(quotes.begin(), quotes.end(), sentence.end,
                                    [](const QuoteSpan& q, uint32_t pos) { return q.open_mark < pos; });
      for (auto it = after; it != quotes.begin();) {
        --it;
        if (it->paragraph + kMaxQuoteParagraphs < p) break;
        if (it->content.start < sentence.end && it->content.end > sentence.start) quoted.push_back(it->content);
      }
      const auto cues_begin = std::lower_bound(quote_cues.begin(), quote_cues.end(), sentence.start);
      const auto cues_end = std::lower_bound(cues_begin, quote_cues.end(), sentence.end);
      const absl::Span<const uint32_t> sentence_cues(quote_cues.data() + (cues_begin - quote_cues.begin()),
                                                     cues_end - cues_begin);
      for (ReportedSpeech& r : FindReportedSpeech(text, sentence, quoted, sentence_cues)) {
        Candidate c;
        c.content = r.clause;
        c.paragraph = static_cast<uint32_t>(p);
        c.kind = v1::CLAIM_KIND_INDIRECT;
        c.carrier = r.mostly_quoted;
        c.sentence = sentence;
        c.confidence = r.attribution.speaker.kind == MentionKind::kPronoun ? 0.5f : 0.6f;
        c.attribution = std::move(r.attribution);
        candidates.push_back(std::move(c));
      }
    }
  }
  // Pass 1c: an interview set out as questions and answers ("Q: ..." /
  // "A: ..."): each answer, and each paragraph that goes on with it before
  // the next question, is the interviewee's, quoted without marks.
  std::vector<uint32_t> label_end;
  const std::vector<char> labels = InterviewParagraphs(text, paragraphs, structure, &label_end);
  size_t first_question = paragraphs.size();
  for (size_t p = 0; p < paragraphs.size() && first_question == paragraphs.size(); ++p) {
    if (labels[p] == 'q') first_question = p;
  }
  if (first_question < paragraphs.size()) {
    std::optional<SpeakerMention> interviewee = Interviewee(text, sentences, structure.skip, first_question);
    // Paragraphs that already report or quote someone: narration again,
    // not an answer going on ("Okafor's firm employs 40 people. She says
    // ..." after the last answer).
    std::vector<bool> reports(paragraphs.size(), false);
    for (const Candidate& c : candidates) reports[c.paragraph] = true;
    const std::string surname = interviewee && interviewee->name.find(' ') != std::string::npos
                                    ? std::string(LastWord(interviewee->name))
                                    : "";
    bool answering = false;
    for (size_t p = first_question; interviewee && p < paragraphs.size(); ++p) {
      if (structure.skip[p]) continue;
      const uint32_t after = label_end[p];
      const char label = labels[p];
      if (label == 'q') answering = false;
      if (label == 'a') answering = true;
      if (label == 0 && answering &&
          (reports[p] ||
           (!surname.empty() && absl::StrContains(text.substr(paragraphs[p].start, paragraphs[p].size()), surname)))) {
        answering = false;
      }
      if (!answering) continue;
      TextRange words{after, paragraphs[p].end};
      while (words.end > words.start && (text[words.end - 1] == '.' || text[words.end - 1] == ' ')) --words.end;
      if (CountWords(text.substr(words.start, words.size())) < 2) continue;
      Candidate c;
      c.content = words;
      c.paragraph = static_cast<uint32_t>(p);
      c.kind = v1::CLAIM_KIND_DIRECT;
      c.sentence = paragraphs[p];
      c.confidence = 0.6f;
      Attribution a;
      a.speaker = *interviewee;
      // The label is the cue; a paragraph going on with an answer has none.
      a.cue = {paragraphs[p].start, label == 'a' ? after : paragraphs[p].start};
      while (a.cue.end > a.cue.start && text[a.cue.end - 1] == ' ') --a.cue.end;
      a.cue_lemma = ":";
      a.rule = 4;
      c.attribution = std::move(a);
      candidates.push_back(std::move(c));
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.content.start < b.content.start;
  });
  // A partial quotation inside a reported clause is the reported speaker's
  // wording, whatever verb stands nearest to it.
  // The innermost clause wins; a quotation's own adjacent speech verb
  // ("Doe said “…”") is kept, a belief verb ("Russia expects “…”") is not.
  // Candidates are in order, so the clauses to look at are the earlier ones
  // of the same paragraph.
  // (Nor is a verb after a modal, an act to come: "said Moscow would
  // respond “in the coming days”".)
  auto after_modal = [&text](TextRange cue) {
    uint32_t start = 0;
    const std::string word = LowerWordBefore(text, cue.start, &start);
    return word == "would" || word == "will" || word == "could" || word == "might" || word == "may" ||
           word == "should" || word == "must" || word == "can";
  };
  for (size_t i = 0; i < candidates.size(); ++i) {
    Candidate& c = candidates[i];
    if (c.kind != v1::CLAIM_KIND_PARTIAL) continue;
    if (c.attribution && c.attribution->rule <= 3 && !IsCognitionLemma(c.attribution->cue_lemma) &&
        !after_modal(c.attribution->cue)) {
      continue;
    }
    int inner = -1;
    for (size_t j = i; j-- > 0 && candidates[j].paragraph == c.paragraph;) {
      const Candidate& r = candidates[j];
      if (r.kind == v1::CLAIM_KIND_INDIRECT && r.content.start <= c.quote->open_mark &&
          c.quote->content.end <= r.content.end &&
          (inner < 0 || r.content.start > candidates[inner].content.start)) {
        inner = static_cast<int>(j);
      }
    }
    if (inner >= 0) {
      c.attribution = candidates[inner].attribution;
      c.clause = inner;
    }
  }

  // Pass 2: continuation quotes with no cue of their own take the speaker of
  // the next quotation in the same paragraph (a writer's missing closing mark)
  // or of the previous attributed claim in the same or the previous paragraph.
  for (size_t i = 0; i < candidates.size(); ++i) {
    Candidate& c = candidates[i];
    if (c.attribution || c.kind != v1::CLAIM_KIND_DIRECT) continue;
    if (CountWords(text.substr(c.quote->content.start, c.quote->content.size())) < 3) {
      // A short quotation is one only right after an attributed one in its
      // paragraph ("“We will not back down,” Lind said. “Not now.”").
      if (i > 0 && candidates[i - 1].paragraph == c.paragraph && candidates[i - 1].kind == v1::CLAIM_KIND_DIRECT &&
          candidates[i - 1].quote != nullptr &&
          (candidates[i - 1].attribution || candidates[i - 1].inherit_from >= 0)) {
        c.inherit_from = static_cast<int>(i - 1);
        c.confidence = 0.6f;
      }
      continue;
    }
    // Right after a sentence of narration about a named person ("Lund was
    // not convinced. “We have heard that before.”"), the quotation is theirs;
    // it has no cue.
    if (c.quote->open_mark == c.sentence.start) {
      const std::vector<TextRange>& sents = sentences[c.paragraph];
      auto it = std::upper_bound(sents.begin(), sents.end(), c.sentence.start,
                                 [](uint32_t pos, const TextRange& s) { return pos < s.end; });
      // (Not after a sentence reporting someone's statement: "The US has not
      // replied, Lavrov said. “…”" is Lavrov's.)
      // Candidates are in text order: only those just before this one can
      // lie in the previous sentence.
      bool reports = false;
      if (it != sents.begin()) {
        const TextRange prev = *std::prev(it);
        for (size_t j = i; j-- > 0 && candidates[j].content.start >= prev.start && !reports;) {
          const Candidate& r = candidates[j];
          reports = r.quote == nullptr && r.attribution && r.content.end <= prev.end;
        }
      }
      // A quotation opening its paragraph after a paragraph of narration
      // that quotes and reports no one, ending about a named person ("Lund,
      // who chairs the branch, addressed a rally.¶“We did not choose this
      // fight. …"): theirs too.
      std::optional<TextRange> narration;
      if (it != sents.begin() && it != sents.end() && !reports) {
        narration = *std::prev(it);
      } else if (it == sents.begin() && it != sents.end() && c.paragraph > 0 && !structure.skip[c.paragraph - 1] &&
                 !sentences[c.paragraph - 1].empty() &&
                 (i == 0 || candidates[i - 1].paragraph + 1 < c.paragraph)) {
        narration = sentences[c.paragraph - 1].back();
      }
      if (narration) {
        if (std::optional<SpeakerMention> m = NarratedPerson(text, body, *narration, &known_names)) {
          Attribution a;
          a.speaker = std::move(*m);
          a.cue = {c.quote->open_mark, c.quote->open_mark};
          a.rule = 4;
          c.attribution = std::move(a);
          c.confidence = 0.6f;
          continue;
        }
      }
    }
    size_t next = i + 1;
    while (next < candidates.size() && candidates[next].quote == nullptr) ++next;
    if (c.quote->unclosed && next < candidates.size() && candidates[next].paragraph == c.paragraph &&
        candidates[next].attribution) {
      c.inherit_from = static_cast<int>(next);
      c.confidence = 0.6f;
      continue;
    }
    for (long j = static_cast<long>(i) - 1; j >= 0; --j) {
      const Candidate& prev = candidates[j];
      if (!prev.attribution && prev.inherit_from < 0) continue;
      if (c.paragraph - prev.paragraph <= 1) {
        c.inherit_from = static_cast<int>(j);
        c.confidence = 0.6f;
      }
      break;
    }
  }

  // Raw bytes of a span as a proto string: copied as they are when the
  // document is valid UTF-8, with invalid sequences replaced otherwise.
  const bool valid_utf8 = norm.invalid_utf8_sequences() == 0;
  auto CopyText = [valid_utf8](absl::string_view bytes) {
    return valid_utf8 ? std::string(bytes) : SanitizeUtf8(bytes);
  };

  // "Her office said", "his lawyer said", "according to its chairman": a
  // title or organisation after a possessive pronoun is the possessor's; the
  // mention takes in the pronoun, resolved with the speaker below. "The
  // other side said": one not spoken of before.
  for (Candidate& c : candidates) {
    if (!c.attribution) continue;
    SpeakerMention& m = c.attribution->speaker;
    if ((m.kind != MentionKind::kTitle && m.kind != MentionKind::kOrganization) || m.indefinite || m.possessor != 0) {
      continue;
    }
    uint32_t word_start = 0;
    const std::string word = LowerWordBefore(text, m.range.start, &word_start);
    if (word.empty() || word_start == m.range.start) continue;
    if (word == "other") {
      m.indefinite = true;
      uint32_t article_start = 0;
      const std::string article = LowerWordBefore(text, word_start, &article_start);
      m.range.start = article == "the" || article == "an" ? article_start : word_start;
      continue;
    }
    const char kind = word == "his" ? 'm' : word == "her" ? 'f' : word == "its" || word == "their" ? 'p' : '\0';
    if (kind == 0) continue;
    m.possessor = kind;
    m.range.start = word_start;
  }

  // Pass 3: resolve speakers in document order and emit claims.
  // Mentions are resolved in the order they are written, so that a pronoun
  // refers to the person named most recently before it.
  // The lede: the first paragraph of the body.
  size_t lede = 0;
  while (lede < paragraphs.size() && structure.skip[lede]) ++lede;
  SpeakerRegistry registry;
  registry.SetFullNameLookup([body](absl::string_view surname) { return FullNameInText(body, surname); });
  std::vector<int> entry_of(candidates.size(), -1);
  std::vector<size_t> by_mention;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i].attribution) by_mention.push_back(i);
  }
  std::stable_sort(by_mention.begin(), by_mention.end(), [&candidates](size_t a, size_t b) {
    return candidates[a].attribution->speaker.range.start < candidates[b].attribution->speaker.range.start;
  });
  // Named people narration is about ("Dahl struck a hopeful tone."), in
  // order among the speakers, so that a later "he said" can mean them. Only
  // narration between a pronoun's mention and the speaker mention before it
  // can change what the pronoun means, so only there is it read.
  struct Window {
    TextRange range;
    // Its speaker means an organisation or a group ("it", "they", "the
    // company").
    bool organisation = false;
    // Its speaker is "he" or "she" after a comma (a trailing cue: ", she
    // said.").
    bool trailing_person = false;
  };
  std::vector<Window> windows;
  uint32_t previous_mention = 0;
  // A definite title ("the mayor said") may mean a titled person the
  // narration named before any window ("Mayor Tove Lindgren opened the
  // session." and then other speakers): narration up to the last such
  // mention is read for titled names too.
  uint32_t titles_end = 0;
  for (size_t i : by_mention) {
    const SpeakerMention& speaker = candidates[i].attribution->speaker;
    // (So do "the company said", "the judge noted" and "the ministry
    // said": the business, person or body meant may be one the narration
    // names.)
    // (A possessive pronoun asks what the pronoun asks: "her office" is a
    // person's.)
    const bool organisation = speaker.possessor != 0
                                  ? speaker.possessor == 'p'
                                  : (speaker.kind == MentionKind::kPronoun && speaker.pronoun == 'p') ||
                                        NamesBusinessGenerically(speaker) || NamesOrganisationByKind(speaker) ||
                                        NamesBareSpokesperson(speaker);
    if (speaker.kind == MentionKind::kPronoun || organisation || speaker.possessor != 0 ||
        (speaker.kind == MentionKind::kTitle && !speaker.indefinite)) {
      uint32_t before = speaker.range.start;
      while (before > 0 && text[before - 1] == ' ') --before;
      windows.push_back({{previous_mention, speaker.range.start},
                         organisation,
                         speaker.kind == MentionKind::kPronoun && (speaker.pronoun == 'm' || speaker.pronoun == 'f') &&
                             before > 0 && text[before - 1] == ','});
    }
    if (speaker.kind == MentionKind::kTitle && !speaker.indefinite) titles_end = speaker.range.start;
    previous_mention = speaker.range.end;
  }
  std::vector<SpeakerMention> narrated;
  // People the narration names in passing (NoteNamedInPassing).
  std::vector<SpeakerMention> passing;
  size_t window = 0, quote = 0;
  for (size_t p = 0; p < paragraphs.size() && window < windows.size(); ++p) {
    if (structure.skip[p]) continue;
    for (const TextRange& sentence : sentences[p]) {
      while (window < windows.size() && windows[window].range.end <= sentence.start) ++window;
      const bool in_window = window < windows.size() && sentence.start >= windows[window].range.start;
      if (!in_window && sentence.start >= titles_end) {
        if (window == windows.size()) break;
        continue;
      }
      if (sentence.size() > kMaxReportedSentenceBytes) continue;
      // (Not the speaker's own sentence for a trailing "he" or "she": in
      // "The president had urged Congress to act, she said", "she" is
      // someone else; but "Lima smiled as she said" is Lima, and
      // "Veltron plans to cut jobs, the company said" is Veltron.)
      if (in_window && sentence.end > windows[window].range.end && windows[window].trailing_person) continue;
      // A sentence inside a quotation is not narration (quotes are ordered
      // by opening mark; a nested one lies inside the one before it, so the
      // first quotation not closed before the sentence is the one to test).
      while (quote < quotes.size() && quotes[quote].close_end <= sentence.start) ++quote;
      if (quote < quotes.size() && quotes[quote].open_mark < sentence.start) continue;
      std::optional<SpeakerMention> subject =
          NarratedPerson(text, body, sentence, &known_names, in_window && windows[window].organisation);
      if (!in_window) {
        // Outside the windows only a titled name is wanted (for a later
        // definite title); what a pronoun means is settled by the
        // narration after the speaker mention before it.
        if (subject && subject->kind == MentionKind::kName && !subject->role.empty()) {
          narrated.push_back(*std::move(subject));
        }
        continue;
      }
      for (SpeakerMention& m : NamedPeople(text, sentence)) {
        if (!subject || m.range.start != subject->range.start) passing.push_back(std::move(m));
      }
      if (subject) narrated.push_back(*std::move(subject));
    }
  }
  size_t next_narrated = 0, next_passing = 0;
  uint32_t previous_end = 0;  // the speaker mention before this one
  // Whether the text gives a word a person's full name, asked once per
  // word (each asking reads the whole text); most single-word names are
  // surnames, which spares them the search for an organisation below.
  absl::flat_hash_map<std::string, bool> surname_has_full_name;
  auto persons_surname = [&](const std::string& word) {
    auto [it, inserted] = surname_has_full_name.try_emplace(word, false);
    if (inserted) it->second = !FullNameInText(body, word).empty();
    return it->second;
  };
  // The business the lede opens with, if it opens with a name no person or
  // country has; "" otherwise. Read once, when first asked for.
  std::optional<std::string> lede_opener;
  auto lede_business = [&]() -> const std::string& {
    if (!lede_opener) {
      lede_opener.emplace();
      std::optional<SpeakerMention> opener = NarrativeSubject(text, sentences[lede].front());
      if (opener && (opener->kind == MentionKind::kName || opener->kind == MentionKind::kOrganization) &&
          GivenNameGender(opener->name.substr(0, opener->name.find(' '))) == 0 &&
          GovernmentName(opener->name).empty() && !persons_surname(opener->name)) {
        *lede_opener = opener->name;
      }
    }
    return *lede_opener;
  };
  // Possessive mentions resolved so far, by where they start: claims that
  // share one (an indirect claim and a partial quotation inside it) share
  // its speaker, as the possessor's pronoun would otherwise find the
  // possessed body itself the second time ("Their negotiating bloc").
  absl::flat_hash_map<uint32_t, int> possessed_at;
  for (size_t i : by_mention) {
    const SpeakerMention& speaker = candidates[i].attribution->speaker;
    const uint32_t since = std::min(previous_end, speaker.range.start);
    previous_end = speaker.range.end;
    for (; next_passing < passing.size() && passing[next_passing].range.start < speaker.range.start; ++next_passing) {
      registry.NoteNamedInPassing(passing[next_passing]);
    }
    for (; next_narrated < narrated.size() && narrated[next_narrated].range.start < speaker.range.start;
         ++next_narrated) {
      registry.Resolve(narrated[next_narrated]);
    }
    if (next_narrated < narrated.size() && narrated[next_narrated].range.start == speaker.range.start) {
      ++next_narrated;  // the speaker's own mention
    }
    // "Her office", "its chairman": the possessor's ("Ana Soto's office",
    // "Harbour Board's chairman"), as if the possessor had been named.
    if (speaker.possessor != 0) {
      if (const auto it = possessed_at.find(speaker.range.start); it != possessed_at.end()) {
        entry_of[i] = it->second;
        continue;
      }
      SpeakerMention pronoun;
      pronoun.kind = MentionKind::kPronoun;
      pronoun.pronoun = speaker.possessor;
      pronoun.range = {speaker.range.start, speaker.range.start};
      if (const int owner = registry.Resolve(pronoun); owner >= 0) {
        SpeakerMention named = speaker;
        // ("the unions' office": a group's plural takes the apostrophe alone.)
        const SpeakerRegistry::Entry& e = registry.entry(owner);
        const bool plural = e.type != v1::SPEAKER_TYPE_PERSON && absl::EndsWith(e.canonical, "s");
        named.name = absl::StrCat(e.canonical, plural ? "' " : "'s ", speaker.name);
        if (named.kind == MentionKind::kTitle) named.role = named.name;
        entry_of[i] = registry.Resolve(named);
        possessed_at[speaker.range.start] = entry_of[i];
        continue;
      }
    }
    // "Lanz's office" after "President Teodor Lanz": a person's possessive
    // by surname is theirs by full name ("Teodor Lanz's office"), the name
    // of someone spoken of or, failing that, the one the text gives.
    if ((speaker.kind == MentionKind::kTitle || speaker.kind == MentionKind::kOrganization) &&
        speaker.possessor == 0) {
      size_t at = speaker.name.find("'s ");
      if (at == std::string::npos) at = speaker.name.find("\u2019s ");
      const absl::string_view owner = absl::string_view(speaker.name).substr(0, at == std::string::npos ? 0 : at);
      if (!owner.empty() && owner.find(' ') == absl::string_view::npos && absl::ascii_isupper(owner[0])) {
        const int person = registry.FindPerson(owner);
        const std::string full = person >= 0 ? registry.entry(person).canonical : FullNameInText(body, owner);
        if (!full.empty() && full != owner) {
          SpeakerMention named = speaker;
          named.name = absl::StrCat(full, speaker.name.substr(at));
          if (named.kind == MentionKind::kTitle && named.role == speaker.name) named.role = named.name;
          entry_of[i] = registry.Resolve(named);
          continue;
        }
      }
    }
    // "the trust" after "Westmoor Hospitals NHS Trust", "a spokesperson for
    // the agency" after "the Environment Agency": the name meant.
    const std::string kind = speaker.kind == MentionKind::kOrganization ? speaker.name
                             : speaker.kind == MentionKind::kTitle     ? SpokespersonOrganization(speaker.name)
                                                                       : "";
    // (A business by the generic word for one, "the company", "the firm",
    // is the business last spoken of, which names rarely end in; by its
    // line of trade, "the bank", "the airline", it is the one so named.)
    const absl::string_view head = LastWord(kind);
    bool generic = false;
    for (absl::string_view word : {"company", "firm", "group", "business", "conglomerate", "startup", "start-up",
                                   "maker"}) {
      generic |= absl::EqualsIgnoreCase(head, word);
    }
    if (const size_t at = speaker.name.rfind(kind);
        !kind.empty() && at != std::string::npos && (!NamesBusinessGenerically(speaker) || !generic)) {
      // ("a force spokesperson", "the force": a police force is named by
      // "Police" or "Constabulary", "Greater Manchester Police".)
      std::string full = OrganizationNamedInText(text, speaker.range.start, kind);
      if (full.empty() && kind == "force") {
        // The later named of the two.
        const absl::string_view before_mention = absl::string_view(text).substr(0, speaker.range.start);
        std::string police = OrganizationNamedInText(text, speaker.range.start, "police");
        std::string constabulary = OrganizationNamedInText(text, speaker.range.start, "constabulary");
        const size_t p = police.empty() ? absl::string_view::npos : before_mention.rfind(police);
        const size_t q = constabulary.empty() ? absl::string_view::npos : before_mention.rfind(constabulary);
        full = q != absl::string_view::npos && (p == absl::string_view::npos || q > p) ? std::move(constabulary)
                                                                                        : std::move(police);
      }
      // ("A man has been charged, police said." ¶ "West Yorkshire Police
      // said ...": a lede's kind is the body the next paragraph names.)
      if (full.empty() && candidates[i].paragraph == lede && lede + 1 < paragraphs.size()) {
        std::string later = OrganizationNamedInText(text, paragraphs[lede + 1].end, kind);
        const size_t found = later.empty() ? std::string::npos : text.find(later, speaker.range.end);
        if (found != std::string::npos && found < paragraphs[lede + 1].end) full = std::move(later);
      }
      if (!full.empty()) {
        SpeakerMention named = speaker;
        named.name.replace(at, kind.size(), full);
        entry_of[i] = registry.Resolve(named);
        continue;
      }
    }
    // "Northgate said" after "Northgate Bank": a single word that is no
    // person's surname in the text, but opens an organisation's name.
    if (speaker.kind == MentionKind::kName && speaker.name.find(' ') == std::string::npos &&
        GivenNameGender(speaker.name) == 0 && !persons_surname(speaker.name)) {
      if (std::string org = OrganizationNamedByFirstWord(text, speaker.range.start, speaker.name); !org.empty()) {
        SpeakerMention named = speaker;
        named.kind = MentionKind::kOrganization;
        named.name = std::move(org);
        entry_of[i] = registry.Resolve(named);
        continue;
      }
    }
    // "according to Interfax", "according to Bloomberg": a single word the
    // text gives no person's full name for is a source's name (a news
    // agency, a company), not a person's.
    if (speaker.kind == MentionKind::kName && candidates[i].attribution->cue_lemma == "according to" &&
        speaker.name.find(' ') == std::string::npos && GivenNameGender(speaker.name) == 0 &&
        !persons_surname(speaker.name) && registry.FindPerson(speaker.name) < 0) {
      SpeakerMention source = speaker;
      source.kind = MentionKind::kOrganization;
      entry_of[i] = registry.Resolve(source);
      continue;
    }
    // "A teenager was arrested ... the teenager told officers": an epithet
    // the narration since the last speaker gave someone new is that
    // someone, not the person last spoken of.
    if (speaker.kind == MentionKind::kTitle && !speaker.indefinite && IsEpithetNoun(speaker.role) &&
        IntroducedIndefinitely(text.substr(since, speaker.range.start - since), speaker.role)) {
      SpeakerMention someone = speaker;
      someone.indefinite = true;
      entry_of[i] = registry.Resolve(someone);
      continue;
    }
    // "Streamflix will cut 1,200 jobs, its chief executive wrote. ... The
    // company said": with no business spoken of yet, the one the lede opens
    // with (a name no person or country has).
    if (IsGenericBusiness(speaker) && !registry.KnowsBusiness() && lede < paragraphs.size() &&
        !sentences[lede].empty() && sentences[lede].front().end <= speaker.range.start) {
      if (const std::string& opener = lede_business(); !opener.empty()) {
        SpeakerMention named = speaker;
        named.kind = MentionKind::kOrganization;
        named.name = opener;
        entry_of[i] = registry.Resolve(named);
        continue;
      }
    }
    // "A federal judge on Thursday blocked ...": a lede's indefinite title
    // is someone a later paragraph names.
    if (speaker.kind == MentionKind::kTitle && speaker.indefinite && candidates[i].paragraph == lede) {
      entry_of[i] = registry.Introduce(speaker);
      continue;
    }
    entry_of[i] = registry.Resolve(speaker);
  }
  // The raw bytes of a normalised range and their span.
  auto SetRaw = [&](TextRange range, std::string* out, v1::Span* span) {
    const uint32_t start = norm.RawStart(range.start);
    const uint32_t end = norm.RawEnd(range.end);
    *out = CopyText(content.substr(start, end - start));
    span->set_start(start);
    span->set_end(end);
  };
  // A claim's words: its id, text and span, and the entities and
  // quantities they mention. `claim` has its kind set.
  auto SetWords = [&](TextRange words, v1::Claim* claim) {
    SetRaw(words, claim->mutable_text(), claim->mutable_span());
    claim->set_claim_id(ClaimId(doc_id, claim->kind(), claim->span().start(), claim->span().end()));
    claim->clear_entities();
    claim->clear_quantities();
    for (const FoundEntity& e : FindEntities(text, words, &registry)) {
      v1::Entity* entity = claim->add_entities();
      SetRaw(e.range, entity->mutable_text(), entity->mutable_span());
      entity->set_type(e.type);
      entity->set_canonical_name(e.canonical_name);
    }
    for (const FoundQuantity& q : FindQuantities(text, words)) {
      v1::Quantity* quantity = claim->add_quantities();
      SetRaw(q.range, quantity->mutable_text(), quantity->mutable_span());
      quantity->set_value(q.value);
      quantity->set_unit(q.unit);
    }
  };
  DateContext date_context;
  date_context.published = published;
  if (!published) date_context.anchor = LatestFullDate(text);
  std::optional<absl::CivilDay> last_day;      // the latest day a claim's narration fixed
  std::optional<absl::CivilDay> previous_day;  // the previous claim's date
  int previous_entry = -1;
  for (size_t i = 0; i < candidates.size(); ++i) {
    Candidate& c = candidates[i];
    int root = static_cast<int>(i);
    for (int hops = 0; hops < 8 && !candidates[root].attribution && candidates[root].inherit_from >= 0; ++hops) {
      root = candidates[root].inherit_from;
    }
    const Candidate& src = candidates[root];
    if (!src.attribution || c.carrier) continue;  // unattributed, or a mostly quoted clause: not a claim

    v1::Claim* claim = response.add_claims();
    claim->set_doc_id(doc_id);
    claim->set_kind(c.kind);

    const Attribution& a = *src.attribution;
    v1::Speaker* speaker = claim->mutable_speaker();
    SetRaw(a.speaker.range, speaker->mutable_mention(), speaker->mutable_mention_span());
    if (entry_of[root] >= 0) {
      const SpeakerRegistry::Entry& e = registry.entry(entry_of[root]);
      speaker->set_canonical_name(e.canonical);
      speaker->set_speaker_id(SpeakerIdForName(e.canonical));
      speaker->set_type(e.type);
      speaker->set_role(a.speaker.role.empty() ? e.role : a.speaker.role);
    } else {
      speaker->set_type(v1::SPEAKER_TYPE_UNKNOWN);
    }
    if (root == static_cast<int>(i) && a.cue.size() > 0) {
      v1::Cue* cue = claim->mutable_cue();
      SetRaw(a.cue, cue->mutable_text(), cue->mutable_span());
      cue->set_lemma(a.cue_lemma);
    }
    // The statement date comes from the narration around the claim's words.
    const uint32_t words_start = c.quote != nullptr ? c.quote->open_mark : c.content.start;
    // Inside a reported clause, the clause's own words before or after a
    // quotation are not narration ("said talks would resume on Monday and
    // that he was “hopeful”": Monday dates neither; "said her side had
    // produced “the perfect 80 minutes” after a win on Saturday": the
    // quotation has the clause's date).
    const uint32_t words_end = c.quote == nullptr ? c.content.end
                               : c.clause >= 0    ? std::max(c.quote->close_end, candidates[c.clause].content.end)
                                                  : c.quote->close_end;
    const uint32_t left_end = c.clause >= 0 ? std::min(words_start, candidates[c.clause].content.start) : words_start;
    // At most kNarrationBytes on either side: time expressions stand next
    // to the cue, and a bound keeps run-on text linear. A dateline opening
    // the sentence dates the article, not the statement.
    const uint32_t narration_start =
        std::max(AfterDateline(text, c.sentence.start, std::min(left_end, c.sentence.end)),
                 left_end > kNarrationBytes ? left_end - kNarrationBytes : 0u);
    // Other quotations' words are not narration: each side stops at a mark.
    absl::string_view left =
        absl::string_view(text).substr(narration_start, std::max(left_end, narration_start) - narration_start);
    if (const size_t mark = left.rfind('"'); mark != absl::string_view::npos) left.remove_prefix(mark + 1);
    std::string clause(left);
    // So does a relative clause closed before the cue ("The minister, who
    // resigned on Monday, told reporters on Thursday that ...").
    for (const char* relative : {", which ", ", who ", ", whom ", ", whose "}) {
      for (size_t open = clause.find(relative); open != std::string::npos; open = clause.find(relative, open + 1)) {
        const size_t close = clause.find(',', open + std::strlen(relative));
        if (close == std::string::npos) break;
        clause.erase(open, close - open);
      }
    }
    if (words_end < c.sentence.end) {
      absl::string_view right =
          absl::string_view(text).substr(words_end, std::min(c.sentence.end - words_end, kNarrationBytes));
      right = right.substr(0, right.find('"'));
      // A relative clause after the cue tells of something else ("said of
      // the talks, which collapsed on Monday").
      for (absl::string_view relative : {", which ", ", who ", ", whose ", ", where "}) {
        right = right.substr(0, right.find(relative));
      }
      // So does a participle of speaking, a statement of its own ("said X,
      // calling for protests on Saturday"), and a second cue of the same
      // subject ("described Mahon as “…” and said the building would fall
      // silent on Tuesday"): `right` ends before the first `separator`
      // whose next word `cue` accepts (lower-cased).
      auto cut_before = [&right](absl::string_view separator, auto cue) {
        for (size_t at = right.find(separator); at != absl::string_view::npos; at = right.find(separator, at + 1)) {
          absl::string_view next = right.substr(at + separator.size());
          next = next.substr(0, next.find_first_of(" ,.;"));
          if (cue(absl::AsciiStrToLower(next))) {
            right = right.substr(0, at);
            return;
          }
        }
      };
      cut_before(", ", [](const std::string& w) { return IsGerundForm(w) && !ReportingVerbLemma(w).empty(); });
      cut_before(" and ", [](const std::string& w) {
        return !IsGerundForm(w) && !ReportingVerbLemma(w).empty() && ReportingVerbLemma(w) != w;
      });
      absl::StrAppend(&clause, " ", right);
    }
    // Without its own time expression, a claim continues the date of the
    // claim just before it when both are by the same speaker (a quotation
    // run from one briefing); a change of speaker breaks the run, and so
    // does a time of its own that fixes no day ("said earlier this month").
    // A day relative to the last one mentioned ("the next day", "later
    // that day", "afterwards") counts from the sentence before the claim's
    // when that one fixes a day ("Ek met the minister on Monday.
    // Afterwards, Ek said ..."), else from the last claim's day.
    date_context.last_mentioned_lookup = [&]() -> std::optional<absl::CivilDay> {
      if (const std::optional<TextRange> prev = SentenceBefore(sentences, structure.skip, c);
          prev && prev->size() <= kNarrationBytes) {
        DateContext plain = date_context;
        plain.last_mentioned_lookup = nullptr;
        if (std::optional<absl::CivilDay> before =
                ResolveStatementDate(absl::string_view(text).substr(prev->start, prev->size()), plain)) {
          return before;
        }
      }
      return last_day;
    };
    std::optional<absl::CivilDay> day = ResolveStatementDate(clause, date_context);
    if (day) {
      last_day = day;
    } else if (entry_of[root] >= 0 && entry_of[root] == previous_entry && !NamesAPeriod(clause)) {
      day = previous_day;
    }
    if (day) SetDate(*day, claim->mutable_statement_date());
    previous_entry = entry_of[root];
    previous_day = day;
    *claim->mutable_source() = *source;
    claim->set_confidence(c.confidence);
    claim->set_extractor_version(kExtractorVersion);
    // A quotation run over paragraphs is a claim per paragraph, each with
    // the speaker, cue and date of the whole.
    std::vector<TextRange> pieces;
    if (c.quote != nullptr && c.quote->content.end > paragraphs[c.quote->paragraph].end) {
      pieces = ParagraphPieces(text, *c.quote, paragraphs);
    } else {
      pieces.push_back(c.content);
    }
    for (size_t k = 1; k < pieces.size(); ++k) *response.add_claims() = *claim;
    for (size_t k = 0; k < pieces.size(); ++k) {
      SetWords(pieces[k], response.mutable_claims(response.claims_size() - pieces.size() + k));
    }
  }
  std::sort(response.mutable_claims()->begin(), response.mutable_claims()->end(),
            [](const v1::Claim& a, const v1::Claim& b) {
              return a.span().start() != b.span().start() ? a.span().start() < b.span().start()
                                                          : a.span().end() < b.span().end();
            });
  return response;
}

}  // namespace claims::extractor
