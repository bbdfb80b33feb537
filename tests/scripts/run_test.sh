#!/usr/bin/env bash
# scripts/run on a project that does not configure, then does not compile, then builds: a failure
# shows cmake's or the compiler's error on stderr and exits 3, which tasksplit never uses; a build
# that works runs the program and passes its exit status through. The real scripts/run and
# scripts/install-deps run on a one-file stand-in project, so each build takes a second.
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "scripts/run test: $*" >&2; exit 1; }
mkdir "$tmp/scripts"
cp "$src/scripts/run" "$src/scripts/install-deps" "$tmp/scripts/"
run() {  # run ARGS...: scripts/run in the stand-in; sets status, out, err
  status=0
  "$tmp/scripts/run" "$@" >"$tmp/out" 2>"$tmp/err" || status=$?
  out=$(cat "$tmp/out") err=$(cat "$tmp/err")
}
project() {  # project CMAKE_LINE: the stand-in's CMakeLists.txt
  printf 'cmake_minimum_required(VERSION 3.20)\nproject(standin LANGUAGES CXX)\n%s\n' "$1" >"$tmp/CMakeLists.txt"
}

project 'message(FATAL_ERROR "no_such_library was not found")'
run parse notice.txt
[ "$status" -eq 3 ] || fail "cmake failing: exit $status, expected 3; stderr: $err"
grep -q "no_such_library was not found" <<<"$err" || fail "cmake's error not shown: $err"
grep -q "^scripts/run: building (first run" <<<"$err" || fail "no first-run line: $err"
[ -z "$out" ] || fail "stdout not empty: $out"

project 'add_executable(tasksplit main.cpp)'
echo 'int main() { return undeclared_in_main; }' >"$tmp/main.cpp"
run parse notice.txt
[ "$status" -eq 3 ] || fail "a compile error: exit $status, expected 3; stderr: $err"
grep -q "main.cpp:1:.*error: .*undeclared_in_main" <<<"$err" || fail "the compiler's error not shown: $err"
grep -q "^scripts/run: building tasksplit failed (exit 3)$" <<<"$err" || fail "no closing line: $err"
[ -z "$out" ] || fail "stdout not empty: $out"

printf '#include <cstdio>\nint main(int, char** argv) { std::puts(argv[1]); return 1; }\n' >"$tmp/main.cpp"
run parse notice.txt
[ "$status" -eq 1 ] || fail "the program's exit 1 came back as $status; stderr: $err"
[ "$out" = parse ] || fail "the program's output is not stdout: '$out'"
grep -q "^scripts/run: rebuilding ([0-9]* steps)…$" <<<"$err" || fail "no rebuilding line: $err"

run parse notice.txt
[ "$status" -eq 1 ] && [ -z "$err" ] || fail "an up-to-date run: exit $status, stderr: $err"

echo 'int main() { return undeclared_after_a_build; }' >"$tmp/main.cpp"
run parse notice.txt
[ "$status" -eq 3 ] || fail "a compile error after a build: exit $status, expected 3; stderr: $err"
grep -q "main.cpp:1:.*error: .*undeclared_after_a_build" <<<"$err" || fail "the compiler's error not shown: $err"
echo "scripts/run test: ok"
