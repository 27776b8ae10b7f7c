// Starts one of the project's server binaries as a child process for a test:
// on a free loopback port (--port=0 with --port_file), waits until the port
// is published, and stops it with SIGTERM, reporting how it exited.
#ifndef CLAIMS_TESTS_TESTING_SERVER_PROCESS_H_
#define CLAIMS_TESTS_TESTING_SERVER_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace claims::testing {

class ServerProcess {
 public:
  // Runs `binary` with `args` plus --host=127.0.0.1 --port=0
  // --port_file=<temp>. DEADLINE_EXCEEDED when no port appears within
  // `timeout`; INTERNAL when the child exits first.
  static absl::StatusOr<std::unique_ptr<ServerProcess>> Start(const std::string& binary,
                                                              const std::vector<std::string>& args,
                                                              absl::Duration timeout = absl::Seconds(30));
  ~ServerProcess();  // SIGKILL if still running.

  int port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  pid_t pid() const { return pid_; }

  // Sends SIGTERM and waits up to `timeout`. Returns the exit code, or
  // INTERNAL when the process died of a signal or had to be killed.
  absl::StatusOr<int> Stop(absl::Duration timeout = absl::Seconds(30));

 private:
  ServerProcess(pid_t pid, int port) : pid_(pid), port_(port) {}
  pid_t pid_;
  int port_;
};

// Absolute path of a file in this test's runfiles, e.g.
// Runfile("query_service/query_server").
std::string Runfile(const std::string& workspace_relative_path);

// The directory holding the shared acceptance data (seeds/, eval/): the
// CLAIMS_SHARED_DIR environment variable when set, otherwise "../shared"
// beside the source checkout (found by resolving a runfile symlink). Empty
// when it does not exist; callers skip with a message then.
std::string SharedDataDir();

}  // namespace claims::testing

#endif  // CLAIMS_TESTS_TESTING_SERVER_PROCESS_H_
