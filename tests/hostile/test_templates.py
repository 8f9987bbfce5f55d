"""User templates (--template) see plain data only, and cannot run for ever or fill memory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import (
    DATA,
    DIGEST_DATA,
    NEXT_DAY,
    assert_clean,
    assert_one_line_failure,
    cases,
    digest_args,
    invoke,
    run_briefing,
)

SECRET = "GEHEIMNIS-7f3a9c"  # stands in a file outside every input; must never be printed
# Methods of pathlib.Path and of other objects that touch the file system or the process.
# None may be reachable from any value a template gets (issue 19, defect 1 and its siblings).
# (Path.replace is left out: a path shown as a string has str.replace; WRITES tries it.)
DANGEROUS = (
    "read_text", "read_bytes", "open", "write_text", "write_bytes", "iterdir", "glob", "rglob",
    "home", "cwd", "stat", "lstat", "exists", "is_file", "is_dir", "unlink", "touch", "mkdir",
    "rmdir", "rename", "chmod", "resolve", "absolute", "samefile", "symlink_to",
    "hardlink_to", "expanduser", "readlink", "owner", "group", "joinpath", "with_name",
    "relative_to", "as_uri", "walk",
)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "elsewhere" / "secret.txt"
    path.parent.mkdir()
    path.write_text(f"{SECRET}\n", encoding="utf-8")
    return path


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """Two short stories and a file that is skipped (so ``skipped`` has an entry)."""
    folder = tmp_path / "artikel"
    shutil.copytree(DATA.parent / "tui", folder)
    (folder / "tabelle.csv").write_text("a;b\n1;2\n", encoding="utf-8")
    return folder


def build_with(tmp_path: Path, inputs: Path, source: str, *extra: str, name: str = "t.md.j2"):
    template = tmp_path / name
    template.write_text(source, encoding="utf-8")
    return invoke("build", str(inputs), "--template", str(template), "-q", *extra)


READS = {
    "article path": '{{ articles[0].path.joinpath("SECRET").read_text() }}',
    "topic article path": '{{ topics[0].articles[0].path.joinpath("SECRET").open().read() }}',
    "skipped path": '{{ skipped[0].path.joinpath("SECRET").read_bytes() }}',
    "briefing object": '{{ briefing.articles[0].path.joinpath("SECRET").read_text() }}',
    "minor topics": '{% for t in topics + minor %}{% for a in t.articles %}'
                    '{{ a.path.joinpath("SECRET").read_text() }}{% endfor %}{% endfor %}',
    "path via parent": '{{ articles[0].path.parent.joinpath("SECRET").read_text() }}',
}


@pytest.mark.parametrize("source", READS.values(), ids=READS.keys())
def test_template_cannot_read_files(tmp_path, inputs, secret, source):
    run = build_with(tmp_path, inputs, source.replace("SECRET", str(secret)))
    assert_clean(run)
    assert SECRET not in run.out


def test_template_cannot_read_files_in_the_digest(tmp_path, digest_dirs, secret):
    template = tmp_path / "d.md.j2"
    template.write_text('{% for e in entries %}{% for a in e.topic.articles %}'
                        '{{ a.path.joinpath("' + str(secret) + '").read_text() }}'
                        '{% endfor %}{% endfor %}', encoding="utf-8")
    run = invoke(*digest_args(digest_dirs), "--template", str(template), "-q")
    assert_clean(run)
    written = digest_dirs["out"].glob("*.md")
    assert all(SECRET not in p.read_text(encoding="utf-8") for p in written)


WRITES = {
    "write_text": '{{ articles[0].path.with_name("pwned.txt").write_text("x") }}',
    "touch": '{{ articles[0].path.with_name("pwned.txt").touch() }}',
    "mkdir": '{{ articles[0].path.with_name("pwned.txt").mkdir() }}',
    "rename": '{{ articles[0].path.rename(articles[0].path.with_name("pwned.txt")) }}',
    "symlink": '{{ articles[0].path.with_name("pwned.txt").symlink_to("/") }}',
    "unlink": '{{ articles[0].path.unlink() }}',
    "replace": '{{ articles[0].path.replace(articles[0].path.with_name("pwned.txt")) }}',
}


@pytest.mark.parametrize("source", WRITES.values(), ids=WRITES.keys())
def test_template_cannot_change_files(tmp_path, inputs, source):
    before = sorted(p.relative_to(inputs) for p in inputs.rglob("*"))
    run = build_with(tmp_path, inputs, source)
    assert_clean(run)
    assert sorted(p.relative_to(inputs) for p in inputs.rglob("*")) == before


LISTINGS = {
    "iterdir": "{{ articles[0].path.parent.parent.parent.iterdir()|list }}",
    "glob": '{{ articles[0].path.parent.parent.parent.glob("*")|list }}',
    "cwd": "{{ articles[0].path.cwd().iterdir()|list }}",
    "home": "{{ articles[0].path.home() }}",
    "exists": '{{ articles[0].path.joinpath("SECRET").exists() }}',
    "stat": "{{ articles[0].path.stat() }}",
}


@pytest.mark.parametrize("source", LISTINGS.values(), ids=LISTINGS.keys())
def test_template_cannot_look_around(tmp_path, inputs, secret, monkeypatch, source):
    monkeypatch.chdir(secret.parent)
    monkeypatch.setenv("HOME", str(secret.parent))
    run = build_with(tmp_path, inputs, source.replace("SECRET", str(secret)))
    assert_clean(run)
    assert "elsewhere" not in run.out and "True" not in run.out and "st_mode" not in run.out


def _probe(names: list[str]) -> str:
    """A template printing LEAK:<where>.<method> for every dangerous method it can reach."""
    checks = "".join(
        f"{{% if value.{m} is defined %}}LEAK:{{{{ where }}}}.{m} {{% endif %}}" for m in DANGEROUS
    )
    return (
        "{% macro probe(value, where) %}" + checks + "{% endmacro %}"
        + "".join(f"{{{{ probe({n}, '{n}') }}}}" for n in names)
    )


def test_no_value_reachable_by_a_template_has_file_methods(tmp_path, inputs):
    names = [
        "articles[0].path", "topics[0].articles[0].path", "skipped[0].path",
        "briefing.articles[0].path", "briefing.skipped[0].path", "generated", "articles[0]",
        "topics[0]", "articles[0].blocks[0]", "briefing",
    ]
    run = build_with(tmp_path, inputs, _probe(names))
    assert_clean(run)
    assert "LEAK" not in run.out, run.out


# A template that walks everything it is given and names what is not plain data: strings,
# numbers, booleans, None, lists and dicts (dates are allowed: a value with no way out).
WALK = """{%- macro walk(value, where, depth) -%}
{%- if value is callable -%}CALLABLE:{{ where }}
{% elif value is string or value is number or value is boolean or value is none -%}
{%- elif value.isoformat is defined and value.year is defined and value.day is defined -%}
{%- elif value is mapping -%}
{%- for key in value -%}{{ walk(value[key], where ~ "." ~ key, depth + 1) }}{%- endfor -%}
{%- elif value is sequence and depth < 12 -%}
{%- for item in value -%}{{ walk(item, where ~ "[" ~ loop.index0 ~ "]", depth + 1) }}{%- endfor -%}
{%- else -%}OBJECT:{{ where }}
{% endif -%}
{%- endmacro -%}
"""


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_build_templates_get_plain_data(tmp_path, inputs, fmt):
    names = ["briefing", "title", "topics", "minor", "articles", "outlets", "skipped",
             "generated"]
    source = WALK + "".join(f"{{{{ walk({n}, '{n}', 0) }}}}" for n in names)
    run = build_with(tmp_path, inputs, source, "-f", fmt,
                     name="t.html.j2" if fmt == "html" else "t.md.j2")
    assert_clean(run, (0,))
    assert "OBJECT:" not in run.out and "CALLABLE:" not in run.out, run.out[:2000]


def test_digest_template_gets_plain_data(tmp_path, digest_dirs):
    """Day two continues a story of day one, so every kind of entry is there."""
    first = invoke(*digest_args(digest_dirs), "-q")
    assert first.code == 0, first.err
    for source in (DIGEST_DATA / "day2").iterdir():
        shutil.copy(source, digest_dirs["inbox"])
    names = ["title", "topics", "minor", "articles", "outlets", "skipped", "generated", "day",
             "entries", "minor_entries", "previous"]
    template = tmp_path / "d.md.j2"
    template.write_text(WALK + "".join(f"{{{{ walk({n}, '{n}', 0) }}}}" for n in names)
                        + "{% if entries|selectattr('continued')|list %}CONTINUED{% endif %}",
                        encoding="utf-8")
    run = invoke(*digest_args(digest_dirs, NEXT_DAY), "--template", str(template), "-q")
    assert_clean(run, (0,))
    text = (digest_dirs["out"] / f"{NEXT_DAY}.md").read_text(encoding="utf-8")
    assert "CONTINUED" in text  # the walk covered a continued entry
    assert "OBJECT:" not in text and "CALLABLE:" not in text, text[:2000]


# -- resource limits (defect 13) -------------------------------------------------------------

TEMPLATE_GUARD = 20.0  # a refused template ends in a few seconds; before, these ran for minutes

HEAVY = {
    "nested ranges": "{% for a in range(100000) %}{% for b in range(100000) %}"
                     "{% endfor %}{% endfor %}",
    "loops over a list": "{% set r = range(3000)|list %}{% for a in r %}{% for b in r %}"
                         "{% for c in r %}{% endfor %}{% endfor %}{% endfor %}",
    "power in a namespace": "{% set ns = namespace(x=3) %}{% for i in range(64) %}"
                            "{% set ns.x = ns.x ** 2 %}{% endfor %}{{ ns.x > 1 }}",
    "product in a namespace": "{% set ns = namespace(x=7) %}{% for i in range(64) %}"
                              "{% set ns.x = ns.x * ns.x %}{% endfor %}{{ ns.x > 1 }}",
    "ljust": '{{ "a".ljust(10 ** 9) }}',
    "rjust": '{{ "a".rjust(10 ** 9)|length }}',
    "center method": '{{ "a".center(10 ** 9)|length }}',
    "zfill": '{{ "1".zfill(10 ** 9)|length }}',
    "expandtabs": '{{ "\\t".expandtabs(10 ** 9)|length }}',
    "doubling string": '{% set ns = namespace(s="ab") %}{% for i in range(40) %}'
                       "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
    "doubling replace": '{% set ns = namespace(s="ab") %}{% for i in range(40) %}'
                        '{% set ns.s = ns.s.replace("a", "aa").replace("b", "bb") %}'
                        "{% endfor %}{{ ns.s|length }}",
    "doubling list": "{% set ns = namespace(l=[1]) %}{% for i in range(40) %}"
                     "{% set ns.l = ns.l + ns.l %}{% endfor %}{{ ns.l|length }}",
    "appending": "{% set l = [] %}{% for i in range(100000) %}{% for j in range(10000) %}"
                 "{% set _ = l.append(j) %}{% endfor %}{% endfor %}{{ l|length }}",
    "huge output": "{% for i in range(100000) %}{% for j in range(100000) %}"
                   "0123456789{% endfor %}{% endfor %}",
    "exponential macro": "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}"
                         "{% endmacro %}{{ f(60) }}",
    "join of ranges": "{{ range(100000)|map('string')|join('x' * 10000) }}",
    "sorting": "{% set r = range(100000)|list %}{% for i in r %}{{ r|sort|first }}{% endfor %}",
}


# one of each kind runs in the quick suite; the rest are marked slow (a second each)
QUICK = {"nested ranges", "power in a namespace", "ljust", "doubling string"}


@pytest.mark.parametrize("source", cases(HEAVY, QUICK))
def test_template_resources_are_bounded(tmp_path, source):
    """Refused with one line (exit 1) in bounded time and memory, never run to the end."""
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(DATA.parent / "tui" / "bahnstreik" / "01_gdl.txt", folder)
    (tmp_path / "t.md.j2").write_text(source, encoding="utf-8")
    run = run_briefing("build", "one", "--template", "t.md.j2", cwd=tmp_path, measure=True,
                       timeout=TEMPLATE_GUARD, memory=3 * 1024**3 // 2)
    line = assert_one_line_failure(run)
    assert "t.md.j2" in line
    assert run.peak_kib is not None and run.peak_kib < 512 * 1024, f"{run.peak_kib} KiB"
