"""One name for each thing: every Russian text uses the glossary's word for each term its
English source names (``docs/glossary.md``), so a new text (the proxy's, discovery's) cannot
call the token URL «адрес токена» while the others say «адрес выдачи токенов»."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "docs" / "glossary.md"
TS = ROOT / "resources" / "i18n" / "msauth_ru.ts"

#: what is not words of the English source: placeholders, options, paths, URLs, identifiers,
#: the vendor's own Russian role names
NOT_WORDS = [
    re.compile(r"\{[^}]*\}|%\([a-z_]+\)[sr]|%[nsrvm]"),
    re.compile(r"--[a-z][a-z-]*"),
    re.compile(r"\b[a-z][a-z0-9+.-]*://\S+"),
    re.compile(r"(?<![\w/])/[\w.$?=&{}<>/-]+"),
    re.compile(r"\b[A-Za-z]+(?:_[A-Za-z0-9]+)+\b"),
    re.compile(r"«[^»]*»"),
    re.compile(r"\b[\w.-]+:\d+\b"),  # host:port
    re.compile(r"\b(?:Authorization|Date|Host|Location|Retry-After)\b"),  # header names
]


@dataclass(frozen=True)
class Term:
    english: tuple[str, ...]
    russian: str
    stems: tuple[str, ...]  #: regular expressions, one of which the Russian must match

    def finds(self, text: str) -> re.Match[str] | None:
        """The first place ``text`` (English) names this term, plural and possessive too."""
        for variant in self.english:
            words = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", variant))
            found = re.search(rf"(?<![\w-]){words}(?:s|es|'s)?(?![\w-])", text, re.I)
            if found:
                return found
        return None

    def used_in(self, russian: str) -> bool:
        return any(re.search(stem, russian, re.I) for stem in self.stems)


def _cells(line: str) -> list[str]:
    """A Markdown table row's cells (``\\|`` is a pipe inside a cell)."""
    parts = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [part.strip().replace("\\|", "|") for part in parts]


def _stem(text: str) -> str:
    """``токен* доступа`` -> a pattern: ``*`` any ending, words at word starts."""
    words = [re.escape(w).replace(r"\*", r"\w*") for w in text.strip("` ").split()]
    return r"(?<!\w)" + r"\s+".join(words)


def glossary_terms() -> list[Term]:
    """The glossary's terms that the test enforces, longest English first."""
    terms = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|") or line.startswith("|---"):
            continue
        english, russian, stems, *_ = _cells(line)
        if english == "English" or stems in ("—", "-", ""):
            continue
        variants = tuple(v.strip() for v in english.split(" / "))
        patterns = tuple(_stem(s) for s in stems.strip("`").split("|"))
        terms.append(Term(variants, russian, patterns))
    return sorted(terms, key=lambda t: -max(len(v) for v in t.english))


def messages() -> list[tuple[str, str, str]]:
    """(context, English source, Russian: every plural form) of the translation, no mnemonics."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")]
            russian = " ".join(forms) if forms else translation.text or ""
            found.append((name, _plain(message.findtext("source") or ""), _plain(russian)))
    return found


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def inconsistencies(terms: list[Term], texts: list[tuple[str, str, str]]) -> list[str]:
    """Every (message, term) whose English names the term and whose Russian does not."""
    found = []
    for context, english, russian in texts:
        rest = english
        for pattern in NOT_WORDS:
            rest = pattern.sub(" ", rest)
        for term in terms:
            while match := term.finds(rest):
                rest = rest[: match.start()] + " " * len(match.group()) + rest[match.end() :]
                if not term.used_in(russian):
                    found.append(
                        f"[{context}] {english!r}: {match.group()!r} is «{term.russian}» "
                        f"in the glossary, but the Russian says {russian!r}"
                    )
    return found


def test_the_glossary_has_its_terms() -> None:
    terms = glossary_terms()
    english = {variant for term in terms for variant in term.english}
    for wanted in ("access token", "refresh token", "token URL", "probe", "CA bundle",
                   "keyring", "sign out", "session", "local proxy", "refresh"):  # fmt: skip
        assert wanted in english
    assert len(terms) >= 40


def test_every_russian_text_uses_the_glossary_words() -> None:
    problems = inconsistencies(glossary_terms(), messages())
    assert problems == [], f"{len(problems)} texts:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("english", "russian", "bad"),
    [
        ("Token URL:", "Адрес токена:", True),
        ("Token URL:", "Адрес выдачи токенов:", False),
        ("Copies the refresh token.", "Копирует токены обновления.", False),
        ("Renew the token.", "Продлите токен.", True),
        ("Sign out", "Выйти", True),
        ("the {what} is too long", "{what} слишком длинный", False),  # placeholders are no terms
        ("Refresh token:", "Токен обновления:", False),  # not also a bare "refresh" check
    ],
)
def test_the_check_catches_a_stray_word(english: str, russian: str, bad: bool) -> None:
    """Inflected Russian passes, another word for the term does not."""
    assert bool(inconsistencies(glossary_terms(), [("x", english, russian)])) is bad
