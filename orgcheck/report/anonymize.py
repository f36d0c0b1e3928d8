"""Stable pseudonyms for people, and a scrubber for free text that mentions them.

Names reach a report in two ways: from the people table (replaced wholesale by
position) and inside finding messages and notes written by other steps ("Jane Doe
reports to ..."). The second is handled by looking up every word-aligned span of a
message in a name -> pseudonym table, longest span first, so "Ann Lee" inside
"Ann Leeds" is not touched and the cost per message stays small however big the org.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from orgcheck.model import Org

_TOKEN = re.compile(r"\w+|[^\w\s]")  # punctuation is a token: names like "Downey Jr."
_EMAIL = re.compile(r"\w[\w.+'-]*@[\w-]+(?:\.[\w-]+)+")
#: Longest name or email we try to match inside a message, in characters.
_MAX_SPAN = 120


def pseudonyms(n: int) -> np.ndarray:
    """'Person 0001', 'Person 0002', ... in row order: stable across runs and formats."""
    width = max(4, len(str(n)))
    return np.array([f"Person {i:0{width}d}" for i in range(1, n + 1)], dtype=object)


def pseudo_emails(n: int) -> np.ndarray:
    width = max(4, len(str(n)))
    return np.array([f"person{i:0{width}d}@example.invalid" for i in range(1, n + 1)], dtype=object)


def _clean(values: pd.Series) -> pd.Series:
    return values.fillna("").astype(str).str.strip()


@dataclass
class Anonymizer:
    """Pseudonyms by position, and a scrubber for the free text that names people."""

    org: Org
    names: np.ndarray = field(init=False)
    _keys: pd.Index | None = field(default=None, init=False)
    _values: np.ndarray | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.names = pseudonyms(len(self.org.people))

    def _table(self) -> tuple[pd.Index, np.ndarray]:
        """Every name, email and manager reference (casefolded) and its replacement."""
        if self._keys is None:
            people = self.org.people
            n = len(people)
            keys: list[pd.Series] = []
            values: list[np.ndarray] = []
            if "name" in people:
                keys.append(_clean(people["name"]))
                values.append(self.names)
            if "email" in people:
                keys.append(_clean(people["email"]))
                values.append(pseudo_emails(n))
            key = self.org.source.manager_key
            known = set(pd.concat(keys).str.casefold()) if keys else set()
            for col in ("manager_ref", "dotted_ref"):
                if key is not None and col in people:
                    k, v = self._refs(_clean(people[col]), key, known)
                    keys.append(k)
                    values.append(v)
            if keys:
                allkeys = pd.concat(keys, ignore_index=True).str.casefold()
                allvalues = np.concatenate(values)
            else:
                allkeys, allvalues = pd.Series([], dtype=object), np.array([], dtype=object)
            first = ~allkeys.duplicated().to_numpy()
            self._keys = pd.Index(allkeys.to_numpy(dtype=object)[first])
            self._values = allvalues[first]
        return self._keys, self._values

    @staticmethod
    def _refs(refs: pd.Series, key: str, known: set[str]) -> tuple[pd.Series, np.ndarray]:
        """Manager references that match nobody still name a real person: give them one."""
        uniq = [
            r
            for r in pd.unique(refs[refs != ""]).tolist()
            if r.casefold() not in known and _swap(r.casefold()) not in known
        ]
        if key == "id":  # only what looks like a name typed into an id column ("Jane Doe")
            uniq = [r for r in uniq if " " in r.strip() and any(c.isalpha() for c in r)]
        width = max(4, len(str(len(uniq))))
        if key == "email":
            fake = [f"unknown{i:0{width}d}@example.invalid" for i in range(1, len(uniq) + 1)]
        else:
            fake = [f"Unknown person {i:0{width}d}" for i in range(1, len(uniq) + 1)]
        return pd.Series(uniq, dtype=object).astype(str), np.array(fake, dtype=object)

    def scrub(self, texts: list[str]) -> list[str]:
        """Replace every known name or email in each text; any other email is masked.

        Candidate spans (word-aligned, both "First Last" and "Last, First" spellings)
        from all texts are looked up in one vectorised pass, so the cost grows with
        the amount of text, not with the size of the org.
        """
        spans = [_spans(t) for t in texts]
        cands = {c for sp in spans for _, _, c in sp}
        cands |= {_swap(c) for c in cands}
        cands.discard("")
        keys, values = self._table()
        found: dict[str, str] = {}
        if cands and len(keys):
            cl = list(cands)
            hit = keys.get_indexer(cl)
            found = {c: values[h] for c, h in zip(cl, hit.tolist(), strict=True) if h >= 0}
        return [_replace(t, sp, found) for t, sp in zip(texts, spans, strict=True)]

    def text(self, message: str) -> str:
        return self.scrub([message])[0]

    def scrub_column(self, values: np.ndarray) -> np.ndarray:
        """``scrub`` on a column (job titles: "EA to Jane Doe"), once per distinct value."""
        codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=False)
        return np.asarray(self.scrub([str(u) for u in uniques]), dtype=object)[codes]


def _spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, casefolded text) for every word-aligned span up to _MAX_SPAN long."""
    tokens = list(_TOKEN.finditer(text or ""))
    out = []
    for i, a in enumerate(tokens):
        for b in tokens[i:]:
            if b.end() - a.start() > _MAX_SPAN:
                break
            span = text[a.start() : b.end()]
            if any(ch.isalpha() for ch in span) and len(span) >= 2:
                out.append((a.start(), b.end(), span.casefold()))
    return out


def _swap(name: str) -> str:
    """'last, first' -> 'first last' and 'first last' -> 'last, first' (casefolded)."""
    if "," in name:
        last, _, first = name.partition(",")
        return f"{first.strip()} {last.strip()}".strip()
    first, _, last = name.rpartition(" ")
    return f"{last}, {first}" if first else ""


def _replace(text: str, spans: list[tuple[int, int, str]], found: dict[str, str]) -> str:
    """Longest known span first at each position, left to right, no overlaps."""
    best: dict[int, tuple[int, str]] = {}
    for start, end, c in spans:
        repl = found.get(c) or found.get(_swap(c))
        if repl is not None and end > best.get(start, (-1, ""))[0]:
            best[start] = (end, repl)
    out, pos = [], 0
    for start in sorted(best):
        if start < pos:
            continue
        end, repl = best[start]
        out += [text[pos:start], repl]
        pos = end
    out.append(text[pos:])
    return _EMAIL.sub(_mask_email, "".join(out))


def _mask_email(match: re.Match) -> str:
    email = match.group(0)
    return email if email.endswith("@example.invalid") else "[email hidden]"
