#!/usr/bin/env python3
"""Layout family fixtures: each tests/layout/NAME.txt (a small notice in invented wording, one
layout family each; see tests/layout/README.md) must parse to the tasks in NAME.expected.json,
a list of {number, text, lead: [names], support: [names], leader: name or null}, and optionally
canonical: {printed name: whole name} for units printed short ("财政厅" after "省商务厅"); every
other unit's canonical must be its name.

Tasks are compared as in scripts/metamorphic.py: (text with all whitespace removed, lead names,
support names, leader name), in order. A differing printed number is shown as a note only.
Exit 0 when every fixture passes, 1 otherwise, 2 when the binary cannot be run.

  scripts/layout_fixtures.py [--bin build/tasksplit] [--verbose] [NAME ...]
"""
import argparse
import json
import re
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no scripts/__pycache__ in the tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from metamorphic import ROOT, diff_tasks, parse, tasks_of  # noqa: E402

FIXTURES = ROOT / "tests" / "layout"


def expected_tasks(path):
    return [(re.sub(r"\s+", "", t["text"]), tuple(t.get("lead") or []), tuple(t.get("support") or []), t.get("leader"))
            for t in json.loads(path.read_text(encoding="utf-8"))]


def canonical_misses(path, doc):
    """Units whose canonical differs from what NAME.expected.json says (their name when unlisted)."""
    items = [i for p in doc.get("parts", []) for s in p.get("sections", []) for i in s.get("items", [])]
    misses = []
    for want, item in zip(json.loads(path.read_text(encoding="utf-8")), items):
        whole = want.get("canonical", {})
        for u in item.get("lead", []) + item.get("support", []):
            expected = whole.get(u["name"], u["name"])
            if u.get("canonical") != expected:
                misses.append(f"{item.get('number')}: {u['name']} -> {u.get('canonical')}, expected {expected}")
    return misses


def numbers_of(doc):
    return [i.get("number") for p in doc.get("parts", []) for s in p.get("sections", []) for i in s.get("items", [])]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(ROOT / "build" / "tasksplit"), help="the tasksplit binary")
    ap.add_argument("--verbose", "-v", action="store_true", help="show every differing task, not the first 3")
    ap.add_argument("names", nargs="*", help="fixture names (default: every tests/layout/*.expected.json)")
    args = ap.parse_args()
    if not Path(args.bin).exists():
        print(f"layout_fixtures: no binary at {args.bin}", file=sys.stderr)
        return 2
    expected = sorted(FIXTURES.glob("*.expected.json"))
    if args.names:
        expected = [FIXTURES / f"{n.removesuffix('.txt')}.expected.json" for n in args.names]
    names = [e.name.removesuffix(".expected.json") for e in expected]
    missing = [n for n in names if not (FIXTURES / f"{n}.txt").exists()]
    orphans = [p.stem for p in FIXTURES.glob("*.txt")
               if not p.name.startswith("metamorphic-") and not (FIXTURES / f"{p.stem}.expected.json").exists()]
    docs = parse(args.bin, [FIXTURES / f"{n}.txt" for n in names if n not in missing])
    docs = iter(docs)
    passed = 0
    for n, e in zip(names, expected):
        if n in missing:
            print(f"ERROR {n}: no {n}.txt")
            continue
        doc = next(docs)
        if doc is None:
            print(f"ERROR {n}: does not parse")
            continue
        want, got = expected_tasks(e), tasks_of(doc)
        misses = canonical_misses(e, doc) if want == got else []
        if misses:
            print(f"FAIL  {n}: canonical names")
            print("\n".join("    " + m for m in misses))
            continue
        if want == got:
            passed += 1
            print(f"PASS  {n} ({len(got)} tasks)")
            want_numbers = [t.get("number") for t in json.loads(e.read_text(encoding="utf-8"))]
            if want_numbers != numbers_of(doc):
                print(f"    note: numbers {numbers_of(doc)} differ from the expected {want_numbers}")
            continue
        print(f"FAIL  {n}")
        print("\n".join(diff_tasks(want, got, limit=10**6 if args.verbose else 3)).replace("original", "expected").replace("variant", "parsed"))
    for o in orphans:
        print(f"ERROR {o}: no {o}.expected.json")
    failed = len(names) - passed + len(orphans)
    print(f"\nlayout fixtures: {passed} of {len(names)} pass" + (f", {len(orphans)} without expected.json" if orphans else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
