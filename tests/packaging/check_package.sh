#!/usr/bin/env bash
# Builds the Debian package and checks it installs the binary and the man page, and that the
# installed man page documents every command.
set -euo pipefail
build_dir="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$build_dir" && cpack -G DEB -B "$work" >/dev/null)
deb=$(ls "$work"/proton-migrate_*_amd64.deb)
contents=$(dpkg-deb -c "$deb")
grep -q '\./usr/bin/proton-migrate$' <<<"$contents"
grep -q '\./usr/share/man/man1/proton-migrate\.1\.gz$' <<<"$contents"
dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/proton-migrate" --version | grep -q '^proton-migrate [0-9]'
man_page=$(gzip -dc "$work/root/usr/share/man/man1/proton-migrate.1.gz")
for command in render inspect convert migrate batch lint diff check; do
  grep -q "^\.SS $command\$" <<<"$man_page" || { echo "man page lacks $command" >&2; exit 1; }
done
echo "package ok: $(basename "$deb")"
