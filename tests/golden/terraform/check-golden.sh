#!/bin/sh
# Converts one golden case and compares the output tree with the committed one.
# Usage: check-golden.sh BINARY SOURCE_ROOT NAME [--update]   (run from anywhere)
# --update rewrites the expected tree: read the diff line by line before committing it.
set -eu
binary=$1 root=$2 name=$3 update=${4:-}
here="$root/tests/golden/terraform"
arguments=$(awk -F '\t' -v name="$name" '$1 == name { print $2 }' "$here/cases.tsv")
[ -n "$arguments" ] || { echo "no golden case '$name' in cases.tsv" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
# shellcheck disable=SC2086 # the arguments are words by design
"$binary" convert $arguments --context service.name=svc1 \
  --context environment.account_id=123456789012 --to terraform -o "$work/out" 2>"$work/stderr" ||
  { cat "$work/stderr" >&2; exit 1; }
if [ "$update" = "--update" ]; then
  rm -rf "${here:?}/$name"
  cp -r "$work/out" "$here/$name"
  exit 0
fi
diff -ru -x .proton-migrate.json "$here/$name" "$work/out"
