"""Load ``ladder.toml`` and compile it once into lookups the classifier can use fast.

The ladder is data so that a company can extend or replace it (``[ladder]`` in
orgcheck.toml) without touching code, and so that every decision the classifier
makes can be traced to one named entry in one file.
"""

from __future__ import annotations

import copy
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from orgcheck.errors import UsageError
from orgcheck.titles.normalize import fold

#: Tables merged key by key when a company extends the ladder.
_AREA_WORDS = {"product", "products", "engineering", "technology", "officer", "chief"}
_MERGEABLE = ("typos", "abbreviations", "seniority", "numerals", "leaders", "confidence")
#: Language names for reasons ("'Leiter' -> head of (German)").
LANGUAGES = {
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "it": "Italian",
    "nl": "Dutch",
}


@cache
def _builtin_text() -> str:
    return resources.files("orgcheck").joinpath("ladder.toml").read_text(encoding="utf-8")


#: Rung number -> canonical name, as the shipped ladder names them. The same table as
#: ``orgcheck.model.LEVEL_NAMES`` (a test holds them equal); read from here because
#: ``orgcheck.model`` imports pandas, which ``orgcheck classify`` must not wait for.
RUNG_NAMES: dict[int, str] = {
    int(k): str(v) for k, v in tomllib.loads(_builtin_text()).get("rungs", {}).items()
}


def builtin_ladder() -> dict[str, Any]:
    """A fresh copy of the ladder shipped with orgcheck."""
    return tomllib.loads(_builtin_text())


def extend_ladder(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``base`` with a company's additions: word tables merged, extra rules tried first.

    ``extra["replace"] = true`` means "use my tables instead of the built-in ones" for
    each table it gives; rules given in ``extra["rule"]`` always come before the
    built-in rules so a company's own titles win.
    """
    out = copy.deepcopy(base)
    replace = bool(extra.get("replace", False))
    for key in _MERGEABLE:
        if key in extra:
            if not isinstance(extra[key], dict):
                raise UsageError(f"[ladder] {key} must be a table of word = value")
            out[key] = dict(extra[key]) if replace else {**out.get(key, {}), **extra[key]}
    if "ambiguous" in extra:
        amb = out.setdefault("ambiguous", {})
        for part in ("seniority", "leaders"):
            amb[part] = {**amb.get(part, {}), **extra["ambiguous"].get(part, {})}
    for lang, table in extra.get("synonyms", {}).items():
        if not isinstance(table, dict):
            raise UsageError("[ladder.synonyms] needs one table per language: word = English words")
        syn = out.setdefault("synonyms", {})
        syn[lang] = dict(table) if replace else {**syn.get(lang, {}), **table}
    if "rule" in extra:
        rules = list(extra["rule"])
        out["rule"] = rules if replace else rules + list(out.get("rule", []))
    return out


@dataclass(frozen=True)
class Rule:
    why: str
    pattern: re.Pattern[str]
    function: str
    kind: str | None  # "pm" | "leader" | None
    confidence: str  # name of an entry in [confidence]


@dataclass(frozen=True)
class CompiledLadder:
    """Everything the classifier reads, in the shape it reads it."""

    rung_names: dict[int, str]
    typos: dict[str, str]
    abbreviations: dict[str, str]
    rewrites: tuple[tuple[re.Pattern[str], str, str, tuple[str, ...]], ...]
    gender: tuple[tuple[re.Pattern[str], str], ...]
    synonyms: dict[str, tuple[str, str]]  # folded phrase -> (English words, language)
    synonyms_re: re.Pattern[str]  # any synonym phrase, longest first, as whole words
    synonym_starts: frozenset[str]  # first words of the phrases: most titles have none
    seniority: dict[tuple[str, ...], int]
    ambiguous_seniority: dict[tuple[str, ...], tuple[int, int]]
    ambiguous_leaders: dict[tuple[str, ...], tuple[int, int]]
    numerals: dict[str, int]
    leaders: dict[tuple[str, ...], int]
    bands: frozenset[tuple[str, ...]]
    places: frozenset[str]
    areas: frozenset[str]
    bare_words: frozenset[str]
    bare_phrases: frozenset[tuple[str, ...]]
    entry: frozenset[tuple[str, ...]]
    entry_re: re.Pattern[str]  # any entry phrase, as whole words
    leaders_re: re.Pattern[str]  # any leader phrase, as whole words
    rules: tuple[Rule, ...]
    confidence: dict[str, float]
    longest_modifier: int


def _phrases(table: dict[str, Any]) -> dict[tuple[str, ...], Any]:
    return {tuple(k.lower().split()): v for k, v in table.items()}


def _any_phrase(keys) -> re.Pattern[str]:
    """One regex that finds any of the word phrases, longest first, as whole words."""
    words = sorted((" ".join(k) for k in keys), key=len, reverse=True)
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def _range(value: Any, where: str) -> tuple[int, int]:
    if not (isinstance(value, list) and len(value) == 2 and all(1 <= v <= 6 for v in value)):
        raise UsageError(f"ladder [{where}] ranges must be [low, high] rungs 1-6")
    return int(value[0]), int(value[1])


def _rule(raw: dict[str, Any]) -> Rule:
    try:
        pattern = re.compile(raw["pattern"])
    except (KeyError, re.error) as exc:
        raise UsageError(f"ladder rule has a bad pattern: {exc}", value=str(raw)) from None
    return Rule(
        why=str(raw.get("why", "")),
        pattern=pattern,
        function=str(raw.get("function", "other")),
        kind=raw.get("kind"),
        confidence=str(raw.get("confidence", "exact" if raw.get("kind") else "lookalike")),
    )


def _synonyms(data: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Every foreign word or phrase, folded like titles are, with its English words.

    One-word entries of a language with a [feminine] table also get their feminine
    forms ("leiter" -> "leiterin", "leiterinnen"), so the table lists each job once.
    """
    out: dict[str, tuple[str, str]] = {}
    feminine = data.get("feminine", {})
    for lang, table in data.get("synonyms", {}).items():
        name = LANGUAGES.get(lang, lang)
        fem = feminine.get(lang, {})
        endings = tuple(fem.get("endings", ()))
        suffixes = tuple(fem.get("suffixes", ()))
        for key, english in table.items():
            phrase = " ".join(fold(str(key)).split())
            value = (" ".join(str(english).lower().split()), name)
            out.setdefault(phrase, value)
            if endings and " " not in phrase and phrase.endswith(endings):
                for suffix in suffixes:
                    out.setdefault(phrase + suffix, value)
    return out


def _gender(data: dict[str, Any]) -> tuple[tuple[re.Pattern[str], str], ...]:
    try:
        return tuple(
            (re.compile(g["pattern"]), g.get("replace", " ")) for g in data.get("gender", [])
        )
    except (KeyError, re.error) as exc:
        raise UsageError(f"ladder [[gender]] has a bad pattern: {exc}") from None


def compile_ladder(data: dict[str, Any]) -> CompiledLadder:
    """Check and index a ladder dict (as parsed from TOML)."""
    seniority = _phrases(data.get("seniority", {}))
    leaders = _phrases(data.get("leaders", {}))
    bands = frozenset(_phrases(dict.fromkeys(data.get("bands", {}).get("words", []), 1)))
    amb = data.get("ambiguous", {})
    rewrites = tuple(
        (
            re.compile(r["pattern"]),
            r.get("replace", " "),
            r.get("why", ""),
            tuple(r.get("needs", ())),
        )
        for r in data.get("rewrite", [])
    )
    # Words that never say what a job is on their own ("Senior", "Director", "VP").
    singles = [k for k in (*seniority, *leaders) if len(k) == 1 and not set(k) & _AREA_WORDS]
    bare = {w for key in (*singles, *bands) for w in key} | {w for key in seniority for w in key}
    bare |= set(data.get("bare", {}).get("words", []))
    bare -= _AREA_WORDS | {"president"}  # "President" alone is a job
    phrases = {k for k in (*seniority, *leaders) if all(w in bare for w in k)} | set(bands)
    entry = set(_phrases(dict.fromkeys(data.get("entry", {}).get("words", []), 1)))
    rungs = {int(k): str(v) for k, v in data.get("rungs", {}).items()}
    synonyms = _synonyms(data)
    return CompiledLadder(
        rung_names=rungs,
        typos={k.lower(): v.lower() for k, v in data.get("typos", {}).items()},
        abbreviations={k.lower(): v.lower() for k, v in data.get("abbreviations", {}).items()},
        rewrites=rewrites,
        gender=_gender(data),
        synonyms=synonyms,
        synonyms_re=_any_phrase(tuple(k.split()) for k in synonyms),
        synonym_starts=frozenset(k.split()[0] for k in synonyms),
        seniority={k: int(v) for k, v in seniority.items()},
        ambiguous_seniority={
            k: _range(v, "ambiguous.seniority")
            for k, v in _phrases(amb.get("seniority", {})).items()
        },
        ambiguous_leaders={
            k: _range(v, "ambiguous.leaders") for k, v in _phrases(amb.get("leaders", {})).items()
        },
        numerals={str(k).lower(): int(v) for k, v in data.get("numerals", {}).items()},
        leaders={k: int(v) for k, v in leaders.items()},
        bands=bands,
        places=frozenset(w.lower() for w in data.get("places", {}).get("words", [])),
        areas=frozenset(w.lower() for w in data.get("areas", {}).get("words", [])),
        bare_words=frozenset(bare),
        bare_phrases=frozenset(phrases),
        entry=frozenset(entry),
        entry_re=_any_phrase(entry),
        leaders_re=_any_phrase(leaders),
        rules=tuple(_rule(r) for r in data.get("rule", [])),
        confidence={str(k): float(v) for k, v in data.get("confidence", {}).items()},
        longest_modifier=max((len(k) for k in (*seniority, *leaders)), default=1),
    )
