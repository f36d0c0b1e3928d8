"""Time orgcheck on 10k / 100k / 1M-person orgs and check the goals of issue 6.

    python benchmarks/run.py [--sizes 10k,100k,1m] [--repeat 2]

Generates the input files first if needed (benchmarks/generate.py, cached in
benchmarks/out/). Then, each in a fresh Python process so that imports and caches
count as they do for a user:

1. every pipeline stage on its own (import, read, columns, tree, classify, metrics,
   rules, render html, render json, write), by calling the library's step functions;
   a stage whose module has not landed prints "n/a (module missing)";
2. end to end, side by side: ``orgcheck analyze X.xlsx -o out.html`` against a
   fastexcel read of the same file, ``X.csv`` against ``pd.read_csv``, JSON output,
   peak memory (ru_maxrss of the child) and time per 1,000 people;
3. start-up: ``orgcheck --help`` and ``orgcheck rules`` must not import pandas,
   ``orgcheck classify "Sr. PM"`` must finish in 0.5 s.

Wall times are the best of ``--repeat`` runs. It prints tables; it asserts nothing
and is not a unit test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}

# -- fresh-process measurement -----------------------------------------------------------


def run_child(args: list[str], stdout=subprocess.DEVNULL) -> tuple[float, int, int, str]:
    """Run ``args``; return (wall seconds, peak RSS in MB, exit code, stdout text)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=stdout, stderr=subprocess.PIPE, env=ENV, cwd=ROOT)
    out = proc.stdout.read().decode() if proc.stdout else ""
    err = proc.stderr.read().decode() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # 1 = findings at or above --fail-on: a normal run
        tail = err.strip().splitlines()[-3:]
        print(f"  ! {' '.join(args[-4:])}: exit {proc.returncode}: {' | '.join(tail)}")
    return wall, usage.ru_maxrss // 1024, proc.returncode, out


def best(args: list[str], repeat: int) -> tuple[float | None, int, int]:
    """Best wall time of ``repeat`` fresh runs (None if a run failed), and the peak memory."""
    runs = []
    for _ in range(max(1, repeat)):
        runs.append(run_child(args))
        if runs[-1][2] not in (0, 1):
            return None, runs[-1][1], runs[-1][2]
    return min(r[0] for r in runs), max(r[1] for r in runs), runs[-1][2]


PY = sys.executable
FASTEXCEL = "import fastexcel,sys; s=fastexcel.read_excel(sys.argv[1]).load_sheet(0); s.height"
READ_CSV = "import pandas as pd,sys; pd.read_csv(sys.argv[1])"

# -- stages, in a child process ------------------------------------------------------------

STAGES = (
    "import",
    "read",
    "columns",
    "tree",
    "classify",
    "metrics",
    "rules",
    "render html",
    "render json",
    "write",
)


def child_stages(path: str) -> dict[str, object]:
    """Time each stage of the pipeline on ``path``; runs inside a fresh process."""
    times: dict[str, object] = {}
    state: dict[str, object] = {}

    def stage(name: str, needs: tuple[str, ...], fn) -> None:
        missing = [n for n in needs if n not in state]
        if missing:
            times[name] = f"n/a (needs {missing[0]})"
            return
        start = time.perf_counter()
        try:
            value = fn()
        except ModuleNotFoundError as exc:
            times[name] = f"n/a (module missing: {exc.name})"
            return
        except ImportError as exc:
            times[name] = f"n/a (module missing: {exc})"
            return
        except Exception as exc:
            times[name] = f"error: {type(exc).__name__}: {str(exc)[:100]}"
            return
        times[name] = time.perf_counter() - start
        state[name] = value

    def imports():
        import pandas  # noqa: F401

        from orgcheck import analysis, build, columns, metrics, read, rules, titles  # noqa: F401
        from orgcheck import config as config_mod

        state["cfg"] = config_mod.load_config(None)
        return True

    stage("import", (), imports)
    import importlib

    def mod(name: str):
        return importlib.import_module(f"orgcheck.{name}")

    cfg = state.get("cfg")
    limits = getattr(cfg, "limits", None)
    stage("read", ("import",), lambda: mod("read").read_table(path, limits=limits))
    stage("columns", ("read",), lambda: mod("columns").detect_columns(state["read"]))
    stage("tree", ("columns",), lambda: mod("build").build_org(state["read"], state["columns"]))

    def classify():
        titles = mod("titles")
        titles.classify_org(state["tree"], titles.Classifier.from_config(cfg))
        return state["tree"]

    stage("classify", ("tree",), classify)
    stage("metrics", ("classify",), lambda: mod("metrics").compute_metrics(state["tree"], cfg))
    stage(
        "rules",
        ("metrics",),
        lambda: mod("rules").run_rules(state["tree"], state["metrics"], cfg),
    )

    def result():
        return mod("analysis").Result(
            org=state["tree"], metrics=state["metrics"], findings=state["rules"], config=cfg
        )

    stage("render html", ("rules",), lambda: mod("report").render(result(), "html"))
    stage("render json", ("rules",), lambda: mod("jsonout").render_json(result()))

    def write():
        with tempfile.TemporaryDirectory() as tmp:
            mod("output").write_atomic(Path(tmp) / "out.html", state["render html"])
        return True

    stage("write", ("render html",), write)
    times["people"] = len(state["tree"]) if "tree" in state else None  # type: ignore[arg-type]
    times["html MB"] = len(state["render html"]) / 1e6 if "render html" in state else None
    return times


def stages_in_fresh_process(path: Path) -> dict[str, object]:
    _, rss, code, out = run_child([PY, str(Path(__file__)), "--child", str(path)], subprocess.PIPE)
    if code != 0 or not out.strip():
        return dict.fromkeys(STAGES, "n/a (child failed)")
    times = json.loads(out.strip().splitlines()[-1])
    times["peak MB"] = rss
    return times


# -- start-up --------------------------------------------------------------------------------

PROBE = """
import io, json, sys, contextlib
from orgcheck.cli import main
buf = io.StringIO()
code = 0
try:
    with contextlib.redirect_stdout(buf):
        main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "pandas": "pandas" in sys.modules,
                  "numpy": "numpy" in sys.modules}))
"""


def startup(repeat: int) -> list[tuple[str, str, str]]:
    rows = []
    for args in (["--help"], ["rules"]):
        _, _, code, out = run_child([PY, "-c", PROBE, *args], subprocess.PIPE)
        try:
            seen = json.loads(out.strip().splitlines()[-1])
        except (ValueError, IndexError):
            rows.append((f"orgcheck {' '.join(args)}: no pandas import", "n/a", "probe failed"))
            continue
        if seen["code"] not in (0, None):
            rows.append((f"orgcheck {' '.join(args)}", f"exit {seen['code']}", "n/a"))
            continue
        verdict = "met" if not seen["pandas"] else "NOT met"
        detail = f"pandas {'imported' if seen['pandas'] else 'not imported'}"
        detail += f", numpy {'imported' if seen['numpy'] else 'not imported'}"
        rows.append((f"orgcheck {' '.join(args)} does not import pandas", detail, verdict))
    wall, _, code = best([PY, "-m", "orgcheck", "classify", "Sr. PM"], repeat)
    verdict = "n/a" if code not in (0, 1) else ("met" if wall < 0.5 else "NOT met")
    rows.append(('orgcheck classify "Sr. PM" < 0.5 s', f"{wall:.2f} s", verdict))
    return rows


# -- main ------------------------------------------------------------------------------------


def fmt_time(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    out = [line.format(*header), line.format(*("-" * w for w in widths))]
    out += [line.format(*map(str, row)) for row in rows]
    return "\n".join(out)


def end_to_end(size: str, csv_path: Path, xlsx_path: Path, repeat: int, people: int) -> dict:
    out_dir = Path(tempfile.mkdtemp(prefix="orgcheck-bench-"))
    oc = [PY, "-m", "orgcheck", "analyze"]
    res: dict[str, float] = {}
    res["xlsx_html"], rss1, _ = best([*oc, str(xlsx_path), "-o", str(out_dir / "x.html")], repeat)
    res["fastexcel"], _, _ = best([PY, "-c", FASTEXCEL, str(xlsx_path)], repeat)
    res["csv_html"], rss2, _ = best([*oc, str(csv_path), "-o", str(out_dir / "c.html")], repeat)
    res["read_csv"], _, _ = best([PY, "-c", READ_CSV, str(csv_path)], repeat)
    res["csv_json"], rss3, _ = best([*oc, str(csv_path), "-o", str(out_dir / "c.json")], repeat)
    res["peak_mb"] = max(rss1, rss2, rss3)
    html = out_dir / "c.html"
    res["html_mb"] = html.stat().st_size / 1e6 if html.exists() else float("nan")
    res["people"] = people
    return res


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Benchmark orgcheck (issue 6 goals).")
    parser.add_argument("--sizes", default="10k,100k,1m", help="e.g. 10k,100k")
    parser.add_argument("--repeat", type=int, default=2, help="fresh runs per timing (best)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child_stages(args.child)))
        return
    sizes = generate.parse_sizes(args.sizes)
    files = {size: generate.generate(size) for size in sizes}

    print(f"orgcheck benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    print("Stages (seconds, one fresh process per file)")
    stage_rows, e2e, notes = [], {}, []
    for size in sizes:
        for path in files[size]:
            times = stages_in_fresh_process(path)
            total = sum(v for k, v in times.items() if k in STAGES and isinstance(v, float))
            cells = []
            for stage in STAGES:
                value = fmt_time(times.get(stage, "n/a"))
                if len(value) > 12:  # an error or a missing module: footnote it
                    if value not in notes:
                        notes.append(value)
                    value = f"[{notes.index(value) + 1}]"
                cells.append(value)
            stage_rows.append(
                [path.name, *cells, f"{total:.3f}", str(times.get("peak MB", "n/a")),
                 _mb(times.get("html MB"))]
            )  # fmt: skip
            if path.suffix == ".csv":
                people = times.get("people") or generate.SIZES[size]
        e2e[size] = end_to_end(size, *files[size], args.repeat, int(people))
    print(table(["file", *STAGES, "total", "peak MB", "html MB"], stage_rows))
    for i, note in enumerate(notes, start=1):
        print(f"  [{i}] {note}")

    print("\nEnd to end (wall seconds, best of fresh processes)")
    rows = []
    for size, r in e2e.items():
        k = r["people"] / 1000
        rows.append(
            [size, f"{r['people']:,}", _s(r["xlsx_html"]), _s(r["fastexcel"]),
             _x(r["xlsx_html"], r["fastexcel"]), _s(r["csv_html"]), _s(r["read_csv"]),
             _x(r["csv_html"], r["read_csv"]), _s(r["csv_json"]), _per_k(r["csv_html"], k),
             _per_k(r["xlsx_html"], k), str(r["peak_mb"]), f"{r['html_mb']:.1f}"]
        )  # fmt: skip
    print(
        table(
            ["size", "people", "xlsx->html", "fastexcel", "ratio", "csv->html", "read_csv",
             "ratio", "csv->json", "ms/1k csv", "ms/1k xlsx", "peak MB", "html MB"],
            rows,
        )
    )  # fmt: skip

    print("\nGoals (issue 6)")
    goals = []
    if "100k" in e2e:
        r = e2e["100k"]
        goals.append(_ratio_goal("100k xlsx->html <= 2.5x fastexcel", r, "xlsx_html", 2.5))
        goals.append(_ratio_goal("100k csv->html <= 4x read_csv", r, "csv_html", 4))
    if "1m" in e2e:
        r = e2e["1m"]
        goals.append(_limit_goal("1M csv->html < 3 s", r["csv_html"], 3))
        goals.append(_limit_goal("1M csv->json < 5 s", r["csv_json"], 5))
        goals.append(_ratio_goal("1M xlsx->html <= 1.5x fastexcel", r, "xlsx_html", 1.5))
        goals.append(("1M peak memory < 1.5 GB", f"{r['peak_mb']} MB", _ok(r["peak_mb"] < 1536)))
    per_k = [_per_k(r["csv_html"], r["people"] / 1000) for r in e2e.values()]
    goals.append(("ms per 1,000 people, csv->html (" + " / ".join(e2e) + ")", " / ".join(per_k),
                  "compare"))  # fmt: skip
    goals += startup(max(3, args.repeat))
    print(table(["goal", "measured", "verdict"], [list(g) for g in goals]))


def _ok(flag: bool) -> str:
    return "met" if flag else "NOT met"


def _mb(value: object) -> str:
    return f"{value:.1f}" if isinstance(value, float) else "n/a"


def _s(value: float | None) -> str:
    return "failed" if value is None else f"{value:.2f}"


def _x(value: float | None, base: float | None) -> str:
    return "n/a" if value is None or not base else f"{value / base:.2f}x"


def _per_k(value: float | None, thousands: float) -> str:
    return "n/a" if value is None else f"{1000 * value / thousands:.1f}"


def _ratio_goal(goal: str, r: dict, key: str, limit: float) -> tuple[str, str, str]:
    base = r["fastexcel"] if key.startswith("xlsx") else r["read_csv"]
    if r[key] is None or not base:
        return goal, "run failed", "n/a"
    ratio = r[key] / base
    return goal, f"{ratio:.2f}x ({r[key]:.2f} s vs {base:.2f} s)", _ok(ratio <= limit)


def _limit_goal(goal: str, value: float | None, limit: float) -> tuple[str, str, str]:
    if value is None:
        return goal, "run failed", "n/a"
    return goal, f"{value:.2f} s", _ok(value < limit)


if __name__ == "__main__":
    main()
