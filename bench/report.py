#!/usr/bin/env python3
"""Prints the load figures of a results folder (bench/load/run.sh output) as the markdown tables
of docs/benchmarks.md, with the target ratios. Usage: bench/report.py [RESULTS_DIR]"""
import re
import sys
from pathlib import Path


def lines(path):
    out = {}
    for line in Path(path).read_text().splitlines():
        if not line.startswith("label="):
            continue
        fields = dict(kv.split("=", 1) for kv in line.split() if "=" in kv)
        kind = "wrk" if "wrk_calls_per_s" in fields else "openloop"
        out[(fields["label"], kind)] = fields
    return out


def num(value):
    return float(re.sub(r"[^0-9.]", "", value))


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "target/bench-results")
    un = lines(folder / "load-unpinned.txt")
    pin = lines(folder / "load-pinned.txt")
    print("| target | calls/s (wrk, 16 conn.) | CPU µs/call | p50 / p99 µs, open loop 4 conn. | p50 / p99 µs, 500/s 1 conn. |")
    print("|---|---|---|---|---|")
    names = [("direct", "upstream directly"), ("nginx", "nginx reverse proxy"),
             ("switchboard", "**Switchboard**"), ("node", "Node MCP proxy (supergateway)")]
    for key, name in names:
        w, o, one = un[(key, "wrk")], un[(key, "openloop")], un[(key + "-1conn", "openloop")]
        rate = "" if o["rate"] == "2000" else f" (at {o['rate']}/s)"
        print(f"| {name} | {num(w['wrk_calls_per_s']):,.0f} | {num(w['cpu_us_per_call']):.0f} | "
              f"{o['p50_us']} / {o['p99_us']}{rate} | {one['p50_us']} / {one['p99_us']} |")
    print()
    print("| target (pinned) | calls/s | CPU µs/call | p50 / p99 µs, 500/s 1 conn. |")
    print("|---|---|---|---|")
    for key, name in names:
        w = pin[(key + "-pinned", "wrk")]
        one = pin.get((key + "-pinned-1conn", "openloop"))
        lat = f"{one['p50_us']} / {one['p99_us']}" if one else "—"
        print(f"| {name} | {num(w['wrk_calls_per_s']):,.0f} | {num(w['cpu_us_per_call']):.0f} | {lat} |")
    print()
    sb, d, n, nd = (num(un[(k, "wrk")]["wrk_calls_per_s"]) for k in ("switchboard", "direct", "nginx", "node"))
    psb, pd, pn, pnd = (num(pin[(k + "-pinned", "wrk")]["wrk_calls_per_s"])
                        for k in ("switchboard", "direct", "nginx", "node"))
    print(f"- throughput vs direct: {sb / d:.2f}x (nginx {n / d:.2f}x); pinned {psb / pd:.2f}x (nginx {pn / pd:.2f}x)")
    print(f"- vs Node proxy: {sb / nd:.1f}x; pinned {psb / pnd:.1f}x")
    print(f"- gateway CPU per call, pinned: {num(pin[('switchboard-pinned', 'wrk')]['cpu_us_per_call']):.0f} µs")
    p50 = lambda table, label: int(table[(label, "openloop")]["p50_us"])
    added = p50(un, "switchboard-1conn") - p50(un, "direct-1conn")
    padded = p50(pin, "switchboard-pinned-1conn") - p50(pin, "direct-pinned-1conn")
    print(f"- added median, one connection: {added} µs; pinned {padded} µs")


if __name__ == "__main__":
    main()
