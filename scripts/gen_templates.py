"""Compile the report's templates ahead of time (run after changing a template).

python scripts/gen_templates.py          # rewrite orgcheck/report/compiled_templates/
python scripts/gen_templates.py --check  # exit 1 if that copy is stale

The copy is used only while its manifest matches the templates, the Jinja2 version and
the environment's options (orgcheck/report/compiled.py); a stale copy is never run,
it only costs the 50 ms of compiling from source.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "templates"


def build(target: Path) -> None:
    """Write the compiled modules and their manifest into ``target``."""
    sys.path.insert(0, str(ROOT))
    from orgcheck.report import compiled, html

    env = html.environment(precompiled=False)  # the report's own filters and options
    if html.template_dirs()[0] != SOURCE:
        raise SystemExit(f"run from a source checkout: templates found in {html.template_dirs()}")
    target.mkdir(parents=True, exist_ok=True)
    env.compile_templates(
        str(target), zip=None, filter_func=compiled.is_template, ignore_errors=False
    )
    manifest = json.dumps(compiled.fingerprint(SOURCE), indent=1, sort_keys=True) + "\n"
    (target / "manifest.json").write_text(manifest, encoding="utf-8")


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from orgcheck.report.compiled import COMPILED_DIR

    if "--check" in argv:
        with tempfile.TemporaryDirectory() as tmp:
            build(Path(tmp))
            fresh = contents(Path(tmp))
        if not COMPILED_DIR.is_dir() or contents(COMPILED_DIR) != fresh:
            print(
                "orgcheck/report/compiled_templates is stale: run python scripts/gen_templates.py"
            )
            return 1
        return 0
    if COMPILED_DIR.is_dir():
        for old in COMPILED_DIR.glob("tmpl_*.py"):
            old.unlink()
    build(COMPILED_DIR)
    print(f"wrote {COMPILED_DIR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
