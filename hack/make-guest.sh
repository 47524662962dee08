#!/usr/bin/env bash
# Builds VmLifecycle's test guest into the node-local image store, from Debian
# packages only (the cloud kernel package, downloaded and unpacked, never
# installed; busybox-static; cpio; gzip).
#
# Image store layout (the handler resolves references the same way):
#   a reference "registry/path:tag" lives in  <store>/registry/path/tag/
#   (the tag defaults to "latest"; digest references are not supported yet),
#   and that directory holds the image's filesystem, as a container image would:
#     <store>/localhost/vm-lifecycle/test-guest/latest/
#       boot/vmlinuz        kernel     (firmware.kernelBoot.container.kernelPath: /boot/vmlinuz)
#       boot/initramfs.gz   initramfs  (firmware.kernelBoot.container.initrdPath: /boot/initramfs.gz)
#       disk/disk.img       1 MiB raw disk (containerDisk: the image's disk/ folder)
#       build-info          what it was built from (kernel package and version)
#   <store> is $VM_LIFECYCLE_IMAGE_STORE, default <repo>/.local/images.
#   Downloaded .deb files are cached in <repo>/.local/cache (git-ignored).
#
# The guest's /init (busybox sh) prints to the serial console (console=ttyS0):
#   VMLIFECYCLE-GUEST BOOTED [<hostname>]   once ready (acpid listening); the
#                                           hostname comes from hostname=NAME or
#                                           vmlifecycle.hostname=NAME on the kernel command line
#   VMLIFECYCLE-GUEST DISKS <name>=<bytes>[,serial=<serial>] ...   (or "none")
#   VMLIFECYCLE-GUEST TICK <n> <uptime seconds>                     every second
#   VMLIFECYCLE-GUEST POWEROFF              on the ACPI power button, then poweroff -f
#   VMLIFECYCLE-GUEST ACPI-POWER-BUTTON IGNORED (vmlifecycle.ignore_acpi=1)
#                                           instead, when the command line has vmlifecycle.ignore_acpi=1
#   with vmlifecycle.poweroff_after=N: "VMLIFECYCLE-GUEST POWEROFF (...)" after tick N, then poweroff -f
#                                           (the guest stops by itself: VMI phase Succeeded)
#   with vmlifecycle.crash_after=N: "VMLIFECYCLE-GUEST CRASH (...)" after tick N, then a kernel panic,
#                                           reported through pvpanic (VMI phase Failed)
# Suggested kernel command line: "console=ttyS0 quiet mitigations=off no_timer_check" (see hack/README.md).
#
# Usage: hack/make-guest.sh [--force] [REFERENCE]
#   REFERENCE defaults to localhost/vm-lifecycle/test-guest:latest.
#   The build is skipped when the outputs are newer than this script, unless --force.
#   VM_LIFECYCLE_GUEST_KERNEL_PKG pins the kernel package (default: what
#   linux-image-cloud-amd64 depends on, e.g. linux-image-6.1.0-56-cloud-amd64).
# Needs: apt-get, dpkg, busybox-static, cpio, gzip (hack/install-deps.sh installs them).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SELF="$REPO/hack/make-guest.sh"
STORE="${VM_LIFECYCLE_IMAGE_STORE:-$REPO/.local/images}"
CACHE="$REPO/.local/cache"

FORCE=0
REF=""
for arg in "$@"; do
    case "$arg" in
        --force|-f) FORCE=1 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) echo "make-guest: unknown option $arg" >&2; exit 2 ;;
        *) REF="$arg" ;;
    esac
done
REF="${REF:-localhost/vm-lifecycle/test-guest:latest}"

die() { echo "make-guest: $*" >&2; exit 1; }

# reference "registry/path:tag" -> "registry/path/tag" (tag after the last '/', default latest)
ref_to_dir() {
    local ref="$1" name tag
    case "$ref" in *@*) die "digest references are not supported: $ref" ;; esac
    name="$ref"; tag="latest"
    if [[ "${ref##*/}" == *:* ]]; then
        name="${ref%:*}"; tag="${ref##*:}"
    fi
    [[ -n "$name" && -n "$tag" && "$name" != /* && "$name" != *..* ]] || die "bad image reference: $ref"
    printf '%s/%s' "$name" "$tag"
}

OUT="$STORE/$(ref_to_dir "$REF")"
KERNEL_OUT="$OUT/boot/vmlinuz"
INITRD_OUT="$OUT/boot/initramfs.gz"
DISK_OUT="$OUT/disk/disk.img"

if [[ $FORCE -eq 0 ]]; then
    uptodate=1
    for f in "$KERNEL_OUT" "$INITRD_OUT" "$DISK_OUT"; do
        [[ -f "$f" && "$f" -nt "$SELF" ]] || { uptodate=0; break; }
    done
    if [[ $uptodate -eq 1 ]]; then
        exit 0
    fi
fi

BUSYBOX=""
for b in /bin/busybox /usr/bin/busybox; do
    if [[ -x "$b" ]] && ! ldd "$b" >/dev/null 2>&1; then BUSYBOX="$b"; break; fi
done
[[ -n "$BUSYBOX" ]] || die "a static busybox is needed (apt-get install busybox-static, or run hack/install-deps.sh)"
command -v cpio >/dev/null || die "cpio is needed (apt-get install cpio, or run hack/install-deps.sh)"
command -v dpkg >/dev/null || die "dpkg is needed"

# --- the kernel package -----------------------------------------------------------
mkdir -p "$CACHE"
PKG="${VM_LIFECYCLE_GUEST_KERNEL_PKG:-}"
if [[ -z "$PKG" ]]; then
    PKG="$(apt-cache depends linux-image-cloud-amd64 2>/dev/null \
        | sed -n 's/^ *Depends: \(linux-image-[0-9].*-cloud-amd64\)$/\1/p' | head -n1 || true)"
fi
DEB=""
if [[ -n "$PKG" ]]; then
    VER="$(apt-cache policy "$PKG" 2>/dev/null | sed -n 's/^ *Candidate: //p' | head -n1 || true)"
    if [[ -n "$VER" && "$VER" != "(none)" ]]; then
        DEB="$(ls "$CACHE/${PKG}_${VER/*:/}_amd64.deb" 2>/dev/null || true)"
        if [[ -z "$DEB" ]]; then
            echo "make-guest: downloading $PKG $VER" >&2
            apt_opts=(-q)
            [[ $(id -u) -eq 0 ]] && apt_opts+=(-o APT::Sandbox::User=root)
            (cd "$CACHE" && apt-get "${apt_opts[@]}" download "$PKG=$VER" >/dev/null) \
                || die "apt-get download $PKG=$VER failed"
            DEB="$(ls "$CACHE/${PKG}_${VER/*:/}_amd64.deb")"
        fi
    fi
fi
if [[ -z "$DEB" ]]; then
    # no apt lists (apt-get update not run): fall back to the newest cached package
    DEB="$(ls -t "$CACHE"/linux-image-*-cloud-amd64_*_amd64.deb 2>/dev/null | head -n1 || true)"
    [[ -n "$DEB" ]] || die "cannot find the cloud kernel package: run 'apt-get update' (or set VM_LIFECYCLE_GUEST_KERNEL_PKG)"
    echo "make-guest: apt does not know linux-image-cloud-amd64; using cached $(basename "$DEB")" >&2
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/make-guest.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/kernel"
dpkg -x "$DEB" "$WORK/kernel"
VMLINUZ="$(ls "$WORK"/kernel/boot/vmlinuz-* | head -n1)"
KVER="${VMLINUZ##*/vmlinuz-}"
MODDIR="$WORK/kernel/lib/modules/$KVER"
[[ -f "$VMLINUZ" && -d "$MODDIR" ]] || die "unexpected layout in $DEB"

# --- modules -------------------------------------------------------------------------
# Debian's cloud kernel has the serial console, ACPI, PCI and devtmpfs built in, but the
# ACPI power button, evdev (acpid reads /dev/input/event*) and virtio are modules.
# Dependencies are read from each module's .modinfo "depends=" (modules.dep is made by
# depmod at install time and is not in the package).
# virtio_pci comes before virtio_blk/virtio_net: they do not name their transport as a dependency.
# pvpanic_mmio drives QEMU's ISA pvpanic device (ACPI QEMU0001, libvirt <panic model='isa'/>), so
# that a guest panic reaches libvirt as a crash.
WANTED=(button evdev virtio_pci virtio_blk virtio_net pvpanic_mmio)
declare -A MODPATH=()
while IFS= read -r -d '' ko; do
    n="${ko##*/}"; n="${n%.ko}"; MODPATH["$n"]="$ko"
    MODPATH["${n//-/_}"]="$ko"
done < <(find "$MODDIR/kernel" -name '*.ko' -print0)
ORDER=()
declare -A SEEN=()
add_module() {
    local m="${1//-/_}" dep deps
    [[ -n "${SEEN[$m]:-}" ]] && return 0
    SEEN["$m"]=1
    [[ -n "${MODPATH[$m]:-}" ]] || die "module $m not found in $KVER"
    deps="$(tr '\0' '\n' < "${MODPATH[$m]}" | sed -n 's/^depends=//p' | head -n1)"
    for dep in ${deps//,/ }; do add_module "$dep"; done
    ORDER+=("$m")
}
for m in "${WANTED[@]}"; do add_module "$m"; done
ROOT="$WORK/root"
mkdir -p "$ROOT"/{bin,dev,proc,sys,tmp,etc/acpi/PWRF,lib/modules}
for m in "${ORDER[@]}"; do cp "${MODPATH[$m]}" "$ROOT/lib/modules/$m.ko"; done
printf '%s\n' "${ORDER[@]}" > "$ROOT/lib/modules/order"

# --- initramfs -----------------------------------------------------------------------
cp "$BUSYBOX" "$ROOT/bin/busybox"
ln -s busybox "$ROOT/bin/sh"
if [[ $(id -u) -eq 0 ]]; then
    mknod -m 600 "$ROOT/dev/console" c 5 1
fi

cat > "$ROOT/init" <<'EOF'
#!/bin/sh
# VmLifecycle test guest (built by hack/make-guest.sh)
export PATH=/bin
/bin/busybox --install -s /bin
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t proc proc /proc
mount -t sysfs sysfs /sys
exec </dev/console >/dev/console 2>&1
CMDLINE="$(cat /proc/cmdline)"
HOST=""
POWEROFF_AFTER=0
CRASH_AFTER=0
for arg in $CMDLINE; do
    case "$arg" in
        hostname=*|vmlifecycle.hostname=*) HOST="${arg#*=}" ;;
        vmlifecycle.poweroff_after=*) POWEROFF_AFTER="${arg#*=}" ;;
        vmlifecycle.crash_after=*) CRASH_AFTER="${arg#*=}" ;;
    esac
done
[ -n "$HOST" ] && hostname "$HOST"
for m in $(cat /lib/modules/order); do
    insmod "/lib/modules/$m.ko" 2>/dev/null
done
# evdev nodes appear in devtmpfs when the power button's input device registers
i=0
while [ $i -lt 50 ] && ! ls /dev/input/event* >/dev/null 2>&1; do usleep 20000; i=$((i+1)); done
acpid -f -c /etc/acpi -a /etc/acpid.conf -l /tmp/acpid.log &
# an empty line first: the firmware leaves terminal escapes without a newline on the console
echo
echo "VMLIFECYCLE-GUEST BOOTED${HOST:+ $HOST}"
DISKS=""
for d in /sys/block/*; do
    [ -e "$d" ] || continue
    n="${d##*/}"
    case "$n" in loop*|ram*|zram*) continue ;; esac
    s="$n=$(( $(cat "$d/size") * 512 ))"
    if [ -r "$d/serial" ]; then
        ser="$(cat "$d/serial" 2>/dev/null)"
        [ -n "$ser" ] && s="$s,serial=$ser"
    fi
    DISKS="$DISKS $s"
done
echo "VMLIFECYCLE-GUEST DISKS${DISKS:- none}"
# ticks on whole seconds of the guest's uptime (centiseconds), without bursts after a stall
cs() { echo $(( ${1%.*} * 100 + 1${1#*.} - 100 )); }
read up idle < /proc/uptime
start=$(cs "$up")
n=0
while :; do
    n=$((n+1))
    read up idle < /proc/uptime
    echo "VMLIFECYCLE-GUEST TICK $n $up"
    if [ "$n" = "$POWEROFF_AFTER" ]; then
        echo "VMLIFECYCLE-GUEST POWEROFF (vmlifecycle.poweroff_after=$POWEROFF_AFTER)"
        sync
        poweroff -f
    fi
    if [ "$n" = "$CRASH_AFTER" ]; then
        echo "VMLIFECYCLE-GUEST CRASH (vmlifecycle.crash_after=$CRASH_AFTER)"
        echo c > /proc/sysrq-trigger
    fi
    now=$(cs "$up")
    next=$((start + n * 100))
    if [ $next -le $now ]; then start=$((now + 100 - n * 100)); next=$((now + 100)); fi
    usleep $(( (next - now) * 10000 ))
done
EOF
chmod 755 "$ROOT/init"

cat > "$ROOT/etc/acpid.conf" <<'EOF'
PWRF PWRF/00000080
PWRB PWRF/00000080
EOF
cat > "$ROOT/etc/acpi/PWRF/00000080" <<'EOF'
#!/bin/sh
# ACPI power button (busybox acpid runs this)
if grep -q 'vmlifecycle.ignore_acpi=1' /proc/cmdline; then
    echo "VMLIFECYCLE-GUEST ACPI-POWER-BUTTON IGNORED (vmlifecycle.ignore_acpi=1)" > /dev/console
    exit 0
fi
echo "VMLIFECYCLE-GUEST POWEROFF" > /dev/console
sync
poweroff -f
EOF
chmod 755 "$ROOT/etc/acpi/PWRF/00000080"

mkdir -p "$OUT/boot" "$OUT/disk"
(cd "$ROOT" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) \
    | gzip -9 -n > "$WORK/initramfs.gz"
install -m 0644 "$WORK/initramfs.gz" "$INITRD_OUT.tmp" && mv -f "$INITRD_OUT.tmp" "$INITRD_OUT"
install -m 0644 "$VMLINUZ" "$KERNEL_OUT.tmp" && mv -f "$KERNEL_OUT.tmp" "$KERNEL_OUT"
dd if=/dev/zero of="$DISK_OUT.tmp" bs=1024 count=1024 status=none
printf 'VMLIFECYCLE-TEST-DISK\n' | dd of="$DISK_OUT.tmp" conv=notrunc status=none
chmod 0644 "$DISK_OUT.tmp" && mv -f "$DISK_OUT.tmp" "$DISK_OUT"
cat > "$OUT/build-info" <<EOF
reference=$REF
kernel_package=$(dpkg-deb -f "$DEB" Package)
kernel_version=$(dpkg-deb -f "$DEB" Version)
kernel_release=$KVER
busybox=$(dpkg-query -W -f='${Package} ${Version}' busybox-static 2>/dev/null || echo unknown)
modules=${ORDER[*]}
EOF
chmod 0755 "$OUT" "$OUT/boot" "$OUT/disk"
echo "make-guest: built $REF into $OUT (kernel $KVER; modules: ${ORDER[*]})" >&2
