#!/usr/bin/env bash
# CLI test: no include runs back up the floors. Each folder may include only its own floor and
# the floors below it (the same table as the libraries' links in checker/CMakeLists.txt):
#
#   base -> diagnostics, syntax, types, fs -> semantic -> database (database/ + infer/) -> check
#        -> project -> mdtest, server -> cli
#
# Usage: layering.sh ASYNCTYPE SOURCE_DIR
set -u
src=$2
declare -A below=(
  [base]=""
  [diagnostics]="base"
  [syntax]="base diagnostics"
  [types]="base"
  [fs]="base"
  [semantic]="base diagnostics syntax"
  [database]="base diagnostics syntax types fs semantic infer"
  [infer]="base diagnostics syntax types fs semantic database"
  [check]="base diagnostics syntax types fs semantic database infer"
  [project]="base diagnostics syntax types fs semantic database infer check"
  [mdtest]="base diagnostics syntax types fs semantic database infer check project"
  [server]="base diagnostics syntax types fs semantic database infer check project"
  [cli]="base diagnostics syntax types fs semantic database infer check project mdtest server"
)
# The floor of an included or including path: checker/<floor>/..., or mdtest/, server/, cli/.
floor_of() {
  case "$1" in
    checker/*) local rest=${1#checker/}; echo "${rest%%/*}" ;;
    mdtest/*|server/*|cli/*) echo "${1%%/*}" ;;
    *) echo "" ;;
  esac
}
cd "$src" || exit 1
status=0
checked=0
while IFS= read -r file; do
  from=$(floor_of "$file")
  if [ -z "${below[$from]+set}" ]; then
    echo "FAIL: $file is in no floor (add its folder to layering.sh and checker/CMakeLists.txt)"
    status=1
    continue
  fi
  checked=$((checked + 1))
  while IFS= read -r included; do
    to=$(floor_of "$included")
    [ -z "$to" ] && continue            # system, LLVM, generated or test headers
    [ "$to" = "$from" ] && continue
    case " ${below[$from]} " in
      *" $to "*) ;;
      *) echo "FAIL: $file ($from) includes $included ($to): runs back up the floors"; status=1 ;;
    esac
  done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$file")
done < <(find checker mdtest server cli \( -name '*.h' -o -name '*.cpp' -o -name '*.def' \) | sort)
[ "$checked" -gt 50 ] || { echo "FAIL: only $checked files found under $src"; exit 1; }
[ $status -eq 0 ] && echo "ok: $checked files, no include runs back up the floors"
exit $status
