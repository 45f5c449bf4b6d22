# Shared by the CLI tests that assert a diagnostic's `info:` lines (mdtests cannot match them).
# Source it after defining `fail` and writing the full-format output to "$tmp/out".

# The info lines of the diagnostic whose headline is exactly $1.
infos() {
  awk -v headline="$1" '
    /^(error|warning|info)\[/ { inside = ($0 == headline); next }
    inside && /^info: / { print }
  ' "$tmp/out"
}

# expect HEADLINE INFO...: the diagnostic exists and has exactly these info lines, in order.
expect() {
  local headline=$1
  shift
  grep -qxF -- "$headline" "$tmp/out" || { cat "$tmp/out"; fail "missing diagnostic: $headline"; }
  local expected=""
  for line in "$@"; do expected+="info: $line"$'\n'; done
  local actual
  actual=$(infos "$headline")
  [ -z "$actual" ] || actual+=$'\n'
  [ "$actual" == "$expected" ] || {
    printf 'expected:\n%sactual:\n%s' "$expected" "$actual"
    fail "infos of: $headline"
  }
}
