// The command of -c: started stopped before anything is attached, released
// once the probes are live, so the trace sees it from its first instruction.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

namespace stratoshark::cli {

class TracedCommand {
 public:
  // Splits `command` into words as the shell would (quotes, no expansions
  // of commands) and forks a child that waits before exec'ing it. Returns
  // nullopt with `error` set when the command is empty or cannot be split.
  static std::optional<TracedCommand> start(const std::string& command, std::string& error);
  TracedCommand(TracedCommand&& other) noexcept;
  TracedCommand& operator=(TracedCommand&&) = delete;
  ~TracedCommand();

  pid_t pid() const { return pid_; }
  // Lets the child exec the command.
  void release();
  // Whether the child has exited (reaps it; non-blocking).
  bool exited();
  // Ends the child: before release() it never runs the command; after, it
  // gets SIGTERM if still running. Waits for it.
  void finish();

 private:
  TracedCommand(pid_t pid, int gate) : pid_(pid), gate_(gate) {}
  pid_t pid_ = -1;
  int gate_ = -1;  // write end of the pipe the child waits on
  bool reaped_ = false;
};

}  // namespace stratoshark::cli
