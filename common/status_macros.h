// Status propagation macros for absl::Status / absl::StatusOr.
//
// Abseil 20220623 (Debian 12) predates ABSL_RETURN_IF_ERROR and
// ABSL_ASSIGN_OR_RETURN, so the project carries these two.
//
//   RETURN_IF_ERROR(DoThing());
//   ASSIGN_OR_RETURN(Parsed p, Parse(text));
#ifndef CLAIMS_COMMON_STATUS_MACROS_H_
#define CLAIMS_COMMON_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Evaluates `expr` (an absl::Status) and returns it from the enclosing
// function when it is not OK.
#define RETURN_IF_ERROR(expr)                                \
  do {                                                       \
    ::absl::Status claims_status_macro_status_ = (expr);     \
    if (!claims_status_macro_status_.ok()) {                 \
      return claims_status_macro_status_;                    \
    }                                                        \
  } while (false)

#define CLAIMS_STATUS_CONCAT_INNER_(a, b) a##b
#define CLAIMS_STATUS_CONCAT_(a, b) CLAIMS_STATUS_CONCAT_INNER_(a, b)

// Evaluates `expr` (an absl::StatusOr<T>); returns its status when not OK,
// otherwise moves the value into `lhs` (a declaration or an lvalue).
#define ASSIGN_OR_RETURN(lhs, expr)                                          \
  ASSIGN_OR_RETURN_IMPL_(CLAIMS_STATUS_CONCAT_(claims_statusor_, __LINE__), \
                         lhs, expr)

#define ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                           \
  if (!statusor.ok()) return statusor.status();     \
  lhs = std::move(statusor).value()

#endif  // CLAIMS_COMMON_STATUS_MACROS_H_
