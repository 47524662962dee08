#!/usr/bin/env bash
# Publishes the kubectl plugin NativeAOT to .local/bin/kubectl-virt and links .local/bin/virtctl to it
# (the same binary: it shows "kubectl virt" or "virtctl" in its help by the name it is run as).
#
#   PLUGIN_RID   the runtime to publish for (default: linux-x64, or linux-arm64 on aarch64 machines)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
bin_dir="$repo/.local/bin"
case "$(uname -m)" in
  aarch64|arm64) default_rid=linux-arm64 ;;
  *) default_rid=linux-x64 ;;
esac
rid="${PLUGIN_RID:-$default_rid}"
publish_dir="$repo/kubectl-plugin/bin/Release/net10.0/$rid/publish"

log() { echo "publish-plugin: $*" >&2; }

mkdir -p "$bin_dir"
# Several local stacks may come up at once (tests, benchmarks): one publish at a time into the shared obj/ and bin/,
# and the binary replaced by a rename, so that a kubectl-virt being run is never overwritten mid-way.
exec 9>"$bin_dir/.publish.lock"
flock 9
log "publishing kubectl-virt NativeAOT for $rid"
dotnet publish kubectl-plugin/VmLifecycle.KubectlPlugin.csproj -r "$rid" -c Release --nologo -v quiet -clp:ErrorsOnly
install -m 0755 "$publish_dir/kubectl-virt" "$bin_dir/.kubectl-virt.new"
mv -f "$bin_dir/.kubectl-virt.new" "$bin_dir/kubectl-virt"
ln -sfn kubectl-virt "$bin_dir/virtctl"
log "installed $bin_dir/kubectl-virt and $bin_dir/virtctl"

case ":$PATH:" in
  *":$bin_dir:"*) ;;
  *) log "put it on PATH to use 'kubectl virt ...' and 'virtctl ...':  export PATH=\"$bin_dir:\$PATH\"" ;;
esac
