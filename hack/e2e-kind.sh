#!/usr/bin/env bash
# Runs the end-to-end suite against a kind cluster: hack/kind-up.sh, the plugin (hack/publish-plugin.sh, into
# <repo>/.local/bin), then tests/VmLifecycle.EndToEnd.Tests with VM_LIFECYCLE_E2E_KUBECONFIG naming the kind cluster,
# so the suite uses that cluster instead of starting a local stack. Arguments go to `dotnet test`, e.g.
# `hack/e2e-kind.sh -- --filter-class '*PauseCommandTests'`. Settings as for hack/kind-up.sh.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
kind_dir="${VM_LIFECYCLE_KIND_DIR:-$repo/.local/kind}"

VM_LIFECYCLE_KIND_DIR="$kind_dir" hack/kind-up.sh
hack/publish-plugin.sh
VM_LIFECYCLE_E2E_KUBECONFIG="$kind_dir/kubeconfig" \
  VM_LIFECYCLE_E2E_NAMESPACE="${VM_LIFECYCLE_NAMESPACE:-vm-lifecycle}" \
  VM_LIFECYCLE_E2E_PLUGIN_DIR="$repo/.local/bin" \
  dotnet test --project tests/VmLifecycle.EndToEnd.Tests -c Release "$@"
