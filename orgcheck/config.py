"""Configuration: ``orgcheck.toml`` or ``[tool.orgcheck]`` in ``pyproject.toml``.

Found upward from the working directory like ruff's: at each folder an
``orgcheck.toml`` wins, else a ``pyproject.toml`` that has a ``[tool.orgcheck]`` table.
Every key is checked when loaded, so a typo fails at once with the file and key named
(``UsageError``) instead of silently doing nothing.

Rule selection follows ruff: ``select`` and ``ignore`` take rule names, codes or code
prefixes ("OC2"), and for each rule the most specific matching entry wins (a name or
full code beats a prefix, a longer prefix beats a shorter one; on a tie, ignore wins).
"""

from __future__ import annotations

import dataclasses
import json
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orgcheck.errors import UsageError
from orgcheck.rules import BY_CODE, BY_NAME, REGISTRY, Rule, get_rule
from orgcheck.rules.base import SEVERITY_CHOICES

FAIL_ON_CHOICES = ("error", "warning", "info", "never")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}
TOP_KEYS = (
    "select",
    "ignore",
    "fail_on",
    "company_size",
    "startup_headcount",
    "title_map",
    "rules",
    "ladder",
    "limits",
)
DEFAULT_STARTUP_HEADCOUNT = 50


@dataclass(frozen=True)
class Config:
    """Settings for one analysis; build with ``load_config`` or ``Config()`` for defaults."""

    path: str | None = None  # the file the settings came from, None for defaults
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    company_size: int | None = None
    company_size_source: str | None = None  # "--company-size" or the config file
    startup_headcount: int = DEFAULT_STARTUP_HEADCOUNT
    title_map: str | None = None  # title,level CSV path
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule name -> settings
    ladder: dict[str, Any] = field(default_factory=dict)  # passed to the title classifier
    limits_table: dict[str, Any] = field(default_factory=dict)  # [limits], for the reader

    # --- rules --------------------------------------------------------------------

    def rule_enabled(self, rule: Rule | str) -> bool:
        """Whether select/ignore leave ``rule`` on (most specific entry wins)."""
        rule = _rule(rule)
        chosen = _best_match(self.select or ("ALL",), rule)
        dropped = _best_match(self.ignore, rule)
        return chosen is not None and (dropped is None or chosen > dropped)

    def severity_override(self, rule: Rule | str) -> str | None:
        """The severity set for ``rule`` in the configuration, if any."""
        return self.rules.get(_rule(rule).name, {}).get("severity")

    def severity(self, rule: Rule | str) -> str:
        rule = _rule(rule)
        return self.severity_override(rule) or rule.severity

    def options(self, rule: Rule | str) -> dict[str, Any]:
        """The rule's options: defaults overlaid with the configuration's values."""
        rule = _rule(rule)
        settings = self.rules.get(rule.name, {})
        return {o.name: settings.get(o.name, o.default) for o in rule.options}

    # --- other settings -----------------------------------------------------------

    @property
    def limits(self) -> Any:
        """``orgcheck.read.Limits(**[limits])`` when the reader provides it, else the dict."""
        limits_class = _limits_class()
        return (
            dict(self.limits_table) if limits_class is None else limits_class(**self.limits_table)
        )

    def with_overrides(
        self,
        company_size: int | None = None,
        title_map: Any = None,
        select: Iterable[str] | str | None = None,
        ignore: Iterable[str] | str | None = None,
    ) -> Config:
        """A copy with command-line values applied; ``None`` (or empty) keeps the setting.

        ``select`` replaces the configured selection (like ruff's ``--select``);
        ``ignore`` adds to the configured ignores, so a file's ignores still hold.
        """
        changes: dict[str, Any] = {}
        if company_size is not None:
            changes["company_size"] = _positive_int(company_size, "--company-size", None)
            changes["company_size_source"] = "--company-size"
        if title_map is not None:
            changes["title_map"] = str(title_map) if isinstance(title_map, Path) else title_map
        sel = _selectors(select, "--select", None) if select else ()
        if sel:
            changes["select"] = sel
        ign = _selectors(ignore, "--ignore", None) if ignore else ()
        if ign:
            changes["ignore"] = self.ignore + tuple(i for i in ign if i not in self.ignore)
        return dataclasses.replace(self, **changes) if changes else self


def exit_code(findings: Iterable[Any], fail_on: str = "error") -> int:
    """1 when any finding is at or above ``fail_on`` (error|warning|info), else 0."""
    if fail_on not in FAIL_ON_CHOICES:
        raise UsageError(f"--fail-on must be one of {', '.join(FAIL_ON_CHOICES)}, not {fail_on!r}")
    if fail_on == "never":
        return 0
    floor = SEVERITY_RANK[fail_on]
    return int(any(SEVERITY_RANK.get(f.severity, 0) >= floor for f in findings))


# --- finding and loading files ---------------------------------------------------------


def find_config(start: str | Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest ``orgcheck.toml`` or ``pyproject.toml`` with ``[tool.orgcheck]``."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "orgcheck.toml"
        if candidate.is_file():
            return candidate, _read_toml(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {}).get("orgcheck")
            if isinstance(table, dict):
                return pyproject, table
    return None


def load_config(path: str | Path | None = None, start: str | Path | None = None) -> Config:
    """Settings from ``path``, else from the nearest config file, else the defaults."""
    if path is not None:
        file = Path(path)
        if not file.is_file():
            raise UsageError("configuration file not found", path=str(path))
        data = _read_toml(file)
        if file.name == "pyproject.toml":
            data = data.get("tool", {}).get("orgcheck", {})
        return config_from_dict(data, file)
    found = find_config(start)
    if found is None:
        return Config()
    return config_from_dict(found[1], found[0])


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"not valid TOML: {exc}", path=str(path)) from exc
    except OSError as exc:
        raise UsageError(f"cannot read configuration: {exc.strerror}", path=str(path)) from exc


def config_from_dict(data: Mapping[str, Any], path: Path | None = None) -> Config:
    """Validate a parsed table (the whole ``orgcheck.toml`` or ``[tool.orgcheck]``)."""
    where = str(path) if path else None
    prefix = "tool.orgcheck." if path is not None and path.name == "pyproject.toml" else ""
    unknown = [k for k in data if k not in TOP_KEYS]
    if unknown:
        raise UsageError(
            f"unknown key '{prefix}{unknown[0]}'",
            hint=f"known keys: {', '.join(TOP_KEYS)}",
            path=where,
        )
    kw: dict[str, Any] = {"path": where}
    key = lambda k: prefix + k  # noqa: E731 - the key as the user wrote it
    if "select" in data:
        kw["select"] = _selectors(data["select"], key("select"), where)
    if "ignore" in data:
        kw["ignore"] = _selectors(data["ignore"], key("ignore"), where)
    if "fail_on" in data:
        kw["fail_on"] = _choice(data["fail_on"], FAIL_ON_CHOICES, key("fail_on"), where)
    if "company_size" in data:
        kw["company_size"] = _positive_int(data["company_size"], key("company_size"), where)
        kw["company_size_source"] = where
    if "startup_headcount" in data:
        kw["startup_headcount"] = _positive_int(
            data["startup_headcount"], key("startup_headcount"), where
        )
    if "title_map" in data:
        kw["title_map"] = _title_map(data["title_map"], key("title_map"), path)
    kw["rules"] = _rule_tables(data.get("rules", {}), key("rules"), where)
    kw["ladder"] = _table(data.get("ladder", {}), key("ladder"), where)
    kw["limits_table"] = _limits(data.get("limits", {}), key("limits"), where)
    return Config(**kw)


# --- validation helpers -----------------------------------------------------------------


def _fail(key: str, message: str, where: str | None, hint: str = "") -> UsageError:
    return UsageError(f"{key}: {message}", hint=hint, path=where)


def _rule(rule: Rule | str) -> Rule:
    if isinstance(rule, Rule):
        return rule
    found = get_rule(rule)
    if found is None:
        raise UsageError(f"unknown rule {rule!r}", hint="`orgcheck rules` lists them")
    return found


def _specificity(selector: str, rule: Rule) -> int | None:
    """How specifically ``selector`` names ``rule`` (higher wins), or None."""
    if selector == "ALL":
        return 0
    if selector == rule.name or selector == rule.code:
        return 100
    if rule.code.startswith(selector):
        return len(selector)
    return None


def _best_match(selectors: Iterable[str], rule: Rule) -> int | None:
    scores = [s for s in (_specificity(sel, rule) for sel in selectors) if s is not None]
    return max(scores) if scores else None


def _selectors(value: Any, key: str, where: str | None) -> tuple[str, ...]:
    """Normalise a list (or comma-separated string) of names, codes and prefixes."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise _fail(key, f"expected a list of rule names or codes, got {value!r}", where)
    out: list[str] = []
    for item in value:
        for part in item.split(","):
            part = part.strip()
            if not part:
                continue
            norm = part.lower() if part.lower() in BY_NAME else part.upper()
            if (
                norm != "ALL"
                and norm not in BY_NAME
                and not any(c.startswith(norm) for c in BY_CODE)
            ):
                raise _fail(
                    key,
                    f"{part!r} is not a rule name, code or code prefix",
                    where,
                    "`orgcheck rules` lists the rules; prefixes look like OC2",
                )
            out.append(norm)
    return tuple(out)


def _choice(value: Any, choices: tuple[str, ...], key: str, where: str | None) -> str:
    if value not in choices:
        raise _fail(key, f"expected one of {', '.join(choices)}, got {value!r}", where)
    return value


def _positive_int(value: Any, key: str, where: str | None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _fail(key, f"expected a whole number of at least 1, got {value!r}", where)
    return value


def _table(value: Any, key: str, where: str | None) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(key, f"expected a table, got {value!r}", where)
    return dict(value)


def _title_map(value: Any, key: str, path: Path | None) -> str:
    """A title,level CSV path, relative to the config file (inline titles: [ladder] aliases)."""
    if not isinstance(value, str) or not value.strip():
        hint = "for inline titles use [ladder.aliases] instead"
        raise _fail(
            key, "expected the path of a title,level CSV", str(path) if path else None, hint
        )
    file = Path(value)
    if not file.is_absolute() and path is not None:
        file = path.parent / file
    return str(file)


def _rule_tables(value: Any, key: str, where: str | None) -> dict[str, dict[str, Any]]:
    """``[rules.<name or code>]`` tables: each option checked against the rule's own."""
    out: dict[str, dict[str, Any]] = {}
    for name, settings in _table(value, key, where).items():
        rule = get_rule(name)
        if rule is None:
            raise _fail(f"{key}.{name}", "no such rule", where, "`orgcheck rules` lists them")
        settings = _table(settings, f"{key}.{name}", where)
        clean: dict[str, Any] = {}
        known = {o.name: o for o in rule.options}
        for opt_name, opt_value in settings.items():
            full = f"{key}.{name}.{opt_name}"
            if opt_name == "severity":
                clean["severity"] = _choice(opt_value, SEVERITY_CHOICES, full, where)
            elif opt_name in known:
                try:
                    clean[opt_name] = known[opt_name].validate(opt_value)
                except ValueError as exc:
                    raise _fail(full, str(exc), where) from exc
            else:
                names = ", ".join(["severity", *known]) or "severity"
                raise _fail(full, "unknown option", where, f"{rule.name} takes: {names}")
        out.setdefault(rule.name, {}).update(clean)
    return out


def _limits_class() -> Any:
    """The reader's ``Limits`` settings class, or None in a build without it."""
    try:
        from orgcheck.read import Limits
    except ImportError:
        try:
            from orgcheck.read.limits import Limits
        except ImportError:
            return None
    return Limits


def _limits(value: Any, key: str, where: str | None) -> dict[str, Any]:
    table = _table(value, key, where)
    for name, number in table.items():
        _positive_int(number, f"{key}.{name}", where)
    limits_class = _limits_class()
    if limits_class is None:
        return table
    try:
        limits_class(**table)
    except (TypeError, ValueError) as exc:
        raise _fail(key, str(exc), where) from exc
    return table


# --- the commented default file ---------------------------------------------------------


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(value)


def default_toml(limits: Mapping[str, Any] | None = None) -> str:
    """A commented ``orgcheck.toml`` holding every default, generated from the registry."""
    lines = [
        "# orgcheck configuration: every setting at its default.",
        "# Delete what you do not change; `orgcheck rules NAME` explains each rule.",
        "",
        '# Rules to run and to skip: names, codes or code prefixes ("OC2" = ladder shape).',
        "# For each rule the most specific entry wins; on a tie, ignore wins.",
        'select = ["ALL"]',
        "ignore = []",
        "",
        "# Exit with status 1 when a finding is at or above this severity:",
        "# error, warning, info or never.",
        'fail_on = "error"',
        "",
        "# Companies up to this headcount are judged as startups: title-inflation and",
        "# leader-without-team speak up, while missing-director-layer, no-product-leader",
        "# and product-reports-outside-product soften (a founder often leads product),",
        "# and the rung of a ranged title such as Head of Product can depend on it.",
        f"startup_headcount = {DEFAULT_STARTUP_HEADCOUNT}",
        "",
        "# When the file holds only part of the company, its real headcount:",
        "# company_size = 800",
        "",
        "# Title overrides: a CSV of title,level, relative to this file.",
        '# title_map = "titles.csv"',
        "",
        "# Extra title aliases for the classifier (see `orgcheck classify`):",
        "# [ladder.aliases]",
        '# "Product Lead" = 3',
        "",
        "# Safety limits for reading spreadsheets.",
        "[limits]",
    ]
    for name, value in (limits or {}).items():
        lines.append(f"# {name} = {_toml_value(value)}")
    for rule in REGISTRY:
        lines += ["", f"# {rule.code}: {rule.summary()}", f"[rules.{rule.name}]"]
        # Commented out: setting it fixes every finding's severity, including the
        # milder or stronger ones some rules choose case by case.
        lines.append(f"# severity = {_toml_value(rule.severity)}")
        for opt in rule.options:
            lines.append(f"# {opt.doc}")
            lines.append(f"{opt.name} = {_toml_value(opt.default)}")
    return "\n".join(lines) + "\n"
