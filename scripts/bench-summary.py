#!/usr/bin/env python3
"""Summarise the end-to-end runs of a `make bench` results file: min / median / max over the repeated runs.

    scripts/bench-summary.py Benchmarks/results/<run>.txt
"""
import re
import statistics
import sys
from collections import OrderedDict

text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
runs = OrderedDict()
for block in re.split(r"\n### ", text):
    title = block.split("    [", 1)[0]
    if not title.startswith(("End to end", "Overload")):
        continue
    title = re.sub(r" \(run \d+ of \d+\)", "", title)
    load = re.search(r"load average: ([\d.]+)", block)
    fields = {}
    patterns = {
        "offered/s": r"offered \d+ spans \((\d+)/s\)",
        "delivered/s": r"delivered during the window \d+ \((\d+) spans/s\)",
        "drops": r"queue drops (\d+)",
        "offered": r"offered (\d+) spans",
        "CPU-s/M delivered": r"= ([\d.]+) CPU-s per million delivered",
        "peak RSS MiB": r"peak RSS ([\d.]+) MiB",
        "bytes/span": r"bytes/span on the wire ([\d.]+)",
        "drain s": r"finished in ([\d.]+) s",
        "load": None,
    }
    for name, pattern in patterns.items():
        if pattern is None:
            value = load.group(1) if load else None
        else:
            match = re.search(pattern, block)
            value = match.group(1) if match else None
        if value is not None:
            fields[name] = float(value)
    if "drops" in fields and fields.get("offered"):
        fields["drop %"] = 100 * fields["drops"] / fields["offered"]
    exact = "exact" if "-> exact" in block else "MISMATCH"
    fields["accounting"] = exact
    runs.setdefault(title, []).append(fields)


def triple(values):
    if not values:
        return "—"
    values = sorted(values)
    fmt = lambda v: f"{v:,.0f}" if abs(v) >= 100 else f"{v:.2f}"
    return " / ".join(fmt(v) for v in (values[0], statistics.median(values), values[-1]))


columns = ["delivered/s", "drops", "drop %", "CPU-s/M delivered", "peak RSS MiB", "bytes/span", "load"]
print("| run | n | " + " | ".join(f"{c} (min / median / max)" for c in columns) + " | accounting |")
print("|---|---:|" + "---:|" * len(columns) + "---|")
for title, samples in runs.items():
    cells = [triple([s[c] for s in samples if c in s]) for c in columns]
    accounting = ", ".join(sorted({s["accounting"] for s in samples}))
    print(f"| {title} | {len(samples)} | " + " | ".join(cells) + f" | {accounting} |")
