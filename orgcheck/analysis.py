"""The pipeline as one function: read -> columns -> org -> titles -> metrics -> rules.

``analyze()`` is the library entry point; the CLI is a thin layer over it. Each step
lives in its own module and can be called on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orgcheck.model import Finding, Org
from orgcheck.pandas_mode import python_strings


@dataclass
class Result:
    """Everything one analysis produced; renderers read this and nothing else."""

    org: Org
    metrics: Any  # orgcheck.metrics.Metrics
    findings: list[Finding]
    config: Any  # orgcheck.config.Config
    notes: list[str] = field(default_factory=list)  # assumptions worth telling the reader

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out


def analyze(
    path: str | Path,
    *,
    sheet: str | None = None,
    columns: dict[str, str] | None = None,
    config: Any = None,
    config_path: str | Path | None = None,
    company_size: int | None = None,
    title_map: str | Path | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    progress: Any = None,
) -> Result:
    """Analyse one HR export and return the result (raises ``OrgcheckError`` on bad input)."""
    from orgcheck import config as config_mod
    from orgcheck import read

    step = progress or (lambda name: None)
    cfg = config or config_mod.load_config(config_path)
    cfg = cfg.with_overrides(
        company_size=company_size, title_map=title_map, select=select, ignore=ignore
    )
    step("read")
    read.begin(path, limits=cfg.limits)  # a workbook's sheets, while pandas is imported
    return _analyze(path, sheet, columns, cfg, step)


@python_strings
def _analyze(path: str | Path, sheet, columns, cfg, step) -> Result:
    from orgcheck import build, metrics, read, rules, titles
    from orgcheck import columns as columns_mod

    raw = read.read_table(path, sheet=sheet, limits=cfg.limits)
    step("columns")
    mapping = columns_mod.detect_columns(raw, overrides=columns)
    step("tree")
    org = build.build_org(raw, mapping, overrides=columns)
    step("classify")
    classifier = titles.Classifier.from_config(cfg)
    titles.classify_org(org, classifier)
    step("metrics")
    m = metrics.compute_metrics(org, cfg)
    step("rules")
    findings = rules.run_rules(org, m, cfg)
    return Result(org=org, metrics=m, findings=findings, config=cfg)
