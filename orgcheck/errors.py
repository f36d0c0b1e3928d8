"""One error type for every way an input or a command line cannot be used.

The CLI turns an ``OrgcheckError`` into one to three lines on stderr and exit code 2;
anything else that escapes is a bug and is reported as one. Keeping file, sheet, row,
column and value as fields (not baked into a string) lets the JSON and test code read
them without parsing messages.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class OrgcheckError(Exception):
    """An input, configuration or command line that cannot be used, and what to do."""

    message: str
    hint: str = ""
    path: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def where(self) -> str:
        """Where the problem is, as a reader would cite it: ``file.xlsx, sheet 'HR', row 7``."""
        parts = []
        if self.path:
            parts.append(str(self.path))
        if self.sheet:
            parts.append(f"sheet {self.sheet!r}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        text = f"{where}: {self.message}" if where else self.message
        if self.value is not None:
            shown = self.value if len(self.value) <= 60 else self.value[:57] + "..."
            text += f" (value: {shown!r})"
        if self.hint:
            text += f"\n  {self.hint}"
        return text


class InputError(OrgcheckError):
    """The spreadsheet itself cannot be used."""


class UsageError(OrgcheckError):
    """The command line or configuration cannot be used."""


class LimitError(InputError):
    """The input is larger than a configured safety limit."""
