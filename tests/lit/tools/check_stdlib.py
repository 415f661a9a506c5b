#!/usr/bin/env python3
"""Checks every stdlib tool (stdlib/*.ss) for what docs/stdlib.md promises:
the `#!/usr/bin/env stratoshark` first line, the executable bit, a header
comment with a usage line and an example, a row in docs/stdlib.md, a test in
tests/lit/stdlib/, and programs that pass the kernel verifier
(`stratoshark --dry-run TOOL`, by name, through the stdlib lookup).

  check_stdlib.py --stratoshark BIN --src SOURCE_ROOT

Prints one line per problem and `N tools checked`; exits 1 on a problem.
"""
import argparse
import os
import re
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stratoshark", required=True)
    parser.add_argument("--src", required=True)
    opts = parser.parse_args()
    stdlib = os.path.join(opts.src, "stdlib")
    doc = open(os.path.join(opts.src, "docs", "stdlib.md")).read()
    tools = sorted(f[:-3] for f in os.listdir(stdlib) if f.endswith(".ss"))
    problems = []
    for tool in tools:
        path = os.path.join(stdlib, tool + ".ss")
        text = open(path).read()
        header = "".join(line for line in text.splitlines(True)[1:] if line.startswith("//"))
        if not text.startswith("#!/usr/bin/env stratoshark\n"):
            problems.append(f"{tool}: the first line is not #!/usr/bin/env stratoshark")
        if not os.access(path, os.X_OK):
            problems.append(f"{tool}: not executable")
        if "Usage: stratoshark " + tool not in header or "Example" not in header:
            problems.append(f"{tool}: the header comment lacks 'Usage: stratoshark {tool}' or an example")
        if not re.search(r"^\| `" + re.escape(tool) + r"` \|", doc, re.M):
            problems.append(f"{tool}: no row in docs/stdlib.md")
        if not os.path.exists(os.path.join(opts.src, "tests", "lit", "stdlib", tool + ".test")):
            problems.append(f"{tool}: no tests/lit/stdlib/{tool}.test")
        r = subprocess.run([opts.stratoshark, "--dry-run", tool], capture_output=True, text=True)
        if r.returncode != 0:
            problems.append(f"{tool}: --dry-run failed: {r.stderr.strip().splitlines()[:3]}")
    for p in problems:
        print(p)
    print(f"{len(tools)} tools checked")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
