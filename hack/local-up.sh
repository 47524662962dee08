#!/usr/bin/env bash
# Brings VmLifecycle up on this machine, without Kubernetes: installs what it needs (apt packages, libvirtd and
# virtlogd), builds the test guest and the components, publishes kubectl-virt and virtctl to <repo>/.local/bin
# (hack/publish-plugin.sh), then starts
#   - the local cluster (a kube-apiserver stand-in, tests/VmLifecycle.LocalCluster) with the chart's CRDs, its RBAC,
#     ServiceAccounts and APIService (rendered from charts/vm-lifecycle by hack/chart-render, not copied),
#   - the aggregator behind the APIService, as its ServiceAccount (a token of the cluster's token file),
#   - one handler per node (node-1, node-2, ...) on the machine's libvirt, as the handler's ServiceAccount,
# waits until the APIService is Available and every handler heartbeats and is ready (/readyz: also after a restart, when
# its Node still shows the old heartbeat), writes KUBECONFIG (admin) and .local/env,
# and boots examples/vmi.yaml (the aggregator's controllers schedule it, the handler runs it).
# Running it again keeps what still runs. hack/local-down.sh stops everything.
#
#   VM_LIFECYCLE_LOCAL_DIR         state, certificates, logs, kubeconfigs and env (default <repo>/.local)
#   VM_LIFECYCLE_API_PORT          the local cluster's HTTPS port (default 6443)
#   VM_LIFECYCLE_AGGREGATOR_PORT   the aggregator's HTTPS port (default 8443)
#   VM_LIFECYCLE_HANDLER_PORT      the first handler's HTTPS port; node-N listens on PORT+N-1 (default 8186)
#   VM_LIFECYCLE_HANDLERS          how many handlers (nodes) to run (default 1)
#   VM_LIFECYCLE_NODE_PREFIX       node names are PREFIX1, PREFIX2, ... (default node-)
#   VM_LIFECYCLE_NAMESPACE         the chart's release namespace (default vm-lifecycle)
#   VM_LIFECYCLE_IMAGE_STORE       the node-local image store (default <repo>/.local/images, shared by every stack)
#   VM_LIFECYCLE_BOOT_EXAMPLE      0: do not boot examples/vmi.yaml (default 1)
#   VM_LIFECYCLE_SKIP_BUILD        1: use the binaries already built (default 0)
#   VM_LIFECYCLE_LIBVIRT           system: the handlers use the machine's libvirtd (default); private: a libvirtd and
#                                  virtlogd of this stack only (see below), which tests may kill and restart
#   VM_LIFECYCLE_LIBVIRT_URI       the handlers' libvirt URI with VM_LIFECYCLE_LIBVIRT=system (default qemu:///system)
#   VM_LIFECYCLE_LIBVIRT_WAIT      seconds to wait for a private libvirtd to answer (default 90)
#
# A private libvirtd (VM_LIFECYCLE_LIBVIRT=private) is a root (privileged) libvirtd in a mount namespace of its own,
# where LOCAL_DIR/libvirt/{etc,run,lib,cache,log} are mounted over /etc/libvirt, /run/libvirt, /var/lib/libvirt,
# /var/cache/libvirt and /var/log/libvirt: its domain definitions, status files, monitors, logs and sockets are its
# own, so it never sees the machine's domains nor they its. Root's qemu:///session cannot give this: as root it is
# the system daemon. The namespace is held by a "vm-lifecycle-libvirt-ns" process; libvirtd (under tini -s, as
# install-deps.sh runs the system one) and virtlogd run in it. The handlers reach it through its socket,
# qemu+unix:///system?socket=LOCAL_DIR/libvirt/run/libvirt-sock, which is also LIBVIRT_URI in .local/env (for virsh).
# Running local-up again restarts a libvirtd or virtlogd that died; running domains survive that.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
local_dir="${VM_LIFECYCLE_LOCAL_DIR:-$repo/.local}"
mkdir -p "$local_dir"
local_dir=$(cd "$local_dir" && pwd)
api_port="${VM_LIFECYCLE_API_PORT:-6443}"
aggregator_port="${VM_LIFECYCLE_AGGREGATOR_PORT:-8443}"
handler_port="${VM_LIFECYCLE_HANDLER_PORT:-8186}"
handlers="${VM_LIFECYCLE_HANDLERS:-1}"
node_prefix="${VM_LIFECYCLE_NODE_PREFIX:-node-}"
namespace="${VM_LIFECYCLE_NAMESPACE:-vm-lifecycle}"
image_store="${VM_LIFECYCLE_IMAGE_STORE:-$repo/.local/images}"
release=vm-lifecycle
aggregator_sa="$release-aggregator"
handler_sa="$release-handler"
kubeconfig="$local_dir/kubeconfig"
pki="$local_dir/pki"
logs="$local_dir/logs"
started_at=$(date +%s.%N)

log() { echo "local-up: $*" >&2; }
die() { echo "local-up: ERROR: $*" >&2; exit 1; }
elapsed() { awk -v s="$started_at" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f s", e - s }'; }
# A pid of an earlier run that still runs the given program (pids are reused; the command line tells ours apart).
alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"; }
# A process started by this run (right after the fork its command line is still the shell's).
running() { kill -0 "$1" 2>/dev/null; }
libvirt_mode="${VM_LIFECYCLE_LIBVIRT:-system}"
libvirt_dir="$local_dir/libvirt"
case "$libvirt_mode" in
  system) libvirt_uri="${VM_LIFECYCLE_LIBVIRT_URI:-qemu:///system}" ;;
  private)
    [[ -z "${VM_LIFECYCLE_LIBVIRT_URI:-}" ]] || die "VM_LIFECYCLE_LIBVIRT_URI cannot be combined with VM_LIFECYCLE_LIBVIRT=private"
    # A Unix socket path has at most 107 bytes.
    (( ${#libvirt_dir} + 17 <= 107 )) || die "$libvirt_dir is too long a path for libvirt's socket"
    libvirt_uri="qemu+unix:///system?socket=$libvirt_dir/run/libvirt-sock" ;;
  *) die "VM_LIFECYCLE_LIBVIRT must be system or private, not '$libvirt_mode'" ;;
esac
[[ "$handlers" =~ ^[1-9][0-9]*$ ]] || die "VM_LIFECYCLE_HANDLERS must be a positive number, not '$handlers'"
for p in "$api_port" "$aggregator_port" "$handler_port"; do
  [[ "$p" =~ ^[0-9]+$ ]] || die "ports must be numbers, not '$p'"
done
command -v openssl >/dev/null || die "openssl is needed to issue the local certificates"
mkdir -p "$logs" "$local_dir/cluster" "$pki"

hack/install-deps.sh
VM_LIFECYCLE_IMAGE_STORE="$image_store" hack/make-guest.sh

cluster_dll=tests/VmLifecycle.LocalCluster/bin/Release/net10.0/vm-lifecycle-local-cluster.dll
aggregator_dll=aggregator/bin/Release/net10.0/vm-lifecycle-aggregator.dll
handler_dll=handler/bin/Release/net10.0/vm-lifecycle-handler.dll
render_dll=hack/chart-render/bin/Release/net10.0/chart-render.dll
if [[ "${VM_LIFECYCLE_SKIP_BUILD:-0}" != 1 ]]; then
  log "building the local cluster, the aggregator, the handler and chart-render"
  # Only what the stack runs: other projects of the solution may be half-written by someone else.
  for project in tests/VmLifecycle.LocalCluster aggregator handler hack/chart-render; do
    dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly >"$logs/build.log" 2>&1 \
      || { cat "$logs/build.log" >&2; die "building $project failed"; }
  done
  # kubectl-virt and virtctl into .local/bin (NativeAOT).
  hack/publish-plugin.sh
fi
for dll in "$cluster_dll" "$aggregator_dll" "$handler_dll" "$render_dll"; do
  [[ -f "$dll" ]] || die "$dll is missing (build it, or unset VM_LIFECYCLE_SKIP_BUILD)"
done

# --- Certificates: a CA for the APIService (aggregator serving certificate) and one for the mutual TLS between the
# aggregator (client) and the handlers (server), as the chart makes them.
issue() { # issue NAME CA CN EKU [SAN]
  local name=$1 ca=$2 cn=$3 eku=$4 san=${5:-}
  [[ -s "$pki/$name.crt" && -s "$pki/$name.key" ]] && return 0
  local ext="basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=$eku"
  [[ -n "$san" ]] && ext+=$'\n'"subjectAltName=$san"
  openssl req -new -newkey rsa:2048 -nodes -keyout "$pki/$name.key" -subj "/CN=$cn" -out "$pki/$name.csr" 2>/dev/null
  openssl x509 -req -in "$pki/$name.csr" -CA "$pki/$ca.crt" -CAkey "$pki/$ca.key" -CAcreateserial -days 3650 \
    -extfile <(echo "$ext") -out "$pki/$name.crt" 2>/dev/null || die "issuing $name failed"
  rm -f "$pki/$name.csr"
}
for ca in aggregator-ca handler-ca; do
  [[ -s "$pki/$ca.crt" && -s "$pki/$ca.key" ]] && continue
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=vm-lifecycle-local-$ca" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign,digitalSignature" \
    -keyout "$pki/$ca.key" -out "$pki/$ca.crt" 2>/dev/null || die "creating $ca failed"
done
issue aggregator-serving aggregator-ca "$aggregator_sa.$namespace.svc" serverAuth \
  "DNS:$aggregator_sa,DNS:$aggregator_sa.$namespace,DNS:$aggregator_sa.$namespace.svc,IP:127.0.0.1"
issue handler-serving handler-ca "$handler_sa" serverAuth "DNS:$handler_sa,DNS:localhost,IP:127.0.0.1"
issue aggregator-handler-client handler-ca "$aggregator_sa" clientAuth
chmod 600 "$pki"/*.key

# --- Tokens of the two ServiceAccounts, kept across runs (kube-apiserver's token file: token,user,uid,"groups").
tokens="$local_dir/cluster/tokens.csv"
if [[ ! -s "$tokens" ]]; then
  groups="system:serviceaccounts,system:serviceaccounts:$namespace,system:authenticated"
  {
    echo "$(openssl rand -hex 24),system:serviceaccount:$namespace:$aggregator_sa,$(cat /proc/sys/kernel/random/uuid),\"$groups\""
    echo "$(openssl rand -hex 24),system:serviceaccount:$namespace:$handler_sa,$(cat /proc/sys/kernel/random/uuid),\"$groups\""
  } >"$tokens"
  chmod 600 "$tokens"
fi
token_of() { grep -F ",system:serviceaccount:$namespace:$1," "$tokens" | cut -d, -f1; }

# .local/env names every process started so far, so that local-down can stop them even after a failed start.
write_env() {
  cat >"$local_dir/env" <<ENV
KUBECONFIG=$kubeconfig
VM_LIFECYCLE_NAMESPACE=$namespace
LOCAL_CLUSTER_URL=https://127.0.0.1:$api_port
LOCAL_CLUSTER_PID=$LOCAL_CLUSTER_PID
AGGREGATOR_URL=https://127.0.0.1:$aggregator_port
AGGREGATOR_PID=$AGGREGATOR_PID
HANDLER_NODES="${node_names[*]}"
HANDLER_URLS="${handler_urls[*]}"
HANDLER_PIDS="${handler_pids[*]}"
LIBVIRT_URI="$libvirt_uri"
LIBVIRT_NS_PID=$LIBVIRT_NS_PID
LIBVIRT_MNT_NS=$LIBVIRT_MNT_NS
LIBVIRTD_PID=$LIBVIRTD_PID
VIRTLOGD_PID=$VIRTLOGD_PID
ENV
}

# --- Keep what still runs from an earlier run.
LOCAL_CLUSTER_PID="" AGGREGATOR_PID="" HANDLER_PIDS=""
LIBVIRT_NS_PID="" LIBVIRT_MNT_NS="" LIBVIRTD_PID="" VIRTLOGD_PID=""
# shellcheck disable=SC1091
[[ -f "$local_dir/env" ]] && source "$local_dir/env"
read -r -a old_pids <<<"${HANDLER_PIDS:-}"
handler_pids=() handler_urls=() node_names=()

if alive "$LOCAL_CLUSTER_PID" vm-lifecycle-local-cluster; then
  log "local cluster already running (pid $LOCAL_CLUSTER_PID)"
else
  log "starting the local cluster on https://127.0.0.1:$api_port"
  rm -f "$kubeconfig"
  setsid nohup dotnet "$cluster_dll" \
    --port "$api_port" --data-dir "$local_dir/cluster" --state-file "$local_dir/cluster/state.json" \
    --kubeconfig "$kubeconfig" --token-file "$tokens" \
    --aggregated-backend "$namespace/$aggregator_sa=https://127.0.0.1:$aggregator_port" \
    >"$logs/local-cluster.log" 2>&1 </dev/null &
  LOCAL_CLUSTER_PID=$!
  write_env
fi

export KUBECONFIG="$kubeconfig"
for _ in $(seq 300); do
  [[ -f "$kubeconfig" ]] && kubectl get --raw /readyz >/dev/null 2>&1 && break
  running "$LOCAL_CLUSTER_PID" || { cat "$logs/local-cluster.log" >&2; die "the local cluster exited"; }
  sleep 0.1
done
kubectl get --raw /readyz >/dev/null || die "the local cluster does not answer (see $logs/local-cluster.log)"
cluster_ca="$local_dir/cluster/Pki/ca.crt"
[[ -f "$cluster_ca" ]] || die "$cluster_ca is missing"
log "local cluster ready ($(elapsed))"

log "installing the chart's CRDs, RBAC and ServiceAccounts into namespace $namespace"
kubectl apply -f charts/vm-lifecycle/crds/ >/dev/null
kubectl wait --for condition=established --timeout=30s \
  crd/virtualmachines.kubevirt.io crd/virtualmachineinstances.kubevirt.io >/dev/null
kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace" >/dev/null
render() {
  dotnet "$render_dll" "$release" charts/vm-lifecycle --namespace "$namespace" \
    --set-file aggregator.tls.caBundle="$pki/aggregator-ca.crt" \
    --set-file aggregator.tls.certificate="$pki/aggregator-serving.crt" \
    --set-file aggregator.tls.key="$pki/aggregator-serving.key" \
    --set-file handler.tls.caBundle="$pki/handler-ca.crt" \
    --set-file handler.tls.serverCertificate="$pki/handler-serving.crt" \
    --set-file handler.tls.serverKey="$pki/handler-serving.key" \
    --set-file handler.tls.clientCertificate="$pki/aggregator-handler-client.crt" \
    --set-file handler.tls.clientKey="$pki/aggregator-handler-client.key" \
    "$@"
}
# Workloads (Deployment, DaemonSet, Service) are not applied: here the processes run on the machine.
render --show-only templates/aggregator-serviceaccount.yaml --show-only templates/aggregator-rbac.yaml \
  --show-only templates/handler-rbac.yaml --show-only templates/aggregated-roles.yaml >"$local_dir/chart-rbac.yaml" \
  || die "rendering the chart failed"
kubectl apply -f "$local_dir/chart-rbac.yaml" >/dev/null

write_kubeconfig() { # write_kubeconfig FILE USER TOKEN
  rm -f "$1"
  kubectl config --kubeconfig="$1" set-cluster local --server="https://127.0.0.1:$api_port" \
    --certificate-authority="$cluster_ca" --embed-certs=true >/dev/null
  kubectl config --kubeconfig="$1" set-credentials "$2" --token="$3" >/dev/null
  kubectl config --kubeconfig="$1" set-context local --cluster=local --user="$2" --namespace="$namespace" >/dev/null
  kubectl config --kubeconfig="$1" use-context local >/dev/null
  chmod 600 "$1"
}
write_kubeconfig "$local_dir/aggregator.kubeconfig" "$aggregator_sa" "$(token_of "$aggregator_sa")"
write_kubeconfig "$local_dir/handler.kubeconfig" "$handler_sa" "$(token_of "$handler_sa")"

# --- The aggregator, as its ServiceAccount.
if alive "$AGGREGATOR_PID" vm-lifecycle-aggregator; then
  log "aggregator already running (pid $AGGREGATOR_PID)"
else
  log "starting the aggregator on https://127.0.0.1:$aggregator_port"
  POD_NAMESPACE="$namespace" setsid nohup dotnet "$aggregator_dll" \
    --Serving:Port="$aggregator_port" --Serving:BindAddress=127.0.0.1 \
    --Serving:CertificateFile="$pki/aggregator-serving.crt" --Serving:PrivateKeyFile="$pki/aggregator-serving.key" \
    --Kubernetes:KubeconfigPath="$local_dir/aggregator.kubeconfig" \
    --NodeHandler:ClientCertificateFile="$pki/aggregator-handler-client.crt" \
    --NodeHandler:ClientKeyFile="$pki/aggregator-handler-client.key" \
    --NodeHandler:CaFile="$pki/handler-ca.crt" \
    --Controllers:LeaderElection:LeaseNamespace="$namespace" \
    >>"$logs/aggregator.log" 2>&1 </dev/null &
  AGGREGATOR_PID=$!
  write_env
fi

# --- The private libvirtd (VM_LIFECYCLE_LIBVIRT=private), see the header.
if [[ "$libvirt_mode" == private ]]; then
  ns_marker="vm-lifecycle-libvirt-ns:$libvirt_dir"
  if alive "$LIBVIRT_NS_PID" "$ns_marker"; then
    log "private libvirt namespace already there (pid $LIBVIRT_NS_PID)"
  else
    log "creating the private libvirt namespace in $libvirt_dir"
    LIBVIRTD_PID="" VIRTLOGD_PID=""
    mkdir -p "$libvirt_dir"/{etc/qemu,run,lib,cache/qemu,log/qemu}
    # The machine's configuration (install-deps.sh's qemu.conf: QEMU runs as root), none of its domains or networks.
    cp /etc/libvirt/*.conf "$libvirt_dir/etc/"
    # No mount namespace per QEMU (libvirt's default, for a private /dev): the QEMUs stay in this namespace, which is
    # how local-down and the fault tests tell this stack's QEMUs apart (/proc/PID/ns/mnt).
    printf '\n# hack/local-up.sh: private libvirtd\nnamespaces = []\n' >>"$libvirt_dir/etc/qemu.conf"
    # The QEMU capabilities the system daemon already probed (~10 s otherwise); libvirtd re-probes when outdated.
    cp -r /var/cache/libvirt/qemu/capabilities "$libvirt_dir/cache/qemu/" 2>/dev/null || true
    setsid nohup unshare --mount --propagation private -- bash -c '
      set -e
      for m in etc:/etc/libvirt run:/run/libvirt lib:/var/lib/libvirt cache:/var/cache/libvirt log:/var/log/libvirt; do
        mkdir -p "${m#*:}"
        mount --bind "$1/${m%%:*}" "${m#*:}"
      done
      exec -a "vm-lifecycle-libvirt-ns:$1" sleep infinity' _ "$libvirt_dir" >>"$logs/libvirt-ns.log" 2>&1 </dev/null &
    LIBVIRT_NS_PID=$!
    # The marker is built inside the script, so that it shows only once the mounts are done and sleep runs.
    for _ in $(seq 100); do alive "$LIBVIRT_NS_PID" "$ns_marker" && break; sleep 0.05; done
    alive "$LIBVIRT_NS_PID" "$ns_marker" || { cat "$logs/libvirt-ns.log" >&2; die "the private libvirt namespace did not come up"; }
  fi
  LIBVIRT_MNT_NS=$(readlink "/proc/$LIBVIRT_NS_PID/ns/mnt")
  # Never start the daemons outside it: they would take over the machine's sockets in /run/libvirt.
  [[ "$LIBVIRT_MNT_NS" != "$(readlink /proc/$$/ns/mnt)" ]] \
    && nsenter --target "$LIBVIRT_NS_PID" --mount -- findmnt --noheadings --mountpoint /run/libvirt >/dev/null \
    || die "the private libvirt namespace (pid $LIBVIRT_NS_PID) does not have its own /run/libvirt"
  write_env
  if alive "$VIRTLOGD_PID" "virtlogd -p $libvirt_dir/virtlogd.pid"; then
    log "private virtlogd already running (pid $VIRTLOGD_PID)"
  else
    # nsenter execs the program (no fork): $! is virtlogd's pid.
    setsid nohup nsenter --target "$LIBVIRT_NS_PID" --mount -- virtlogd -p "$libvirt_dir/virtlogd.pid" \
      >>"$logs/virtlogd.log" 2>&1 </dev/null &
    VIRTLOGD_PID=$!
    log "started the private virtlogd (pid $VIRTLOGD_PID)"
    write_env
  fi
  if alive "$LIBVIRTD_PID" "libvirtd -p $libvirt_dir/libvirtd.pid"; then
    log "private libvirtd already running (pid $LIBVIRTD_PID)"
  else
    rm -f "$libvirt_dir/libvirtd.pid"
    # Under tini -s, a subreaper, so that destroyed QEMUs are reaped at once (hack/README.md).
    setsid nohup nsenter --target "$LIBVIRT_NS_PID" --mount -- tini -s -- libvirtd -p "$libvirt_dir/libvirtd.pid" \
      >>"$logs/libvirtd.log" 2>&1 </dev/null &
    tini_pid=$!
    for _ in $(seq 200); do [[ -s "$libvirt_dir/libvirtd.pid" ]] && break; running "$tini_pid" || break; sleep 0.05; done
    [[ -s "$libvirt_dir/libvirtd.pid" ]] || { tail -20 "$logs/libvirtd.log" >&2; die "the private libvirtd did not start"; }
    LIBVIRTD_PID=$(cat "$libvirt_dir/libvirtd.pid")
    log "started the private libvirtd (pid $LIBVIRTD_PID)"
    write_env
  fi
  for _ in $(seq $((${VM_LIFECYCLE_LIBVIRT_WAIT:-90} * 4))); do
    virsh -c "$libvirt_uri" version >/dev/null 2>&1 && break
    running "$LIBVIRTD_PID" || { tail -20 "$logs/libvirtd.log" >&2; die "the private libvirtd exited"; }
    sleep 0.25
  done
  virsh -c "$libvirt_uri" version >/dev/null 2>&1 || die "the private libvirtd does not answer (see $logs/libvirtd.log)"
  log "private libvirtd answers on $libvirt_uri ($(elapsed))"
fi

# --- One handler per node, as the handler's ServiceAccount.
for n in $(seq "$handlers"); do
  node="$node_prefix$n" port=$((handler_port + n - 1)) pid="${old_pids[n - 1]:-}"
  node_names+=("$node") handler_urls+=("https://127.0.0.1:$port")
  if alive "$pid" "vm-lifecycle-handler.dll --node-name $node "; then
    log "handler $node already running (pid $pid)"
  else
    log "starting handler $node on https://127.0.0.1:$port"
    mkdir -p "$local_dir/handler/$node"
    # MALLOC_ARENA_MAX as the chart sets it: glibc reads it before the runtime starts its first threads (the handler's
    # own mallopt comes after those; see handler/NativeHeap.cs).
    MALLOC_ARENA_MAX=2 setsid nohup dotnet "$handler_dll" --node-name "$node" --kubeconfig "$local_dir/handler.kubeconfig" \
      --port "$port" --advertised-endpoint "https://127.0.0.1:$port" \
      --tls-cert "$pki/handler-serving.crt" --tls-key "$pki/handler-serving.key" --client-ca "$pki/handler-ca.crt" \
      --state-dir "$local_dir/handler/$node" --image-store "$image_store" --libvirt-uri "$libvirt_uri" \
      >>"$logs/handler-$node.log" 2>&1 </dev/null &
    pid=$!
  fi
  handler_pids+=("$pid")
  write_env
done
# Handlers of an earlier run with more nodes than now.
for pid in "${old_pids[@]:$handlers}"; do
  alive "$pid" vm-lifecycle-handler && kill -TERM "$pid" && log "stopped surplus handler (pid $pid)"
done

write_env

# --- Wait for the aggregator, then register the APIService (so its first availability probe finds it serving).
for _ in $(seq 600); do
  curl -fsS --cacert "$pki/aggregator-ca.crt" "https://127.0.0.1:$aggregator_port/readyz" >/dev/null 2>&1 && break
  running "$AGGREGATOR_PID" || { tail -50 "$logs/aggregator.log" >&2; die "the aggregator exited"; }
  sleep 0.1
done
curl -fsS --cacert "$pki/aggregator-ca.crt" "https://127.0.0.1:$aggregator_port/readyz" >/dev/null \
  || die "the aggregator is not ready (see $logs/aggregator.log)"
log "aggregator ready ($(elapsed))"
render --show-only templates/apiservice.yaml >"$local_dir/chart-apiservice.yaml" || die "rendering the chart failed"
# An APIService kept in the state file was probed, and found unavailable, before the aggregator ran; the cluster probes
# again at once only for a new or changed APIService (else at its next 30 s round), so an unavailable one is replaced.
if [[ "$(kubectl get apiservice v1.subresources.kubevirt.io -o jsonpath='{.status.conditions[?(@.type=="Available")].status}' \
      2>/dev/null)" == False ]]; then
  kubectl delete apiservice v1.subresources.kubevirt.io --wait=true >/dev/null
fi
kubectl apply -f "$local_dir/chart-apiservice.yaml" >/dev/null
kubectl wait --for=condition=Available --timeout=60s apiservice/v1.subresources.kubevirt.io >/dev/null \
  || die "the APIService is not Available: $(kubectl get apiservice v1.subresources.kubevirt.io \
       -o jsonpath='{.status.conditions[?(@.type=="Available")].message}')"
log "APIService v1.subresources.kubevirt.io Available ($(elapsed))"

for i in "${!node_names[@]}"; do
  node="${node_names[i]}"
  for _ in $(seq 600); do
    [[ -n "$(kubectl get node "$node" -o jsonpath='{.metadata.annotations.vm-lifecycle\.kubevirt\.io/handler-heartbeat}' 2>/dev/null)" ]] && break
    running "${handler_pids[i]}" || { tail -50 "$logs/handler-$node.log" >&2; die "handler $node exited"; }
    sleep 0.1
  done
  [[ -n "$(kubectl get node "$node" -o jsonpath='{.metadata.annotations.vm-lifecycle\.kubevirt\.io/handler-heartbeat}' 2>/dev/null)" ]] \
    || die "handler $node does not heartbeat (see $logs/handler-$node.log)"
done
# A Node keeps the heartbeat of a handler that died: a restarted handler is up once its /readyz answers (libvirt
# connected, the API server answering, the first VMI list done).
for i in "${!node_names[@]}"; do
  url="${handler_urls[i]}/readyz"
  for _ in $(seq 600); do
    curl -fsS --cacert "$pki/handler-ca.crt" "$url" >/dev/null 2>&1 && break
    running "${handler_pids[i]}" || { tail -50 "$logs/handler-${node_names[i]}.log" >&2; die "handler ${node_names[i]} exited"; }
    sleep 0.1
  done
  curl -fsS --cacert "$pki/handler-ca.crt" "$url" >/dev/null || die "handler ${node_names[i]} is not ready (see $logs/handler-${node_names[i]}.log)"
done
log "handlers ${node_names[*]} heartbeating and ready ($(elapsed))"

# --- The example VM.
if [[ "${VM_LIFECYCLE_BOOT_EXAMPLE:-1}" == 1 ]]; then
  if ! kubectl get vmi testvmi -n default >/dev/null 2>&1; then
    log "booting examples/vmi.yaml"
    kubectl create -n default -f examples/vmi.yaml >/dev/null
  fi
  kubectl wait -n default --for=jsonpath='{.status.phase}'=Running --timeout=120s vmi/testvmi >/dev/null \
    || die "testvmi is not Running: $(kubectl get vmi testvmi -n default -o jsonpath='{.status.phase} {.status.conditions}')"
  log "testvmi Running on $(kubectl get vmi testvmi -n default -o jsonpath='{.status.nodeName}') ($(elapsed))"
  node=$(kubectl get vmi testvmi -n default -o jsonpath='{.status.nodeName}')
  echo "  serial console log: $local_dir/handler/$node/domains/default_testvmi_*/serial.log"
fi

log "ready in $(elapsed). Use it with:"
echo "  export KUBECONFIG=$kubeconfig"
echo "  export PATH=$repo/.local/bin:\$PATH   # kubectl virt ..., virtctl ..."
echo "  kubectl get vmis"
echo "  logs: $logs; stop with hack/local-down.sh"
