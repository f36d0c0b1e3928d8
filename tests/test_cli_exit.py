"""The installed command leaves without the interpreter's teardown (``cli.run``): exit
codes, messages and everything written to stdout must still arrive in full."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIG = ROOT / "sample_data" / "enterprise_successfactors.csv"  # ~3,000 people


def orgcheck(*args: object, cwd: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "orgcheck", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=120)


def test_a_report_is_written_and_the_summary_printed(tmp_path: Path, small_csv: Path) -> None:
    done = orgcheck("analyze", small_csv, "-o", tmp_path / "r.html", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    assert "people" in done.stdout and str(tmp_path / "r.html") in done.stdout
    assert (tmp_path / "r.html").read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_a_large_json_document_on_stdout_arrives_whole(tmp_path: Path) -> None:
    done = orgcheck("analyze", BIG, "--format", "json", "-o", "-", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    document = json.loads(done.stdout)
    assert len(document["people"]) > 2000


def test_errors_keep_their_exit_code_and_message(tmp_path: Path) -> None:
    done = orgcheck("analyze", tmp_path / "missing.csv", cwd=tmp_path)
    assert done.returncode == 2
    assert "file not found" in done.stderr
    done = orgcheck("analyze", "--no-such-option", cwd=tmp_path)
    assert done.returncode == 2 and "no-such-option" in done.stderr


def test_the_same_exit_code_as_main_for_findings(tmp_path: Path, small_csv: Path) -> None:
    probe = (
        "import sys\nfrom orgcheck.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    print(e.code or 0)\n"
    )
    args = ["analyze", str(small_csv), "-o", str(tmp_path / "r.json"), "--fail-on", "info"]
    by_main = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True)
    by_run = orgcheck(*args, cwd=tmp_path)
    assert by_run.returncode == int(by_main.stdout.strip().splitlines()[-1])


def test_a_closed_stdout_is_no_crash(tmp_path: Path, small_csv: Path) -> None:
    """Started with stdout closed (``>&-``), Python has no sys.stdout at all."""
    command = [sys.executable, "-m", "orgcheck", "analyze", str(small_csv), "-o", "r.html"]
    done = subprocess.run(
        command, stderr=subprocess.PIPE, text=True, cwd=tmp_path, preexec_fn=lambda: os.close(1)
    )
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "r.html").is_file()
