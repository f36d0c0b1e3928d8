"""`orgcheck classify` as people use it: titles in, placements out, fast start."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from orgcheck.commands.classify import classify, safe_cell
from orgcheck.errors import UsageError

KEYS = ["title", "count", "level", "function", "confidence", "reason"]


def run(*args: str, stdin: str | None = None):
    result = CliRunner().invoke(classify, list(args), input=stdin)
    return result


def test_json_is_a_list_of_spec_titles_objects() -> None:
    result = run("Sr. PM", "Product Marketing Manager", "Sr. PM", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [list(d) for d in data] == [KEYS, KEYS]
    assert data[0] == {
        "title": "Sr. PM",
        "count": 2,
        "level": 3,
        "function": "product",
        "confidence": 0.95,
        "reason": "'Sr.' -> senior; 'PM' -> product manager; 'senior' -> rung 3; rung 3",
    }
    assert (data[1]["level"], data[1]["function"]) == (None, "marketing")


def test_table_is_aligned_and_readable() -> None:
    result = run("Head of Product", "Software Engineer, Product")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:4] == ["TITLE", "RUNG", "FUNCTION", "CONF"]
    starts = {line.index(word) for line, word in zip(lines[1:], ["4", "-"], strict=True)}
    assert starts == {lines[0].index("RUNG")}
    assert "engineering" in lines[2]


def test_csv_neutralises_formula_cells() -> None:
    titles = ['=HYPERLINK("x")', "+PM", "@Director", "-Lead", "Product Owner"]
    result = run("--format", "csv", "--", *titles)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0] == KEYS
    assert [r[0] for r in rows[1:]] == [
        '\'=HYPERLINK("x")',
        "'+PM",
        "'@Director",
        "'-Lead",
        "Product Owner",
    ]
    assert rows[-1][2:4] == ["2", "product"]


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@x", "\tx", "\rx"])
def test_safe_cell(value: str) -> None:
    assert safe_cell(value) == "'" + value
    assert safe_cell("Product Manager") == "Product Manager"


def test_file_and_stdin(tmp_path) -> None:
    path = tmp_path / "titles.txt"
    path.write_text("\ufeffSenior PM\n\nVP Product\n", encoding="utf-8")
    data = json.loads(run("--file", str(path), "--format", "json").output)
    assert [(d["title"], d["level"]) for d in data] == [("Senior PM", 3), ("VP Product", 5)]
    data = json.loads(run("--file", "-", "--format", "json", stdin="APM\nCPO\n").output)
    assert [d["level"] for d in data] == [1, 6]


def test_title_map_pins(tmp_path) -> None:
    path = tmp_path / "map.csv"
    path.write_text("Product Lead,4\n", encoding="utf-8")
    data = json.loads(run("Product Lead", "--title-map", str(path), "--format", "json").output)
    assert data[0]["level"] == 4 and "title map" in data[0]["reason"]


def test_no_titles_is_a_usage_error() -> None:
    result = run()
    assert isinstance(result.exception, UsageError)
    assert "no titles given" in str(result.exception)


def test_unreadable_file_is_a_usage_error(tmp_path) -> None:
    result = run("--file", str(tmp_path / "missing.txt"))
    assert isinstance(result.exception, UsageError)


def test_real_command_exit_codes_and_no_pandas() -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "orgcheck", "classify", "Sr. PM", "--format", "json"],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)[0]["level"] == 3
    bad = subprocess.run(
        [sys.executable, "-m", "orgcheck", "classify"], capture_output=True, text=True
    )
    assert bad.returncode == 2
    assert "no titles given" in bad.stderr and "Traceback" not in bad.stderr
    code = (
        "import sys; from click.testing import CliRunner;"
        "from orgcheck.commands.classify import classify;"
        "r = CliRunner().invoke(classify, ['Sr. PM']); assert r.exit_code == 0, r.output;"
        "print('pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_config_ladder_aliases(tmp_path) -> None:
    config = tmp_path / "orgcheck.toml"
    config.write_text('[ladder.aliases]\n"Tribe Lead" = 4\n', encoding="utf-8")
    result = run("Tribe Lead", "--config", str(config), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["level"] == 4


@pytest.mark.parametrize("command", ["classify", "analyze"])
def test_missing_title_map_is_exit_2_with_a_short_sentence(tmp_path, command) -> None:
    people = tmp_path / "people.csv"
    people.write_text("id,name,title,manager_id\n1,Ann Lee,CPO,\n2,Bo Chan,PM,1\n")
    args = ["PM"] if command == "classify" else [str(people), "-o", str(tmp_path / "r.json")]
    done = subprocess.run(
        [sys.executable, "-m", "orgcheck", command, *args, "--title-map", "missing.csv"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "Errno" not in done.stderr
    assert "missing.csv: title map not found" in done.stderr
    assert "--title-map" in done.stderr  # says what to give instead
    assert len(done.stderr.strip().splitlines()) <= 3
    assert not (tmp_path / "r.json").exists()
