// Waiting for SIGTERM / SIGINT in a server's main().
//
// Call BlockTerminationSignals() first thing in main(), before any thread is
// created, so every thread (gRPC's included) inherits the blocked mask; then
// WaitForTerminationSignal() in the main thread returns when either signal
// arrives, and main() can drain the server in ordinary code (no work happens
// inside a signal handler).
#ifndef CLAIMS_COMMON_SHUTDOWN_H_
#define CLAIMS_COMMON_SHUTDOWN_H_

namespace claims {

// BlockTerminationSignals()
//
// Blocks SIGTERM and SIGINT in the calling thread.
void BlockTerminationSignals();

// WaitForTerminationSignal()
//
// Blocks until SIGTERM or SIGINT is delivered; returns the signal number.
// REQUIRES: BlockTerminationSignals() was called before threads were created.
int WaitForTerminationSignal();

}  // namespace claims

#endif  // CLAIMS_COMMON_SHUTDOWN_H_
