"""Compares two capture files as tshark reads them: packet count, and per
packet the timestamp (ns), wire and captured lengths and every byte."""
import subprocess
import sys


def read(path):
    fields = subprocess.run(["tshark", "-r", path, "-T", "fields", "-e", "frame.time_epoch", "-e", "frame.len",
                             "-e", "frame.cap_len"], capture_output=True, text=True, check=True).stdout.splitlines()
    dump = subprocess.run(["tshark", "-r", path, "-x"], capture_output=True, text=True, check=True).stdout
    return fields, dump


a_fields, a_dump = read(sys.argv[1])
b_fields, b_dump = read(sys.argv[2])
if not a_fields:
    sys.exit(f"{sys.argv[1]}: tshark read no packets")
if a_fields != b_fields:
    sys.exit(f"packets differ: {len(a_fields)} in {sys.argv[1]}, {len(b_fields)} in {sys.argv[2]}; first difference: "
             + next((f"{x} / {y}" for x, y in zip(a_fields, b_fields) if x != y), "count"))
if a_dump != b_dump:
    sys.exit("packet bytes differ")
print(f"same {len(a_fields)} packets")
