#include "child.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wordexp.h>

#include <cstring>
#include <vector>

namespace stratoshark::cli {

std::optional<TracedCommand> TracedCommand::start(const std::string& command, std::string& error) {
  wordexp_t words{};
  int rc = wordexp(command.c_str(), &words, WRDE_NOCMD);
  if (rc != 0) {
    error = rc == WRDE_CMDSUB ? "command substitution is not allowed in -c; run it in a script instead"
                              : "cannot split the command into words (unbalanced quotes?)";
    if (rc == WRDE_NOSPACE) wordfree(&words);
    return std::nullopt;
  }
  if (words.we_wordc == 0) {
    wordfree(&words);
    error = "the command is empty";
    return std::nullopt;
  }
  int gate[2];
  if (::pipe2(gate, O_CLOEXEC) != 0) {
    error = std::string("cannot create a pipe: ") + std::strerror(errno);
    wordfree(&words);
    return std::nullopt;
  }
  pid_t pid = ::fork();
  if (pid < 0) {
    error = std::string("cannot fork: ") + std::strerror(errno);
    ::close(gate[0]);
    ::close(gate[1]);
    wordfree(&words);
    return std::nullopt;
  }
  if (pid == 0) {
    ::close(gate[1]);
    // Signal dispositions of the tracer must not leak into the command.
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    ::signal(SIGPIPE, SIG_DFL);
    char go = 0;
    ssize_t n;
    do {
      n = ::read(gate[0], &go, 1);
    } while (n < 0 && errno == EINTR);
    if (n != 1) ::_exit(127);  // the tracer gave up before attaching
    ::execvp(words.we_wordv[0], words.we_wordv);
    const char* why = std::strerror(errno);
    (void)!::write(2, "stratoshark: cannot run '", 25);
    (void)!::write(2, words.we_wordv[0], std::strlen(words.we_wordv[0]));
    (void)!::write(2, "': ", 3);
    (void)!::write(2, why, std::strlen(why));
    (void)!::write(2, "\n", 1);
    ::_exit(127);
  }
  ::close(gate[0]);
  wordfree(&words);
  return TracedCommand(pid, gate[1]);
}

TracedCommand::TracedCommand(TracedCommand&& other) noexcept
    : pid_(other.pid_), gate_(other.gate_), reaped_(other.reaped_) {
  other.pid_ = -1;
  other.gate_ = -1;
}

TracedCommand::~TracedCommand() { finish(); }

void TracedCommand::release() {
  if (gate_ < 0) return;
  char go = 1;
  (void)!::write(gate_, &go, 1);
  ::close(gate_);
  gate_ = -1;
}

bool TracedCommand::exited() {
  if (pid_ <= 0 || reaped_) return true;
  int status = 0;
  pid_t r = ::waitpid(pid_, &status, WNOHANG);
  if (r == pid_ || (r < 0 && errno == ECHILD)) reaped_ = true;
  return reaped_;
}

void TracedCommand::finish() {
  if (gate_ >= 0) {  // never released: the child exits without running the command
    ::close(gate_);
    gate_ = -1;
  } else if (!exited()) {
    ::kill(pid_, SIGTERM);
  }
  if (pid_ > 0 && !reaped_) {
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    reaped_ = true;
  }
}

}  // namespace stratoshark::cli
