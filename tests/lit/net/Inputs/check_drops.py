"""Reads stratoshark's stderr; checks that Captured + Dropped equals the
packets sent (argv[1]) and that some were dropped. With --perf-lost, that
the lost records the perf buffers reported (-v) are no more than the dropped
events (perf reports a loss late, with its next record, or not at all)."""
import re
import sys

text = sys.stdin.read()
m = re.search(r"Captured: (\d+) packets?, Dropped: (\d+) \(([\d.]+)%\)", text)
if not m:
    print("no 'Captured: N packets, Dropped: M' line in:\n" + text)
    sys.exit(1)
captured, dropped, sent = int(m.group(1)), int(m.group(2)), int(sys.argv[1])
percent = 100.0 * dropped / (captured + dropped) if captured + dropped else 0.0
if abs(percent - float(m.group(3))) > 0.05:
    print(f"the percentage {m.group(3)} is not {percent:.1f}")
    sys.exit(1)
relation = "=" if captured + dropped == sent else "!="
print(f"captured + dropped {relation} {sent}, dropped {'> 0' if dropped > 0 else '= 0'}")
print(f"(captured {captured}, dropped {dropped})")
if "--perf-lost" in sys.argv:
    lost = re.search(r"perf buffers reported (\d+) lost record", text)
    # perf writes its LOST record only with the next record that fits, so a
    # burst at the end is never reported there: the programs' own count is
    # the exact one.
    print("perf lost records " + ("<= dropped" if lost and int(lost.group(1)) <= dropped else f"> dropped: {lost and lost.group(1)}"))
