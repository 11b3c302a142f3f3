#!/bin/sh
# Markdown for a pull request comment: `proton-migrate diff` of every template bundle the pull
# request changes, against the same bundle on the base ref, or against the previous major
# version folder (vN-1) for a new version folder.
# Usage: pr-diff.sh BASE_REF [ROOT] > diff.md     (run at the top of the template repository)
set -eu
base=$1 root=${2:-.}
binary=${PROTON_MIGRATE:-proton-migrate}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/base"
git archive "$base" | tar -x -C "$work/base"

# Bundle folders: a schema/ folder's parent, or a directly defined component's folder.
bundles() {
  find "$1" -path '*/.*' -prune -o -path '*/node_modules' -prune -o \
    \( -name schema.yaml -path '*/schema/schema.yaml' -print \) -o \
    \( -name manifest.yaml ! -path '*/infrastructure/*' ! -path '*/instance_infrastructure/*' \
       ! -path '*/pipeline_infrastructure/*' -print \) |
    sed -e 's#/schema/schema.yaml$##' -e 's#/manifest.yaml$##' | sort -u
}

echo "## Template changes"
changed=0
for bundle in $(bundles "$root"); do
  if [ -d "$work/base/$bundle" ]; then
    git diff --quiet "$base" -- "$bundle" && continue
    old="$work/base/$bundle"
  else
    version=$(basename "$bundle")
    case $version in v[0-9]*) ;; *) continue ;; esac
    previous="$(dirname "$bundle")/v$((${version#v} - 1))"
    [ -d "$work/base/$previous" ] || continue
    old="$work/base/$previous"
  fi
  changed=1
  echo
  "$binary" diff "$old" "$bundle" --format md --fail-on never --consumers "$root" |
    sed "s#$work/base/#base:#g"
done
[ "$changed" = 1 ] || printf '\nNo template bundle changed.\n'
