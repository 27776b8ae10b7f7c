// Spelling of person names across transliterations and outlets.
#ifndef CLAIMS_COMMON_NAMES_H_
#define CLAIMS_COMMON_NAMES_H_

#include <string>

#include "absl/strings/string_view.h"

namespace claims {

// NameSkeleton()
//
// The spelling skeleton of one folded (lower-case, accent-free) name word:
// digraphs that transliterations render either way made one (th/t, ph/f,
// ks/x, kh/h, ck/k), a final -ey/-iy/-y made -i, doubled letters single.
// Two spellings of one name meet ("anthony"/"antony", "sergei"/"sergey",
// "zelenskyy"/"zelensky"); different names stay apart ("jan"/"jon").
std::string NameSkeleton(absl::string_view folded_word);

// OrganisationInitials()
//
// The initials of an organisation's name of capitalised words ("Crown
// Prosecution Service" -> "CPS"; "of", "the", "and", "for", "on" and "&"
// passed over), or "" when a word is in lower case.
std::string OrganisationInitials(absl::string_view name);

// WrittenAsInitials()
//
// Whether `name` is written as initials: `min_letters` to six capitals and
// nothing else ("CPS", "NATO").
bool WrittenAsInitials(absl::string_view name, size_t min_letters);

}  // namespace claims

#endif  // CLAIMS_COMMON_NAMES_H_
