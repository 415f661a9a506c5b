"""A stratoshark process for the test runners (trace_run.py, net_run.py):
its stdout and stderr are collected while it runs, and `attached` is set once
it reports its probes attached ("Attaching N probes..." on stderr) or ends."""
import subprocess
import sys
import threading


class AttachedRun:
    def __init__(self, argv):
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.attached = threading.Event()
        self._err, self._out = [], []
        self._readers = [threading.Thread(target=self._read_stderr, daemon=True),
                         threading.Thread(target=lambda: self._out.append(self.proc.stdout.read()), daemon=True)]
        for r in self._readers:
            r.start()

    def _read_stderr(self):
        for raw in self.proc.stderr:
            line = raw.decode(errors="replace")
            self._err.append(line)
            if line.startswith("Attaching "):
                self.attached.set()
        self.attached.set()

    def wait(self, timeout):
        """Waits for the process to end; kills it and returns False after `timeout` seconds."""
        try:
            self.proc.wait(timeout)
            return True
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return False

    def copy_output(self):
        """Writes what the process printed to our stdout and stderr (once it has ended)."""
        for r in self._readers:
            r.join()
        sys.stdout.write(b"".join(self._out).decode(errors="replace"))
        sys.stdout.flush()  # stdout first when both go to one pipe
        sys.stderr.write("".join(self._err))
        sys.stderr.flush()
