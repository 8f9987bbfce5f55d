"""Folders of generated files (Hypothesis): every file accounted for, no traceback, no escapes."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from conftest import assert_clean, forbidden_in, invoke
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from texts import distinct_text, repeated_text, short_article

# Bounded and repeatable: CI sees the same examples every run.
# No shrinking: a failing folder is reported as generated (shrinking would rerun the CLI
# hundreds of times).
FUZZ = settings(max_examples=12, deadline=None, derandomize=True, database=None,
                phases=(Phase.explicit, Phase.generate),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

NASTY = "[]@=/\\`*_#<>|{}~\x1b\x07\x9b\r\t\u202e\u2066\u200b\ufeff\x00"
name_chars = st.one_of(
    st.sampled_from("abcxyzäöüßÄ -_."),
    st.sampled_from(NASTY),
    st.characters(codec="utf-8", exclude_characters="/\x00"),
)


@st.composite
def file_names(draw) -> bytes:
    stem = draw(st.text(name_chars, min_size=1, max_size=12)).replace("/", "").replace("\0", "")
    raw = os.fsencode(stem.lstrip(".") or "n")  # hidden files are not inputs
    if draw(st.booleans()):
        raw += draw(st.sampled_from([b"\xe4", b"\xff\xfe", b"\xc3"]))  # not UTF-8
    suffix = draw(st.sampled_from([b".txt", b".md", b".html", b".htm", b".csv", b"", b".TXT"]))
    return raw[:200] + suffix


yaml_values = st.text(st.one_of(st.sampled_from(NASTY + "\"':&*!|>%@\n"),
                                st.characters(codec="utf-8")), max_size=20)


@st.composite
def contents(draw) -> bytes:
    number = draw(st.integers(0, 10_000))
    article = short_article(number)
    kind = draw(st.sampled_from(["article", "front matter", "yaml escapes", "bytes", "utf-16",
                                 "cp1252", "empty", "repeated", "distinct", "html", "crlf"]))
    if kind == "article":
        return article.encode()
    if kind == "front matter":
        keys = draw(st.lists(st.sampled_from(["title", "outlet", "date", "url", "x"]),
                             max_size=4))
        lines = [f"{k}: {draw(yaml_values)}" for k in keys]
        return ("---\n" + "\n".join(lines) + "\n---\n" + article).encode("utf-8",
                                                                          "surrogatepass")
    if kind == "yaml escapes":
        escape = draw(st.sampled_from(["\\e[31m", "\\u202e", "\\x9b", "\\a", "\\r", "\\0"]))
        return (f'---\ntitle: "Titel {escape} Ende"\noutlet: "A{escape}"\n---\n'
                + article).encode()
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "utf-16":
        return "\ufeff".encode("utf-16-le") + article.encode("utf-16-le")
    if kind == "cp1252":
        return article.encode("cp1252", "replace")
    if kind == "empty":
        return b""
    if kind == "repeated":
        return repeated_text(2000).encode()
    if kind == "distinct":
        return distinct_text(3000, seed=number).encode()
    if kind == "html":
        title = draw(yaml_values)
        body = "".join(f"<p>{p}</p>" for p in article.split("\n\n"))
        return f"<html><head><title>{title}</title></head><body>{body}</body></html>".encode(
            "utf-8", "surrogatepass")
    return article.replace("\n", "\r\n").encode()


folders = st.lists(st.tuples(file_names(), contents()), min_size=1, max_size=6,
                   unique_by=lambda entry: entry[0])


def _materialise(entries: list[tuple[bytes, bytes]]) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    for name, data in entries:
        with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
            handle.write(data)
    return folder


@FUZZ
@given(folders)
def test_generated_folders_hold(entries):
    folder = _materialise(entries)
    try:
        listed = json.loads(invoke("clean", str(folder), "-f", "json").stdout or "[]")
        names = sorted(os.fsencode(Path(e["path"]).name) for e in listed)
        assert names == sorted(name for name, _ in entries)  # each file once, none lost
        for command in (("build",), ("summarize",), ("clean",)):
            run = invoke(*command, str(folder))
            assert_clean(run)
            assert not forbidden_in(run.stdout), (command, forbidden_in(run.stdout))
            assert not forbidden_in(run.stderr), (command, forbidden_in(run.stderr))
            run.stdout.decode("utf-8")  # valid UTF-8, whatever the names were
    finally:
        shutil.rmtree(folder)
