"""The daily digest for cron: the inbox's new articles as a dated briefing, with what is new.

Takes the inbox (and feeds), the state of earlier days and a day; writes ``OUT/YYYY-MM-DD.md``
and records the day (``run_digest``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.digest.atom import FEED_NAME, AtomEntry, atom_feed, store_entry, stored_entries
from briefing.digest.config import load_config, parse_day
from briefing.digest.continuation import Continuation, articles_terms, split_continued
from briefing.digest.feeds import FeedResult, read_feed, why
from briefing.digest.inbox import InboxRead, read_inbox
from briefing.digest.known import KnownSentences, content_key, update_summary
from briefing.digest.opml import read_opml
from briefing.digest.state import (
    DayRecord,
    DigestState,
    KnownArticle,
    default_state_path,
    digest_lock,
    open_state,
)
from briefing.digest.subscriptions import FeedMemory
from briefing.errors import BriefingError, OutputError
from briefing.models import Article, Briefing, Ref, Skipped, Topic
from briefing.pipeline import Settings, briefing_from_articles, cut_notes
from briefing.render import render_template, template_context
from briefing.render.plain import Plain
from briefing.runtime.output import write_atomic
from briefing.sections import resolve_refs
from briefing.text.sentences import article_sentences
from briefing.text.words import sentence_key

DEFAULT_SENTENCES = 6

DEFAULT_WAIT = 5.0  # seconds a second run waits for the lock before giving up with 75

HISTORY_DAYS = 60  # how far back sentences and stories are compared (sentences kept twice as long)

DIGEST_TEMPLATE = "digest.md.j2"

# --format: what each writes (OUT/DAY.md, OUT/DAY.html, OUT/feed.atom) and its template
DIGEST_FORMATS = ("markdown", "html", "atom")
DIGEST_TEMPLATES = {"markdown": DIGEST_TEMPLATE, "html": "digest.html.j2"}

# temporary files (.tmp) and kept old files (.old) a killed run may leave behind
_TEMP_FILE = re.compile(
    r"^\.(?:\d{4}-\d{2}-\d{2}\.(?:md|html)|feed\.atom)\.[^/]+\.(?:tmp|old)$")

Log = Callable[[str], None]


@dataclass
class DigestResult:
    """What a run did, for the log and for tests."""
    day: str
    path: Path
    files: int = 0
    new: int = 0
    already: int = 0
    topics: int = 0
    continued: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    feed_problems: list[str] = field(default_factory=list)


def clean_stale_temp_files(out_dir: Path) -> list[Path]:
    """Remove ``.YYYY-MM-DD.md.*.tmp`` files (``.html``, ``.feed.atom``) a killed run left
    behind (we hold the lock)."""
    removed: list[Path] = []
    for entry in out_dir.iterdir():
        if _TEMP_FILE.match(entry.name) and entry.is_file():
            try:
                entry.unlink()
                removed.append(entry)
            except OSError:
                pass
    return removed


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _german_date(day: str) -> str:
    return dt.date.fromisoformat(day).strftime("%d.%m.%Y")


def _since_label(day: str, previous: str) -> str:
    yesterday = (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()
    return "gestern" if previous == yesterday else f"dem {_german_date(previous)}"


def run_digest(
    *,
    inbox: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    day: str | None = None,
    state: str | os.PathLike[str] | None = None,
    feeds: Iterable[str] = (),
    config: str | os.PathLike[str] | None = None,
    sentences: int = DEFAULT_SENTENCES,
    template: str | os.PathLike[str] | None = None,
    engine: str = "fast",
    quiet: bool = False,
    wait: float = DEFAULT_WAIT,
    timeout: float | None = None,
    log: Log | None = None,
    today: dt.date | None = None,
    jobs: int = 1,
    formats: Iterable[str] = ("markdown",),
    opml: Iterable[str | os.PathLike[str]] = (),
    reread: bool = False,
    follow_links: bool = False,
) -> DigestResult:
    """Write ``OUT/YYYY-MM-DD.md`` from the inbox articles no earlier digest covered
    (``formats``: also or instead ``OUT/YYYY-MM-DD.html`` and the Atom feed ``OUT/feed.atom``).

    Holds a lock beside the state for the whole run (DigestLockedError after ``wait`` s).
    The state changes only after the file is in place, in one transaction, so a killed run
    leaves both as they were and the next run does the work again. (The run's steps in order,
    each one call, with the log lines between them: about 100 lines with the docstring.)
    """
    day = parse_day(day, today)
    prefix = f"digest {day}"

    def say(message: str) -> None:
        if log is not None and not quiet:
            log(message)

    def problem(message: str) -> None:  # shown even with -q
        if log is not None:
            log(f"{prefix}: {message}")

    settings_config = load_config(config)
    formats = [f for f in DIGEST_FORMATS if f in set(formats)]
    subscribed = [u for file in [*settings_config.get("opml", []), *opml] for u in read_opml(file)]
    feed_urls = list(dict.fromkeys([*settings_config.get("feeds", []), *feeds, *subscribed]))
    feed_timeout = float(timeout if timeout is not None else settings_config.get("timeout", 20))
    inbox_path = Path(inbox).expanduser()
    if not inbox_path.is_dir():
        raise BriefingError(f"inbox {inbox_path} is not a folder")
    out_path = Path(out_dir).expanduser()
    if out_path.resolve().is_relative_to(inbox_path.resolve()):
        # the next day would read yesterday's digest as an article
        raise BriefingError(f"the output folder {out_path} must not be inside the inbox")
    try:
        out_path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create {out_path}: {error.strerror or error}") from None
    state_path = Path(state).expanduser() if state else default_state_path()
    targets = {"markdown": out_path / f"{day}.md", "html": out_path / f"{day}.html",
               "atom": out_path / FEED_NAME}
    target = targets[formats[0]]
    result = DigestResult(day=day, path=target.absolute())

    with digest_lock(state_path, wait), open_state(state_path) as store:
        for stale in clean_stale_temp_files(out_path):
            say(f"{prefix}: removed stale temporary file {stale}")
        memory = FeedMemory(store.connection, day)
        inbox_read = read_inbox(inbox_path, store, day,
                                Settings(jobs=jobs, follow_links=follow_links), reread)
        articles, skipped = _read_sources(
            inbox_read, feed_urls, feed_timeout, store.links_elsewhere(day), result, problem,
            memory,
        )
        for note in cut_notes(articles):
            say(f"{prefix}: {note}")
        new, skipped, already = _new_articles(articles, skipped, store, day)
        result.already += already
        result.new = len(new)
        result.skipped = skipped
        say(f"{prefix}: read {_count(result.files, 'file')}"
            + (f" and {_count(len(feed_urls), 'feed')}" if feed_urls else "")
            + f", {result.new} new, {result.already} in earlier digests"
            + (f", {len(skipped)} skipped" if skipped else ""))
        briefing, continuations, record = _build(
            new, skipped, store, day, sentences, engine, jobs
        )
        result.topics = len(briefing.topics)
        result.continued = sum(1 for t in briefing.topics if t.continued)
        say(f"{prefix}: {_count(result.topics, 'topic')}, {result.continued} continued")
        previous = store.last_digest_before(day)
        texts = _rendered(briefing, day, continuations, previous, template, formats, targets,
                          store, record)
        record.path = str(target.absolute())
        record.extras += [inbox_read.store, memory.store]
        _save_day(store, record, texts, state_path, lambda m: problem(f"{prefix}: {m}"))
        written = [str(path.absolute()) for path in texts]
        say(f"{prefix}: read {_count(result.files, 'file')}, {result.new} new, "
            f"{_count(result.topics, 'topic')}, wrote {', '.join(written)}")
    return result


def _rendered(
    briefing: Briefing,
    day: str,
    continuations: dict[int, Continuation],
    previous: str | None,
    template: str | os.PathLike[str] | None,
    formats: list[str],
    targets: dict[str, Path],
    store: DigestState,
    record: DayRecord,
) -> dict[Path, str]:
    """The day's files by path: the Markdown and HTML digests, and the Atom feed with the
    stored entries of earlier days (its new entry goes into ``record``, stored with the day)."""
    texts: dict[Path, str] = {}
    for fmt in formats:
        if fmt == "atom":
            entry = AtomEntry(day, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                              f"Digest vom {_german_date(day)}",
                              render_digest(briefing, day, continuations, previous,
                                            fmt="html", fragment=True),
                              f"{day}.html" if "html" in formats else None)
            feed = atom_feed([*stored_entries(store.connection, but=day), entry],
                             targets[fmt].parent)
            record.extras.append(store_entry(entry))
            texts[targets[fmt]] = feed
        else:
            texts[targets[fmt]] = render_digest(
                briefing, day, continuations, previous,
                template if fmt == "markdown" else None, fmt=fmt)
    return texts


def _save_day(
    store: DigestState,
    record: DayRecord,
    texts: dict[Path, str],
    state_path: Path,
    problem: Log,
) -> None:
    """Write the day's files and its record as one: the record is written first (a full disk
    or a read-only state shows there), then the files, then the record is committed; if that
    fails, the old files are put back. Then what is older than the horizon goes."""
    forget = (dt.date.fromisoformat(record.day) - dt.timedelta(days=2 * HISTORY_DAYS)).isoformat()
    try:
        with contextlib.ExitStack() as undo:
            for path in texts:
                undo.enter_context(_file_undone_on_failure(path))
            store.record_day(record, forget_sentences_before=forget,
                             then=lambda: _write_all(texts))
    except sqlite3.Error as error:
        raise BriefingError(f"state file {state_path}: cannot save the day ({error}); "
                            f"nothing changed") from None
    try:
        store.forget_before(forget)
    except sqlite3.Error as error:  # the day is saved; only the old rows stay a day longer
        problem(f"state file {state_path}: old days not dropped ({error})")


def _write_all(texts: dict[Path, str]) -> None:
    for path, text in texts.items():
        write_atomic(path, text, replace_special=True)


@contextlib.contextmanager
def _file_undone_on_failure(target: Path) -> Iterator[None]:
    """If the block fails, the day's file is as it was: the old one is kept as a hard link
    and put back, a new one is removed (the link is removed when done either way)."""
    keep = target.with_name(f".{target.name}.{os.getpid()}.old")  # (a stale one: _TEMP_FILE)
    try:
        had = os.path.isfile(target) and not os.path.islink(target)
        if had:
            keep.unlink(missing_ok=True)
            os.link(target, keep)
    except OSError:
        had = False  # cannot keep it: the block still runs, as before
    try:
        yield
    except BaseException:
        with contextlib.suppress(OSError):
            if had:
                os.replace(keep, target)
            else:
                target.unlink(missing_ok=True)
        raise
    finally:
        keep.unlink(missing_ok=True)


def _read_sources(
    inbox: InboxRead,
    feed_urls: list[str],
    timeout: float,
    known_links: set[str],
    result: DigestResult,
    problem: Log,
    memory: FeedMemory | None = None,
) -> tuple[list[Article], list[Skipped]]:
    """Inbox articles (what ``read_inbox`` found that is not old news), then feed articles
    (one stderr line per failing feed)."""
    articles, skipped = list(inbox.articles), list(inbox.skipped)
    result.files = inbox.files
    result.already += inbox.already
    for url in feed_urls:
        try:
            fed = read_feed(url, timeout, known_links=known_links, subscription=memory)
        except Exception as error:  # noqa: BLE001 - one failing source is one line
            fed = FeedResult(url, error=f"failed ({why(error)})")
        result.already += fed.known
        if fed.problem:
            result.feed_problems.append(fed.problem)
            problem(fed.problem)
        articles.extend(fed.articles)
    return articles, skipped


def _new_articles(
    articles: list[Article], skipped: list[Skipped], store: DigestState, day: str
) -> tuple[list[Article], list[Skipped], int]:
    """(new articles, skipped files to report, how many are in other days' digests).

    New means no other day's digest holds the same text; a copy of an old article under
    another name counts as old, and so does a byte-identical twin the reader skipped.
    """
    known = store.known_keys_elsewhere(day)
    new: list[Article] = []
    seen: dict[str, Article] = {}
    old_names: set[str] = set()
    already = 0
    for article in articles:
        key = content_key(article)
        if key in known or article.content_hash in known:
            already += 1
            old_names.add(article.path.name)
            continue
        twin = seen.get(key)
        if twin is not None:  # the same text re-saved (other encoding, line ends) today
            skipped.append(Skipped(article.path, f"duplicate of {twin.path.name}"))
            continue
        seen[key] = article
        new.append(article)
    report: list[Skipped] = []
    for item in skipped:
        twin = item.reason.removeprefix("duplicate of ")  # a name, or folder/name
        if twin != item.reason and Path(twin).name in old_names:
            already += 1
        else:
            report.append(item)
    return new, report, already


def _build(
    new: list[Article],
    skipped: list[Skipped],
    store: DigestState,
    day: str,
    sentences: int,
    engine: str,
    jobs: int = 1,
) -> tuple[Briefing, dict[int, Continuation], DayRecord]:
    """Group and summarize the new articles; continued topics get their update summary.

    Articles that continue earlier stories and fresh ones are grouped apart, continuing
    first; ids (a1, a2, ...) follow that order so references read 1, 2, 3 down the page.
    """
    record = DayRecord(day=day, path="")
    continuations: dict[int, Continuation] = {}
    generated = dt.date.fromisoformat(day)
    since = (generated - dt.timedelta(days=HISTORY_DAYS)).isoformat()
    earlier = store.earlier_articles(day, since)
    terms = articles_terms(new)
    matches = split_continued(terms, earlier)
    order = [i for i in range(len(new)) if i in matches] + [
        i for i in range(len(new)) if i not in matches
    ]
    for number, index in enumerate(order, 1):
        new[index].id = f"a{number}"
    terms_of = {new[i].id: terms[i] for i in range(len(new))}
    matched = {new[i].id: m for i, m in matches.items()}
    continuing = [new[i] for i in order if i in matches]
    fresh = [new[i] for i in order if i not in matches]
    settings = Settings(sentences=sentences, engine=engine, jobs=jobs)
    topics: list[Topic] = []
    if continuing:
        known = KnownSentences(store.earlier_sentence_keys(day, since))
        # the words of every sentence of the continuing articles, in one pass over the old keys
        known.expect(sentence_key(s.text) for a in continuing for s in article_sentences(a))
        for topic in briefing_from_articles(continuing, [], settings, today=generated).topics:
            topic.continued = True
            topic.summary = update_summary(topic, known, sentences, engine)
            resolve_refs(topic)  # the sections point to the new summary's items
            sources = [k for a in topic.articles for k in matched.get(a.id, [])]
            last = max(k.day for k in sources)
            headings = list(dict.fromkeys(k.topic for k in sources if k.day == last))
            continuations[len(topics)] = Continuation(last, headings)
            topics.append(topic)
    if fresh:
        topics.extend(briefing_from_articles(fresh, [], settings, today=generated).topics)
    # stories with several sources first, lone articles ("Weitere Meldungen") last
    ranked = sorted(range(len(topics)), key=lambda i: topics[i].minor)
    continuations = {ranked.index(i): c for i, c in continuations.items()}
    topics = [topics[i] for i in ranked]
    for topic in topics:
        for article in topic.articles:
            known_article = KnownArticle(
                content_key(article), article.content_hash, day, str(article.path),
                article.title, topic.title, terms_of[article.id],
            )
            record.articles.append((known_article, article.url))
            record.sentence_keys.update(sentence_key(s.text) for s in article_sentences(article))
        record.reported.extend(
            (topic.title, item.text, sentence_key(item.text)) for item in topic.summary
        )
    record.skipped = [(str(s.path), s.reason) for s in skipped]
    shown_before = store.skipped_before(day)
    fresh_skips = [s for s in skipped if (str(s.path), s.reason) not in shown_before]
    briefing = Briefing(title="", topics=topics, skipped=fresh_skips, generated=generated)
    return briefing, continuations, record


def _without_summary(topic: Topic) -> Topic:
    """The topic for the shared macro when the digest prints its summary as "Neu seit ...":
    no summary, and pointers to its items name that list ("→ Neu, Punkt 2")."""

    def renamed(ref: Ref | None) -> Ref | None:
        return dataclasses.replace(ref, section="update") if ref and ref.section == "summary" else ref

    return dataclasses.replace(
        topic,
        summary=[],
        claims=[dataclasses.replace(c, answers=renamed(c.answers)) for c in topic.claims],
        timeline=[dataclasses.replace(e, ref=renamed(e.ref)) for e in topic.timeline],
        discrepancies=[
            dataclasses.replace(d, variants=[dataclasses.replace(v, ref=renamed(v.ref))
                                             for v in d.variants])
            for d in topic.discrepancies
        ],
    )


def render_digest(
    briefing: Briefing,
    day: str,
    continuations: dict[int, Continuation],
    previous: str | None,
    template: str | os.PathLike[str] | None = None,
    fmt: str = "markdown",
    fragment: bool = False,
) -> str:
    """The digest's Markdown through ``digest.md.j2`` (or the user's template), or its HTML
    through ``digest.html.j2`` (``fragment``: without the page around it, for the Atom
    entry); the templates get plain data only (as the briefing templates)."""
    plain = Plain()
    context = template_context(briefing, plain)
    originals: dict[int, dict[str, Any]] = {}
    entries = []
    for index, topic in enumerate(briefing.topics):
        continued = continuations.get(index)
        data = plain.topic(topic)
        # the shared topic macro prints the sources, quotes and timeline; the digest prints
        # the new sentences itself, so the macro gets the topic without its summary
        rest = plain.topic(_without_summary(topic)) if continued else data
        originals[id(rest)] = data
        entries.append({
            "topic": data,
            "rest": rest,
            "continued": {"day": continued.day, "topics": list(continued.topics)}
            if continued else None,
            "since": _since_label(day, continued.day) if continued else None,
        })

    def used(topic: dict[str, Any], article: dict[str, Any]) -> int:
        original = originals.get(id(topic), topic)
        return sum(1 for item in original["summary"] if article["id"] in item["sources"])

    context.update(
        day=dt.date.fromisoformat(day),
        title=f"Digest vom {_german_date(day)}",
        # a lone new article is a line under "Weitere Meldungen"; a continued one keeps its
        # section, since it leads with what is new
        entries=[e for e in entries if not e["topic"]["minor"] or e["continued"]],
        minor_entries=[e for e in entries if e["topic"]["minor"] and not e["continued"]],
        previous=dt.date.fromisoformat(previous) if previous else None,
        sentences_used=used,
        fragment=fragment,
    )
    text = render_template(DIGEST_TEMPLATES[fmt], context, template_file=template,
                           autoescape=fmt == "html")
    return text.rstrip("\n") + "\n"
