"""The daily digest for cron: the inbox's new articles as a dated briefing, with what is new."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.core.errors import BriefingError, OutputError
from briefing.core.models import Article, Briefing, Skipped, SummaryItem, Topic
from briefing.core.state import DayRecord, DigestState, KnownArticle

DEFAULT_SENTENCES = 6
DEFAULT_WAIT = 5.0  # seconds a second run waits for the lock before giving up with 75
# An article continues an earlier story when its vector (topic grouping's: topics.term_counts
# and count_vectors) has this cosine with an earlier day's article. Chosen on data with
# `python benchmarks/digest.py --sweep` (table there): all ten seed pairs reach it (lowest
# 0.313), 0.67 % of random MLSUM articles do against 30 others (most of those are the same
# story told twice), none against 10kGNAD articles of other years. Above topics.THRESHOLD
# (0.275), where a folder's unrelated MLSUM articles meet the same story 1.33 % of the time.
CONTINUATION_THRESHOLD = 0.30
# A sentence counts as already reported when this share of its content words stand in one
# earlier sentence (agency copy with a word changed); lower, and "weiteren Regen" ->
# "trockeneres Wetter" in an otherwise equal sentence would pass as old news.
KNOWN_SENTENCE_CONTAINMENT = 0.85
HISTORY_DAYS = 60  # how far back sentences and stories are compared (sentences kept twice as long)
DIGEST_TEMPLATE = "digest.md.j2"
_TEMP_FILE = re.compile(r"^\.\d{4}-\d{2}-\d{2}\.md\.[^/]+\.tmp$")

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


@dataclass
class Continuation:
    """Where a continued topic was reported before."""

    day: str  # the latest earlier digest the story appeared in
    topics: list[str]  # the headings it had there


def parse_day(value: str | None, today: dt.date | None = None) -> str:
    """``YYYY-MM-DD`` checked, or today's date."""
    if value is None:
        return (today or dt.date.today()).isoformat()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise BriefingError(f"invalid date {value!r}: use YYYY-MM-DD") from None


def load_config(path: str | os.PathLike[str] | None) -> dict[str, Any]:
    """The TOML config: ``--config FILE``, else ``config.toml`` in the user's config folder.

    A missing default file is an empty config; a missing or broken named file is an error.
    """
    import tomllib

    if path is None:
        import platformdirs

        default = Path(platformdirs.user_config_dir("briefing")) / "config.toml"
        if not default.is_file():
            return {}
        path = default
    target = Path(path)
    try:
        with target.open("rb") as handle:
            config = tomllib.load(handle)
    except OSError as error:
        raise BriefingError(f"config {target}: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise BriefingError(f"config {target}: {error}") from None
    feeds = config.get("feeds", [])
    if not isinstance(feeds, list) or not all(isinstance(f, str) for f in feeds):
        raise BriefingError(f"config {target}: 'feeds' must be a list of URLs")
    timeout = config.get("timeout", 20)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise BriefingError(f"config {target}: 'timeout' must be a number of seconds")
    return config


def content_key(article: Article) -> str:
    """A hash of what the article says, so a renamed, re-encoded or re-saved copy matches."""
    text = "\n".join([article.title, *(" ".join(b.text.split()) for b in article.blocks)])
    return hashlib.sha256(text.casefold().encode("utf-8")).hexdigest()


def article_terms(article: Article) -> dict[str, float]:
    """What an article is about: its weighted stem counts, as topic grouping counts them."""
    return articles_terms([article])[0]


def articles_terms(articles: Sequence[Article]) -> list[dict[str, float]]:
    """``article_terms`` of a day's articles; sentences they share as page furniture left out."""
    from briefing.core.topics import term_counts

    return [{t: float(n) for t, n in counts.items()} for counts in term_counts(articles)]


def similarities(
    new: list[dict[str, float]],
    earlier: list[dict[str, float]],
    others: Sequence[dict[str, float]] = (),
) -> list[list[float]]:
    """Cosine similarity, every new article against every earlier one.

    The vectors are topic grouping's (``topics.count_vectors``: sublinear tf, IDF with
    background pseudo-articles, genitive folding); the IDF counts the new, the earlier and
    the ``others`` articles, so words every article uses weigh little and names weigh much.
    """
    return _similarities(new, earlier, others)[0]


def _similarities(
    new: Sequence[dict[str, float]],
    earlier: Sequence[dict[str, float]],
    others: Sequence[dict[str, float]] = (),
) -> tuple[list[list[float]], list[list[float]]]:
    """(new x earlier, new x new) cosine similarities from one vectorisation of them all."""
    from briefing.core.topics import count_vectors

    # sparse rows and products: a day's articles against two months of them stays quick
    vectors = count_vectors([*new, *earlier, *others])
    left = vectors[: len(new)]
    right = vectors[len(new) : len(new) + len(earlier)]
    return (left @ right.T).toarray().tolist(), (left @ left.T).toarray().tolist()


def split_continued(
    terms: list[dict[str, float]],
    earlier: list[KnownArticle],
    threshold: float = CONTINUATION_THRESHOLD,
    same_story: float | None = None,
) -> dict[int, list[KnownArticle]]:
    """Which of today's articles (by index) continue an earlier story, and the earlier
    articles they resemble most (most similar first).

    A today's article that topic grouping would put beside a continuing one of today
    (cosine ``same_story``, default topics.THRESHOLD) joins it, so one story is not torn
    into a continued and a new half.
    """
    from briefing.core.topics import THRESHOLD

    spread = THRESHOLD if same_story is None else same_story
    matches: dict[int, list[KnownArticle]] = {}
    if not earlier or not terms:
        return matches
    to_earlier, today = _similarities(terms, [e.terms for e in earlier])
    for index, row in enumerate(to_earlier):
        close = [e for e, s in sorted(zip(earlier, row), key=lambda p: -p[1]) if s >= threshold]
        if close:
            matches[index] = close
    if matches and len(terms) > 1:
        changed = True
        while changed:  # spread along today's similar articles until nothing changes
            changed = False
            for i in range(len(terms)):
                if i in matches:
                    continue
                for j in list(matches):
                    if i != j and today[i][j] >= spread:
                        matches[i] = matches[j]
                        changed = True
                        break
    return matches


def _key_words(key: str) -> frozenset[str]:
    """Content words of a sentence key (stop words carry no news)."""
    from briefing.core.lexrank import german_stop_words

    stop = german_stop_words()
    return frozenset(w for w in key.split() if len(w) > 2 and w not in stop)


class KnownSentences:
    """Sentences reported or read before: exact keys, plus near copies by word containment."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys = set(keys)
        self.word_sets = [_key_words(k) for k in self.keys]
        self.postings: dict[str, list[int]] = {}
        for index, words in enumerate(self.word_sets):
            for word in words:
                self.postings.setdefault(word, []).append(index)

    def __contains__(self, key: str) -> bool:
        if key in self.keys:
            return True
        words = _key_words(key)
        if len(words) < 4:
            return False
        shared: Counter[int] = Counter()
        for word in words:
            for index in self.postings.get(word, ()):
                shared[index] += 1
        needed = math.ceil(KNOWN_SENTENCE_CONTAINMENT * len(words))
        return any(n >= needed for n in shared.values())


def update_summary(
    topic: Topic, known: KnownSentences, sentences: int, engine: str
) -> list[SummaryItem]:
    """The topic's sentences that were not reported or read before, LexRank's best first.

    Like an update summary: rank only the new sentences, keep reading order in the output.
    """
    from briefing.core.lexrank import rank_sentences
    from briefing.core.summarize import group_sentences, sentence_key, to_item

    novel = [g for g in group_sentences(topic.articles) if sentence_key(g.text) not in known]
    if not novel:
        return []
    by_article: dict[str, list[str]] = {}
    by_text = {}
    for group in novel:
        by_article.setdefault(group.occurrences[0].article_id, []).append(group.text)
        by_text[group.text] = group
    picked = rank_sentences(list(by_article.values()), sentences, engine)
    items = [to_item(by_text[t]) for t in picked]  # (unscored: score 0 as before)
    return sorted(items, key=lambda item: item.first_seen)


def clean_stale_temp_files(out_dir: Path) -> list[Path]:
    """Remove ``.YYYY-MM-DD.md.*.tmp`` files a killed run left behind (we hold the lock)."""
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
) -> DigestResult:
    """Write ``OUT/YYYY-MM-DD.md`` from the inbox articles no earlier digest covered.

    Holds a lock beside the state for the whole run (DigestLockedError after ``wait`` s).
    The state changes only after the file is in place, in one transaction, so a killed run
    leaves both as they were and the next run does the work again.
    """
    from briefing.core.state import default_state_path, digest_lock, open_state

    day = parse_day(day, today)
    prefix = f"digest {day}"

    def say(message: str) -> None:
        if log is not None and not quiet:
            log(message)

    def problem(message: str) -> None:  # shown even with -q
        if log is not None:
            log(f"{prefix}: {message}")

    settings_config = load_config(config)
    feed_urls = list(dict.fromkeys([*settings_config.get("feeds", []), *feeds]))
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
    target = out_path / f"{day}.md"
    result = DigestResult(day=day, path=target.absolute())

    with digest_lock(state_path, wait), open_state(state_path) as store:
        for stale in clean_stale_temp_files(out_path):
            say(f"{prefix}: removed stale temporary file {stale}")
        articles, skipped = _read_sources(
            inbox_path, feed_urls, feed_timeout, store.links_elsewhere(day), result, problem,
            jobs,
        )
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
        text = render_digest(briefing, day, continuations, store.last_digest_before(day), template)
        from briefing.core.output import write_atomic

        write_atomic(target, text)
        record.path = str(target.absolute())
        forget = dt.date.fromisoformat(day) - dt.timedelta(days=2 * HISTORY_DAYS)
        store.record_day(record, forget_sentences_before=forget.isoformat())
        say(f"{prefix}: read {_count(result.files, 'file')}, {result.new} new, "
            f"{_count(result.topics, 'topic')}, wrote {result.path}")
    return result


def _read_sources(
    inbox: Path,
    feed_urls: list[str],
    timeout: float,
    known_links: set[str],
    result: DigestResult,
    problem: Log,
    jobs: int = 1,
) -> tuple[list[Article], list[Skipped]]:
    """Inbox articles, then feed articles (one stderr line per failing feed)."""
    from briefing.core.feeds import read_feed
    from briefing.core.pipeline import Settings, load_articles

    articles, skipped = load_articles([inbox], Settings(jobs=jobs))
    result.files = len(articles) + len(skipped)
    for url in feed_urls:
        fed = read_feed(url, timeout, known_links=known_links)
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
    known = store.known_elsewhere(day)
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
    from briefing.core.pipeline import Settings, briefing_from_articles
    from briefing.core.sentences import article_sentences
    from briefing.core.summarize import sentence_key

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
        for topic in briefing_from_articles(continuing, [], settings, today=generated).topics:
            topic.continued = True
            topic.summary = update_summary(topic, known, sentences, engine)
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


def render_digest(
    briefing: Briefing,
    day: str,
    continuations: dict[int, Continuation],
    previous: str | None,
    template: str | os.PathLike[str] | None = None,
) -> str:
    """The digest's Markdown through ``digest.md.j2`` (or the user's template)."""
    from briefing.core.render import render_template, template_context

    context = template_context(briefing)
    originals: dict[int, Topic] = {}
    entries = []
    for index, topic in enumerate(briefing.topics):
        continued = continuations.get(index)
        # the shared topic macro prints the sources, quotes and timeline; the digest prints
        # the new sentences itself, so the macro gets the topic without its summary
        rest = dataclasses.replace(topic, summary=[]) if continued else topic
        originals[id(rest)] = topic
        entries.append({
            "topic": topic,
            "rest": rest,
            "continued": continued,
            "since": _since_label(day, continued.day) if continued else None,
        })

    def used(topic: Topic, article: Article) -> int:
        original = originals.get(id(topic), topic)
        return sum(1 for item in original.summary if article.id in item.sources)

    context.update(
        day=dt.date.fromisoformat(day),
        title=f"Digest vom {_german_date(day)}",
        # a lone new article is a line under "Weitere Meldungen"; a continued one keeps its
        # section, since it leads with what is new
        entries=[e for e in entries if not e["topic"].minor or e["continued"]],
        minor_entries=[e for e in entries if e["topic"].minor and not e["continued"]],
        previous=dt.date.fromisoformat(previous) if previous else None,
        sentences_used=used,
    )
    text = render_template(DIGEST_TEMPLATE, context, template_file=template)
    return text.rstrip("\n") + "\n"
