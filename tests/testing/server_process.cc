#include "tests/testing/server_process.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <fstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace claims::testing {
namespace {

std::string TempDirectory() {
  const char* base = std::getenv("TEST_TMPDIR");
  std::string pattern = absl::StrCat(base != nullptr ? base : "/tmp", "/server.XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr) return base != nullptr ? base : "/tmp";
  return pattern;
}

// The child's exit: code, or -1 after a signal. Blocks up to `timeout`.
bool WaitForExit(pid_t pid, absl::Duration timeout, int* wait_status) {
  const absl::Time deadline = absl::Now() + timeout;
  while (true) {
    const pid_t done = waitpid(pid, wait_status, WNOHANG);
    if (done == pid) return true;
    if (done < 0 && errno != EINTR) return true;
    if (absl::Now() >= deadline) return false;
    absl::SleepFor(absl::Milliseconds(20));
  }
}

bool IsDirectory(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

absl::StatusOr<std::unique_ptr<ServerProcess>> ServerProcess::Start(const std::string& binary,
                                                                    const std::vector<std::string>& args,
                                                                    absl::Duration timeout) {
  const std::string port_file = TempDirectory() + "/port";
  std::vector<std::string> argv_storage = {binary, "--host=127.0.0.1", "--port=0", "--port_file=" + port_file};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);

  const pid_t pid = fork();
  if (pid < 0) return absl::InternalError(absl::StrCat("fork: ", std::strerror(errno)));
  if (pid == 0) {
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  const absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    std::ifstream in(port_file);
    std::string text;
    int port = 0;
    if (in && std::getline(in, text) && absl::SimpleAtoi(absl::StripAsciiWhitespace(text), &port) && port > 0) {
      return std::unique_ptr<ServerProcess>(new ServerProcess(pid, port));
    }
    int wait_status = 0;
    if (waitpid(pid, &wait_status, WNOHANG) == pid) {
      return absl::InternalError(absl::StrCat(binary, " exited before serving (wait status ", wait_status, ")"));
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  kill(pid, SIGKILL);
  int ignored = 0;
  waitpid(pid, &ignored, 0);
  return absl::DeadlineExceededError(absl::StrCat(binary, " did not publish its port within ", absl::FormatDuration(timeout)));
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    int ignored = 0;
    waitpid(pid_, &ignored, 0);
  }
}

absl::StatusOr<int> ServerProcess::Stop(absl::Duration timeout) {
  if (pid_ <= 0) return absl::FailedPreconditionError("already stopped");
  kill(pid_, SIGTERM);
  int wait_status = 0;
  const bool exited = WaitForExit(pid_, timeout, &wait_status);
  if (!exited) {
    kill(pid_, SIGKILL);
    waitpid(pid_, &wait_status, 0);
    pid_ = -1;
    return absl::InternalError(absl::StrCat("did not exit within ", absl::FormatDuration(timeout), " of SIGTERM"));
  }
  pid_ = -1;
  if (WIFEXITED(wait_status)) return WEXITSTATUS(wait_status);
  return absl::InternalError(absl::StrCat("terminated by signal ", WTERMSIG(wait_status)));
}

std::string Runfile(const std::string& workspace_relative_path) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  return absl::StrCat(srcdir != nullptr ? srcdir : ".", "/", workspace != nullptr ? workspace : "claims", "/",
                      workspace_relative_path);
}

std::string SharedDataDir() {
  if (const char* env = std::getenv("CLAIMS_SHARED_DIR"); env != nullptr && *env != '\0') {
    return IsDirectory(env) ? std::string(env) : std::string();
  }
  // Source files in runfiles are symlinks into the checkout; the shared
  // directory sits beside the checkout.
  char resolved[PATH_MAX];
  if (realpath(Runfile("README.md").c_str(), resolved) == nullptr) return "";
  std::string checkout(resolved);
  checkout.resize(checkout.find_last_of('/'));
  const std::string shared = checkout.substr(0, checkout.find_last_of('/')) + "/shared";
  return IsDirectory(shared) ? shared : std::string();
}

}  // namespace claims::testing
