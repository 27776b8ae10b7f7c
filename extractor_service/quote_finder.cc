#include "extractor_service/quote_finder.h"

#include <algorithm>
#include <optional>

#include "absl/strings/ascii.h"

namespace claims::extractor {
namespace {

// Longest run of paragraphs one quotation may cover.

using Direction = QuoteMark::Direction;

bool IsWordChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Trims spaces, and a trailing ',' or '.', from a content range.
TextRange TrimContent(absl::string_view text, uint32_t start, uint32_t end) {
  while (start < end && (text[start] == ' ' || text[start] == '\n')) ++start;
  while (end > start) {
    const char c = text[end - 1];
    if (c == ' ' || c == '\n' || c == ',') {
      --end;
    } else if (c == '.' && !(end >= start + 3 && text.substr(end - 3, 3) == "...")) {
      --end;
    } else {
      break;
    }
  }
  return {start, end};
}

enum class Role { kOpen, kClose, kApostrophe };

// The position of the last single mark among `marks` (those of `para`)
// that may close a quotation of whole sentences - after their punctuation,
// before a non-word character - or 0 when there is none. (One pass per
// paragraph: asking each mark for the marks after it would be quadratic.)
uint32_t LastSentenceCloser(absl::string_view text, absl::Span<const QuoteMark> marks, TextRange para) {
  uint32_t last = 0;
  for (const QuoteMark& l : marks) {
    if (l.pos >= para.end) break;
    if (l.symbol != '\'' || l.pos == para.start || l.direction == QuoteMark::Direction::kOpen) continue;
    const char lp = text[l.pos - 1];
    const char ln = l.pos + 1 < para.end ? text[l.pos + 1] : ' ';
    if (!IsWordChar(ln) && absl::string_view(".,!?").find(lp) != absl::string_view::npos) last = l.pos;
  }
  return last;
}

// Whether the quotation opening at `open` starts a statement: at the
// paragraph's start, after a sentence's end or after a colon.
bool OpensStatement(absl::string_view text, uint32_t open, TextRange para) {
  uint32_t p = open;
  while (p > para.start && text[p - 1] == ' ') --p;
  return p == para.start || absl::string_view(".!?:").find(text[p - 1]) != absl::string_view::npos;
}

// Decides what a single mark at `pos` is, given the open single quotation's
// opening mark (if any) and the paragraph's LastSentenceCloser().
Role SingleRole(absl::string_view text, const QuoteMark& m, TextRange para, std::optional<uint32_t> single_open,
                uint32_t last_sentence_closer) {
  const char prev = m.pos > para.start ? text[m.pos - 1] : ' ';
  const char next = m.pos + 1 < para.end ? text[m.pos + 1] : ' ';
  const bool prev_word = IsWordChar(prev);
  const bool next_word = IsWordChar(next);
  if (prev_word && next_word) return Role::kApostrophe;  // won't, Russia's
  if (!prev_word && absl::ascii_isdigit(static_cast<unsigned char>(next)) &&
      m.pos + 3 < para.end && absl::ascii_isdigit(static_cast<unsigned char>(text[m.pos + 2])) &&
      (text[m.pos + 3] == 's' || !IsWordChar(text[m.pos + 3]))) {
    return Role::kApostrophe;  // '90s, '22
  }
  if (m.direction == Direction::kOpen) return next_word || next == '"' ? Role::kOpen : Role::kApostrophe;
  if (single_open && !next_word) {
    // "'The unions' demands are unaffordable.'": in a quotation of whole
    // sentences, after an s and before a lower-case word, a plural
    // possessive, when a later mark ends the sentences ("expects ‘large-scale
    // results’ if it" closes a phrase).
    const bool possessive = prev == 's' && next == ' ' && m.pos + 2 < para.end &&
                            absl::ascii_islower(static_cast<unsigned char>(text[m.pos + 2]));
    return possessive && OpensStatement(text, *single_open, para) && last_sentence_closer > m.pos ? Role::kApostrophe
                                                                                                 : Role::kClose;
  }
  if (m.direction == Direction::kClose) return Role::kApostrophe;  // allies' (possessive)
  // Ambiguous straight mark.
  if (!prev_word && next_word) return Role::kOpen;
  return Role::kApostrophe;
}

}  // namespace

std::vector<QuoteSpan> FindQuotes(absl::string_view text, absl::Span<const QuoteMark> marks,
                                  absl::Span<const TextRange> paragraphs) {
  std::vector<QuoteSpan> quotes;
  size_t mi = 0;
  // A double quotation carried over from the previous paragraph.
  std::optional<QuoteSpan> carried;
  // The double quotations of this paragraph emitted as nested in the open
  // single quotation (indexes into `quotes`).
  std::vector<size_t> nested_in_single;

  for (uint32_t pi = 0; pi < paragraphs.size(); ++pi) {
    const TextRange para = paragraphs[pi];
    while (mi < marks.size() && marks[mi].pos < para.start) ++mi;

    std::optional<QuoteSpan> dbl;  // open double quotation
    std::optional<QuoteSpan> sgl;  // open single quotation
    if (carried) {
      // Continues only when the paragraph starts with an opening double mark.
      const bool reopens = mi < marks.size() && marks[mi].pos == para.start &&
                           marks[mi].symbol == '"' && marks[mi].direction != Direction::kClose;
      if (reopens) {
        dbl = carried;
        ++mi;  // the re-opening mark is consumed
      } else {
        quotes.push_back(*carried);
      }
      carried.reset();
    }
    auto emit = [&](QuoteSpan q, uint32_t content_end, uint32_t close_end, bool unclosed) {
      q.content = TrimContent(text, q.content.start, content_end);
      q.close_end = close_end;
      q.unclosed = unclosed;
      if (q.content.end > q.content.start) quotes.push_back(q);
    };
    auto open = [&](const QuoteMark& m, bool nested) {
      QuoteSpan q;
      q.symbol = m.symbol;
      q.open_mark = m.pos;
      q.content = {m.pos + 1, m.pos + 1};
      q.nested = nested;
      q.paragraph = pi;
      return q;
    };

    const uint32_t last_sentence_closer = LastSentenceCloser(text, marks.subspan(mi), para);
    for (; mi < marks.size() && marks[mi].pos < para.end; ++mi) {
      const QuoteMark& m = marks[mi];
      if (m.symbol == '"') {
        Role role;
        if (m.direction == Direction::kOpen) {
          role = Role::kOpen;
        } else if (m.direction == Direction::kClose) {
          role = Role::kClose;
        } else if (dbl) {
          role = Role::kClose;
        } else {
          // Nothing open: a straight mark is an opening one unless it sits
          // where only a closing mark can (`path" to`: after a word or its
          // punctuation, before a space): then it is a stray closing mark.
          const char prev = m.pos > para.start ? text[m.pos - 1] : ' ';
          const char next = m.pos + 1 < para.end ? text[m.pos + 1] : ' ';
          const bool after_word = IsWordChar(prev) || absl::string_view(".,!?;:").find(prev) != absl::string_view::npos;
          role = after_word && !IsWordChar(next) && next != '"' ? Role::kClose : Role::kOpen;
        }
        if (role == Role::kOpen) {
          if (dbl) emit(*dbl, m.pos, m.pos, /*unclosed=*/true);  // stray re-open
          // Inside an open single quotation ('Tom says the offer is
          // "fair",' she said: single marks outside, as in British copy)
          // the double one is nested, unless the single mark proves an
          // apostrophe by never closing (below).
          if (sgl && sgl->nested) sgl.reset();
          dbl = open(m, /*nested=*/sgl.has_value());
        } else if (dbl) {
          if (sgl && sgl->nested) sgl.reset();
          const size_t before = quotes.size();
          emit(*dbl, m.pos, m.pos + 1, /*unclosed=*/false);
          if (dbl->nested && quotes.size() > before) nested_in_single.push_back(quotes.size() - 1);
          dbl.reset();
        }
        // A closing mark with nothing open is ignored.
        continue;
      }
      switch (SingleRole(text, m, para, sgl ? std::optional<uint32_t>(sgl->open_mark) : std::nullopt,
                         last_sentence_closer)) {
        case Role::kOpen:
          if (!sgl) sgl = open(m, /*nested=*/dbl.has_value());
          break;
        case Role::kClose:
          emit(*sgl, m.pos, m.pos + 1, /*unclosed=*/false);
          if (!sgl->nested) nested_in_single.clear();  // they were nested indeed
          sgl.reset();
          break;
        case Role::kApostrophe:
          break;
      }
    }
    // An unclosed single quotation was most likely an apostrophe: dropped,
    // and the double quotations taken as nested in it are top-level.
    if (sgl && !sgl->nested) {
      for (size_t q : nested_in_single) quotes[q].nested = false;
      if (dbl) dbl->nested = false;
    }
    nested_in_single.clear();
    // An open double quotation may continue into the next paragraph, when it
    // holds words in this one and has not already run over kMaxQuoteParagraphs.
    if (dbl) {
      const TextRange here = TrimContent(text, std::max(dbl->content.start, para.start), para.end);
      if (here.size() > 0 && pi - dbl->paragraph < kMaxQuoteParagraphs) {
        carried = dbl;
        carried->content = {dbl->content.start, para.end};
        carried->close_end = para.end;
        carried->unclosed = true;
      } else if (dbl->paragraph != pi) {
        emit(*dbl, para.start, para.start, /*unclosed=*/true);  // ends where it stopped
      }
    }
  }
  if (carried) quotes.push_back(*carried);

  // Carried quotations were pushed without trimming; trim all, drop empties,
  // and order by opening mark (nested ones are emitted before their parent).
  std::vector<QuoteSpan> result;
  result.reserve(quotes.size());
  for (QuoteSpan& q : quotes) {
    q.content = TrimContent(text, q.content.start, q.content.end);
    if (q.content.end > q.content.start) result.push_back(q);
  }
  std::stable_sort(result.begin(), result.end(),
                   [](const QuoteSpan& a, const QuoteSpan& b) { return a.open_mark < b.open_mark; });
  return result;
}

std::vector<TextRange> ParagraphPieces(absl::string_view text, const QuoteSpan& quote,
                                       absl::Span<const TextRange> paragraphs) {
  std::vector<TextRange> pieces;
  for (uint32_t p = quote.paragraph; p < paragraphs.size() && paragraphs[p].start < quote.content.end; ++p) {
    uint32_t start = std::max(quote.content.start, paragraphs[p].start);
    const uint32_t end = std::min(quote.content.end, paragraphs[p].end);
    if (p != quote.paragraph) {
      while (start < end && (text[start] == ' ' || text[start] == '\n')) ++start;
      if (start < end && text[start] == quote.symbol) ++start;  // the re-opening mark
    }
    const TextRange piece = TrimContent(text, start, end);
    if (piece.size() > 0) pieces.push_back(piece);
  }
  if (pieces.empty()) pieces.push_back(quote.content);
  return pieces;
}

}  // namespace claims::extractor
