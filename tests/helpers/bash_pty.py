#!/usr/bin/env python3
"""Types command lines into an interactive bash on a pseudo-terminal, so that
bash reads them with readline() (it only does on a terminal).

  bash_pty.py LINE...

Each LINE is typed and bash runs it; then `exit`. Fails when bash does not
end within 10 seconds.
"""
import os
import pty
import select
import sys
import time


def main():
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp("bash", ["bash", "--norc", "--noprofile", "-i"])
    deadline = time.monotonic() + 10
    output = b""

    def drain(seconds):
        nonlocal output
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    output += os.read(fd, 4096)
                except OSError:
                    return False
        return True

    drain(0.3)
    for line in sys.argv[1:] + ["exit"]:
        os.write(fd, line.encode() + b"\r")
        drain(0.2)
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return 0 if os.waitstatus_to_exitcode(status) == 0 else 1
        drain(0.05)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    print("bash_pty: bash did not exit", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
