#!/usr/bin/env bash
# Measures VmLifecycle against its baselines on this machine (issue 9's table) and writes <repo>/.local/bench.json:
#   1 kubectl-virt version --client start-up        vs kubectl version --client              ratio <= 1.0
#   2 kubectl virt pause + unpause vmi               vs virsh suspend + resume                ratio <= 1.5
#   3 p50/p99 of pause+unpause PUTs through the API  vs libvirt suspend+resume in-process     p99 < 50 ms
#   4 kubectl create -f vmi until phase Running      vs virsh create of the same domain XML   added p50 <= 300 ms
#   5 N VMIs created at once until all Running       vs N virsh create one after another      ratio <= 1.0
#   6 peak RSS (VmHWM) with N VMIs running                                                    handler <= 150 MiB, aggregator <= 200 MiB
#   7 dry-run pause req/s, warm authorization cache, straight to the aggregator (and, for information, through the
#     local cluster)                                                                          >= 2,000 req/s
# Every figure is a median (or percentile) over repeated runs, against its baseline measured in the same run.
#
# It brings up its own stack with hack/local-up.sh (own directory, ports and node names, no example VM), builds and
# runs hack/bench (the measuring program), prints the table, and tears the stack down at the end, even on failure:
# every VMI domain of its node (hack/local-down.sh --purge) and every baseline domain (bench-virsh-*).
#
#   hack/bench.sh [--quick] [--skip-build] [--rows 2,3] [--density-runs N] [--workers N]
#     --quick          fewer repetitions and 10 VMIs instead of 50 (a fast check, ~2 min; the default is the full run)
#     --skip-build     use the components already built (VM_LIFECYCLE_SKIP_BUILD=1 for local-up)
#     --rows 2,3       measure only these rows (5 and 6 come together), into .local/bench.rows.json
#     --density-runs N repeat rows 5/6 N times (default 1: 2 x 50 guests booting is a lot for 2 shared cores)
#     --workers N      concurrent connections of row 7 (default 16)
#
#   VM_LIFECYCLE_BENCH_DIR        the stack's directory (default <repo>/.local/bench)
#   VM_LIFECYCLE_BENCH_API_PORT   its local cluster's port (default 26443); aggregator 28443, handler 28186
#                                 (VM_LIFECYCLE_BENCH_AGGREGATOR_PORT, VM_LIFECYCLE_BENCH_HANDLER_PORT)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
bench_args=()
skip_build=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) bench_args+=(--quick) ;;
    --skip-build) skip_build=1 ;;
    --density-runs|--workers|--rows) [[ $# -ge 2 ]] || { echo "bench: $1 needs a value" >&2; exit 2; }; bench_args+=("$1" "$2"); shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

export VM_LIFECYCLE_LOCAL_DIR="${VM_LIFECYCLE_BENCH_DIR:-$repo/.local/bench}"
export VM_LIFECYCLE_API_PORT="${VM_LIFECYCLE_BENCH_API_PORT:-26443}"
export VM_LIFECYCLE_AGGREGATOR_PORT="${VM_LIFECYCLE_BENCH_AGGREGATOR_PORT:-28443}"
export VM_LIFECYCLE_HANDLER_PORT="${VM_LIFECYCLE_BENCH_HANDLER_PORT:-28186}"
export VM_LIFECYCLE_NODE_PREFIX=bench-node-
export VM_LIFECYCLE_HANDLERS=1
export VM_LIFECYCLE_BOOT_EXAMPLE=0
export VM_LIFECYCLE_SKIP_BUILD="$skip_build"
bench_dll=hack/bench/bin/Release/net10.0/vm-lifecycle-bench.dll
mkdir -p "$VM_LIFECYCLE_LOCAL_DIR"
log_file="$VM_LIFECYCLE_LOCAL_DIR/bench.log"

log() { echo "bench: $*" >&2; }
die() { echo "bench: ERROR: $*" >&2; exit 1; }

# Baseline domains carry our prefix (and only the bench makes them); the VMIs' domains belong to this stack's node,
# which local-down --purge removes (it looks at the node in each domain's metadata), with the stack's state.
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  log "cleaning up"
  if command -v virsh >/dev/null; then
    for domain in $(virsh -c qemu:///system list --all --name 2>/dev/null | grep '^bench-virsh-' || true); do
      virsh -c qemu:///system destroy "$domain" >/dev/null 2>&1 || true
      virsh -c qemu:///system undefine "$domain" >/dev/null 2>&1 || true
      log "removed baseline domain $domain"
    done
  fi
  # The components' logs outlive the purge, for profiling (what each step of a slow row did, and when).
  if [[ -d "$VM_LIFECYCLE_LOCAL_DIR/logs" ]]; then
    rm -rf "$VM_LIFECYCLE_LOCAL_DIR/last-logs" && cp -r "$VM_LIFECYCLE_LOCAL_DIR/logs" "$VM_LIFECYCLE_LOCAL_DIR/last-logs"
  fi
  hack/local-down.sh --purge >>"$log_file" 2>&1 || log "local-down --purge failed (see $log_file)"
  rm -rf "$VM_LIFECYCLE_LOCAL_DIR/work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A stack left by an interrupted earlier run would be re-used with its state; start from scratch instead.
if [[ -f "$VM_LIFECYCLE_LOCAL_DIR/env" ]]; then
  log "stopping the bench stack of an earlier run"
  hack/local-down.sh --purge >>"$log_file" 2>&1 || true
fi
: >"$log_file"

hack/install-deps.sh
if [[ "$skip_build" != 1 ]]; then
  log "building hack/bench"
  dotnet build hack/bench -c Release --nologo -v quiet -clp:ErrorsOnly >>"$log_file" 2>&1 \
    || { tail -30 "$log_file" >&2; die "building hack/bench failed"; }
fi
[[ -f "$bench_dll" ]] || die "$bench_dll is missing (run without --skip-build)"
[[ -x .local/bin/kubectl-virt ]] || [[ "$skip_build" != 1 ]] || die ".local/bin/kubectl-virt is missing (run without --skip-build)"

log "bringing up the bench stack in $VM_LIFECYCLE_LOCAL_DIR (ports $VM_LIFECYCLE_API_PORT, $VM_LIFECYCLE_AGGREGATOR_PORT, $VM_LIFECYCLE_HANDLER_PORT; node ${VM_LIFECYCLE_NODE_PREFIX}1)"
hack/local-up.sh >>"$log_file" 2>&1 || { tail -40 "$log_file" >&2; die "local-up failed (see $log_file)"; }
KUBECONFIG="$VM_LIFECYCLE_LOCAL_DIR/kubeconfig" kubectl create namespace bench >/dev/null

log "measuring (progress on stderr; table on stdout)"
dotnet "$bench_dll" --repo "$repo" --local-dir "$VM_LIFECYCLE_LOCAL_DIR" --out "$repo/.local/bench.json" "${bench_args[@]}"
