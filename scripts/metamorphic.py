#!/usr/bin/env python3
"""Metamorphic layout test that needs no gold: every input is rewritten the way another copy of
the same notice could be laid out, and each rewrite must parse to the same tasks as the original.

A task is compared as (text with all whitespace removed, lead unit names, support unit names,
leader name), in document order. Variants:

  no-blank           every blank line deleted
  blank-between      a blank line after every line
  one-line           the whole file on one line (non-blank lines joined by one space)
  header-synonyms    grid header words (a whole line, or a whole cell of a header row) replaced
                     by synonyms the grammars do not list (SYNONYMS below)
  single-space-rows  in lines holding tab-, 2+-space- or pipe-separated cells, each separator
                     replaced by one space
  move-footer        a stock footer line ((此件公开发布), 抄送：…) moved to directly before the first
                     attachment label line (附件, 附件1), with no blank line after it

A variant that changes nothing in a file is SKIP. Pairs listed in the known-failures file
(tests/layout/metamorphic-known-failures.txt, lines "FILE VARIANT  # why") or given with --allow
FILE:VARIANT are XFAIL when they fail; when one passes it is XPASS and fails the run, so the list
can only shrink. Exit 0 when every comparison passes or is a known failure, 1 otherwise, 2 when
the binary cannot be run.

  scripts/metamorphic.py [--bin build/tasksplit] [--files F ...] [--only VARIANT] [--verbose]
"""
import argparse
import difflib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KNOWN_FAILURES = ROOT / "tests" / "layout" / "metamorphic-known-failures.txt"

# Grid header words -> wordings a real notice could print that are in no list of
# grammars/layout.yaml (neither exactly nor as a part of the longer word).
SYNONYMS = {
    "序号": "项次",
    "编号": "项次",
    "目标任务": "年度目标内容",
    "重点工作": "年度重点事项",
    "工作任务": "具体工作事项",
    "重点任务": "重点推进事项",
    "主要任务": "主要工作事项",
    "任务指标": "年度指标",
    "实施内容": "推进举措",
    "具体内容": "推进举措",
    "牵头领导": "牵头负责领导",
    "责任领导": "包保领导",
    "分管领导": "分管负责同志",
    "牵头区领导": "包保区领导",
    "牵头市领导": "包保市领导",
    "牵头单位": "牵头推进部门",
    "牵头部门": "牵头推进单位",
    "牵头责任单位": "牵头落实单位",
    "配合单位": "协同推进部门",
    "配合部门": "协同落实部门",
    "协同责任单位": "协同推进部门",
    "责任单位": "承办部门",
    "责任部门": "落实部门",
    "完成时限": "办结期限",
    "完成时间": "办结时间",
    "时限要求": "办结要求",
    "事项分类": "所属领域",
    "事项名称": "实事名称",
    "事项内容": "实事内容",
}

# A cell separator inside a line: tabs, 2+ spaces, or a pipe with the spaces around it.
CELL_SEP = re.compile(r"[ \u3000]*\|[ \u3000|]*|[ \u3000]*\t[ \t\u3000]*|[ \u3000]{2,}")
# Header tokens: cells split by any separator, single spaces included.
TOKEN_SEP = re.compile(r"([ \t\u3000|]+)")
FOOTER_CICI = re.compile(r"^\s*[（(]\s*此件[^）)]{0,12}[）)]\s*$")
FOOTER_CHAOSONG = re.compile(r"^\s*抄\s*送\s*[:：]")
ATTACHMENT_LABEL = re.compile(r"^\s*附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?\s*$")


def lines_of(text):
    return text.split("\n")


def no_blank(text):
    return "\n".join(l for l in lines_of(text) if l.strip())


def blank_between(text):
    return "\n".join(l + "\n" for l in lines_of(text))


def one_line(text):
    return " ".join(l.strip() for l in lines_of(text) if l.strip()) + "\n"


def header_synonyms(text):
    out = []
    for line in lines_of(text):
        parts = TOKEN_SEP.split(line)
        cells = [k for k in range(0, len(parts), 2) if parts[k]]
        hits = [k for k in cells if parts[k] in SYNONYMS]
        # A whole line, or a row holding at least two header words: never a word inside task text.
        if hits and (len(cells) == 1 or len(hits) >= 2):
            for k in hits:
                parts[k] = SYNONYMS[parts[k]]
        out.append("".join(parts))
    return "\n".join(out)


def single_space_rows(text):
    out = []
    for line in lines_of(text):
        # Leading spaces are an indent, not a separator; leading tabs or pipes are empty cells.
        indent = line[: len(line) - len(line.lstrip(" \u3000"))]
        body = line[len(indent):].rstrip(" \u3000")
        squeezed = CELL_SEP.sub(" ", body).strip()
        # A line of separators only (a lone '|' between cells) holds no cells: kept.
        out.append(indent + squeezed if squeezed and squeezed != body else line)
    return "\n".join(out)


def move_footer(text):
    lines = lines_of(text)
    start = next((k for k, l in enumerate(lines) if FOOTER_CICI.match(l)), None)
    end = None
    if start is not None:
        end = start + 1
    else:
        start = next((k for k, l in enumerate(lines) if FOOTER_CHAOSONG.match(l)), None)
        if start is None:
            return text
        # 抄送 runs on over the next lines up to a blank line or the printing line.
        end = start + 1
        while end < len(lines) and end - start < 4 and lines[end].strip() and not re.search(r"印\s*发\s*$|^\s*[0-9]{4}\s*年", lines[end]):
            end += 1
    label = next((k for k, l in enumerate(lines) if ATTACHMENT_LABEL.match(l) and not start <= k < end), None)
    if label is None or label == end:
        return text
    footer = lines[start:end]
    rest = lines[:start] + lines[end:]
    at = label if label < start else label - (end - start)
    return "\n".join(rest[:at] + footer + rest[at:])


VARIANTS = {
    "no-blank": no_blank,
    "blank-between": blank_between,
    "one-line": one_line,
    "header-synonyms": header_synonyms,
    "single-space-rows": single_space_rows,
    "move-footer": move_footer,
}


def read_text(path):
    data = Path(path).read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc).replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            pass
    raise ValueError(f"{path}: neither UTF-8 nor GB18030")


def parse(binary, paths):
    """Parses several files in one run; a list of documents (None where a file failed)."""
    if not paths:
        return []
    run = subprocess.run([binary, "parse", "-q", "--to", "json", *map(str, paths)], capture_output=True)
    if run.returncode == 0:
        docs = json.loads(run.stdout)
        docs = docs if isinstance(docs, list) else [docs]
        if len(docs) == len(paths):
            return docs
    if len(paths) == 1:
        return [None]
    return [parse(binary, [p])[0] for p in paths]


def tasks_of(doc):
    """The comparable tasks of a parsed document, in order."""
    tasks = []
    for part in doc.get("parts", []):
        for section in part.get("sections", []):
            for item in section.get("items", []):
                leader = item.get("leader") or {}
                tasks.append((
                    re.sub(r"\s+", "", item.get("text") or ""),
                    tuple(u["name"] for u in item.get("lead") or []),
                    tuple(u["name"] for u in item.get("support") or []),
                    leader.get("name"),
                ))
    return tasks


def show_task(t, width=36):
    text = t[0] if len(t[0]) <= width else t[0][:width] + "…"
    return f"{text} | lead={'、'.join(t[1]) or '-'} | support={'、'.join(t[2]) or '-'} | leader={t[3] or '-'}"


def diff_tasks(a, b, limit=3):
    """Short diff of two task lists: the first `limit` differing tasks."""
    out = [f"    tasks: original {len(a)}, variant {len(b)}"]
    shown = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            if shown == limit:
                out.append("    …")
                return out
            if i1 + k < i2:
                out.append(f"    - #{i1 + k + 1} {show_task(a[i1 + k])}")
            if j1 + k < j2:
                out.append(f"    + #{j1 + k + 1} {show_task(b[j1 + k])}")
            shown += 1
    return out


def load_allowed(path, extra):
    """{(file, variant): why} from the known-failures file and --allow FILE:VARIANT."""
    allowed = {}
    if path and Path(path).exists():
        for n, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            line, _, why = raw.partition("#")
            if not line.strip():
                continue
            fields = line.split()
            if len(fields) != 2:
                sys.exit(f"{path}:{n}: expected 'FILE VARIANT  # why', got: {raw}")
            if fields[1] not in VARIANTS:
                sys.exit(f"{path}:{n}: unknown variant {fields[1]}")
            allowed[(fields[0], fields[1])] = why.strip()
    for a in extra:
        f, _, v = a.rpartition(":")
        allowed[(f, v)] = None  # from the command line: never stale
    return allowed


def default_files():
    files = sorted((ROOT / "samples").glob("*.txt"))
    files += sorted(p for p in (ROOT / "tests" / "layout").glob("*.txt") if p.resolve() != KNOWN_FAILURES.resolve())
    return files


def display(path):
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(ROOT / "build" / "tasksplit"), help="the tasksplit binary")
    ap.add_argument("--files", nargs="+", help="inputs (default: samples/*.txt and tests/layout/*.txt)")
    ap.add_argument("--only", action="append", choices=list(VARIANTS), help="run only this variant (repeatable)")
    ap.add_argument("--allow", action="append", default=[], metavar="FILE:VARIANT", help="a known failure")
    ap.add_argument("--known-failures", default=str(KNOWN_FAILURES), help="file of 'FILE VARIANT  # why' lines")
    ap.add_argument("--verbose", "-v", action="store_true", help="also show the diff of known failures and the SKIP reasons")
    args = ap.parse_args()

    if not Path(args.bin).exists():
        print(f"metamorphic: no binary at {args.bin}", file=sys.stderr)
        return 2
    files = [Path(f) for f in args.files] if args.files else default_files()
    variants = [v for v in VARIANTS if not args.only or v in args.only]
    allowed = load_allowed(args.known_failures, args.allow)

    # Every variant of every file is written first and parsed in one run of the binary.
    results = []  # (file, variant, status, detail lines, tasks in the original)
    with tempfile.TemporaryDirectory(prefix="metamorphic-") as tmp:
        jobs = []  # (file, variant or None, path)
        for n, f in enumerate(files):
            try:
                text = read_text(f)
            except (OSError, ValueError) as e:
                results.append((f, "-", "ERROR", [f"    {e}"], None))
                continue
            jobs.append((f, None, f))
            for v in variants:
                changed = VARIANTS[v](text)
                if changed == text:
                    results.append((f, v, "SKIP", ["    the variant changes nothing in this file"], None))
                    continue
                p = Path(tmp) / f"{n:03d}-{v}-{f.name}"
                p.write_text(changed, encoding="utf-8")
                jobs.append((f, v, p))
        docs = parse(args.bin, [p for _, _, p in jobs])
        originals = {f: d for (f, v, _), d in zip(jobs, docs) if v is None}
        for (f, v, p), d in zip(jobs, docs):
            if v is None:
                if d is None:
                    results.append((f, "-", "ERROR", ["    the original does not parse"], None))
                continue
            if originals.get(f) is None:
                continue
            if d is None:
                results.append((f, v, "FAIL", ["    the variant does not parse (exit status 2 or bad JSON)"], None))
                continue
            a, b = tasks_of(originals[f]), tasks_of(d)
            results.append((f, v, "PASS", [], len(a)) if a == b else (f, v, "FAIL", diff_tasks(a, b), len(a)))

    failed = 0
    counts = {}
    seen = set()
    order = {f: k for k, f in enumerate(files)}
    results.sort(key=lambda r: (order[r[0]], variants.index(r[1]) if r[1] in variants else -1))
    new_failures = []
    vacuous = 0
    for f, v, status, detail, ntasks in results:
        name = f.name
        key = next((k for k in ((name, v), (display(f), v), (str(f), v)) if k in allowed), None)
        if key:
            seen.add(key)
            if status == "FAIL":
                status = "XFAIL"
            elif status == "PASS":
                status, detail = "XPASS", ["    listed as a known failure but passes: remove it from the list"]
            elif status == "SKIP":
                status, detail = "STALE", ["    listed as a known failure but the variant does not apply"]
        if status in ("FAIL", "XPASS", "STALE", "ERROR"):
            failed += 1
            if status == "FAIL":
                new_failures.append(f"{name} {v}")
        counts.setdefault(v, {}).setdefault(status, 0)
        counts[v][status] += 1
        note = ""
        if status in ("PASS", "XPASS"):
            note = f"  ({ntasks} tasks)"
            # Both readings empty: the pair proves nothing until the parser reads the original.
            vacuous += ntasks == 0
        elif key and status == "XFAIL" and args.verbose and allowed[key]:
            note = f"  # {allowed[key]}"
        print(f"{status:5} {display(f)} {v}{note}")
        if detail and (status not in ("XFAIL", "SKIP") or args.verbose):
            print("\n".join(detail))
    # Entries that name a file or variant of this run but matched nothing (a renamed or deleted file).
    if not args.files:
        names = {f.name for f in files} | {display(f) for f in files}
        for (f, v), why in allowed.items():
            if v in variants and (f, v) not in seen and why is not None and f not in names:
                print(f"STALE {f} {v}  # no such input: remove it from {display(args.known_failures)}")
                failed += 1

    print()
    statuses = ["PASS", "FAIL", "XFAIL", "XPASS", "SKIP", "STALE", "ERROR"]
    print(f"{'variant':18}" + "".join(f"{s:>7}" for s in statuses))
    for v in [v for v in ["-"] + variants if v in counts]:
        print(f"{v:18}" + "".join(f"{counts[v].get(s, 0):>7}" for s in statuses))
    if new_failures:
        print("\nnew failures (fix the parser, or list them in the known-failures file with a why):")
        print("\n".join("  " + l for l in new_failures))
    if vacuous:
        print(f"\n{vacuous} PASS(es) compare two empty readings (the original has no task yet): they prove nothing")
    print(f"\nmetamorphic: {'FAILED' if failed else 'ok'} ({failed} unexpected result(s), {len(files)} file(s))")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
