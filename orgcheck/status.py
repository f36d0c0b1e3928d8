"""Which status cells mean "no longer here", so leavers left in an export are not counted.

HR systems keep terminated staff in their exports with a status column: BambooHR
``Inactive``, Workday ``Terminated``, Rippling ``Terminated`` (but ``Hired`` and
``Accepted`` are people about to start, and count), SuccessFactors ``inactive``, Okta
``DEPROVISIONED``, Entra ID ``accountEnabled = FALSE``, German systems ``ausgetreten``.
People on leave or not yet started are still in the org and are kept; Okta's
``PASSWORD_EXPIRED`` and ``LOCKED_OUT`` are active users. ``Suspended`` counts as gone:
in directory exports (Google Workspace, Okta) suspension is how leavers are offboarded.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np

from orgcheck.names import map_distinct

#: Words (or word starts) in a status cell that mean the person has left. Matched on
#: whole words after accents are stripped and case is folded.
LEAVER_WORDS: tuple[str, ...] = (
    r"terminat\w*",
    r"termed",
    r"inactiv\w*",
    r"not active",
    r"deactivat\w*",
    r"disabled",
    r"deprovision\w*",
    r"suspended",
    r"former",
    r"left",
    r"leaver",
    r"resign\w*",
    r"retired",
    r"deceased",
    r"separated",
    r"dismissed",
    r"offboard\w*",
    r"exited",
    r"laid off",
    r"fired",
    r"quit",
    r"alumn\w*",
    r"ex employee",
    r"declined",
    r"withdrawn",
    r"archived",
    r"deleted",
    r"ausgetreten",
    r"ausgeschieden",
    r"inaktiv",
    r"ehemalig\w*",
    r"deaktiviert",
    r"gekundigt",
    r"inactif",
    r"inactivo",
    r"baja",
)
_LEAVER = re.compile(r"\b(?:" + "|".join(LEAVER_WORDS) + r")\b")

#: In a yes/no column such as ``accountEnabled`` or ``Active``, these mean "not here".
FALSE_VALUES = frozenset({"false", "no", "n", "f", "0", "nein", "non"})
#: ... and in a column such as ``Inactive`` or ``Terminated``, these mean "left".
TRUE_VALUES = frozenset({"true", "yes", "y", "t", "1", "ja", "oui", "x"})
_NEGATIVE_HEADER = re.compile(
    r"inactive|inaktiv|terminat|termd|disabled|deleted|deactivat|left|leaver", re.IGNORECASE
)
_BOOLEAN_HEADER = re.compile(r"enabled|active|aktiv|current", re.IGNORECASE)
#: A leaver word turned around ("not terminated"), and a presence word negated ("not active").
_NOT_LEAVER = re.compile(r"\b(?:not|never|nicht|kein)\s+(?:" + "|".join(LEAVER_WORDS) + r")\b")
_NOT_PRESENT = re.compile(r"\b(?:not|no longer|nicht|kein)\s+(?:active|employed|current|aktiv)")


def _fold(value: str) -> str:
    s = value.casefold()
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s.replace("_", " ").replace("-", " ")


def is_leaver(value: str, header: str = "") -> bool:
    """Whether one status cell says the person has left (``header`` tells a yes/no column)."""
    s = _fold(value).strip()
    if not s:
        return False
    if _NEGATIVE_HEADER.search(header or ""):  # checked first: "inactive" contains "active"
        if s in TRUE_VALUES:
            return True
        if s in FALSE_VALUES:
            return False
    elif _BOOLEAN_HEADER.search(header or "") and s in FALSE_VALUES:
        return True
    if _NOT_PRESENT.search(s):
        return True
    if s.startswith("active") or _NOT_LEAVER.search(s):
        return False
    return bool(_LEAVER.search(s))


def inactive_mask(status: np.ndarray, header: str = "") -> np.ndarray:
    """``is_leaver`` for every row, deciding each distinct status once."""
    return map_distinct(status, lambda v: is_leaver(v, header), dtype=bool)
