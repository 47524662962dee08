#!/usr/bin/env bash
# Stops every process hack/local-up.sh started (the pids in .local/env): the handlers, the aggregator, then the local
# cluster. No process is left behind.
#
# By default the libvirt domains of running VMIs are left running and the cluster's state is kept (.local/cluster),
# so the next local-up finds the VMIs again and the handlers re-adopt their domains, as after a node restart.
#   --purge   also destroy and undefine the domains of this stack's nodes and delete the stack's state (cluster state,
#             certificates, tokens, handler state, logs); the shared image store is kept.
#
# A private libvirtd (local-up's VM_LIFECYCLE_LIBVIRT=private) is stopped with its virtlogd and namespace when it runs
# no domain, or with --purge (after its domains are destroyed; any process left in its namespace is killed). Otherwise
# it keeps running its domains, and .local/env keeps naming it, so that the next local-up uses it again.
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
LIBVIRT_URI="qemu:///system" LIBVIRT_NS_PID="" LIBVIRT_MNT_NS="" LIBVIRTD_PID="" VIRTLOGD_PID=""
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
    for domain in $(virsh -c "$LIBVIRT_URI" list --all --name 2>/dev/null); do
      metadata=$(virsh -c "$LIBVIRT_URI" metadata "$domain" https://vm-lifecycle.kubevirt.io/xmlns/domain/v1 2>/dev/null || true)
      for node in $HANDLER_NODES; do
        if grep -qF "<node>$node</node>" <<<"$metadata"; then
          virsh -c "$LIBVIRT_URI" destroy "$domain" >/dev/null 2>&1 || true
          virsh -c "$LIBVIRT_URI" undefine "$domain" >/dev/null 2>&1 || true
          log "removed domain $domain ($node)"
        fi
      done
    done
  fi
fi

# Never the machine's own mount namespace: everything in it would count as this stack's.
if [[ -n "$LIBVIRT_MNT_NS" && "$LIBVIRT_MNT_NS" == "$(readlink /proc/$$/ns/mnt)" ]]; then
  log "LIBVIRT_MNT_NS is this machine's mount namespace; leaving the private libvirtd alone"
  LIBVIRT_MNT_NS=""
fi
if [[ -n "$LIBVIRT_MNT_NS" ]]; then
  libvirt_dir="$local_dir/libvirt"
  ns_marker="vm-lifecycle-libvirt-ns:$libvirt_dir"
  # While the holder lives, its namespace is certainly this stack's; without it (pids and namespace ids are reused),
  # only processes in a namespace of that id that name this stack's directory.
  holder_alive=0
  kill -0 "$LIBVIRT_NS_PID" 2>/dev/null && tr '\0' ' ' <"/proc/$LIBVIRT_NS_PID/cmdline" 2>/dev/null | grep -qF -- "$ns_marker" \
    && holder_alive=1
  in_namespace() { # the pids of this stack's namespace other than the holder, libvirtd, tini and virtlogd
    local proc pid
    for proc in /proc/[0-9]*; do
      pid=${proc#/proc/}
      [[ "$pid" == "$LIBVIRT_NS_PID" ]] && continue
      [[ "$(readlink "$proc/ns/mnt" 2>/dev/null)" == "$LIBVIRT_MNT_NS" ]] || continue
      [[ "$holder_alive" == 1 ]] || tr '\0' ' ' <"$proc/cmdline" 2>/dev/null | grep -qF -- "$local_dir" || continue
      echo "$pid"
    done
  }
  guests=()
  for pid in $(in_namespace); do
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qE -- "^(tini -s -- )?(libvirtd|virtlogd) -p $libvirt_dir/" || guests+=("$pid")
  done
  if [[ "$purge" != 1 && ${#guests[@]} -gt 0 ]]; then
    cat >"$env_file" <<ENV
LIBVIRT_URI="$LIBVIRT_URI"
LIBVIRT_NS_PID=$LIBVIRT_NS_PID
LIBVIRT_MNT_NS=$LIBVIRT_MNT_NS
LIBVIRTD_PID=$LIBVIRTD_PID
VIRTLOGD_PID=$VIRTLOGD_PID
ENV
    log "the private libvirtd keeps running ${#guests[@]} domain(s) (pids ${guests[*]}); --purge removes them"
  else
    [[ -n "$LIBVIRTD_PID" ]] && stop libvirtd "$LIBVIRTD_PID" "libvirtd -p $libvirt_dir/libvirtd.pid"
    [[ -n "$VIRTLOGD_PID" ]] && stop virtlogd "$VIRTLOGD_PID" "virtlogd -p $libvirt_dir/virtlogd.pid"
    # QEMUs left by a libvirtd that was killed, or that did not stop.
    for pid in $(in_namespace); do
      what=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-60)
      kill -KILL "$pid" 2>/dev/null && log "killed $what (pid $pid) in the private libvirt namespace"
    done
    if [[ "$holder_alive" == 1 ]]; then
      kill -KILL "$LIBVIRT_NS_PID" && log "removed the private libvirt namespace (pid $LIBVIRT_NS_PID)"
    fi
  fi
fi

if [[ "$purge" == 1 ]]; then
  rm -rf "$local_dir/cluster" "$local_dir/pki" "$local_dir/handler" "$local_dir/logs" "$local_dir/libvirt" \
    "$local_dir/kubeconfig" "$local_dir/aggregator.kubeconfig" "$local_dir/handler.kubeconfig" \
    "$local_dir/chart-rbac.yaml" "$local_dir/chart-apiservice.yaml"
  log "purged the state in $local_dir"
fi
