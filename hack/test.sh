#!/usr/bin/env bash
# Runs every test of the repository: installs what the tests need on a Debian 12 machine
# (apt packages, libvirtd and virtlogd started when not running, the test guest), builds the
# solution and runs all test projects. Prints "N passed, N failed, N skipped" at the end.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
mkdir -p .local

hack/install-deps.sh
hack/make-guest.sh

dotnet build VmLifecycle.sln -c Release --nologo

set +e
dotnet test --solution VmLifecycle.sln -c Release --no-build 2>&1 | tee .local/test.log
status=${PIPESTATUS[0]}
set -e

# One plain summary line over all test projects, from the runner's own totals.
count() { grep -Eo "^\s*$1: [0-9]+" .local/test.log | grep -Eo '[0-9]+' | tail -1; }
echo "$(count succeeded || echo 0) passed, $(count failed || echo 0) failed, $(count skipped || echo 0) skipped"
exit "$status"
