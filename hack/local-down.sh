#!/usr/bin/env bash
# Stops every process hack/local-up.sh started (the pids in .local/env): the handlers, the aggregator, then the local
# cluster. No process is left behind.
#
# By default the libvirt domains of running VMIs are left running and the cluster's state is kept (.local/cluster),
# so the next local-up finds the VMIs again and the handlers re-adopt their domains, as after a node restart.
#   --purge   also destroy and undefine the domains of this stack's nodes and delete the stack's state (cluster state,
#             certificates, tokens, handler state, logs); the shared image store is kept.
#
#   VM_LIFECYCLE_LOCAL_DIR   as for local-up.sh (default <repo>/.local)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
local_dir="${VM_LIFECYCLE_LOCAL_DIR:-$repo/.local}"
env_file="$local_dir/env"
purge=0
case "${1:-}" in
  "") ;;
  --purge) purge=1 ;;
  *) echo "usage: $0 [--purge]" >&2; exit 2 ;;
esac

log() { echo "local-down: $*" >&2; }
stop() { # stop NAME PID PROGRAM: TERM, then KILL after 10 s; only a pid that still runs our program
  local name=$1 pid=$2 program=$3
  kill -0 "$pid" 2>/dev/null || return 0
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$program" || return 0
  kill -TERM "$pid"
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid"
    log "killed $name (pid $pid) after 10 s"
  else
    log "stopped $name (pid $pid)"
  fi
}

HANDLER_PIDS="" HANDLER_NODES="" AGGREGATOR_PID="" LOCAL_CLUSTER_PID=""
if [[ -f "$env_file" ]]; then
  # shellcheck disable=SC1090
  source "$env_file"
fi

# Handlers first (they write to the cluster until they stop), the cluster last. Handlers stop in parallel.
for pid in $HANDLER_PIDS; do stop handler "$pid" vm-lifecycle-handler & done
wait
[[ -n "$AGGREGATOR_PID" ]] && stop aggregator "$AGGREGATOR_PID" vm-lifecycle-aggregator
[[ -n "$LOCAL_CLUSTER_PID" ]] && stop "local cluster" "$LOCAL_CLUSTER_PID" vm-lifecycle-local-cluster
rm -f "$env_file"

if [[ "$purge" == 1 ]]; then
  # Domains carry their node in the handler's metadata; only this stack's nodes are touched.
  if [[ -n "$HANDLER_NODES" ]] && command -v virsh >/dev/null; then
    for domain in $(virsh -c qemu:///system list --all --name 2>/dev/null); do
      metadata=$(virsh -c qemu:///system metadata "$domain" https://vm-lifecycle.kubevirt.io/xmlns/domain/v1 2>/dev/null || true)
      for node in $HANDLER_NODES; do
        if grep -qF "<node>$node</node>" <<<"$metadata"; then
          virsh -c qemu:///system destroy "$domain" >/dev/null 2>&1 || true
          virsh -c qemu:///system undefine "$domain" >/dev/null 2>&1 || true
          log "removed domain $domain ($node)"
        fi
      done
    done
  fi
  rm -rf "$local_dir/cluster" "$local_dir/pki" "$local_dir/handler" "$local_dir/logs" \
    "$local_dir/kubeconfig" "$local_dir/aggregator.kubeconfig" "$local_dir/handler.kubeconfig" \
    "$local_dir/chart-rbac.yaml" "$local_dir/chart-apiservice.yaml"
  log "purged the state in $local_dir"
fi
