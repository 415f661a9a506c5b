#!/usr/bin/env bash
# Start-up time and peak memory of stratoshark next to bpftrace, same one-liners,
# same run. Usage: bench/startup.sh PATH/TO/stratoshark   (make bench does this)
set -euo pipefail
python3 "$(dirname "$0")/startup.py" "$@"
python3 "$(dirname "$0")/detach.py" "$@"
