#!/usr/bin/env bash
# Installs what VmLifecycle needs at run time and for its tests on Debian 12, and makes
# sure libvirt answers on qemu:///system, also on machines without systemd.
# Idempotent and quiet when everything is already there (a second run takes ~0.1 s).
# Run as root, or as a user with sudo.
#
#   - apt packages (only the missing ones, --no-install-recommends):
#       qemu-system-x86 qemu-utils           QEMU (TCG without /dev/kvm), qemu-img for qcow2 disks
#       libvirt-daemon-system libvirt-clients libvirtd, virtlogd, virsh; libvirt.so.0 for the handler
#       busybox-static cpio                  hack/make-guest.sh (test guest initramfs)
#       xorriso                              NoCloud seed ISOs (xorriso -as mkisofs -V cidata -J -R)
#       tini                                 reaps QEMU promptly where PID 1 does not (see below)
#       kubernetes-client                    only when no kubectl is on PATH (Debian 12 ships 1.20)
#   - libvirt configuration (see hack/README.md, "libvirt on machines without systemd"):
#       /etc/libvirt/qemu.conf: QEMU runs as root (user/group "root"), so that images, disks
#         and state under any directory (a clone in /root, say) are usable by QEMU.
#         Set VM_LIFECYCLE_KEEP_QEMU_CONF=1 to leave qemu.conf alone.
#       /dev/kvm, when present: group kvm, mode 0660, as Debian's udev rules would set it
#         (without udev it stays root-only, and libvirt then re-probes QEMU's capabilities
#         on every call, ~4 s each, 70 s for one domain start).
#       the "default" network is not needed (guests use user-mode networking); its
#         autostart is removed when dnsmasq is missing, since it could not start anyway.
#   - daemons: virtlogd and libvirtd are started when they are not running: through
#       systemd where systemd is PID 1, else virtlogd -d and libvirtd in the foreground
#       under `tini -s` (a child subreaper), in the background. libvirt daemonizes QEMU,
#       so QEMU's parent is PID 1, and libvirt waits for QEMU's pid to vanish on destroy:
#       where PID 1 reaps late (Firecracker's init here: ~1.5 s, sometimes never),
#       virDomainDestroy takes 1.5-2 s instead of 0.3 s. Under tini -s, QEMU is
#       reparented to tini, which reaps it at once.
#   - finally waits (VM_LIFECYCLE_LIBVIRT_WAIT seconds, default 90) until
#       `virsh -c qemu:///system version` answers.
set -euo pipefail

log() { echo "install-deps: $*" >&2; }
die() { echo "install-deps: ERROR: $*" >&2; exit 1; }

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "not root and no sudo"
    SUDO=(sudo -n)
    "${SUDO[@]}" true 2>/dev/null || SUDO=(sudo)
fi
as_root() { "${SUDO[@]}" "$@"; }

# --- packages -----------------------------------------------------------------------------
PKGS=(qemu-system-x86 qemu-utils libvirt-daemon-system libvirt-clients busybox-static cpio xorriso tini)
NEED_KUBECTL=0
command -v kubectl >/dev/null || NEED_KUBECTL=1

installed="$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${PKGS[@]}" kubernetes-client 2>/dev/null || true)"
missing=()
for p in "${PKGS[@]}"; do
    grep -qx "$p installed" <<<"$installed" || missing+=("$p")
done
if [[ $NEED_KUBECTL -eq 1 ]] && ! grep -qx "kubernetes-client installed" <<<"$installed"; then
    missing+=(kubernetes-client)
fi

if [[ ${#missing[@]} -gt 0 ]]; then
    log "installing ${missing[*]}"
    APT_LOG="$(mktemp)"
    trap 'rm -f "$APT_LOG"' EXIT
    # a failing third-party source makes apt-get update exit non-zero: go on, the install tells
    if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$APT_LOG" 2>&1; then
        cat "$APT_LOG" >&2
        log "WARNING: apt-get update reported errors; trying the install anyway"
    fi
    if [[ " ${missing[*]} " == *" kubernetes-client "* ]] \
        && [[ -z "$(apt-cache policy kubernetes-client 2>/dev/null | sed -n 's/^ *Candidate: \([^(].*\)$/\1/p')" ]]; then
        log "WARNING: kubectl is required (for the end-to-end tests and the docs) but is not on PATH," \
            "and apt has no kubernetes-client package: install kubectl yourself"
        keep=()
        for p in "${missing[@]}"; do [[ "$p" == kubernetes-client ]] || keep+=("$p"); done
        missing=("${keep[@]}")
    fi
    if [[ ${#missing[@]} -gt 0 ]]; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >"$APT_LOG" 2>&1 \
            || { cat "$APT_LOG" >&2; die "apt-get install ${missing[*]} failed"; }
    fi
    if [[ " ${missing[*]} " == *" kubernetes-client "* ]]; then
        log "installed Debian's kubernetes-client ($(kubectl version --client 2>/dev/null | head -n1 || echo '?')); a newer kubectl is fine too"
    fi
fi

# --- configuration ------------------------------------------------------------------------
QEMU_CONF=/etc/libvirt/qemu.conf
CONF_CHANGED=0
BEGIN_MARK="# BEGIN vm-lifecycle (hack/install-deps.sh)"
END_MARK="# END vm-lifecycle"
if [[ "${VM_LIFECYCLE_KEEP_QEMU_CONF:-0}" != 1 ]] && ! grep -qF "$BEGIN_MARK" "$QEMU_CONF"; then
    if grep -Eq '^[[:space:]]*(user|group)[[:space:]]*=' "$QEMU_CONF"; then
        log "WARNING: $QEMU_CONF already sets user/group; leaving it alone (QEMU must be able to read the image store)"
    else
        printf '\n%s\n%s\nuser = "root"\ngroup = "root"\n%s\n' "$BEGIN_MARK" \
            "# QEMU runs as root so that images and state under any directory are usable (hack/README.md)" \
            "$END_MARK" | as_root tee -a "$QEMU_CONF" >/dev/null
        CONF_CHANGED=1
        log "configured $QEMU_CONF: QEMU runs as root"
    fi
fi

if [[ -c /dev/kvm ]] && getent group kvm >/dev/null \
    && [[ "$(stat -c '%G %a' /dev/kvm)" != "kvm 660" ]]; then
    as_root chgrp kvm /dev/kvm && as_root chmod 0660 /dev/kvm
fi

if ! command -v dnsmasq >/dev/null && [[ -L /etc/libvirt/qemu/networks/autostart/default.xml ]]; then
    as_root rm -f /etc/libvirt/qemu/networks/autostart/default.xml
fi

# --- daemons ------------------------------------------------------------------------------
alive() { # PID: exists and is not a zombie
    local st
    st="$(sed -n 's/^[0-9]* (.*) \([A-Za-z]\) .*/\1/p' "/proc/$1/stat" 2>/dev/null || true)"
    [[ -n "$st" && "$st" != Z ]]
}
running() { # NAME PIDFILE
    local pid
    pid="$(as_root cat "$2" 2>/dev/null || true)"
    [[ -n "$pid" ]] && alive "$pid" && [[ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" == "$1" ]]
}

if [[ -d /run/systemd/system ]]; then
    # systemd: socket activation as Debian sets it up
    if [[ $CONF_CHANGED -eq 1 ]] && systemctl is-active --quiet libvirtd.service; then
        as_root systemctl restart libvirtd.service
    fi
    systemctl is-active --quiet virtlogd.socket || as_root systemctl start virtlogd.socket
    systemctl is-active --quiet libvirtd.service libvirtd.socket \
        || as_root systemctl start libvirtd.socket libvirtd.service
else
    if ! running virtlogd /run/virtlogd.pid; then
        as_root virtlogd -d || die "virtlogd -d failed"
        log "started virtlogd"
    fi
    if [[ $CONF_CHANGED -eq 1 ]] && running libvirtd /run/libvirtd.pid; then
        # pick up qemu.conf; running domains survive a libvirtd restart
        pid="$(as_root cat /run/libvirtd.pid)"
        as_root kill -TERM "$pid"
        for _ in $(seq 100); do alive "$pid" || break; sleep 0.1; done
        alive "$pid" && die "libvirtd ($pid) did not stop for the restart"
        log "stopped libvirtd to apply $QEMU_CONF"
    fi
    if ! running libvirtd /run/libvirtd.pid; then
        # foreground libvirtd (logs to stderr) under a subreaper, detached from this shell
        as_root sh -c 'exec setsid -f tini -s -- libvirtd </dev/null >>/var/log/libvirt/libvirtd.log 2>&1'
        for _ in $(seq 100); do running libvirtd /run/libvirtd.pid && break; sleep 0.1; done
        running libvirtd /run/libvirtd.pid || die "libvirtd did not start (see /var/log/libvirt/libvirtd.log)"
        log "started libvirtd (under tini -s)"
    else
        ppid="$(awk '/^PPid:/ {print $2}' "/proc/$(as_root cat /run/libvirtd.pid)/status")"
        if [[ "$(cat "/proc/$ppid/comm" 2>/dev/null || true)" != tini ]]; then
            log "WARNING: libvirtd runs without a subreaper (not under tini -s): destroying a domain may take" \
                "1.5 s or more on this machine; stop libvirtd and rerun this script to fix"
        fi
    fi
fi

# The first connection after libvirtd starts probes QEMU's capabilities (~10 s under TCG).
WAIT="${VM_LIFECYCLE_LIBVIRT_WAIT:-90}"
deadline=$((SECONDS + WAIT))
until out="$(as_root timeout 30 virsh -c qemu:///system version 2>&1)"; do
    if [[ $SECONDS -ge $deadline ]]; then
        die "libvirt does not answer on qemu:///system after ${WAIT}s: $out
  see /var/log/libvirt/libvirtd.log (virtlogd: /var/log/libvirt/virtlogd.log)"
    fi
    sleep 0.5
done
