"""Place one job title on the six-rung product ladder, and say why.

The reading is the same for every title (see ``ladder.toml`` for the order): clean
the text, cut it into segments, pick the segment that says what the job is, and let
the first matching rule decide. All knowledge about titles is in the ladder data;
this module only applies it. No pandas here: ``orgcheck classify`` must start fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from orgcheck.titles.ladder import (
    RUNG_NAMES,
    CompiledLadder,
    Rule,
    builtin_ladder,
    compile_ladder,
    extend_ladder,
)
from orgcheck.titles.normalize import (
    clean,
    drop_restated_acronyms,
    fold,
    split_segments,
    words,
)
from orgcheck.titles.title_map import load_title_map, parse_level

_PM_NOUNS = {"manager", "managers", "owner", "owners", "management"}
_LINE_NOUNS = {"line", "portfolio"}
#: Characters every gender marker in the ladder contains ("(m/w/d)", "/in", "*in",
#: "Ingénieur·e"); a title without any of them skips those patterns.
_MARKS = re.compile(r"[/(*:_\u00b7.]")
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")


@dataclass(frozen=True)
class Placement:
    """Where one title sits: rung (or None), function, how sure, and what decided it."""

    level: int | None
    level_name: str | None
    function: str
    confidence: float
    reason: str
    rungs: tuple[int, int] | None = None  # (low, high) when the tree may refine the rung

    def to_json(self, title: str, count: int = 1) -> dict[str, Any]:
        """A SPEC §5 ``titles`` object."""
        return {
            "title": title,
            "count": count,
            "level": self.level,
            "function": self.function,
            "confidence": round(float(self.confidence), 2),
            "reason": self.reason,
        }


def unknown(reason: str) -> Placement:
    return Placement(None, None, "unknown", 0.0, reason)


@dataclass
class _Match:
    rule: Rule
    text: str  # the words the rule matched
    level: int | None = None
    rungs: tuple[int, int] | None = None
    notes: list[str] = field(default_factory=list)


class Classifier:
    """Title -> Placement, memoised per cleaned title.

    ``ladder`` extends the built-in ladder (tables merged; ``replace = true`` swaps
    them; extra ``rule`` entries are tried first). ``aliases`` (from configuration)
    and ``title_map`` (from ``--title-map``) pin whole titles to a rung or to "none".
    """

    def __init__(
        self,
        ladder: dict[str, Any] | None = None,
        aliases: dict[str, Any] | None = None,
        title_map: dict[str, int] | None = None,
    ) -> None:
        data = builtin_ladder()
        if ladder:
            data = extend_ladder(data, ladder)
        self._ladder: CompiledLadder = compile_ladder(data)
        self._pins: dict[str, tuple[int, str]] = {}
        for title, value in (aliases or {}).items():
            level = parse_level(value)
            if level is None:
                from orgcheck.errors import UsageError

                raise UsageError("[ladder] aliases need a rung 1-6 or 'none'", value=str(value))
            self._pins[clean(title)] = (level, "alias in the configuration")
        for title, level in (title_map or {}).items():
            self._pins[clean(title)] = (int(level), "title map")
        self._memo: dict[str, Placement] = {}

    @classmethod
    def from_config(cls, cfg: Any, title_map: str | None = None) -> Classifier:
        """Build from a Config: ``cfg.ladder`` (the [ladder] table) and ``cfg.title_map``.

        ``title_map`` (a CSV path) overrides ``cfg.title_map``; ``cfg`` may be None.
        """
        ladder = dict(getattr(cfg, "ladder", None) or {})
        aliases = ladder.pop("aliases", None)
        path = title_map or getattr(cfg, "title_map", None)
        title_map = load_title_map(path) if path else None
        return cls(ladder=ladder or None, aliases=aliases, title_map=title_map)

    def classify_many(self, titles: Iterable[Any]) -> list[Placement]:
        return [self.classify(t) for t in titles]

    def classify(self, title: Any) -> Placement:
        if not isinstance(title, str) or not title.strip():
            return unknown("no title given")
        key = clean(title)
        hit = self._memo.get(key)
        if hit is None:
            hit = self._pinned(key, title) if key in self._pins else self._read(key, title)
            self._memo[key] = hit
        return hit

    # -- pins ------------------------------------------------------------------------

    def _pinned(self, key: str, title: str) -> Placement:
        level, source = self._pins[key]
        if level:
            why = f"pinned to rung {level} by the {source}"
            return Placement(level, RUNG_NAMES[level], "product", 1.0, why)
        read = self._read(key, title)
        function = "other" if read.function in ("product", "unknown") else read.function
        return Placement(None, None, function, 1.0, f"pinned off the ladder by the {source}")

    # -- reading ---------------------------------------------------------------------

    def _read(self, text: str, title: str) -> Placement:
        notes: list[str] = []
        text = self._in_english(text, title, notes)
        for pattern, replacement, why, needs in self._ladder.rewrites:
            if needs and not any(n in text for n in needs):
                continue
            new = pattern.sub(replacement, text)
            if new != text:
                notes.append(why)
                text = new
        text = drop_restated_acronyms(text)
        fixes = {"typo": 0, "cpo": 0}
        segments = [self._expand(words(s), title, notes, fixes) for s in split_segments(text)]
        segments = [s for s in segments if s and not self._is_place(s)]
        bare_seen: list[str] | None = None
        for i, seg in enumerate(segments):
            joined = False
            if self._is_area(seg):  # "Product Management - Director": leader comes last
                found = self._area_then_leader(segments[i:])
                if found is not None:
                    return self._placement(found, notes, fixes, True, [])
            if self._is_bare(seg):
                bare_seen = bare_seen or seg
                if i + 1 >= len(segments):
                    continue
                found = self._band_then_role(seg, segments[i + 1])
                seg, joined = seg + segments[i + 1], True
            else:
                found = None
            found = found or self._phrase(seg)
            if found is None:
                continue
            others = [s for j, s in enumerate(segments) if j not in (i, i + joined)]
            if found.rule.kind == "pm":
                self._pm_elsewhere(found, others)
            return self._placement(found, notes, fixes, joined, others)
        if bare_seen:
            return unknown(f"'{' '.join(bare_seen)}' alone does not say of what; nothing matched")
        return unknown("nothing in the ladder matched this title")

    def _in_english(self, text: str, title: str, notes: list[str]) -> str:
        """Drop gender markers and put German, French, ... words into English.

        "Leiterin Produktmanagement (m/w/d)" -> "head of product management"; each
        translated word is named in the reason so a wrong translation can be seen.
        """
        lad = self._ladder
        if _MARKS.search(text):
            for pattern, replacement in lad.gender:
                text = pattern.sub(replacement, text)
        if lad.synonym_starts.isdisjoint(_TOKEN.findall(text)):
            return text

        def english(m: re.Match[str]) -> str:
            words, language = lad.synonyms[m.group(0)]
            notes.append(f"'{_spelled(title, m.group(0))}' -> {words} ({language})")
            return words

        return " ".join(lad.synonyms_re.sub(english, text).split())

    def _band_then_role(self, band: list[str], role: list[str]) -> _Match | None:
        """'AVP, Product Manager', 'Associate, Product Manager': a bank's pay band first.

        A segment that is only a corporate title, followed by a segment naming a product
        manager or owner, is the band of that PM: the role segment alone decides the
        rung, as it does for 'Product Manager, AVP'. ('Director, Product Management'
        names no person noun, so it still reads as a Director of product.)
        """
        key = self._band_words(band)
        if key is None or not _names_a_pm(role):
            return None
        found = self._phrase(role)
        if found is None or found.rule.kind != "pm":
            return None
        self._as_band(found, key)
        return found

    def _band_words(self, seg: list[str]) -> tuple[str, ...] | None:
        """The pay band a segment consists of, after qualifiers ('Corporate'), or None."""
        lad = self._ladder
        for k in range(len(seg)):
            if tuple(seg[k:]) in lad.bands and all(w in lad.bare_words for w in seg[:k]):
                return tuple(seg[k:])
        return None

    def _as_band(self, found: _Match, band: tuple[str, ...]) -> None:
        """A PM title with a pay band: rung 2-3 unless the role itself says more.

        The band says nothing about the product rung; a plain 'Product Manager' band
        holder is rung 2, and the tree may show that they lead PMs (rung 3).
        """
        found.notes.append(f"'{' '.join(band)}' read as a pay band, not a rung")
        if found.level == 2 and found.rungs is None and len(found.notes) == 1:
            found.rungs = (2, 3)

    def _pm_elsewhere(self, found: _Match, others: list[list[str]]) -> None:
        """Entry programmes, seniority words and pay bands in other parts of the title."""
        if found.level != 1:
            self._entry_elsewhere(found, others)
        if found.level == 2 and not found.notes:
            self._seniority_elsewhere(found, others)
        if any("pay band" in n for n in found.notes):
            return
        for seg in others:
            if tuple(seg) in self._ladder.bands:
                self._as_band(found, tuple(seg))
                return

    def _entry_elsewhere(self, found: _Match, others: list[list[str]]) -> None:
        """'Product Manager, New Grad': an entry programme in another part of the title."""
        for seg in others:
            m = self._ladder.entry_re.search(" ".join(seg))
            if m:
                found.level, found.rungs = 1, None
                found.notes.append(f"'{m.group(0)}' -> entry level, rung 1")
                return

    def _seniority_elsewhere(self, found: _Match, others: list[list[str]]) -> None:
        """'Product Owner - Senior': a seniority word on its own after the role.

        Pay bands ('Product Manager - Associate', '- Vice President') are not seniority.
        """
        lad = self._ladder
        for seg in others:
            key = tuple(seg)
            if key in lad.seniority and key not in lad.bands:
                found.level = lad.seniority[key]
                found.rungs = lad.ambiguous_seniority.get(key)
                found.notes.append(f"'{' '.join(key)}' -> rung {found.level}")
                return

    def _area_then_leader(self, segments: list[list[str]]) -> _Match | None:
        """'Product Management (Registered Products) - Director': the leader word came last."""
        bare = [s for s in segments[1:] if self._is_bare(s)]
        if not segments or not bare:
            return None
        found = self._phrase(bare[0] + segments[0])
        return found if found is not None and found.level else None

    def _expand(self, ws: list[str], title: str, notes: list[str], fixes: dict) -> list[str]:
        out: list[str] = []
        lad = self._ladder
        for w in ws:
            if w in lad.typos:
                notes.append(f"'{_original(title, w)}' -> {lad.typos[w]} (spelling)")
                fixes["typo"] += 1
                w = lad.typos[w]
            if w in lad.abbreviations:
                full = lad.abbreviations[w]
                notes.append(f"'{_original(title, w)}' -> {full}")
                fixes["cpo"] += w == "cpo"
                out.extend(full.split())
            else:
                out.append(w)
        return out

    def _is_place(self, seg: list[str]) -> bool:
        return " ".join(seg) in self._ladder.places

    def _is_area(self, seg: list[str]) -> bool:
        return " ".join(seg) in self._ladder.areas

    def _is_bare(self, seg: list[str]) -> bool:
        """Whether a segment is only qualifiers and leader words ('Corporate VP').

        Read as a chain of bare words and bare phrases, so that a qualifier in front of
        a phrase ('Corporate' + 'Vice President', 'Global' + 'VP') stays bare and is
        joined to the area after the comma like 'Vice President, Product'.
        """
        lad = self._ladder
        if tuple(seg) in lad.bare_phrases:
            return True
        i = 0
        while i < len(seg):
            for size in range(min(lad.longest_modifier, len(seg) - i), 0, -1):
                key = tuple(seg[i : i + size])
                if key in lad.bare_phrases or (size == 1 and key[0] in lad.bare_words):
                    i += size
                    break
            else:
                return False
        return bool(seg)

    def _phrase(self, seg: list[str]) -> _Match | None:
        """Match one phrase; "Senior/Principal PM" is read both ways, lower rung kept."""
        if "/" not in seg:
            return self._match(seg)
        found = [m for m in map(self._match, _alternatives(seg, self._ladder)) if m]
        if not found:
            return None
        ranked = [m for m in found if m.level] or found
        best = min(ranked, key=lambda m: m.level or 0)
        if len(found) > 1 and best.level:
            best.notes.append("a range of titles: the lower rung is used")
        return best

    def _match(self, seg: list[str]) -> _Match | None:
        text = " ".join(seg)
        for rule in self._ladder.rules:
            m = rule.pattern.search(text)
            if m is None:
                continue
            found = _Match(rule, m.group(0).strip())
            if rule.kind == "pm":
                self._pm_rung(seg, found)
            elif rule.kind == "leader":
                self._leader_rung(seg, found)
            return found
        return None

    def _pm_rung(self, seg: list[str], found: _Match) -> None:
        lad = self._ladder
        start, end = _pm_noun(seg)
        if (
            start >= 2
            and seg[start - 1] in ("of", "for")
            and lad.leaders_re.search(" ".join(seg[: start - 1]))
        ):  # "Director of PM": a leader of product managers
            self._leader_rung(seg[: start - 1], found)
            return
        band = _band_before(seg, start, lad)
        before = start - len(band or ())
        hit = _nearest(seg, before, lad.seniority, lad.longest_modifier, backwards=True)
        hit = hit or _nearest(seg, end, lad.seniority, lad.longest_modifier, backwards=False)
        if hit:
            found.level = lad.seniority[hit]
            found.rungs = lad.ambiguous_seniority.get(hit)
            found.notes.append(f"'{' '.join(hit)}' -> rung {found.level}")
            return
        after = seg[end : end + 1]
        if after and after[0] in lad.numerals:
            found.level = lad.numerals[after[0]]
            found.notes.append(f"numbered level '{after[0].upper()}' -> rung {found.level}")
            return
        found.level = 2
        if band:
            self._as_band(found, band)
            return
        leader = lad.leaders_re.search(" ".join(seg[:start]))
        if leader:
            self._as_band(found, tuple(leader.group(0).split()))

    def _leader_rung(self, seg: list[str], found: _Match) -> None:
        lad = self._ladder
        best: tuple[str, ...] | None = None
        i = 0
        while i < len(seg):
            for size in range(min(lad.longest_modifier, len(seg) - i), 0, -1):
                key = tuple(seg[i : i + size])
                if key in lad.leaders:
                    if best is None or lad.leaders[key] > lad.leaders[best]:
                        best = key
                    i += size - 1
                    break
            i += 1
        if best is None:  # "chief product" without "officer" and the like
            best = ("director",)
        found.level = lad.leaders[best]
        found.rungs = lad.ambiguous_leaders.get(best)
        note = f"'{' '.join(best)}' of product -> rung {found.level}"
        head = best[-1:]
        if len(best) > 1 and lad.leaders.get(head) == found.level:
            # "Senior Director" leading Directors is same-rung: say so where it is decided
            note += f" (one rung with '{head[0]}')"
        found.notes.append(note)

    def _placement(
        self, found: _Match, notes: list[str], fixes: dict, joined: bool, others: list
    ) -> Placement:
        conf = self._ladder.confidence
        rule = found.rule
        score = conf.get(rule.confidence, 0.9)
        reason = [*notes, *found.notes]
        if found.level is None:
            reason.append(f"'{found.text}' -> {rule.function}: {rule.why}; not on the ladder")
            level_name = None
        else:
            if rule.kind == "pm" and any("pay band" in n for n in found.notes):
                score -= conf.get("band", 0.1)
            if found.rungs and found.rungs[0] != found.rungs[1]:
                low, high = found.rungs
                score = min(score, conf.get("ambiguous", 0.6))
                reason.append(f"rung {low}-{high} depending on position; {found.level} on its own")
            else:
                reason.append(f"rung {found.level}")
            level_name = RUNG_NAMES[found.level]
        score -= fixes["typo"] * conf.get("typo", 0.05) + joined * conf.get("joined", 0.05)
        score -= fixes["cpo"] * conf.get("abbreviation", 0.05)
        score -= ("a range" in " ".join(found.notes)) * conf.get("range", 0.1)
        return Placement(
            level=found.level,
            level_name=level_name,
            function=rule.function,
            confidence=round(max(0.05, min(1.0, score)), 2),
            reason="; ".join(reason),
            rungs=found.rungs if found.level else None,
        )


def _original(title: str, word: str) -> str:
    """The word as the title spelled it ("Sr." for "sr"), for reasons people recognise."""
    m = re.search(rf"(?<![a-z0-9]){re.escape(word)}\.?(?![a-z0-9])", title, re.IGNORECASE)
    return m.group(0) if m else word


def _spelled(title: str, phrase: str) -> str:
    """A translated word as the title wrote it ("Geschäftsführer", not the folded form)."""
    if " " not in phrase:
        for token in re.findall(r"[^\W\d_]+", title):
            if fold(token) == phrase:
                return token
        return phrase
    origin: list[int] = []  # folded position -> position in the title
    for i, ch in enumerate(title):
        origin += [i] * len(fold(ch))
    at = "".join(fold(ch) for ch in title).find(phrase)
    if at < 0:
        return phrase
    return title[origin[at] : origin[at + len(phrase) - 1] + 1]


def _pm_noun(seg: list[str]) -> tuple[int, int]:
    """(start, end) of "product manager" / "product owner" / "product line manager"."""
    for i, w in enumerate(seg[:-1]):
        if w in ("product", "products"):
            nxt = seg[i + 1]
            if nxt in _PM_NOUNS:
                return i, i + 2
            if nxt in _LINE_NOUNS and i + 2 < len(seg) and seg[i + 2] in _PM_NOUNS:
                return i, i + 3
    return len(seg), len(seg)


def _names_a_pm(seg: list[str]) -> bool:
    """Whether a segment names a person: product manager / owner, not 'management'."""
    start, end = _pm_noun(seg)
    return start < len(seg) and seg[end - 1] != "management"


def _band_before(seg: list[str], at: int, lad: CompiledLadder) -> tuple[str, ...] | None:
    """A pay band right before the role noun ('AVP Product Manager'), longest first.

    Bands that are also seniority words ('Associate Product Manager') are not taken:
    without a comma they are the APM rung.
    """
    for size in range(min(at, 4), 1, -1):
        key = tuple(seg[at - size : at])
        if key in lad.bands and key not in lad.seniority:
            return key
    return None


def _nearest(seg: list[str], at: int, table: dict, longest: int, *, backwards: bool):
    """The seniority phrase nearest to position ``at`` (ending there or starting there)."""
    positions = range(at, 0, -1) if backwards else range(at, len(seg))
    for pos in positions:
        for size in range(longest, 0, -1):
            key = tuple(seg[pos - size : pos]) if backwards else tuple(seg[pos : pos + size])
            if len(key) == size and key in table:
                return key
    return None


def _alternatives(seg: list[str], lad: CompiledLadder) -> list[list[str]]:
    """Senior / Principal PM -> [senior PM, principal PM]; short parts borrow the noun."""
    parts: list[list[str]] = [[]]
    for w in seg:
        if w == "/":
            parts.append([])
        else:
            parts[-1].append(w)
    parts = [p for p in parts if p]
    if not parts:
        return []
    modifiers = lad.bare_words
    last = parts[-1]
    k = 0
    while k < len(last) and last[k] in modifiers:
        k += 1
    tail = last[k:]
    out = []
    for p in parts:
        out.append(p + tail if all(w in modifiers for w in p) or len(p) == 1 else p)
    return out
