"""The benchmark's tables: kept as JSON per scale (docs/performance.json) and written into docs/performance.md
between two markers, so the hand-written part of that file (what was changed and why) stays."""

import json
import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import django
from django.conf import settings
from django.db import connection

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
SEARCH_P95_MS, PAGE_P95_MS = 100, 50
LOAD_TARGETS = {("visitor", "casus detail"): 0.30, ("visitor", "casus list"): 0.30, ("visitor", "search"): 0.15,
                ("member", "casus detail"): 0.15, ("member", "casus list"): 0.15}


# Issue #17's comparison: django-spirit 0.14 on about 2,000 questions (scale 0.02 here), server time of one
# uncached request in ms; ours must take at most half of it, and at most 10x the ceiling view of the same run.
SPIRIT_SCALE = "0.02"
SPIRIT_MS = {("casus list", "visitor"): 26.6, ("casus detail (20 answers)", "visitor"): 25.0,
             ("tag page", "visitor"): 18.9, ("casus list", "member"): 46.0,
             ("casus detail (20 answers)", "member"): 41.8, ("search, common word", "member"): 84.7}
CEILING_FACTOR = 10


def machine_facts():
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    mem_kb = next((int(line.split()[1]) for line in meminfo.splitlines() if line.startswith("MemTotal")), 0)
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")), "")
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    try:
        wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split()[1]
    except (OSError, IndexError):
        wrk = "not installed"
    return {
        "nproc": os.cpu_count(), "memory_gib": round(mem_kb / 1024 / 1024, 1), "cpu": cpu, "postgresql": pg,
        "python": platform.python_version(), "django": django.get_version(), "wrk": wrk,
        "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
        "sessions": settings.SESSION_ENGINE.rsplit(".", 1)[-1], "debug": settings.DEBUG,
        "load_average": round(os.getloadavg()[0], 1),
    }


def save_results(path, scale, run):
    path = Path(path)
    data = json.loads(path.read_text()) if path.exists() else {}
    data[f"{scale:g}"] = run
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    return data


def _ok(flag):
    return "yes" if flag else "**no**"


def page_target(name):
    return SEARCH_P95_MS if name.startswith("search") else PAGE_P95_MS


def load_target(name, role):
    return next((t for (r, prefix), t in LOAD_TARGETS.items() if r == role and name.startswith(prefix)), None)


def spirit_table(run):
    """Issue #17's targets on a data set of Spirit's size: uncached p50 against half of Spirit's figure and
    against the ceiling view measured in the same run."""
    ceiling = (run.get("ceiling") or {}).get("p50")
    m = run["machine"]
    lines = [
        f"### Uncached, on a data set of Spirit's size (scale {SPIRIT_SCALE}, {run['when']})",
        "",
        "Against django-spirit 0.14 on about 2,000 questions (issue #17): at most half of Spirit's server time per "
        f"uncached request, and within {CEILING_FACTOR}× the ceiling view measured in the same run "
        f"(p50 {ceiling:.2f} ms). Load average when the run started: {m.get('load_average', '?')}."
        if ceiling else "Against django-spirit 0.14 on about 2,000 questions (issue #17).",
        "",
        "| page | as | uncached p50 ms | Spirit ms | target ms (half) | met | ÷ ceiling | ≤ 10× |",
        "|---|---|---:|---:|---:|---|---:|---|",
    ]
    for (name, role), spirit_ms in SPIRIT_MS.items():
        row = next((r for r in run["pages"] if r["name"] == name and r["role"] == role), None)
        if row is None or row.get("uncached_p50") is None:
            continue
        ours = row["uncached_p50"]
        ratio = ours / ceiling if ceiling else None
        lines.append(
            f"| {name} | {role} | {ours:.1f} | {spirit_ms:.1f} | {spirit_ms / 2:.1f} | {_ok(ours <= spirit_ms / 2)} | "
            + (f"{ratio:.0f}× | {_ok(ratio <= CEILING_FACTOR)} |" if ratio else "– | – |")
        )
    return lines + [""]


def render(all_runs, scale):
    run = all_runs[f"{scale:g}"]
    others = {k: v for k, v in all_runs.items() if k != f"{scale:g}" and v.get("pages")}
    m, meta = run["machine"], run["meta"]
    lines = [
        START,
        f"## Latest run: scale {scale:g} ({run['when']})",
        "",
        f"Machine: {m['nproc']} cores ({m['cpu'] or 'unknown CPU'}), {m['memory_gib']} GiB memory, PostgreSQL "
        f"{m['postgresql']}, Python {m['python']}, Django {m['django']}, wrk {m['wrk']}. Cache: {m['cache']}, "
        f"sessions: {m['sessions']}, DEBUG={m['debug']}. Load average when the run started: "
        f"{m.get('load_average', '?')} (on {m['nproc']} cores: above {m['nproc']} other work was competing for the "
        "CPU and every time here is inflated by about that factor).",
        "",
        "Data set: " + ", ".join(f"{k.removeprefix('count_')} {int(v):,}" for k, v in meta.items()
                                 if k.startswith("count_")) + ".",
        "",
    ]
    if run.get("seed"):
        seed = run["seed"]
        lines += [f"Seeding took **{seed['seconds']:.0f} s** (target: under 600 s at scale 1). Slowest steps:", "",
                  "| step | rows | seconds |", "|---|---:|---:|"]
        for what, n, seconds in sorted(seed["timings"], key=lambda r: -r[2])[:10]:
            lines.append(f"| {what} | {n:,} | {seconds:.1f} |")
        lines.append("")
    if run.get("pages"):
        other_names = sorted(others)
        lines += [
            f"### Server time per page ({run['pages'][0]['requests']} requests each, django.test.Client through "
            "the whole middleware stack, in ms)",
            "",
            "As served: visitors' pages and members' shared pages come from the cache (ospo_nl.core.page_cache, "
            "content_cache). Uncached: the same page with the cache off, as right after any change "
            f"({max(10, run['pages'][0]['requests'] // 10)} requests). Queries: as served / uncached.",
            "",
            "| page | as | SQL queries | " + "".join(f"queries at scale {s} | " for s in other_names)
            + "p50 | p95 | p99 | p95 target | met | uncached p50 | uncached p95 | uncached p50 ÷ ceiling |",
            "|---|---|---:|" + "---:|" * len(other_names) + "---:|---:|---:|---:|---|---:|---:|---:|",
        ]
        ceiling = (run.get("ceiling") or {}).get("p50")

        def counts_of(row):
            return f"{row['queries']} / {row.get('uncached_queries', '–')}"

        for r in run["pages"]:
            counts = []
            for s in other_names:
                match = [o for o in others[s]["pages"] if o["name"] == r["name"] and o["role"] == r["role"]]
                same = match and counts_of(match[0]) == counts_of(r)
                counts.append(f"{counts_of(match[0])}{'' if same else ' (differs)'}" if match else "–")
            target = page_target(r["name"])
            uncached = (f"{r['uncached_p50']:.1f} | {r['uncached_p95']:.1f}" if r.get("uncached_p50") is not None
                        else "– | –")
            lines.append(
                f"| {r['name']} | {r['role']} | {counts_of(r)} | " + "".join(f"{c} | " for c in counts)
                + f"{r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | < {target} | {_ok(r['p95'] < target)} | "
                + f"{uncached} | "
                + (f"{r['uncached_p50'] / ceiling:.0f}× |" if ceiling and r.get("uncached_p50") else "– |")
            )
        lines.append("")
        if ceiling:
            lines += [f"Ceiling (the bare view through the same stack, in the same run): p50 {ceiling:.2f} ms.", ""]
    spirit = all_runs.get(SPIRIT_SCALE)
    if spirit and spirit.get("pages"):
        lines += spirit_table(spirit)
    if run.get("load"):
        lines += [
            "### Throughput under load (gunicorn, 2 sync workers; wrk -t2 -c16, "
            f"{run['load_duration']} s per row, loopback)",
            "",
            "| page | as | requests/s | p50 ms | p99 ms | share of ceiling | target | met |",
            "|---|---|---:|---:|---:|---:|---:|---|",
        ]
        for r in run["load"]:
            target = load_target(r["name"], r["role"])
            errors = f" ({r['errors']} errors)" if r["errors"] else ""
            lines.append(
                f"| {r['name']} | {r['role']} | {r['rps']:.0f}{errors} | {r['p50']:.1f} | {r['p99']:.1f} | "
                f"{r['ceiling_ratio']:.0%} | {'≥ ' + format(target, '.0%') if target else '–'} | "
                f"{_ok(r['ceiling_ratio'] >= target) if target else '–'} |"
            )
        lines.append("")
    if run.get("mixed"):
        mixed = run["mixed"]
        writes = mixed["writes"]
        reads = sum(r["requests"] for r in mixed["roles"] if r["phase"] == "mixed")
        written = sum(writes["done"].values())
        lines += [
            f"### Mixed load (both roles at once, {SPREAD_NOTE}; "
            + (f"read-only and mixed alternately, {mixed['rounds']} × {mixed['duration']} s each)"
               if mixed.get("rounds") else f"{mixed['duration']} s per phase)"),
            "",
            f"Writes in the mixed phase: {written} ({', '.join(f'{n} {k}' for k, n in writes['done'].items())}; "
            f"{writes['failed']} failed{_reasons(writes)}), {written / max(1, reads + written):.1%} of all requests; "
            f"write p50 {writes['p50']:.0f} ms, p95 {writes['p95']:.0f} ms.",
            "",
            "| phase | as | requests/s | p50 ms | p95 ms | p99 ms | cache hits | of read-only | target | met |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
        ]
        read_only = {r["role"]: r for r in mixed["roles"] if r["phase"] == "read-only"}
        for r in mixed["roles"]:
            share = r["rps"] / read_only[r["role"]]["rps"] if read_only.get(r["role"], {}).get("rps") else 0
            mixed_row = r["phase"] == "mixed"
            errors = f" ({r['errors']} errors)" if r["errors"] else ""
            lines.append(
                f"| {r['phase']} | {r['role']} | {r['rps']:.0f}{errors} | {r['p50']:.1f} | {r['p95']:.1f} | "
                f"{r['p99']:.1f} | {r['hit_rate']:.0%} | {share:.0%} | {'≥ 50%' if mixed_row else '–'} | "
                f"{_ok(share >= 0.5) if mixed_row else '–'} |"
            )
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


SPREAD_NOTE = ("each picking one of 240 URLs at random: casus pages, lists and tag pages, forum topics, articles, "
               "organisations, search; members also post casussen, answer, comment, vote and sign in")


def write_markdown(path, block):
    path = Path(path)
    text = path.read_text() if path.exists() else "# Performance\n\n" + START + "\n" + END + "\n"
    if START not in text:
        text += "\n" + START + "\n" + END + "\n"
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1] if END in rest else ""
    path.write_text(before + block + after)


def now():
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _reasons(writes):
    """What the failed writes answered, e.g. ": vote 200 ×3"."""
    reasons = writes.get("reasons") or {}
    return (": " + ", ".join(f"{reason} ×{n}" for reason, n in sorted(reasons.items()))) if reasons else ""
