#!/usr/bin/env python3
"""Metamorphic robustness check: the samples rewritten the way other copies of the same notice
arrive (CRLF, GB18030, half-width punctuation, full-width digits, indented lines, blank lines
removed or doubled, PDF page numbers, lines hard-wrapped at a page width) must parse to the
same tasks. Each variant is scored against the gold with the team's scorer.

  scripts/variants.py --gold-dir ../shared/gold --score ../shared/score/score.py [--only rewrap]

Not a CI test (the gold lives outside the repo); a tool to run after a parser change."""
import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HALF = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ",", "；": ";"})
FULL_DIGITS = str.maketrans({chr(ord("0") + k): chr(0xFF10 + k) for k in range(10)})


def rewrap(text, width=38):
    """Hard-wraps every line longer than `width` characters, as a PDF extraction does. Grid rows
    (tab-separated, from web tables) are left whole: no extraction wraps those mid-cell."""
    out = []
    for line in text.split("\n"):
        while len(line) > width and "\t" not in line:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return "\n".join(out)


def page_numbers(text, every=30):
    """A page number, between blank lines, every `every` lines."""
    lines = text.split("\n")
    out = []
    for k, line in enumerate(lines, 1):
        out.append(line)
        if k % every == 0:
            out += ["", f"— {k // every} —", ""]
    return "\n".join(out)


def stray_spaces(text, every=23):
    """A space between two ideographs now and then, as letter-spaced PDF text extracts."""
    out = []
    for k, c in enumerate(text):
        out.append(c)
        if k % every == 0 and "\u4e00" <= c <= "\u9fff" and k + 1 < len(text) and "\u4e00" <= text[k + 1] <= "\u9fff":
            out.append(" ")
    return "".join(out)


def traditional(text):
    """Traditional characters, as a Hong Kong, Macao or Taiwan copy prints them (ICU's uconv)."""
    return subprocess.run(["uconv", "-x", "Hans-Hant"], input=text, capture_output=True, text=True, check=True).stdout


WEB_TOP = ["首页 > 政务公开 > 政府文件", "【字体：大 中 小】 打印本页 关闭窗口", "分享到：", ""]
WEB_BOTTOM = ["", "【打印本页】 【关闭窗口】", "扫一扫在手机打开当前页", "主办单位：XX区人民政府办公室  技术支持：XX网络公司",
              "网站标识码：3309020001  浙ICP备05001234号"]


def web_chrome(text):
    """The page around a web copy: breadcrumbs, font and print links above, site footer below."""
    return "\n".join(WEB_TOP) + "\n" + text + "\n" + "\n".join(WEB_BOTTOM) + "\n"


VARIANTS = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "halfwidth": lambda t: t.translate(HALF),
    "fullwidth-digits": lambda t: t.translate(FULL_DIGITS),
    "indent": lambda t: "\n".join(("\u3000\u3000" + l + "  ") if l.strip() else l for l in t.split("\n")),
    "no-blank-lines": lambda t: "\n".join(l for l in t.split("\n") if l.strip()),
    "double-spaced": lambda t: "\n\n".join(t.split("\n")),
    "page-numbers": page_numbers,
    "rewrap": rewrap,
    # Official documents indent each paragraph by two full-width spaces, then wrap it.
    "indent-rewrap": lambda t: rewrap("\n".join(("\u3000\u3000" + l) if l.strip() else l for l in t.split("\n"))),
    "stray-spaces": stray_spaces,
    "traditional": traditional,
    "web-chrome": web_chrome,
    "gb18030": lambda t: t,  # encoded when written
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(ROOT / "build" / "tasksplit"))
    ap.add_argument("--gold-dir", required=True)
    ap.add_argument("--score", required=True, help="the scorer, score.py")
    ap.add_argument("--only", help="run the variants whose name contains this")
    ap.add_argument("--show", type=int, default=0, help="passed to the scorer")
    args = ap.parse_args()
    samples = sorted((ROOT / "samples").glob("*.txt"))
    worst = 1.0
    for name, make in VARIANTS.items():
        if args.only and args.only not in name:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            for s in samples:
                text = make(s.read_text(encoding="utf-8"))
                (Path(tmp) / s.name).write_bytes(text.encode("gb18030" if name == "gb18030" else "utf-8"))
            cmd = [sys.executable, args.score, "--gold-dir", args.gold_dir, "--src-dir", tmp]
            if name == "traditional":
                # Output keeps the characters as printed: compare in Simplified.
                cmd += ["--cmd", f"'{args.bin}' parse '{{src}}' --to json | uconv -x Hant-Hans | sed 's/「/“/g; s/」/”/g'"]
            else:
                cmd += ["--bin", args.bin]
            if args.show:
                cmd += ["--show", str(args.show)]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        summary = out.strip().splitlines()[-1]
        f1 = float(re.search(r"items F1 ([0-9.]+)", summary).group(1))
        worst = min(worst, f1)
        print(f"{name:18} {summary}")
        if args.show:
            print(out)
    print(f"worst items F1: {worst:.3f}")


if __name__ == "__main__":
    sys.exit(main())
