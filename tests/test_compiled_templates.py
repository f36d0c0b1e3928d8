"""The precompiled templates are fresh, render exactly what the sources render, and are
never used once they no longer match (orgcheck/report/compiled.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from jinja2 import FileSystemLoader, ModuleLoader

from orgcheck.analysis import analyze
from orgcheck.report import compiled, html, structure

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"


def test_the_committed_copy_is_fresh() -> None:
    made_with = json.loads(compiled.MANIFEST.read_text(encoding="utf-8"))["jinja2"]
    if made_with != jinja2.__version__:  # another Jinja2 compiles differently: not used
        assert compiled.loader_for(TEMPLATES) is None
        pytest.skip(f"compiled with Jinja2 {made_with}, this is {jinja2.__version__}")
    run = [sys.executable, str(ROOT / "scripts" / "gen_templates.py"), "--check"]
    done = subprocess.run(run, capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert isinstance(compiled.loader_for(TEMPLATES), ModuleLoader)


def _page(monkeypatch: pytest.MonkeyPatch, precompiled: bool) -> str:
    monkeypatch.setattr(html.secrets, "token_hex", lambda n: "0" * 2 * n)
    if not precompiled:
        monkeypatch.setattr(compiled, "loader_for", lambda template_dir: None)
    html.environment.cache_clear()
    try:
        result = analyze(ROOT / "sample_data" / "scaleup_workday.xlsx")
        first = html.environment().loader.loaders[0]
        assert isinstance(first, ModuleLoader if precompiled else FileSystemLoader)
        return html.render_html(structure.build(result))
    finally:
        html.environment.cache_clear()


def test_precompiled_and_source_templates_render_the_same_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if compiled.loader_for(TEMPLATES) is None:
        pytest.skip("the compiled copy does not match this Jinja2")
    ahead = _page(monkeypatch, precompiled=True)
    with monkeypatch.context() as m:
        source = _page(m, precompiled=False)
    assert ahead == source and "<html" in ahead


@pytest.mark.parametrize("change", ["edit", "remove", "add"])
def test_a_template_that_changed_turns_the_copy_off(tmp_path: Path, change: str) -> None:
    copy = tmp_path / "templates"
    shutil.copytree(TEMPLATES, copy)
    target = copy / "report" / "summary.html.j2"
    if change == "edit":
        target.write_text(target.read_text(encoding="utf-8") + "<p>new</p>\n", encoding="utf-8")
    elif change == "remove":
        target.unlink()
    else:
        (copy / "report" / "extra.html.j2").write_text("<p>extra</p>\n", encoding="utf-8")
    assert compiled.loader_for(copy) is None


def test_a_missing_or_broken_manifest_turns_the_copy_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compiled, "MANIFEST", tmp_path / "manifest.json")
    assert compiled.loader_for(TEMPLATES) is None
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    assert compiled.loader_for(TEMPLATES) is None
