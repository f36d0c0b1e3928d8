"""``orgcheck analyze`` as a user meets it: outputs, exit codes, and the error path."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.util import SMALL_ORG, write_csv


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_default_output_is_html_beside_the_working_directory(run_cli, small_csv, tmp_path):
    code, out, err = run_cli("analyze", small_csv, "--fail-on", "never")
    assert code == 0, err
    report = tmp_path / "team.orgcheck.html"
    assert report.is_file()
    assert "Content-Security-Policy" in report.read_text(encoding="utf-8")
    assert "team.orgcheck.html" in out
    assert "10 people" in out


def test_json_to_stdout_follows_the_schema(run_cli, small_csv):
    code, out, err = run_cli(
        "analyze", small_csv, "--format", "json", "-o", "-", "--fail-on", "never"
    )
    assert code == 0, err
    doc = json.loads(out)
    assert doc["schema_version"] == 1
    assert set(doc) >= {"orgcheck_version", "source", "summary", "people", "findings", "titles"}
    assert doc["source"]["manager_key"] == "id"
    assert doc["source"]["columns"]["title"] == "Job Title"
    assert doc["summary"]["headcount"] == len(SMALL_ORG)
    people = {p["id"]: p for p in doc["people"]}
    assert people["4"]["manager_id"] == "3"
    assert people["4"]["level"] == 4
    assert people["1"]["manager_id"] is None and people["1"]["depth"] == 0
    assert people["1"]["org_size"] == len(SMALL_ORG) - 1
    assert people["9"]["function"] == "engineering" and people["9"]["level"] is None
    # the summary line goes to stderr when the report goes to stdout
    assert "people" in err


def test_json_is_byte_identical_across_runs(run_cli, small_csv):
    first = run_cli("analyze", small_csv, "--format", "json", "-o", "-", "--fail-on", "never")[1]
    second = run_cli("analyze", small_csv, "--format", "json", "-o", "-", "--fail-on", "never")[1]
    assert first == second


@pytest.mark.parametrize(("name", "fmt"), [("r.md", "# "), ("r.txt", "Org check"), ("r.json", "{")])
def test_format_follows_the_output_extension(run_cli, small_csv, tmp_path, name, fmt):
    code, _, err = run_cli("analyze", small_csv, "-o", tmp_path / name, "--fail-on", "never")
    assert code == 0, err
    assert (tmp_path / name).read_text(encoding="utf-8").lstrip().startswith(fmt)


def test_unknown_output_extension_is_a_usage_error(run_cli, small_csv, tmp_path):
    code, _, err = run_cli("analyze", small_csv, "-o", tmp_path / "report.pdf")
    assert code == 2
    assert "--format" in err


def test_missing_file_is_exit_2_with_a_short_message_and_no_output(run_cli, tmp_path):
    code, _, err = run_cli("analyze", tmp_path / "nope.xlsx")
    assert code == 2
    assert "nope.xlsx" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) <= 3
    assert not list(tmp_path.glob("*.orgcheck.*"))


def test_output_in_a_missing_folder_is_refused_before_work(run_cli, small_csv, tmp_path):
    code, _, err = run_cli("analyze", small_csv, "-o", tmp_path / "no" / "such" / "r.html")
    assert code == 2
    assert "does not exist" in err


def test_the_input_is_never_overwritten(run_cli, tmp_path):
    src = write_csv(tmp_path / "team.json", SMALL_ORG)
    before = digest(src)
    code, _, err = run_cli("analyze", src, "-o", src)
    assert code == 2
    assert "input" in err
    assert digest(src) == before


def test_input_is_unchanged_after_a_run(run_cli, small_csv):
    before = digest(small_csv)
    run_cli("analyze", small_csv, "--fail-on", "never")
    assert digest(small_csv) == before


def test_fail_on_controls_the_exit_code(run_cli, tmp_path):
    # a PM reporting straight to a VP with nobody between is a finding of some severity
    rows = [*SMALL_ORG, ("11", "Gus Hale", "Product Manager", "3"), ("12", "Ida Moss", "", "3")]
    src = write_csv(tmp_path / "team.csv", rows)
    assert run_cli("analyze", src, "--fail-on", "never")[0] == 0
    code, _, err = run_cli("analyze", src, "--fail-on", "info")
    assert code == 1, err


def test_column_override_and_bad_column_syntax(run_cli, tmp_path):
    src = write_csv(tmp_path / "t.csv", SMALL_ORG, header=("Key", "Who", "Hat", "Boss"))
    args = ["analyze", src, "--format", "json", "-o", "-", "--fail-on", "never"]
    cols = [
        "--column",
        "id=Key",
        "--column",
        "name=Who",
        "--column",
        "title=Hat",
        "--column",
        "manager=boss",
    ]
    code, out, err = run_cli(*args, *cols)
    assert code == 0, err
    assert json.loads(out)["source"]["columns"]["title"] == "Hat"
    code, _, err = run_cli("analyze", src, "--column", "title")
    assert code == 2
    assert "FIELD=HEADER" in err


def test_several_inputs_into_a_folder(run_cli, tmp_path):
    a = write_csv(tmp_path / "a.csv", SMALL_ORG)
    b = write_csv(tmp_path / "b.csv", SMALL_ORG)
    out_dir = tmp_path / "reports"
    out_dir.mkdir()
    code, _, err = run_cli("analyze", a, b, "-o", out_dir, "--format", "md", "--fail-on", "never")
    assert code == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == ["a.orgcheck.md", "b.orgcheck.md"]


def test_one_bad_input_among_several_still_reports_the_good_one(run_cli, small_csv, tmp_path):
    code, _, err = run_cli("analyze", tmp_path / "missing.csv", small_csv, "--fail-on", "never")
    assert code == 2
    assert "missing.csv" in err
    assert (tmp_path / "team.orgcheck.html").is_file()


def test_an_internal_error_says_it_is_a_bug(run_cli, small_csv, monkeypatch, tmp_path):
    import orgcheck.analysis

    def boom(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(orgcheck.analysis, "analyze", boom)
    code, _, err = run_cli("analyze", small_csv)
    assert code == 2
    assert "internal error" in err and "bug" in err
    assert "Traceback" not in err
    code, _, err = run_cli("--debug", "analyze", small_csv)
    assert "Traceback" in err
    assert not list(tmp_path.glob("*.orgcheck.*"))


def test_a_failure_halfway_through_writing_leaves_no_file_behind(
    run_cli, small_csv, monkeypatch, tmp_path
):
    import orgcheck.jsonout

    real = orgcheck.jsonout.people_chunks

    def half_then_boom(result):
        yield next(iter(real(result)))
        raise RuntimeError("disk went away")

    monkeypatch.setattr(orgcheck.jsonout, "people_chunks", half_then_boom)
    (tmp_path / "r.json").write_text("the previous report\n", encoding="utf-8")
    code, _, _ = run_cli("analyze", small_csv, "-o", tmp_path / "r.json")
    assert code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json", "team.csv"]
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == "the previous report\n"


def test_help_and_rules_do_not_import_pandas():
    probe = (
        "import sys\n"
        "from orgcheck.cli import main\n"
        "for args in (['--help'], ['rules'], ['analyze', '--help']):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print('pandas' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"


def test_python_dash_m_runs_the_cli():
    out = subprocess.run(
        [sys.executable, "-m", "orgcheck", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert "0.1.0" in out.stdout


@pytest.mark.parametrize("fmt", ["json", "html", "md", "text"])
def test_anonymize_leaves_no_real_name_in_any_format(run_cli, small_csv, fmt):
    code, out, err = run_cli(
        "analyze", small_csv, "--anonymize", "--format", fmt, "-o", "-", "--fail-on", "never"
    )
    assert code == 0, err
    for _, name, _title, _ in SMALL_ORG:
        for part in name.split():
            for text, where in ((out, f"the {fmt} report"), (err, "the terminal summary")):
                assert not re.search(rf"\b{part}\b", text), f"{part!r} leaked into {where}"
    assert "Person 0001" in out
    assert "Director of Product" in out  # titles and structure stay


def test_anonymized_json_keeps_structure(run_cli, small_csv):
    plain = json.loads(
        run_cli("analyze", small_csv, "--format", "json", "-o", "-", "--fail-on", "never")[1]
    )
    anon = json.loads(
        run_cli(
            "analyze", small_csv, "--format", "json", "-o", "-", "--anonymize", "--fail-on", "never"
        )[1]
    )
    assert [p["manager_id"] for p in plain["people"]] == [p["manager_id"] for p in anon["people"]]
    assert [p["level"] for p in plain["people"]] == [p["level"] for p in anon["people"]]
    assert len(plain["findings"]) == len(anon["findings"])


def rules_fired(out: str) -> set[str]:
    return {f["rule"] for f in json.loads(out)["findings"]}


def test_select_and_ignore_by_name_code_and_prefix(run_cli, small_csv):
    base = ["analyze", small_csv, "--format", "json", "-o", "-", "--fail-on", "never"]
    everything = rules_fired(run_cli(*base)[1])
    assert "title-inflation" in everything and len(everything) > 1
    assert rules_fired(run_cli(*base, "--select", "OC301")[1]) == {"title-inflation"}
    assert rules_fired(run_cli(*base, "--select", "OC3")[1]) <= {
        "title-inflation",
        "leader-without-team",
    }
    assert "title-inflation" not in rules_fired(run_cli(*base, "--ignore", "title-inflation")[1])


def test_config_file_in_the_working_directory_sets_severity_and_fail_on(
    run_cli, small_csv, tmp_path
):
    (tmp_path / "orgcheck.toml").write_text(
        'fail_on = "info"\n\n[rules.title-inflation]\nseverity = "info"\n', encoding="utf-8"
    )
    code, out, err = run_cli("analyze", small_csv, "--format", "json", "-o", "-")
    assert code == 1, err
    severities = {
        f["severity"] for f in json.loads(out)["findings"] if f["rule"] == "title-inflation"
    }
    assert severities == {"info"}
    # the command line wins over the file
    assert (
        run_cli("analyze", small_csv, "--format", "json", "-o", "-", "--fail-on", "never")[0] == 0
    )


def test_company_size_changes_the_startup_verdict(run_cli, small_csv):
    base = ["analyze", small_csv, "--format", "json", "-o", "-", "--fail-on", "never"]
    assert "title-inflation" in rules_fired(run_cli(*base)[1])
    doc = json.loads(run_cli(*base, "--company-size", "5000")[1])
    inflation = [f for f in doc["findings"] if f["rule"] == "title-inflation"]
    assert not any("company of" in f["message"] for f in inflation)


def test_bad_config_is_a_usage_error(run_cli, small_csv, tmp_path):
    (tmp_path / "orgcheck.toml").write_text("fail_om = 'info'\n", encoding="utf-8")
    code, _, err = run_cli("analyze", small_csv)
    assert code == 2
    assert "fail_om" in err and "Traceback" not in err
    assert not list(tmp_path.glob("*.orgcheck.*"))


def test_init_writes_a_config_that_analyze_accepts(run_cli, small_csv, tmp_path):
    assert run_cli("init")[0] == 0
    assert (tmp_path / "orgcheck.toml").is_file()
    assert run_cli("analyze", small_csv, "--fail-on", "never")[0] == 0
    assert run_cli("init")[0] == 2  # refuses to overwrite


def test_column_override_picks_the_manager_column(run_cli, tmp_path):
    rows = [
        ("10", "Chen, Maya", "CEO", "", "77"),
        ("11", "Patel, Ravi", "VP of Product", "Maya Chen", "77"),
        ("12", "Vogel, Lena", "Product Manager", "Ravi Patel", "78"),
    ]
    src = write_csv(
        tmp_path / "hr.csv",
        rows,
        header=("EmpID", "Employee_Name", "Position", "ManagerName", "ManagerID"),
    )
    base = ["analyze", src, "--format", "json", "-o", "-", "--fail-on", "never"]
    auto = json.loads(run_cli(*base)[1])
    assert auto["source"]["columns"]["manager"] == "ManagerName"
    assert [p["manager_id"] for p in auto["people"]] == [None, "10", "11"]
    forced = json.loads(run_cli(*base, "--column", "manager=ManagerID")[1])
    assert forced["source"]["columns"]["manager"] == "ManagerID"
    assert "unknown-manager" in {f["rule"] for f in forced["findings"]}


def test_a_bad_rule_name_is_a_command_line_error_not_the_file(run_cli, small_csv, tmp_path):
    code, _, err = run_cli("analyze", small_csv, "--select", "OC999")
    assert code == 2
    assert "OC999" in err
    assert "team.csv" not in err
    assert not list(tmp_path.glob("*.orgcheck.*"))


def test_without_a_manager_column_tree_rules_are_skipped_and_said(run_cli, tmp_path):
    rows = [(i, n, t) for i, n, t, _ in SMALL_ORG]
    src = write_csv(tmp_path / "entra.csv", rows, header=("objectId", "displayName", "jobTitle"))
    code, out, err = run_cli("analyze", src, "--format", "json", "-o", "-", "--fail-on", "never")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["source"]["manager_key"] is None
    fired = {f["rule"] for f in doc["findings"]}
    assert not fired & {"leader-without-team", "no-product-leader", "multiple-roots", "wide-span"}
    assert "no manager column" in err
    assert doc["summary"]["headcount"] == len(SMALL_ORG)


def test_a_company_size_below_the_headcount_is_said(run_cli, small_csv):
    code, _, err = run_cli("analyze", small_csv, "--company-size", "3", "--fail-on", "never")
    assert code == 0
    assert "smaller than" in err


def test_json_says_which_rows_were_left_out_and_why(run_cli, tmp_path):
    rows = [*SMALL_ORG, ("11", "Gone Person", "Product Manager", "4")]
    header = ("Employee ID", "Name", "Job Title", "Manager ID", "Status")
    src = write_csv(
        tmp_path / "t.csv",
        [(*r, "Terminated" if r[0] == "11" else "Active") for r in rows],
        header=header,
    )
    doc = json.loads(
        run_cli("analyze", src, "--format", "json", "-o", "-", "--fail-on", "never")[1]
    )
    assert doc["summary"]["headcount"] == len(SMALL_ORG)
    assert doc["source"]["skipped"] == {"terminated": 1}
    assert isinstance(doc["source"]["notes"], list)


def test_inputs_with_the_same_name_do_not_overwrite_each_other(run_cli, tmp_path):
    for year in ("2024", "2025"):
        (tmp_path / year).mkdir()
        write_csv(tmp_path / year / "export.csv", SMALL_ORG)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, _, err = run_cli(
        "analyze", tmp_path / "2024" / "export.csv", tmp_path / "2025" / "export.csv", "-o", out_dir
    )
    assert code == 2
    assert "same report" in err
    assert not list(out_dir.iterdir())


def test_stdout_takes_one_input(run_cli, small_csv):
    code, out, err = run_cli("analyze", small_csv, small_csv, "-o", "-", "--format", "json")
    assert code == 2
    assert "one input" in err
    assert out == ""


def test_escape_sequences_in_names_never_reach_the_terminal_or_markdown(run_cli, tmp_path):
    rows = [*SMALL_ORG[:4], ("5", "Al\x1b[31mRED\x1b]0;pwned\x07 X", "Director of Product", "3")]
    src = write_csv(tmp_path / "t.csv", rows)
    code, out, err = run_cli("analyze", src, "--format", "md", "-o", "-", "--fail-on", "never")
    assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out
    assert "\x1b" not in err and "\x07" not in err


def test_anonymized_json_hides_email_ids_in_findings_too(run_cli, tmp_path):
    rows = [
        ("alice@acme.com", "Alice Zephyrine", "Chief Product Officer", ""),
        ("rob@acme.com", "Rob Roy", "Director of Product", "alice@acme.com"),
        ("fay@acme.com", "Fay Wu", "Product Manager", "ghost@acme.com"),
    ]
    src = write_csv(
        tmp_path / "d.csv", rows, header=("Employee ID", "Name", "Job Title", "Manager Email")
    )
    out = run_cli(
        "analyze", src, "--anonymize", "--format", "json", "-o", "-", "--fail-on", "never"
    )[1]
    assert "acme" not in out
    doc = json.loads(out)
    ids = {p["id"] for p in doc["people"]}
    assert all(set(f["people"]) <= ids for f in doc["findings"])


def test_a_name_typed_into_a_manager_id_column_is_hidden(run_cli, tmp_path):
    rows = [*SMALL_ORG[:3], ("11", "Gus Hale", "Product Manager", "Jane Realperson")]
    src = write_csv(tmp_path / "t.csv", rows)
    out = run_cli(
        "analyze", src, "--anonymize", "--format", "json", "-o", "-", "--fail-on", "never"
    )[1]
    assert "Realperson" not in out
    assert "row 5" in out  # row numbers are not mistaken for ids


@pytest.mark.parametrize("fmt", ["json", "html", "md", "text"])
def test_a_name_inside_a_job_title_is_hidden(run_cli, tmp_path, fmt):
    rows = [*SMALL_ORG, ("11", "Gus Hale", "Executive Assistant to Maya Chen", "1")]
    src = write_csv(tmp_path / "t.csv", rows)
    out = run_cli("analyze", src, "--anonymize", "--format", fmt, "-o", "-", "--fail-on", "never")[
        1
    ]
    assert "Maya" not in out and "Chen" not in out
    assert "Executive Assistant to" in out


def test_a_closed_pipe_stops_quietly(small_csv, tmp_path):
    rows = [
        (str(i), f"Person {i}", "Product Manager", "1" if i > 1 else "") for i in range(1, 20001)
    ]
    src = write_csv(tmp_path / "big.csv", rows)
    cmd = f"{sys.executable} -m orgcheck analyze {src} --format json -o - | head -c 10"
    done = subprocess.run(
        ["bash", "-c", cmd + "; echo rc=${PIPESTATUS[0]}"], capture_output=True, text=True
    )
    assert "rc=141" in done.stdout
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr


def test_one_header_for_two_fields_is_refused(run_cli, small_csv):
    code, _, err = run_cli("analyze", small_csv, "--column", "name=Name", "--column", "title=name")
    assert code == 2
    assert "more than one field" in err
