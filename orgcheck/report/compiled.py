"""The report's templates compiled to Python ahead of time, as Jinja2's ModuleLoader
loads them.

Compiling the ten templates from source costs about 50 ms of every run (more than the
whole render of a 10,000-person org); importing the compiled modules costs 2-8 ms.
They are written by ``scripts/gen_templates.py`` into ``compiled_templates/`` with a
manifest of what they were made from: the Jinja2 version, the environment's options
and a hash of each template. They are used only when all of that still matches;
otherwise the templates are compiled from source as before, so an edited template
or another Jinja2 can never run stale code. A test keeps the committed copy fresh.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jinja2
from jinja2 import ModuleLoader

COMPILED_DIR = Path(__file__).resolve().parent / "compiled_templates"
MANIFEST = COMPILED_DIR / "manifest.json"
#: The Environment options the report uses (they change the compiled code).
OPTIONS = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}


def is_template(name: str) -> bool:
    """Templates proper; report.css and report.js are inlined as they are."""
    return name.endswith(".j2")


def fingerprint(template_dir: Path) -> dict:
    """What the compiled code depends on, for the templates in ``template_dir``."""
    sources = {
        p.relative_to(template_dir).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(template_dir.rglob("*"))
        if p.is_file() and is_template(p.name)
    }
    return {"jinja2": jinja2.__version__, "options": OPTIONS, "templates": sources}


def loader_for(template_dir: Path) -> ModuleLoader | None:
    """A loader of the precompiled templates if they were made from exactly the
    templates in ``template_dir`` by this Jinja2 with these options, else None."""
    try:
        made_from = json.loads(MANIFEST.read_text(encoding="utf-8"))
        current = fingerprint(template_dir)
    except (OSError, ValueError):
        return None
    return ModuleLoader(str(COMPILED_DIR)) if made_from == current else None
