#!/usr/bin/env bash
# Regenerates charts/vm-lifecycle/crds/ from the types in api/ (hack/crd-gen).
# Run it after changing a type in api/; tests/VmLifecycle.Api.Tests fails while the committed CRDs differ.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet run --project "$repo_root/hack/crd-gen" -- "$repo_root/charts/vm-lifecycle/crds"
