#!/usr/bin/env bash
# Brings VmLifecycle up on this machine, without Kubernetes: installs what it needs (apt packages,
# libvirtd and virtlogd), builds the test guest and the solution, starts the local cluster (a
# kube-apiserver stand-in, tests/VmLifecycle.LocalCluster) with its state kept in .local/cluster,
# installs the chart's CRDs into it and writes .local/kubeconfig and .local/env.
# Running it again is safe: components that still run are kept. hack/local-down.sh stops them.
#
#   VM_LIFECYCLE_API_PORT   the local cluster's HTTPS port (default 6443)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
local_dir="$repo/.local"
mkdir -p "$local_dir/logs" "$local_dir/cluster"
port="${VM_LIFECYCLE_API_PORT:-6443}"
kubeconfig="$local_dir/kubeconfig"

log() { echo "local-up: $*" >&2; }
die() { echo "local-up: ERROR: $*" >&2; exit 1; }
alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

hack/install-deps.sh
hack/make-guest.sh

log "building"
dotnet build VmLifecycle.sln -c Release --nologo -v quiet -clp:ErrorsOnly >"$local_dir/logs/build.log" 2>&1 \
  || { cat "$local_dir/logs/build.log" >&2; die "build failed"; }

# Keep what still runs from an earlier run.
LOCAL_CLUSTER_PID=""
# shellcheck disable=SC1091
[[ -f "$local_dir/env" ]] && source "$local_dir/env"

if alive "$LOCAL_CLUSTER_PID"; then
  log "local cluster already running (pid $LOCAL_CLUSTER_PID)"
else
  log "starting the local cluster on https://127.0.0.1:$port"
  rm -f "$kubeconfig"
  setsid nohup dotnet tests/VmLifecycle.LocalCluster/bin/Release/net10.0/vm-lifecycle-local-cluster.dll \
    --port "$port" --data-dir "$local_dir/cluster" --state-file "$local_dir/cluster/state.json" \
    --kubeconfig "$kubeconfig" >"$local_dir/logs/local-cluster.log" 2>&1 </dev/null &
  LOCAL_CLUSTER_PID=$!
fi

export KUBECONFIG="$kubeconfig"
for _ in $(seq 300); do
  [[ -f "$kubeconfig" ]] && kubectl get --raw /readyz >/dev/null 2>&1 && break
  alive "$LOCAL_CLUSTER_PID" || { cat "$local_dir/logs/local-cluster.log" >&2; die "the local cluster exited"; }
  sleep 0.1
done
kubectl get --raw /readyz >/dev/null || die "the local cluster does not answer (see $local_dir/logs/local-cluster.log)"

log "installing the chart's CRDs"
kubectl apply -f charts/vm-lifecycle/crds/ >/dev/null
kubectl wait --for condition=established --timeout=30s \
  crd/virtualmachines.kubevirt.io crd/virtualmachineinstances.kubevirt.io >/dev/null

cat >"$local_dir/env" <<ENV
KUBECONFIG=$kubeconfig
LOCAL_CLUSTER_URL=https://127.0.0.1:$port
LOCAL_CLUSTER_PID=$LOCAL_CLUSTER_PID
ENV

log "ready. Use it with:"
echo "  export KUBECONFIG=$kubeconfig"
echo "  kubectl get ns"
