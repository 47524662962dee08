#!/usr/bin/env bash
# Brings VmLifecycle up on a kind cluster, for machines with Docker: creates the cluster (hack/kind/cluster.yaml),
# builds the aggregator and handler images from their Dockerfiles, loads them into the nodes, installs the chart with
# Helm (with the certificates the chart generates) and waits until the APIService is Available. Running it again
# reuses the cluster and upgrades the release. Arguments go to `helm upgrade --install`, e.g.
# `--set certManager.enabled=true` where cert-manager is installed.
#
#   KIND_CLUSTER_NAME          the kind cluster (default vm-lifecycle)
#   VM_LIFECYCLE_KIND_DIR      where the cluster's kubeconfig and config are written (default <repo>/.local/kind)
#   VM_LIFECYCLE_NAMESPACE     the release namespace (default vm-lifecycle)
#   VM_LIFECYCLE_IMAGE_TAG     the tag of the images built here (default dev)
#   VM_LIFECYCLE_IMAGE_STORE   the node-local image store with the test guest, mounted into the worker
#                              (default <repo>/.local/images; hack/make-guest.sh builds the guest when it is missing)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
cluster="${KIND_CLUSTER_NAME:-vm-lifecycle}"
kind_dir="${VM_LIFECYCLE_KIND_DIR:-$repo/.local/kind}"
namespace="${VM_LIFECYCLE_NAMESPACE:-vm-lifecycle}"
tag="${VM_LIFECYCLE_IMAGE_TAG:-dev}"
image_store="${VM_LIFECYCLE_IMAGE_STORE:-$repo/.local/images}"
kubeconfig="$kind_dir/kubeconfig"

log() { echo "kind-up: $*" >&2; }
die() { echo "kind-up: ERROR: $*" >&2; exit 1; }
for tool in docker kind helm kubectl; do
  command -v "$tool" >/dev/null || die "$tool is needed on PATH"
done
mkdir -p "$kind_dir" "$image_store"
image_store=$(cd "$image_store" && pwd)

if [[ ! -f "$image_store/localhost/vm-lifecycle/test-guest/latest/boot/vmlinuz" ]]; then
  log "building the test guest into $image_store"
  VM_LIFECYCLE_IMAGE_STORE="$image_store" hack/make-guest.sh
fi

if kind get clusters 2>/dev/null | grep -qx "$cluster"; then
  log "kind cluster $cluster exists"
else
  log "creating kind cluster $cluster"
  sed "s|IMAGE_STORE|$image_store|" hack/kind/cluster.yaml >"$kind_dir/cluster.yaml"
  kind create cluster --name "$cluster" --config "$kind_dir/cluster.yaml" --wait 5m
fi
kind get kubeconfig --name "$cluster" >"$kubeconfig"
chmod 600 "$kubeconfig"
export KUBECONFIG="$kubeconfig"

for component in aggregator handler; do
  log "building vm-lifecycle/$component:$tag"
  docker build -f "$component/Dockerfile" -t "vm-lifecycle/$component:$tag" .
done
kind load docker-image --name "$cluster" "vm-lifecycle/aggregator:$tag" "vm-lifecycle/handler:$tag"

log "installing the chart into namespace $namespace"
helm upgrade --install vm-lifecycle charts/vm-lifecycle --namespace "$namespace" --create-namespace \
  --set aggregator.image.repository=vm-lifecycle/aggregator --set aggregator.image.tag="$tag" \
  --set handler.image.repository=vm-lifecycle/handler --set handler.image.tag="$tag" \
  --wait --timeout 10m "$@"
kubectl wait --for=condition=Available --timeout=5m apiservice/v1.subresources.kubevirt.io

log "ready. Use it with:"
echo "  export KUBECONFIG=$kubeconfig"
echo "  kubectl create -f examples/vmi.yaml && kubectl get vmis"
