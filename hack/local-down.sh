#!/usr/bin/env bash
# Stops every component that hack/local-up.sh started (the processes named in .local/env).
# The cluster's state stays in .local/cluster; delete that folder to start from scratch.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
env_file="$repo/.local/env"
[[ -f "$env_file" ]] || exit 0

grep -E '^[A-Z_]+_PID=' "$env_file" | while IFS='=' read -r name pid; do
  [[ -n "$pid" ]] || continue
  for p in $pid; do
    kill -0 "$p" 2>/dev/null || continue
    kill -TERM "$p"
    for _ in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$p" 2>/dev/null && kill -KILL "$p"
    echo "local-down: stopped ${name%_PID} (pid $p)"
  done
done
rm -f "$env_file"
