"""The server check's result — one row per check and a verdict — as Markdown, text and JSON.

Every string in a row is redacted when the row is made and again when it is rendered, so a
report can be pasted into a support ticket as it is. What a server sent is data in every form:
Markdown cells escape what Markdown reads as markup (``<>[]()``, backticks, ``|``, the
backslash), and both Markdown and JSON show control and bidi characters as visible escapes.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import asdict, dataclass

from ..redact import redact
from ..translate import QT_TRANSLATE_NOOP, number, translate
from ..visible import visible, visible_json

STATUSES = ("pass", "warn", "fail", "skip", "info")
_ICONS = {"pass": "✅", "warn": "⚠️", "fail": "❌", "skip": "⏭️", "info": "ℹ️"}
#: status -> its word in the Markdown report and, in capitals, in the text table
STATUS_WORDS = {
    "pass": QT_TRANSLATE_NOOP("report", "pass"),
    "warn": QT_TRANSLATE_NOOP("report", "warn"),
    "fail": QT_TRANSLATE_NOOP("report", "fail"),
    "skip": QT_TRANSLATE_NOOP("report", "skip"),
    "info": QT_TRANSLATE_NOOP("report", "info"),
}
TEXT_WIDTH = 100
TITLE_WIDTH = 24


@dataclass(frozen=True)
class CheckRow:
    """One check: what was tried, what happened, what it means and what to do."""

    key: str  #: stable id: "tls", "api", "method.oauth", "probe.oauth", "refresh", …
    title: str  #: what was checked
    status: str  #: "pass" | "warn" | "fail" | "skip" | "info"
    tried: str = ""  #: method and URL, redacted
    happened: str = ""  #: status, time, token style, lifetime…
    meaning: str = ""  #: in plain words
    action: str = ""  #: what to do; "" when nothing
    duration_ms: float = 0.0

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {self.status!r}")
        for name in ("title", "tried", "happened", "meaning", "action"):
            object.__setattr__(self, name, redact(getattr(self, name)))
        object.__setattr__(self, "meaning", said_once(self.meaning, self.action))


def said_once(meaning: str, action: str) -> str:
    """The meaning without the advice it ends with when that advice is the row's action too
    (an error's own message often closes with what to do): a row says it once."""
    meaning, advice = meaning.rstrip(), action.strip()
    if advice and meaning != advice and meaning.endswith(advice):
        return meaning[: -len(advice)].rstrip()
    return meaning


@dataclass(frozen=True)
class CheckReport:
    """All rows in their logical order, the verdict line and the exit code for ``msauth check``."""

    server: str
    rows: tuple[CheckRow, ...]
    verdict: str
    exit_code: int
    best_method: str | None  #: "oauth", "oauth_connect", "session", "basic" or None
    duration_ms: float = 0.0

    def row(self, key: str) -> CheckRow:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def to_markdown(self) -> str:
        return render_markdown(self)

    def to_text(self) -> str:
        return render_text(self)

    def to_json(self) -> str:
        return render_json(self)


#: what Markdown would read as a tag, a link, an image, code or a table's column break
_MARKDOWN = re.compile(r"[\\`<>\[\]()|]")


def _cell(text: str) -> str:
    """``text`` as Markdown that shows exactly these characters, on one line."""
    shown = visible(redact(text), keep="\n")
    return _MARKDOWN.sub(lambda m: "\\" + m.group(), shown).replace("\n", "<br>") or "—"


def _status_word(status: str) -> str:
    return translate("report", STATUS_WORDS[status])


def _took(report: CheckReport) -> str:
    return translate("report", "Exit code {code}; took {ms} ms.").format(
        code=report.exit_code, ms=number(round(report.duration_ms))
    )


def render_markdown(report: CheckReport) -> str:
    columns = translate(
        "report", "| Status | Check | Tried | What happened | What it means | What to do | ms |"
    )
    lines = [
        translate("report", "## Server check: {server}").format(server=_cell(report.server)),
        "",
        translate("report", "**Verdict:** {verdict}").format(verdict=_cell(report.verdict)),
        "",
        _took(report),
        "",
        columns,
        "|---|---|---|---|---|---|---:|",
    ]
    for row in report.rows:
        cells = (
            f"{_ICONS[row.status]} {_status_word(row.status)}",
            _cell(row.title),
            _cell(row.tried),
            _cell(row.happened),
            _cell(row.meaning),
            _cell(row.action),
            f"{row.duration_ms:.0f}",
        )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def render_text(report: CheckReport) -> str:
    """An aligned table: status, check, then what happened, tried, means and do, wrapped."""
    check_word = translate("report", "CHECK")
    status_word = translate("report", "STATUS")
    statuses = {s: _status_word(s).upper() for s in STATUSES}
    status_width = max([len(status_word), *(len(statuses[row.status]) for row in report.rows)])
    title_width = min(TITLE_WIDTH, max([len(check_word), *(len(row.title) for row in report.rows)]))
    width = max(40, TEXT_WIDTH - (status_width + 2 + title_width + 2))
    server, verdict = translate("report", "Server:"), translate("report", "Verdict:")
    head = max(len(server), len(verdict)) + 1
    labels = [
        translate("report", "tried:"),
        translate("report", "means:"),
        translate("report", "do:"),
    ]
    label_width = max(len(text) for text in labels) + 1
    tried, means, do = (f"{text:<{label_width}}" for text in labels)
    out = [
        f"{server:<{head}}{redact(report.server)}",
        f"{verdict:<{head}}{redact(report.verdict)}",
        _took(report),
        "",
        f"{status_word:<{status_width}}  {check_word:<{title_width}}  "
        + translate("report", "RESULT"),
    ]
    for row in report.rows:
        parts: list[str] = []
        for label, text in (
            ("", row.happened),
            (tried, row.tried),
            (means, row.meaning),
            (do, row.action),
        ):
            if text:
                parts += textwrap.wrap(
                    redact(text),
                    width,
                    initial_indent=label,
                    subsequent_indent=" " * len(label),
                    break_long_words=False,
                    break_on_hyphens=False,
                ) or [label]
        titles = textwrap.wrap(redact(row.title), title_width, break_long_words=False)
        for i in range(max(len(parts), len(titles), 1)):
            status = statuses[row.status] if i == 0 else ""
            title = titles[i] if i < len(titles) else ""
            text = parts[i] if i < len(parts) else ""
            out.append(f"{status:<{status_width}}  {title:<{title_width}}  {text}".rstrip())
    return "\n".join(out) + "\n"


def render_json(report: CheckReport) -> str:
    data = {
        "server": redact(report.server),
        "verdict": redact(report.verdict),
        "exit_code": report.exit_code,
        "best_method": report.best_method,
        "duration_ms": round(report.duration_ms, 1),
        "rows": [
            {
                **{k: redact(v) if isinstance(v, str) else v for k, v in asdict(row).items()},
                "duration_ms": round(row.duration_ms, 1),
            }
            for row in report.rows
        ],
    }
    return visible_json(json.dumps(data, ensure_ascii=False, indent=2))
