#!/usr/bin/env bash
# Runs the command-line tool as a user would and checks what it prints and its exit codes.
set -u
cli=$1
here=$(cd "$(dirname "$0")/.." && pwd)
pass=0; fail=0
check() {  # description, then a command whose success means the check passed
    local what=$1; shift
    if "$@" >/dev/null 2>&1; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: $what"; fi
}
out() { "$cli" "$@" 2>&1; }

check "--version prints the version" bash -c "'$cli' --version | grep -Eq '^chartmix [0-9]+\.[0-9]+\.[0-9]+$'"
check "--help lists the commands" bash -c "'$cli' --help | grep -q 'inspect' && '$cli' --help | grep -q 'rank'"
check "an unknown command exits 2 with a message" bash -c "'$cli' frobnicate; [ \$? -eq 2 ] && '$cli' frobnicate 2>&1 | grep -q 'unknown command'"
check "no arguments prints usage and exits 2" bash -c "'$cli'; [ \$? -eq 2 ]"
for t in "$here"/cli/test_*.sh; do
    [ -f "$t" ] || continue
    # shellcheck disable=SC1090
    source "$t"
done
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
