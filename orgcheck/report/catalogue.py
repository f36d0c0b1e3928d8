"""Each rule's rationale and fix, read from the rules registry for the methodology section.

The registry belongs to the rules engineer; this module only reads it, tolerating the
shapes a registry commonly takes (a dict or list of rule classes or instances) and
rule docs kept either as attributes or as docstring sections ("Why it matters:").
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass
class RuleDoc:
    code: str
    name: str
    severity: str
    summary: str
    why: str
    fix: str


_SECTION = re.compile(r"^\s*(?:#+\s*)?([A-Za-z][A-Za-z ]+?)\s*:?\s*$")
_WHY = ("why it matters on the ladder", "why it matters", "why", "rationale")
_FIX = ("how to fix", "what to do", "fix", "suggestion")


def rule_docs() -> dict[str, RuleDoc]:
    """Code -> documentation for every registered rule; empty if no registry exists yet."""
    try:
        from orgcheck import rules
    except ImportError:
        return {}
    out = {}
    for rule in _registered(rules):
        doc = _doc(rule)
        if doc.code:
            out[doc.code] = doc
    return out


def _registered(module: Any) -> Iterable[Any]:
    for name in ("all_rules", "registered", "registry", "REGISTRY", "RULES"):
        found = getattr(module, name, None)
        if found is None:
            continue
        if callable(found) and not isinstance(found, type):
            try:
                found = found()
            except TypeError:
                continue
        if isinstance(found, dict):
            return list(found.values())
        if isinstance(found, Iterable):
            return list(found)
    return []


def _sections(text: str) -> dict[str, str]:
    """Docstring split on lines that are only a heading ("Why it matters:")."""
    out: dict[str, list[str]] = {"": []}
    current = ""
    for line in inspect.cleandoc(text or "").splitlines():
        m = _SECTION.match(line)
        if (m and line.rstrip().endswith(":")) or (m and line.lstrip().startswith("#")):
            current = m.group(1).strip().lower()
            out[current] = []
            continue
        out.setdefault(current, []).append(line)
    return {k: " ".join(" ".join(v).split()) for k, v in out.items()}


def _pick(rule: Any, sections: dict[str, str], names: tuple[str, ...]) -> str:
    for n in names:
        value = getattr(rule, n.replace(" ", "_"), None)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    for n in names:
        if sections.get(n):
            return sections[n]
    return ""


def _call(rule: Any, name: str) -> Any:
    fn = getattr(rule, name, None)
    try:
        return fn() if callable(fn) else None
    except Exception:  # a registry shape we do not know: fall back to the docstring
        return None


def _doc(rule: Any) -> RuleDoc:
    """One rule's documentation: the rule's own ``sections()`` if it has them."""
    own = _call(rule, "sections")
    if isinstance(own, dict) and own:
        sections = {str(k).strip().lower(): " ".join(str(v).split()) for k, v in own.items()}
    else:
        sections = _sections(getattr(rule, "__doc__", "") or "")
    head = sections.get("", "")
    summary = _call(rule, "summary")
    if not isinstance(summary, str) or not summary:
        summary = _pick(rule, {}, ("title",)) or head.split(". ")[0]
    return RuleDoc(
        code=str(getattr(rule, "code", "") or ""),
        name=str(getattr(rule, "name", "") or ""),
        severity=str(getattr(rule, "severity", "") or getattr(rule, "default_severity", "")),
        summary=summary,
        why=_pick(rule, sections, _WHY),
        fix=_pick(rule, sections, _FIX),
    )
