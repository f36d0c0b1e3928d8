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

_TOKEN = re.compile(r"\w+")
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
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


def _swapped(names: pd.Series) -> pd.Series:
    """'First Last' <-> 'Last, First', so either spelling in a message is found."""
    comma = names.str.contains(",", regex=False)
    last_first = names.str.extract(r"^\s*([^,]+?)\s*,\s*(.+?)\s*$")
    first_last = names.str.extract(r"^\s*(.+?)\s+(\S+)\s*$")
    return pd.Series(
        np.where(
            comma,
            last_first[1].fillna("") + " " + last_first[0].fillna(""),
            first_last[1].fillna("") + ", " + first_last[0].fillna(""),
        ),
        index=names.index,
    )


@dataclass
class Anonymizer:
    """Pseudonyms by position, plus a table for scrubbing text (built on first use)."""

    org: Org
    names: np.ndarray = field(init=False)
    emails: np.ndarray = field(init=False)
    _table: dict[str, str] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        n = len(self.org.people)
        self.names = pseudonyms(n)
        self.emails = pseudo_emails(n)

    def table(self) -> dict[str, str]:
        if self._table is None:
            self._table = self._build_table()
        return self._table

    def _build_table(self) -> dict[str, str]:
        people = self.org.people
        keys: list[pd.Series] = []
        values: list[np.ndarray] = []
        if "name" in people:
            name = _clean(people["name"])
            keys += [name, _swapped(name)]
            values += [self.names, self.names]
        if "email" in people:
            keys.append(_clean(people["email"]))
            values.append(self.emails)
        key = self.org.source.manager_key
        for col in ("manager_ref", "dotted_ref"):
            if key in ("name", "email") and col in people:
                k, v = self._refs(_clean(people[col]), key)
                keys += k
                values += v
        table: dict[str, str] = {}
        for k, v in zip(keys, values, strict=True):
            kk = k.str.casefold().to_numpy(dtype=object)
            for a, b in zip(kk.tolist(), np.asarray(v, dtype=object).tolist(), strict=True):
                if len(a) >= 2 and any(c.isalpha() for c in a):
                    table.setdefault(a, b)
        return table

    @staticmethod
    def _refs(refs: pd.Series, key: str) -> tuple[list[pd.Series], list[np.ndarray]]:
        """Manager references that match nobody still name a real person: give them one."""
        uniq = pd.unique(refs[refs != ""])
        width = max(4, len(str(len(uniq))))
        if key == "email":
            fake = [f"unknown{i:0{width}d}@example.invalid" for i in range(1, len(uniq) + 1)]
        else:
            fake = [f"Unknown person {i:0{width}d}" for i in range(1, len(uniq) + 1)]
        ref = pd.Series(uniq, dtype=object).astype(str)
        fakes = np.array(fake, dtype=object)
        if key == "name":
            return [ref, _swapped(ref)], [fakes, fakes]
        return [ref], [fakes]

    def text(self, message: str) -> str:
        """Replace every known name or email in a message; any other email is masked."""
        if not message:
            return message
        table = self.table()
        tokens = list(_TOKEN.finditer(message))
        out: list[str] = []
        pos = 0
        i = 0
        while i < len(tokens):
            start = tokens[i].start()
            hit = None
            for j in range(len(tokens) - 1, i - 1, -1):
                end = tokens[j].end()
                if end - start > _MAX_SPAN:
                    continue
                repl = table.get(message[start:end].casefold())
                if repl is not None:
                    hit = (end, repl, j)
                    break
            if hit is None:
                i += 1
                continue
            out.append(message[pos:start])
            out.append(hit[1])
            pos = hit[0]
            i = hit[2] + 1
        out.append(message[pos:])
        return _EMAIL.sub(_mask_email, "".join(out))


def _mask_email(match: re.Match) -> str:
    email = match.group(0)
    return email if email.endswith("@example.invalid") else "[email hidden]"
