#!/usr/bin/env bash
# Runs every test of the repository: installs what the tests need on a Debian 12 machine
# (apt packages, libvirtd and virtlogd started when not running, the test guest), builds the
# solution and runs all test projects. Prints "N passed, N failed, N skipped" at the end.
#
# The solution and the plugin are built once here; VM_LIFECYCLE_SKIP_BUILD=1 tells the hack/local-up.sh runs of the
# test projects to use those binaries instead of building (and publishing the plugin into the same folders) at once.
# Two rounds: every test project but the fault tests, concurrently; then the fault tests alone. They kill processes
# of a stack of their own (and a libvirtd of their own, VM_LIFECYCLE_LIBVIRT=private, see hack/README.md), never the
# machine's, but their storms on 10 VMs need the 2 cores to themselves to converge within their bounds.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
mkdir -p .local

hack/install-deps.sh
hack/make-guest.sh

dotnet build VmLifecycle.sln -c Release --nologo
hack/publish-plugin.sh
export VM_LIFECYCLE_SKIP_BUILD=1

fault_tests=tests/VmLifecycle.Fault.Tests/VmLifecycle.Fault.Tests.csproj
# A solution filter of every project but the fault tests, made from the solution itself so that none is forgotten.
dotnet sln VmLifecycle.sln list | grep -E '\.csproj$' | grep -vF "$(basename "$fault_tests")" \
  | awk -v sln="$repo/VmLifecycle.sln" 'BEGIN { printf "{ \"solution\": { \"path\": \"%s\", \"projects\": [", sln }
      { gsub(/\\/, "/"); printf "%s\"%s\"", (NR > 1 ? ", " : ""), $0 }
      END { print "] } }" }' >.local/all-but-fault-tests.slnf

set +e
dotnet test --solution .local/all-but-fault-tests.slnf -c Release --no-build 2>&1 | tee .local/test.log
status=${PIPESTATUS[0]}
dotnet test --project "$fault_tests" -c Release --no-build 2>&1 | tee .local/fault-test.log
fault_status=${PIPESTATUS[0]}
set -e

# One plain summary line over all test projects, from the runner's own totals of both rounds.
count() { cat .local/test.log .local/fault-test.log | grep -Eo "^\s*$1: [0-9]+" | grep -Eo '[0-9]+' | awk '{ n += $1 } END { print n + 0 }'; }
echo "$(count succeeded) passed, $(count failed) failed, $(count skipped) skipped"
[[ $status -eq 0 ]] && exit "$fault_status"
exit "$status"
