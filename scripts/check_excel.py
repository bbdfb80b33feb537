#!/usr/bin/env python3
"""Checks what parse writes for Excel against the JSON of the same notices.

  xlsx  every sample to a workbook, opened with openpyxl (python3-openpyxl): the sheets and their
        names (Excel's rules), the ledger's title lines, headers, frozen header, filter, status
        drop-down, A4 landscape print setup with the header repeated, one row per item of the JSON
        in order with running 序号 and 编号 (section.item), the targets and diagnostics sheets, one sheet per
        unit with its lead and support tasks; then all samples in one workbook with a 来源 column.
  diff  the change ledger of sample 001 (2023) -> 000 (2024) against diff's JSON: sheets, headers
        with the years, layout as above, one row per pair, dropped and new task in that order with
        both texts and the status, the targets, units and leaders tables.
  csv   every sample with --bom --headers zh, decoded as Excel decodes a CSV it opens (a UTF-8 BOM
        means UTF-8; without one Excel on Chinese Windows reads code page 936, GBK), then read with
        the csv module's excel dialect: Chinese headers, one row per item, the same texts.

Exit 0 when every check passes, 1 otherwise.
  scripts/check_excel.py --bin build/tasksplit xlsx|diff|csv
"""
import argparse
import csv
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
LEDGER = ["序号", "编号", "分管领导", "任务内容", "牵头单位", "配合单位", "完成时限", "汇报频次", "量化指标", "进展情况",
          "完成状态", "备注"]
STATUS = '"未启动,推进中,已完成,滞后"'
FIXED_SHEETS = ["督办台账", "按分管领导", "量化指标", "问题"]


def run(binary, *args):
    return subprocess.run([binary, *map(str, args)], check=True, capture_output=True).stdout


def items_of(doc):
    return [i for p in doc["parts"] for s in p["sections"] for i in s["items"]]


def refs_of(doc):
    """编号 as the README defines it: section label (else ordinal) "." item number as printed (else
    its place in the section); from the second part holding tasks on, the part's place and "-"."""
    out, place = [], 0
    for part in doc["parts"]:
        if not any(s["items"] for s in part["sections"]):
            continue
        place += 1
        prefix = f"{place}-" if place > 1 else ""
        for s in part["sections"]:
            label = s.get("label") or (str(s["ordinal"]) if s["ordinal"] else "")
            for k, item in enumerate(s["items"], 1):
                number = item.get("number") or str(k)
                out.append(prefix + (f"{label}.{number}" if label else number))
    return out


def unit_key(u):
    return u.get("canonical") or u["name"]


def header_row(ws):
    """The row of the table's header: the first whose column A says 序号 (or 分管领导)."""
    for row in range(1, 10):
        if ws.cell(row, 1).value in ("序号", "分管领导"):
            return row
    raise AssertionError(f"{ws.title}: no header row")


def body(ws, hdr):
    return [list(r) for r in ws.iter_rows(min_row=hdr + 1, max_row=ws.max_row, values_only=True)]


def check_table(ws, headers, rows, status=False, rhythms=()):
    """Header names, frozen header, filter over the table, print setup; the rows under the header.
    `rhythms`: the 汇报频次 drop-down's values (the cover letters' frequencies), after 完成状态's."""
    hdr = header_row(ws)
    got = [ws.cell(hdr, c + 1).value for c in range(len(headers))]
    assert got == headers, f"{ws.title}: headers {got}"
    assert ws.freeze_panes == f"A{hdr + 1}", f"{ws.title}: freeze_panes {ws.freeze_panes}"
    last = ws.cell(hdr, len(headers)).column_letter
    assert ws.auto_filter.ref == f"A{hdr}:{last}{hdr + rows}", f"{ws.title}: filter {ws.auto_filter.ref}"
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9", ws.title
    assert (ws.print_title_rows or "").replace("$", "") == f"{hdr}:{hdr}", f"{ws.title}: print titles {ws.print_title_rows}"
    table = body(ws, hdr)
    assert len(table) == rows, f"{ws.title}: {len(table)} rows, expected {rows}"
    validations = ws.data_validations.dataValidation
    if status and rows:
        col = ws.cell(hdr, headers.index("完成状态") + 1).column_letter
        lists = [(v.formula1, str(v.sqref)) for v in validations if v.type == "list"]
        def cells(col):
            return f"{col}{hdr + 1}" + (f":{col}{hdr + rows}" if rows > 1 else "")
        expected = [(STATUS, cells(col))]
        if rhythms:
            freq = ws.cell(hdr, headers.index("汇报频次") + 1).column_letter
            expected.append(('"' + ",".join(rhythms) + '"', cells(freq)))
        assert lists == expected, f"{ws.title}: validations {lists}"
    else:
        assert not validations, f"{ws.title}: unexpected validation"
    return hdr, table


def check_workbook(path, docs):
    import openpyxl  # python3-openpyxl, a test package of scripts/install-deps

    wb = openpyxl.load_workbook(path)
    several = len(docs) > 1
    tasks = [(d, i) for d in docs for i in items_of(d)]
    keys = []
    for _, item in tasks:
        for u in item["lead"] + item["support"]:
            if unit_key(u) not in keys:
                keys.append(unit_key(u))
    names = wb.sheetnames
    assert names[:4] == FIXED_SHEETS, names[:4]
    assert len(names) == 4 + len(keys), f"{len(names) - 4} unit sheets for {len(keys)} units"
    assert len({n.lower() for n in names}) == len(names), "sheet names repeat"
    for n in names:
        assert len(n) <= 31 and not set(n) & set("[]:*?/\\") and not n.startswith("'"), f"bad sheet name {n!r}"

    def cols(headers):
        return headers[:1] + ["来源"] + headers[1:] if several else headers

    ws = wb["督办台账"]
    rhythms = []
    for d in docs:
        for f in (d["document"].get("reporting") or {}).get("frequencies", []):
            if f not in rhythms:
                rhythms.append(f)
    hdr, rows = check_table(ws, cols(LEDGER), len(tasks), status=True, rhythms=rhythms)
    if not several:
        meta = docs[0]["document"]
        assert meta["title"] in ws["A1"].value, ws["A1"].value
        if meta.get("doc_number"):
            assert meta["doc_number"] in ws["A2"].value, ws["A2"].value
    off = 1 if several else 0
    assert [r[0] for r in rows] == list(range(1, len(tasks) + 1)), "序号 not running"
    assert [r[3 + off] for r in rows] == [i["text"] for _, i in tasks], "任务内容 differs from the JSON"
    assert [r[1 + off] for r in rows] == [ref for d in docs for ref in refs_of(d)], "编号"
    for r, (d, item) in zip(rows, tasks):
        assert (r[6 + off] or "") == (item.get("deadline") or ""), r
        rule = d["document"].get("reporting")
        one = rule["frequencies"][0] if rule and len(rule["frequencies"]) == 1 and not rule["per_task"] else ""
        assert (r[7 + off] or "") == one, f"汇报频次 {r[7 + off]!r}, the notice sets {one!r}"
        assert (r[8 + off] or "") == "\n".join(t["text"] for t in item["targets"]), r
        assert r[10 + off] is None and r[9 + off] is None, "进展情况 and 完成状态 are for the office"
    if several:
        assert [r[1] for r in rows] == [d["source"]["path"] for d, _ in tasks], "来源"

    check_table(wb["按分管领导"], cols(["分管领导", "序号", "编号", "任务内容", "牵头单位", "配合单位", "完成时限"]), len(tasks))
    targets = sum(len(i["targets"]) for _, i in tasks)
    check_table(wb["量化指标"], cols(["序号", "编号", "分管领导", "指标", "动词", "数值", "计量单位", "约束", "预期性", "牵头单位",
                                  "指标原文"]), targets)
    check_table(wb["问题"], cols(["序号", "级别", "代码", "行", "列", "说明"]), sum(len(d["diagnostics"]) for d in docs))

    unit_headers = cols(["序号", "编号", "承担方式", "任务内容", "其他牵头单位", "其他配合单位", "分管领导", "完成时限", "进展情况",
                         "完成状态"])
    for key, name in zip(keys, names[4:]):
        ws = wb[name]
        assert ws["A1"].value == key, (name, ws["A1"].value)
        lead = [i for _, i in tasks if any(unit_key(u) == key for u in i["lead"])]
        support = [i for _, i in tasks if i not in lead and any(unit_key(u) == key for u in i["support"])]
        _, rows = check_table(ws, unit_headers, len(lead) + len(support), status=True)
        role = 3 if several else 2
        assert [r[role] for r in rows] == ["牵头"] * len(lead) + ["配合"] * len(support), name
        assert [r[role + 1] for r in rows] == [i["text"] for i in lead + support], name
        assert all(key not in (r[role + 2] or "").split("、") for r in rows), f"{name} lists itself"
    return len(tasks), len(keys)


def check_xlsx(binary):
    with tempfile.TemporaryDirectory() as tmp:
        docs = []
        for sample in SAMPLES:
            doc = json.loads(run(binary, "parse", sample))
            docs.append(doc)
            out = Path(tmp) / f"{sample.stem}.xlsx"
            run(binary, "parse", sample, "-o", out)
            tasks, units = check_workbook(out, [doc])
            print(f"ok xlsx {sample.name}: {tasks} tasks, {units} unit sheets")
        # Redirected stdout gets the same workbook as -o.
        out = Path(tmp) / "all.xlsx"
        out.write_bytes(run(binary, "parse", "--to", "xlsx", *SAMPLES))
        tasks, units = check_workbook(out, docs)
        print(f"ok xlsx all samples on stdout: {tasks} tasks, {units} unit sheets, 来源 column")


def run_diff(binary, *args):
    """diff exits 1 when the notices differ, as diff(1) does."""
    r = subprocess.run([binary, "diff", *map(str, args)], capture_output=True)
    assert r.returncode == 1, r.stderr.decode()
    return r.stdout


def check_diff(binary):
    import openpyxl

    old, new = ROOT / "samples" / "001_4ca63f7906623aa9.txt", ROOT / "samples" / "000_5f0d85f750916d58.txt"
    d = json.loads(run_diff(binary, old, new, "--format", "json"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "变化台账.xlsx"
        run_diff(binary, old, new, "-o", out)
        wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["变化台账", "指标对比", "责任单位", "分管领导"], wb.sheetnames
    a, b = str(d["old"]["year"]), str(d["new"]["year"])
    ws = wb["变化台账"]
    assert ws["A1"].value == f"任务变化台账：{a} → {b}", ws["A1"].value
    rows = len(d["pairs"]) + len(d["dropped"]) + len(d["added"])
    _, table = check_table(ws, ["序号", "变化", a + "编号", a + "任务内容", b + "编号", b + "任务内容", "指标变化", "责任变化",
                                "相似度"], rows)
    expected = [(p["old"]["ref"], p["old"]["text"], p["new"]["ref"], p["new"]["text"]) for p in d["pairs"]]
    expected += [(i["ref"], i["text"], None, None) for i in d["dropped"]]
    expected += [(None, None, i["ref"], i["text"]) for i in d["added"]]
    assert [tuple(r[2:6]) for r in table] == expected, "tasks and texts differ from diff's JSON"
    statuses = [r[1] for r in table]
    assert statuses[len(d["pairs"]):] == ["删除"] * len(d["dropped"]) + ["新增"] * len(d["added"])
    splits = sum(1 for p in d["pairs"] if p["kind"] == "split")
    assert sum("拆分" in s for s in statuses) == splits, "split pairs"
    assert [r[8] for r in table[:len(d["pairs"])]] == [p["score"] for p in d["pairs"]], "相似度"
    moved = [r for r in table if r[7] and "分管领导：" in r[7]]
    assert len(moved) == sum(1 for p in d["pairs"] if "leader_old" in p["changes"]), "分管领导 changes"
    summary = d["summary"]
    _, targets = check_table(wb["指标对比"], ["序号", "指标", a, b, "变化", a + "编号", b + "编号"], len(summary["targets"]))
    names = {"raised": "上调", "lowered": "下调", "bound": "约束变化", "unchanged": "不变", "added": "新增", "dropped": "删除"}
    assert [r[4] for r in targets] == [names[t["change"]] for t in summary["targets"]], "target changes"
    check_table(wb["责任单位"], ["序号", "单位", "牵头" + a, "牵头" + b, "配合" + a, "配合" + b, a + "名称", b + "名称"],
                len(summary["units"]))
    check_table(wb["分管领导"], ["序号", "分管领导", a, b, "任务移入", "任务移出", "新增牵头单位", "不再牵头单位"],
                len(summary["leaders"]))
    print(f"ok diff {old.name} -> {new.name}: {len(d['pairs'])} pairs, {len(d['dropped'])} dropped, "
          f"{len(d['added'])} new, {len(summary['targets'])} targets")


def excel_decode(data):
    """What Excel does with the bytes of a CSV it opens: UTF-8 after a BOM, else the ANSI code page
    (936, GBK, on Chinese Windows)."""
    bom = b"\xef\xbb\xbf"
    return data[len(bom):].decode("utf-8") if data.startswith(bom) else data.decode("gbk", errors="replace")


def check_csv(binary):
    zh = ["来源", "年度", "部分", "章节", "分管领导", "领导职务", "项号", "任务内容", "牵头单位", "配合单位", "完成时限", "行"]
    with tempfile.TemporaryDirectory() as tmp:
        for sample in SAMPLES:
            doc = json.loads(run(binary, "parse", sample))
            items = items_of(doc)
            out = Path(tmp) / "tasks.csv"
            run(binary, "parse", sample, "-o", out, "--bom", "--headers", "zh")
            rows = list(csv.reader(io.StringIO(excel_decode(out.read_bytes()), newline="")))
            assert rows[0] == zh, rows[0]
            assert [r[7] for r in rows[1:]] == [i["text"] for i in items], f"{sample.name}: texts"
            # Without the BOM Excel reads the same bytes as GBK: the headers are lost.
            plain = run(binary, "parse", sample, "--to", "csv", "--headers", "zh")
            assert next(csv.reader(io.StringIO(excel_decode(plain)))) != zh
            picked = run(binary, "parse", sample, "--to", "csv", "--bom", "--headers", "zh", "--columns", "序号,ref,text")
            rows = list(csv.reader(io.StringIO(excel_decode(picked), newline="")))
            assert rows[0] == ["序号", "编号", "任务内容"], rows[0]
            assert [r[0] for r in rows[1:]] == [str(n) for n in range(1, len(items) + 1)]
            print(f"ok csv {sample.name}: {len(items)} rows, Chinese headers after a BOM")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(ROOT / "build" / "tasksplit"))
    ap.add_argument("what", choices=["xlsx", "diff", "csv"])
    args = ap.parse_args()
    try:
        {"xlsx": check_xlsx, "diff": check_diff, "csv": check_csv}[args.what](args.bin)
    except AssertionError as e:
        print(f"FAIL {args.what}: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
