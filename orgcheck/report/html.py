"""The self-contained HTML page: Jinja2 templates, autoescaped, with a strict CSP.

No markup is built here. Python hands the templates plain data; the one piece of
data the page's script needs (the org tree as compact arrays) is embedded as JSON in
a non-executable ``<script type="application/json">`` block with ``<``, ``>`` and
``&`` escaped, so no spreadsheet value can close the block or open a tag. The CSS
and script are inlined and allowed by their SHA-256 hashes, not 'unsafe-inline'.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from functools import cache
from pathlib import Path

import numpy as np
from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from orgcheck import __version__
from orgcheck.jsonout import escaped_bytes
from orgcheck.model import LEVEL_NAMES
from orgcheck.report import compiled, words
from orgcheck.report.structure import Report

_PACKAGE_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"  # installed wheel
_SOURCE_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"  # source checkout


def template_dirs() -> list[Path]:
    """Where templates are looked up, installed copy first, then the source checkout."""
    return [d for d in (_PACKAGE_TEMPLATES, _SOURCE_TEMPLATES) if (d / "report.html.j2").is_file()]


@cache
def environment(precompiled: bool = True) -> Environment:
    """The report's Jinja2 environment; its templates come precompiled when the copy
    in ``compiled_templates`` was made from these very sources (see ``compiled``)."""
    dirs = template_dirs()
    loaders: list[BaseLoader] = [FileSystemLoader(str(d)) for d in dirs]
    ahead = compiled.loader_for(dirs[0]) if precompiled and dirs else None
    env = Environment(
        loader=ChoiceLoader([ahead, *loaders] if ahead else loaders),
        undefined=StrictUndefined,
        **compiled.OPTIONS,
    )
    env.filters["thousands"] = lambda n: f"{int(n):,}"
    return env


def _asset(name: str) -> str:
    """A file inlined as it is (the stylesheet, the script), read from the templates."""
    env = environment(precompiled=False)
    source, _, _ = env.loader.get_source(env, name)
    return source


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


#: What cannot appear raw inside a <script> block, and its JSON escape.
_SCRIPT_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def script_json(data: object) -> Markup:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' survives."""
    return Markup("".join(_script_json_parts(data)))


def _script_json_parts(data: object) -> list[str]:
    """``script_json`` as pieces, to be joined once into the page.

    A dict with string keys is encoded one value at a time (exactly as ``json.dumps``
    joins them), so the escapes only scan pieces that hold such a character: the tree's
    packed columns are ASCII digits and are skipped by a quick look.
    """
    if isinstance(data, dict) and all(type(k) is str for k in data):
        parts = []
        for k, v in data.items():
            parts += [",", _escaped(_dumps(k)), ":", _escaped(_dumps(v))]
        return ["{", *parts[1:], "}"]
    return [_escaped(_dumps(data))]


#: Strings longer than this are checked for characters JSON escapes before encoding.
_LONG = 10_000


def _dumps(value: object) -> str:
    """``json.dumps`` (compact, not ASCII-only); a long string needing no escape is quoted.

    The page's names travel as one long string: numpy finds on its UTF-8 bytes in a
    few milliseconds that it holds no quote, backslash or control character (bytes
    below 0x80 are those ASCII characters), where the encoder walks it character by
    character.
    """
    if type(value) is str and len(value) > _LONG:
        raw = np.frombuffer(value.encode("utf-8", "surrogatepass"), dtype=np.uint8)
        if not escaped_bytes(raw).any():
            return f'"{value}"'
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _escaped(text: str) -> str:
    for raw, escape in _SCRIPT_ESCAPES:
        if raw in text:
            text = text.replace(raw, escape)
    return text


def render_html(report: Report) -> str:
    css, js = _asset("report.css"), _asset("report.js")
    csp = (
        "default-src 'none'; img-src data:; "
        f"style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
        "base-uri 'none'; form-action 'none'"
    )
    template = environment().get_template("report.html.j2")
    mark = secrets.token_hex(16)  # where the tree's JSON goes: no spreadsheet can guess it
    page = template.render(
        r=report,
        css=Markup(css),
        js=Markup(js),
        csp=csp,
        data=Markup(mark),
        version=__version__,
        words=words,
        level_names=LEVEL_NAMES,
    )
    head, found, tail = page.partition(mark)
    if not found or mark in tail:
        raise RuntimeError("report.html.j2 must place {{ data }} exactly once")
    # joined once: the tree's JSON (megabytes) is not copied into a Markup first
    return "".join([head, *_script_json_parts(report.tree), tail])
