"""What every rule is: a name, a code, a severity, its documentation and a check.

Rules follow the sqlfluff / ruff pattern: the class carries its identity, its
documentation (the docstring, in fixed sections), its named options with defaults,
and its message templates. ``check`` only decides *who* is concerned; wording lives in
``messages`` / ``suggestions`` so it can be read and changed apart from the logic.

This module imports neither pandas nor the org model at import time: ``orgcheck rules``
and ``orgcheck init`` load the registry and must start fast.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from orgcheck.model import Finding, Org

#: The documentation sections every rule docstring carries, in this order.
SECTIONS: tuple[str, ...] = (
    "What it checks",
    "Why it matters on the ladder",
    "Example",
    "What to do",
)
SEVERITY_CHOICES: tuple[str, ...] = ("error", "warning", "info")

#: At most this many findings per rule name managers or people one by one; the rest
#: are folded into one summary finding, so a 1,000,000-person org with thousands of
#: wide spans still gives a report a person can read (the full list is in the data).
MAX_FINDINGS = 50
#: At most this many people are named by one finding (its message gives the count).
MAX_PEOPLE = 100


@dataclass(frozen=True)
class Option:
    """A named threshold a rule reads, with its default and a one-line explanation."""

    name: str
    default: Any
    doc: str
    choices: tuple[Any, ...] | None = None
    minimum: float | None = None

    def validate(self, value: Any) -> Any:
        """Return ``value`` in the option's type, or raise ``ValueError`` saying why."""
        want = type(self.default)
        if want is bool:
            ok = isinstance(value, bool)
        elif want is int:
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif want is float:
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            value = float(value) if ok else value
        elif want is list:
            ok = isinstance(value, list) and all(
                isinstance(v, int) and not isinstance(v, bool) for v in value
            )
        else:
            ok = isinstance(value, want)
        if not ok:
            raise ValueError(f"expected {_type_word(self.default)}, got {value!r}")
        items = value if want is list else [value]
        if self.choices is not None and any(v not in self.choices for v in items):
            raise ValueError(f"expected one of {', '.join(map(str, self.choices))}, got {value!r}")
        low = self.minimum
        if low is not None and want in (int, float) and value < low:
            raise ValueError(f"must be at least {low:g}, got {value!r}")
        return value


def _type_word(default: Any) -> str:
    return {bool: "true or false", int: "a whole number", float: "a number", list: "a list"}.get(
        type(default), "a string"
    )


class Rule:
    """Base class; subclasses set the class attributes and override ``check``."""

    name: ClassVar[str]
    code: ClassVar[str]
    severity: ClassVar[str]
    options: ClassVar[tuple[Option, ...]] = ()
    messages: ClassVar[dict[str, str]] = {}
    suggestions: ClassVar[dict[str, str]] = {}
    #: Rules whose findings already explain this one's: a finding of this rule is
    #: dropped when every person it names is named by one of theirs (no piling up).
    defers_to: ClassVar[tuple[str, ...]] = ()
    #: Data-quality rules found while building the org (``org.data_findings``).
    from_builder: ClassVar[bool] = False
    #: Needs reporting lines: skipped (and said so) when the file has no manager column,
    #: where every person would look like a top and every leader like one without a team.
    needs_tree: ClassVar[bool] = True
    #: What the summary finding calls the things it folds ("managers", "people").
    noun: ClassVar[str] = "people"

    # --- documentation -------------------------------------------------------------

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.doc().split("\n\n", 1)[0].replace("\n", " ").strip()

    @classmethod
    def sections(cls) -> dict[str, str]:
        """The docstring's sections, keyed by heading (a heading is underlined by dashes)."""
        lines = cls.doc().splitlines()
        out: dict[str, list[str]] = {}
        current: list[str] | None = None
        i = 0
        while i < len(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if lines[i].strip() and nxt.strip() and set(nxt.strip()) == {"-"}:
                current = out.setdefault(lines[i].strip(), [])
                i += 2
                continue
            if current is not None:
                current.append(lines[i])
            i += 1
        return {k: "\n".join(v).strip() for k, v in out.items()}

    @classmethod
    def defaults(cls) -> dict[str, Any]:
        return {opt.name: opt.default for opt in cls.options}

    @classmethod
    def option(cls, name: str) -> Option:
        for opt in cls.options:
            if opt.name == name:
                return opt
        raise KeyError(name)

    #: A note for the rule reference's Options section (settings that live outside
    #: the rule's own table, such as the company size).
    options_note: ClassVar[str] = ""

    # --- checking ---------------------------------------------------------------------

    def explains(self, findings: Sequence[Finding], org: Org, metrics: Any) -> set[str]:
        """Ids that this rule's ``findings`` account for, for rules that defer to it.

        By default the people the findings name; a rule whose finding covers a whole
        team (a leader's inflated title explains the shape under them) widens it.
        """
        return {pid for f in findings for pid in f.people}

    def settle(self, findings: list[Finding], explained: set[str]) -> list[Finding]:
        """This rule's findings minus those another rule already explains.

        A finding is dropped when every person it names is in ``explained`` (the
        people named by the rules in ``defers_to``): one cause, one finding.
        """
        if not explained:
            return findings
        return [f for f in findings if not f.people or not set(f.people) <= explained]

    def check(self, org: Org, metrics: Any, options: dict[str, Any]) -> Iterable[Finding]:
        """Yield findings; the default finds nothing (builder-produced rules)."""
        return ()

    def finding(
        self,
        key: str,
        people: Sequence[str] = (),
        *,
        severity: str | None = None,
        suggestion: str | None = None,
        **values: Any,
    ) -> Finding:
        """A finding whose message is ``messages[key]`` filled with ``values``.

        The suggestion is ``suggestions[key]`` (or ``suggestions["default"]``) filled
        with the same values, unless one is given.
        """
        from orgcheck.model import Finding

        if suggestion is None:
            template = self.suggestions.get(key, self.suggestions.get("default", ""))
            suggestion = template.format(**values)
        return Finding(
            rule=self.name,
            code=self.code,
            severity=severity or self.severity,  # type: ignore[arg-type]
            message=self.messages[key].format(**values),
            people=tuple(people)[:MAX_PEOPLE],
            suggestion=suggestion,
        )

    def capped(
        self,
        ordered: Sequence[int],
        ids: Callable[[Sequence[int]], list[str]],
        build: Callable[[int], Finding],
        severity: str | None = None,
    ) -> Iterator[Finding]:
        """``build(position)`` for the first ``MAX_FINDINGS`` hits, then one summary."""
        for pos in ordered[:MAX_FINDINGS]:
            yield build(int(pos))
        if len(ordered) > MAX_FINDINGS:
            rest = ordered[MAX_FINDINGS : MAX_FINDINGS + MAX_PEOPLE]
            yield self.more(len(ordered) - MAX_FINDINGS, ids(rest), severity)

    def more(self, count: int, people: Sequence[str], severity: str | None = None) -> Finding:
        """The summary finding for hits past ``MAX_FINDINGS``."""
        from orgcheck.model import Finding

        return Finding(
            rule=self.name,
            code=self.code,
            severity=severity or self.severity,  # type: ignore[arg-type]
            message=(
                f"{count:,} more {self.noun} like this (only the first {MAX_FINDINGS} get "
                f"a finding each; the first {min(count, MAX_PEOPLE)} are named here)"
            ),
            people=tuple(people)[:MAX_PEOPLE],
            suggestion="Fix the findings above first; the same advice applies to these.",
        )
