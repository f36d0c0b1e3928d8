"""Time orgcheck on 10k / 100k / 1M-person orgs and check the goals of issue 6.

    python benchmarks/run.py [--sizes 10k,100k,1m] [--repeat 2]

Generates the input files first if needed (benchmarks/generate.py, cached in
benchmarks/out/) and compiles orgcheck's modules to bytecode, as pip does when it
installs the wheel. Then, each in a fresh Python process so that imports and caches
count as they do for a user:

1. every pipeline stage on its own (import, read, columns, tree, classify, metrics,
   rules, render html, render json, write), by calling the library's step functions;
   a stage whose module has not landed prints "n/a (module missing)";
2. end to end, side by side: ``orgcheck analyze X.xlsx -o out.html`` against a
   fastexcel read of the same file, ``X.csv`` against ``pd.read_csv``, JSON output,
   peak memory (ru_maxrss of the child, in MB of 10^6 bytes) and time per 1,000 people;
3. start-up: ``orgcheck --help`` and ``orgcheck rules`` must not import pandas,
   ``orgcheck classify "Sr. PM"`` must finish in 0.5 s.

Wall times are the best of ``--repeat`` runs. It prints tables; it asserts nothing
and is not a unit test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import shapes  # noqa: E402

OUT_DIR = generate.OUT / "reports"  # the reports the timed runs write (kept for a look)
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
# Measured as installed: pip compiles a wheel's modules to bytecode when it installs it,
# so a user's run does not compile orgcheck's 14,000 lines from source (about 0.09 s
# here). A checkout run with PYTHONDONTWRITEBYTECODE set would pay that on every run
# while pandas and fastexcel, compiled when installed, would not.
ENV.pop("PYTHONDONTWRITEBYTECODE", None)


def compile_package() -> None:
    """Write orgcheck's bytecode (into its __pycache__ folders, as an install would)."""
    subprocess.run(
        [PY, "-m", "compileall", "-q", str(ROOT / "orgcheck")], env=ENV, check=True, cwd=ROOT
    )


# -- fresh-process measurement -----------------------------------------------------------


@dataclass
class Run:
    """One fresh process: wall and CPU seconds, peak memory, and whether it worked."""

    wall: float
    cpu: float  # user + system seconds of the child: steadier than wall on a busy machine
    rss_mb: int
    code: int
    out: str = ""

    @property
    def ok(self) -> bool:
        return self.code in (0, 1)  # 1 = findings at or above --fail-on: a normal run


def run_child(args: list[str], stdout=subprocess.DEVNULL) -> Run:
    """Run ``args`` in a fresh process and measure it."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=stdout, stderr=subprocess.PIPE, env=ENV, cwd=ROOT)
    out = proc.stdout.read().decode() if proc.stdout else ""
    err = proc.stderr.read().decode() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    run = Run(
        wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024 // 10**6, proc.returncode, out
    )
    if not run.ok:
        tail = err.strip().splitlines()[-3:]
        print(f"  ! {' '.join(args[-4:])}: exit {run.code}: {' | '.join(tail)}")
    return run


def best(args: list[str], repeat: int) -> Run | None:
    """The fastest of ``repeat`` fresh runs (peak memory: the largest seen); None on failure."""
    runs = []
    for _ in range(max(1, repeat)):
        runs.append(run_child(args))
        if not runs[-1].ok:
            return None
    return Run(
        min(r.wall for r in runs),
        min(r.cpu for r in runs),
        max(r.rss_mb for r in runs),
        runs[-1].code,
    )


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
    run = run_child([PY, str(Path(__file__)), "--child", str(path)], subprocess.PIPE)
    if run.code != 0 or not run.out.strip():
        return dict.fromkeys(STAGES, "n/a (child failed)")
    times = json.loads(run.out.strip().splitlines()[-1])
    times["peak MB"] = run.rss_mb
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
        run = run_child([PY, "-c", PROBE, *args], subprocess.PIPE)
        try:
            seen = json.loads(run.out.strip().splitlines()[-1])
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
    run = best([PY, "-m", "orgcheck", "classify", "Sr. PM"], repeat)
    if run is None:
        rows.append(('orgcheck classify "Sr. PM" < 0.5 s', "run failed", "n/a"))
    else:
        shown = f"{run.wall:.2f} s (cpu {run.cpu:.2f} s)"
        rows.append(('orgcheck classify "Sr. PM" < 0.5 s', shown, _ok(run.wall < 0.5)))
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


def end_to_end(csv_path: Path, xlsx_path: Path, repeat: int) -> dict[str, Run | None]:
    """Each orgcheck run next to the bare read it is measured against."""
    out = OUT_DIR
    oc = [PY, "-m", "orgcheck", "analyze"]
    return {
        "xlsx->html": best(
            [*oc, str(xlsx_path), "-o", str(out / f"{xlsx_path.stem}.html")], repeat
        ),
        "fastexcel": best([PY, "-c", FASTEXCEL, str(xlsx_path)], repeat),
        "csv->html": best([*oc, str(csv_path), "-o", str(out / f"{csv_path.stem}.html")], repeat),
        "read_csv": best([PY, "-c", READ_CSV, str(csv_path)], repeat),
        "csv->json": best([*oc, str(csv_path), "-o", str(out / f"{csv_path.stem}.json")], repeat),
    }


CHROMIUM = os.environ.get("ORGCHECK_CHROMIUM", "/usr/bin/chromium")

BROWSER_PROBE = """
import json, sys, time
from playwright.sync_api import sync_playwright
with sync_playwright() as p:
    b = p.chromium.launch(executable_path=sys.argv[2], headless=True,
                          args=["--no-sandbox", "--disable-gpu"])
    page = b.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    start = time.perf_counter()
    page.goto("file://" + sys.argv[1], wait_until="load", timeout=120000)
    loaded = time.perf_counter() - start
    try:
        page.wait_for_selector("#tree-root .node", timeout=60000)
        tree = time.perf_counter() - start
    except Exception:
        tree = None
    heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
    b.close()
print(json.dumps({"load": loaded, "tree": tree, "heap_mb": heap / 1e6, "errors": errors}))
"""


def browser_check(html: Path) -> tuple[str, str, str]:
    """Open the report in headless Chromium: load time, tree shown, JS heap, page errors."""
    goal = f"{html.name} ({html.stat().st_size / 1e6:.0f} MB) opens in Chromium"
    if not Path(CHROMIUM).exists():
        return goal, f"no Chromium at {CHROMIUM}", "n/a"
    run = run_child([PY, "-c", BROWSER_PROBE, str(html.resolve()), CHROMIUM], subprocess.PIPE)
    try:
        seen = json.loads(run.out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return goal, f"probe failed (exit {run.code})", "NOT met"
    tree = f"{seen['tree']:.1f} s" if seen["tree"] is not None else "never"
    shown = f"load {seen['load']:.1f} s, tree {tree}, JS heap {seen['heap_mb']:.0f} MB"
    if seen["errors"]:
        shown += f", {len(seen['errors'])} page error(s): {seen['errors'][0][:60]}"
    return goal, shown, _ok(seen["tree"] is not None and not seen["errors"])


E2E_COLUMNS = ("xlsx->html", "fastexcel", "csv->html", "read_csv", "csv->json")


def e2e_table(e2e: dict[str, dict], people: dict[str, int], field: str) -> str:
    """Wall or CPU seconds of every end-to-end run, the two ratios and ms per 1,000."""
    rows = []
    for size, runs in e2e.items():
        val = {k: getattr(r, field) if r else None for k, r in runs.items()}
        k = people[size] / 1000
        peak = "/".join(_mb_of(runs[c]) for c in ("xlsx->html", "csv->html", "csv->json"))
        rows.append(
            [size, f"{people[size]:,}", *(_s(val[c]) for c in E2E_COLUMNS),
             _x(val["xlsx->html"], val["fastexcel"]), _x(val["csv->html"], val["read_csv"]),
             _per_k(val["csv->html"], k), _per_k(val["xlsx->html"], k), peak]
        )  # fmt: skip
    header = ["size", "people", *E2E_COLUMNS, "xlsx ratio", "csv ratio", "ms/1k csv",
              "ms/1k xlsx", "peak MB xlsx/csv/json"]  # fmt: skip
    return table(header, rows)


def goals_table(e2e: dict[str, dict], people: dict[str, int], repeat: int) -> str:
    goals = []
    if "100k" in e2e:
        r = e2e["100k"]
        goals.append(_ratio_goal("100k xlsx->html <= 2.5x fastexcel", r, "xlsx->html", 2.5))
        goals.append(_ratio_goal("100k csv->html <= 4x read_csv", r, "csv->html", 4))
    if "1m" in e2e:
        r = e2e["1m"]
        goals.append(_limit_goal("1M csv->html < 3 s", r["csv->html"], 3))
        goals.append(_limit_goal("1M csv->json < 5 s", r["csv->json"], 5))
        goals.append(_ratio_goal("1M xlsx->html <= 1.5x fastexcel", r, "xlsx->html", 1.5))
        peaks = [r[c].rss_mb for c in ("xlsx->html", "csv->html", "csv->json") if r[c]]
        shown = "/".join(_mb_of(r[c]) for c in ("xlsx->html", "csv->html", "csv->json"))
        goals.append(
            ("1M peak memory < 1.5 GB (xlsx/csv/json)", f"{shown} MB",
             _ok(bool(peaks) and max(peaks) < 1500))
        )  # fmt: skip
    per_k = [
        _per_k(runs["csv->html"].wall if runs["csv->html"] else None, people[size] / 1000)
        for size, runs in e2e.items()
    ]
    label = "ms per 1,000 people, csv->html (" + " / ".join(e2e) + ")"
    goals.append((label, " / ".join(per_k), "compare"))
    if "1m" in e2e and e2e["1m"]["csv->html"] is not None:
        goals.append(browser_check(OUT_DIR / "org_1m.html"))
    goals += startup(max(3, repeat))
    return table(["goal", "measured (wall)", "verdict"], [list(g) for g in goals])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Benchmark orgcheck (issue 6 goals).")
    parser.add_argument("--sizes", default="10k,100k,1m", help="e.g. 10k,100k")
    parser.add_argument("--repeat", type=int, default=2, help="fresh runs per timing (best)")
    parser.add_argument(
        "--shapes", action="store_true", help="also time the org as other exports write it"
    )
    parser.add_argument(
        "--shape-size", default=shapes.SIZE, choices=sorted(generate.SIZES),
        help="the org size --shapes writes and times (default 100k; 1m: five minutes to write)",
    )  # fmt: skip
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        sys.path.insert(0, str(ROOT))  # the checkout's orgcheck, as the parent's children get
        print(json.dumps(child_stages(args.child)))
        return
    sizes = generate.parse_sizes(args.sizes)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    files = {size: generate.generate(size) for size in sizes}
    compile_package()

    print(
        f"orgcheck benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"load average {os.getloadavg()[0]:.1f} at the start\n"
    )
    print("Stages (seconds, one fresh process per file)")
    stage_rows, e2e, notes, people = [], {}, [], {}
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
                people[size] = int(times.get("people") or generate.SIZES[size])
        e2e[size] = end_to_end(*files[size], args.repeat)
    print(table(["file", *STAGES, "total", "peak MB", "html MB"], stage_rows))
    for i, note in enumerate(notes, start=1):
        print(f"  [{i}] {note}")

    print("\nEnd to end, wall seconds (best of fresh processes)")
    print(e2e_table(e2e, people, "wall"))
    print("\nEnd to end, CPU seconds of the child (user + system; less sensitive to load)")
    print(e2e_table(e2e, people, "cpu"))
    print("\nGoals (issue 6)")
    print(goals_table(e2e, people, args.repeat))
    if args.shapes:
        print(
            f"\nOther shapes of the {args.shape_size} org (benchmarks/shapes.py), xlsx->html, "
            "wall seconds"
        )
        print(shapes_table(shapes.generate_shapes(size=args.shape_size), args.repeat))
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end")


def shapes_table(paths: dict[str, Path], repeat: int) -> str:
    """orgcheck against fastexcel on each shape, and how its managers resolved."""
    rows = []
    for name, path in paths.items():
        oc = best(
            [PY, "-m", "orgcheck", "analyze", str(path), "-o", str(OUT_DIR / f"{path.stem}.html")],
            repeat,
        )
        fx = best([PY, "-c", FASTEXCEL, str(path)], repeat)
        rows.append(
            [
                name,
                _s(oc and oc.wall),
                _s(fx and fx.wall),
                _x(oc and oc.wall, fx and fx.wall),
                _resolved(path),
            ]
        )
    return table(["shape", "orgcheck", "fastexcel", "ratio", "managers"], rows)


def _resolved(path: Path) -> str:
    """The resolution note's count ("60,057 of 97,226 by name"), from the JSON report."""
    run = run_child(
        [PY, "-m", "orgcheck", "analyze", str(path), "--format", "json", "-o", "-"],
        stdout=subprocess.PIPE,
    )
    try:
        notes = json.loads(run.out)["source"]["notes"]
    except (ValueError, KeyError):
        return "n/a"
    found = [n for n in notes if n.startswith("manager column")]
    if not found:
        return "no manager column"
    match = re.search(r"matched by (\w+).*?: ([\d,]+ of [\d,]+)", found[0])
    return f"{match[2]} by {match[1]}" if match else found[0][:40]


def _ok(flag: bool) -> str:
    return "met" if flag else "NOT met"


def _mb(value: object) -> str:
    return f"{value:.1f}" if isinstance(value, float) else "n/a"


def _mb_of(run: Run | None) -> str:
    return "-" if run is None else str(run.rss_mb)


def _s(value: float | None) -> str:
    return "failed" if value is None else f"{value:.2f}"


def _x(value: float | None, base: float | None) -> str:
    return "n/a" if value is None or not base else f"{value / base:.2f}x"


def _per_k(value: float | None, thousands: float) -> str:
    return "n/a" if value is None else f"{1000 * value / thousands:.1f}"


def _ratio_goal(goal: str, runs: dict, key: str, limit: float) -> tuple[str, str, str]:
    base = runs["fastexcel"] if key.startswith("xlsx") else runs["read_csv"]
    run = runs[key]
    if run is None or base is None:
        return goal, "run failed", "n/a"
    ratio = run.wall / base.wall
    shown = f"{ratio:.2f}x ({run.wall:.2f} s vs {base.wall:.2f} s; cpu {run.cpu / base.cpu:.2f}x)"
    return goal, shown, _ok(ratio <= limit)


def _limit_goal(goal: str, run: Run | None, limit: float) -> tuple[str, str, str]:
    if run is None:
        return goal, "run failed", "n/a"
    return goal, f"{run.wall:.2f} s (cpu {run.cpu:.2f} s)", _ok(run.wall < limit)


if __name__ == "__main__":
    main()
