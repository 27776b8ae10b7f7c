// Reported (indirect) speech: statements the writer paraphrases without
// quotation marks, found by structural rules around reporting cues.
//
//   1. SPEAKER CUE [ADDRESSEE] [ADJUNCTS] [that] CLAUSE.
//        "The minister said (on Monday) (that) the bridge would reopen."
//        "She told reporters in Oslo that talks had stalled."
//   2. directive cues, whose complement is the claim:
//        "He called on the council to resign." / "called for new elections"
//        "The ministry urged residents to stay indoors." / "denied any wrongdoing"
//   3. CLAUSE, SPEAKER CUE.          "The plan is dead, the mayor said."
//      A, SPEAKER CUE, B.            "The plan, the mayor said, is dead."
//   4. participles continuing the speaker of the sentence:
//        "..., saying (that) CLAUSE" / "..., adding that CLAUSE"
//   5. "According to SPEAKER, CLAUSE." and "CLAUSE, according to SPEAKER."
//
// The claim's span is the reported clause up to the end of its sentence
// without the final punctuation. Cues that belong to an adjacent quotation
// ("“…,” she said") are not reused, and a clause that is mostly quoted is a
// quotation, not reported speech (it is returned marked mostly_quoted).
//
// Thread-compatible: pure functions.
#ifndef CLAIMS_EXTRACTOR_SERVICE_REPORTED_SPEECH_H_
#define CLAIMS_EXTRACTOR_SERVICE_REPORTED_SPEECH_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "extractor_service/attributor.h"
#include "extractor_service/segmenter.h"

namespace claims::extractor {

struct ReportedSpeech {
  // The reported clause, in normalised offsets.
  TextRange clause;
  Attribution attribution;
  // The clause is mostly quoted: no claim of its own, but it says whose the
  // quotation inside it is ("telling MPs the government would “keep its
  // promises”").
  bool mostly_quoted = false;
};

// FindReportedSpeech()
//
// The reported-speech claims of one sentence. `quoted` holds the content
// ranges of quotations that overlap the sentence; `quote_cues` the start
// offsets of cues already attributed to a quotation standing next to them.
std::vector<ReportedSpeech> FindReportedSpeech(absl::string_view text, TextRange sentence,
                                               absl::Span<const TextRange> quoted,
                                               absl::Span<const uint32_t> quote_cues);

}  // namespace claims::extractor

#endif  // CLAIMS_EXTRACTOR_SERVICE_REPORTED_SPEECH_H_
