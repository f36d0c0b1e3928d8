"""Run ``orgcheck analyze`` on every hostile file, each in its own process, and tabulate.

For each input: exit code, the first line of the message, wall seconds, the child's peak
memory, whether an output file was left behind and whether the input changed. The CLI
test (tests/test_hostile_cli.py) asserts on the same outcomes; this script prints the
table, including the large generated cases the test suite skips:

    python scripts/hostile_table.py            # committed corpus + large generated cases
    python scripts/hostile_table.py --small    # committed corpus only
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "hostile" / "files"


@dataclass
class Outcome:
    name: str
    code: int
    message: str
    stderr_lines: int
    traceback: bool
    seconds: float
    peak_mib: float
    output_left: bool
    input_changed: bool


def digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    except OSError:
        return None


def run_one(path: Path, *extra: str, timeout: float = 120) -> Outcome:
    """One fresh ``python -m orgcheck analyze`` on path, writing into an empty folder."""
    before = digest(path)
    with tempfile.TemporaryDirectory() as out_dir:
        out = Path(out_dir) / "report.html"
        cmd = [sys.executable, "-m", "orgcheck", "analyze", str(path), "-o", str(out), *extra]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        start = time.perf_counter()
        with tempfile.TemporaryFile() as err_file:
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err_file, env=env)
            try:
                _, status, usage = os.wait4(proc.pid, 0)
            except BaseException:
                proc.kill()
                raise
            proc.returncode = os.waitstatus_to_exitcode(status)
            seconds = time.perf_counter() - start
            err_file.seek(0)
            stderr = err_file.read().decode("utf-8", "replace")
        left = sorted(p.name for p in Path(out_dir).iterdir())
    lines = [line for line in stderr.splitlines() if line.strip()]
    return Outcome(
        name=path.name,
        code=proc.returncode,
        message=lines[0] if lines else "",
        stderr_lines=len(lines),
        traceback="Traceback" in stderr,
        seconds=seconds,
        peak_mib=usage.ru_maxrss / 1024,
        output_left=bool(left) and proc.returncode == 2,
        input_changed=digest(path) != before,
    )


def large_cases(folder: Path) -> list[tuple[Path, tuple[str, ...]]]:
    """Generated files too big to commit: zip bomb, 3 MB cell, a million empty columns."""
    spec = importlib.util.spec_from_file_location(
        "mh", ROOT / "tests" / "hostile" / "make_hostile.py"
    )
    mh = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mh)
    return [
        (mh.make_zip_bomb(folder, inflated_mb=2048), ()),
        (mh.make_huge_cell_csv(folder), ()),
        (mh.make_million_columns(folder), ()),
        (deep_chain(folder, 1_000_000), ("--fail-on", "never")),
    ]


def deep_chain(folder: Path, n: int) -> Path:
    """A valid file: everyone reports to the person above, n people deep."""
    path = folder / f"chain_{n}.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("id,name,title,manager\n1,Person 1,CEO,\n")
        fh.writelines(f"{i},Person {i},Product Manager,{i - 1}\n" for i in range(2, n + 1))
    return path


def table(outcomes: list[Outcome]) -> str:
    rows = ["| input | exit | message | seconds | peak MiB |", "|---|---|---|---|---|"]
    for o in outcomes:
        msg = o.message.replace("|", "\\|")
        msg = msg if len(msg) <= 110 else msg[:107] + "..."
        rows.append(f"| {o.name} | {o.code} | {msg} | {o.seconds:.2f} | {o.peak_mib:.0f} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="committed corpus only")
    args = parser.parse_args()
    outcomes = [run_one(p) for p in sorted(CORPUS.iterdir())]
    if not args.small:
        with tempfile.TemporaryDirectory() as tmp:
            outcomes += [run_one(p, *extra, timeout=600) for p, extra in large_cases(Path(tmp))]
    print(table(outcomes))
    bad = [o.name for o in outcomes if o.traceback or o.output_left or o.input_changed]
    if bad:
        print(f"\nproblems: {', '.join(bad)}", file=sys.stderr)


if __name__ == "__main__":
    main()
