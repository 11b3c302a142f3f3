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
grep -q '\./usr/share/proton-migrate/cloudformation-types\.tsv$' <<<"$contents"
dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/proton-migrate" --version | grep -q '^proton-migrate [0-9]'
# The installed binary finds its data files relative to itself, wherever it was unpacked.
source_dir="$(cd "$(dirname "$0")/../.." && pwd)"
inspect_errors=$(cd "$source_dir" && "$work/root/usr/bin/proton-migrate" inspect fixtures/svc-sqs-json \
  --spec fixtures/svc-sqs-json/spec/spec.yaml --env-outputs fixtures/svc-sqs-json/spec/env-outputs.json 2>&1 >/dev/null)
if grep -q 'type table' <<<"$inspect_errors"; then
  echo "installed binary cannot find its type table: $inspect_errors" >&2
  exit 1
fi
man_page=$(gzip -dc "$work/root/usr/share/man/man1/proton-migrate.1.gz")
for command in render inspect convert migrate batch lint diff check; do
  grep -q "^\.SS $command\$" <<<"$man_page" || { echo "man page lacks $command" >&2; exit 1; }
done
echo "package ok: $(basename "$deb")"
