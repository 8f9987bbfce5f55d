"""The whole run as library calls: ingest -> clean -> split -> stories -> summary -> sections.

Takes paths (and ``Settings``); gives the loaded articles (``load_articles``), the ``Briefing``
(``build_briefing``: grouped into topics, each summarized with its sections, titled) or each
article's own summary (``summarize_articles``). The stages run on ``Settings.jobs`` processes
where that pays; the output is the same with one.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from briefing.clean import (
    MAX_ARTICLE_CHARS,
    EmptyArticleError,
    clean_document,
    cut_long_article,
    drop_outlet_furniture,
)
from briefing.errors import NoUsableArticleError
from briefing.ingest import (
    DuplicateIndex,
    RawDocument,
    discover,
    display_name,
    read_document,
    read_streams,
)
from briefing.models import Article, Briefing, Progress, Settings, Skipped, Topic
from briefing.render import render_title
from briefing.runtime.display import shown
from briefing.runtime.parallel import iter_shared, map_in_order, uses_fork
from briefing.sections import topic_sections
from briefing.stories import group_topics
from briefing.stories.vectors import prepare_vectors
from briefing.summary import (
    DEFAULT_SENTENCES,
    Weights,
    lead_summary,
    summarize_article,
    topic_summary,
)
from briefing.text.language import detect_language, stop_word_languages
from briefing.text.sentences import block_splits, punkt_tokenizer, remember_blocks


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def load_articles(
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings | None = None,
    progress: Progress | None = None,
    presplit: bool = True,
) -> tuple[list[Article], list[Skipped]]:
    """Read and clean every file under ``paths``; every file ends up in one of the two lists.

    See load_articles_in_order, which also says where each file stood among the inputs.
    """
    articles, skipped, _ = load_articles_in_order(paths, settings, progress, presplit)
    return articles, skipped


def load_articles_in_order(
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings | None = None,
    progress: Progress | None = None,
    presplit: bool = True,
    each: Callable[[Article], None] | None = None,
) -> tuple[list[Article], list[Skipped], dict[Path, int]]:
    """Articles, skipped files, and each path's input position (from the one folder walk).

    Positions count the files in the order they were found, then the named paths that were
    missing and the folders that could not be listed; ``summarize`` and ``clean`` print in
    this order.

    Articles get ids ``a1``, ``a2``, ... in input order. Lines that three or more articles of
    one web host carry and that are not prose go (``clean.drop_outlet_furniture``). A file
    that repeats an earlier article (same text, or only paragraphs the earlier one has) is
    skipped as its duplicate; with ``settings.german_only`` an article in another language is
    skipped with its language.
    Reading, cleaning, language detection and (``presplit``) sentence splitting of each file
    run on ``settings.jobs`` processes; duplicates are found here, in input order. ``each`` is
    called here with each cleaned article as it comes back, while the workers read on.
    """
    settings = settings or Settings()
    progress = progress or _no_progress
    paths = list(paths)
    read_streams(paths, settings.max_bytes)  # standard input and named pipes, read once
    files, skipped = discover(paths, True) if settings.follow_links else discover(paths)
    positions = {path: index for index, path in enumerate(files)}
    positions.update({s.path: len(files) + index for index, s in enumerate(skipped)})
    articles: list[Article] = []
    duplicates = DuplicateIndex()
    prepared: list[tuple[Path, Article | Skipped, tuple[str | None, bool] | None]] = []
    results = prepare_files(files, settings, presplit)
    for done, (path, (article_or_skip, language, splits)) in enumerate(zip(files, results), 1):
        progress("reading", done, len(files))
        if isinstance(article_or_skip, Article):
            if splits is not None:
                remember_blocks(article_or_skip, splits)
            if each is not None:
                each(article_or_skip)
        prepared.append((path, article_or_skip, language))
    # lines that several articles of one outlet carry: furniture only the folder shows
    drop_outlet_furniture([a for _, a, _ in prepared if isinstance(a, Article)])
    for path, article_or_skip, language in prepared:
        if isinstance(article_or_skip, Skipped):
            skipped.append(article_or_skip)
            continue
        article = article_or_skip
        twin = duplicates.twin_of(article)
        if twin is not None:
            skipped.append(Skipped(path, f"duplicate of {display_name(twin.path, path)}"))
            continue
        if language is not None:
            article.language, is_german = language
            if not is_german:
                skipped.append(Skipped(path, f"not German ({article.language})"))
                continue
        duplicates.add(article)
        article.id = f"a{len(articles) + 1}"
        articles.append(article)
    return articles, skipped, positions


def prepare_files(
    files: list[Path], settings: Settings, presplit: bool = True
) -> Iterator[Prepared]:
    """Each file read, cleaned, its language told and (``presplit``) its blocks split into
    sentences, in order, on ``settings.jobs`` processes: (Article or Skipped, (language,
    is German) or None, sentences of each block or None). Duplicates are not looked for."""
    tasks = [(path, settings.max_bytes, settings.german_only, presplit) for path in files]
    if settings.jobs > 1 and len(tasks) > 1:
        # the tokenizer and the cleaner's libraries load once here, not in every worker
        _warm_up()
    return map_in_order(_prepare_file, tasks, settings.jobs)


def _warm_up() -> None:
    punkt_tokenizer()
    stop_word_languages()


# (result, (language, is German) or None, sentences of each block or None)
Prepared = tuple["Article | Skipped", "tuple[str | None, bool] | None", "list | None"]


def _prepare_file(task: tuple[Path, int, bool, bool]) -> Prepared:
    """Everything that needs one file only: read, clean, detect the language, split."""
    path, max_bytes, german_only, presplit = task
    document = read_document(path, max_bytes)
    if isinstance(document, Skipped):
        return document, None, None
    article = _clean(document)
    if isinstance(article, Skipped):
        return article, None, None
    cut_long_article(article)
    language = None
    if german_only:
        guess = detect_language(article.body)
        language = (guess.language, guess.is_german)
    splits = None
    if presplit:
        splits = block_splits(article)
    return article, language, splits


def _clean(document: RawDocument) -> Article | Skipped:
    try:
        return clean_document(document)
    except EmptyArticleError as error:
        return Skipped(document.path, str(error))
    except RecursionError:
        return Skipped(document.path, "could not be cleaned (nested too deeply)")
    except Exception as error:  # noqa: BLE001 - one odd page must not end the whole run
        detail = " ".join(str(error).split())[:120]
        return Skipped(document.path, f"could not be cleaned ({type(error).__name__}: {detail})")


def build_briefing(
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings | None = None,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> Briefing:
    """The briefing of every article under ``paths``.

    Raises NoUsableArticleError when no file gave an article.
    """
    settings = settings or Settings()
    # with workers, this process stems each article's words for grouping while they read
    # (grouping's serial part shrinks by that much)
    each = prepare_vectors if settings.jobs > 1 else None
    with _collector_paused():
        articles, skipped, _ = load_articles_in_order(paths, settings, progress, each=each)
        if not articles:
            raise NoUsableArticleError(no_article_message(skipped))
        return briefing_from_articles(articles, skipped, settings, progress, today)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection during a build.

    A build makes millions of small objects that live until its end and form no cycles
    worth collecting; the collector's full passes over them took a tenth of the CPU time of
    the 11,700-article benchmark (the peak memory was the same without them).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def briefing_from_articles(
    articles: list[Article],
    skipped: list[Skipped],
    settings: Settings | None = None,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> Briefing:
    """Group loaded articles into topics and summarize each."""
    settings = settings or Settings()
    progress = progress or _no_progress
    progress("grouping", 0, 1)
    topics = most_covered_first(group_topics(articles, jobs=settings.jobs))
    progress("grouping", 1, 1)
    if settings.jobs > 1 and not uses_fork():
        # spawned workers start with empty caches: send each topic's sentences along
        tasks = [(t, settings.sentences, settings.engine, _splits_of(t)) for t in topics]
        results = map_in_order(_summarize, tasks, settings.jobs)
    else:
        # forked workers (or this process) have the topics and the sentence cache already:
        # only a topic's number goes out, only its summary comes back
        shared = (topics, settings.sentences, settings.engine)
        results = iter_shared(_summarize_number, shared, range(len(topics)), settings.jobs,
                              costs=[summary_cost(t) for t in topics])
    for done, (topic, (summary, *sections)) in enumerate(zip(topics, results), 1):
        progress("summarizing", done, len(topics))
        topic.summary = summary
        if not topic.minor:
            topic.quotes, topic.claims, topic.timeline, topic.discrepancies = sections
    today = today or dt.date.today()
    title = settings.title or render_title(topics, today)
    return Briefing(title=title, topics=topics, skipped=skipped, generated=today)


def summary_cost(topic: Topic) -> float:
    """A guess at the time a topic's summary and sections take, to share them out evenly:
    its text's length, more per character the more articles it has (sentences are compared
    in pairs); a lone article's lead line reads only its first sentences (about a twelfth
    of the time per article in a profile of the whole corpus)."""
    chars = sum(len(b.text) for a in topic.articles for b in a.blocks)
    if topic.minor:
        return chars / 12
    return chars * (1 + len(topic.articles) / 50)


def most_covered_first(topics: list[Topic]) -> list[Topic]:
    """The stories in grouping's order, then the lone articles ("Weitere Meldungen") by how
    much is written about them: articles, then words (the templates show the first few)."""

    def coverage(topic: Topic) -> tuple[int, int]:
        words = sum(len(b.text.split()) for a in topic.articles for b in a.blocks)
        return (-len(topic.articles), -words)

    major = [t for t in topics if not t.minor]
    return major + sorted((t for t in topics if t.minor), key=coverage)


def _summarize(
    task: tuple[Topic, int, str, list | None],
) -> tuple[list, list, list, list, list]:
    """A topic's summary and sections (in a worker process, or here with one job)."""
    topic, sentences, engine, splits = task
    for article, article_splits in zip(topic.articles, splits or ()):
        remember_blocks(article, article_splits)
    if topic.minor:  # "Weitere Meldungen": headline, outlet and the lead sentence
        return lead_summary(topic), [], [], [], []
    summarize_topic(topic, sentences, engine)
    return topic.summary, topic.quotes, topic.claims, topic.timeline, topic.discrepancies


def summarize_topic(
    topic: Topic,
    sentences: int = DEFAULT_SENTENCES,
    engine: str = "fast",
    weights: Weights | None = None,
) -> None:
    """Fill the topic's summary, quotes, open claims, timeline and discrepancies from all its
    articles.

    The summary comes first; the sections then pick from the same sentences, leaving out
    what the summary says.
    """
    summary = topic_summary(topic, sentences, engine, weights)
    topic.summary = summary.items
    topic.quotes, topic.claims, topic.timeline, topic.discrepancies = topic_sections(
        topic, summary
    )


def _summarize_number(
    shared: tuple[list[Topic], int, str], number: int
) -> tuple[list, list, list, list, list]:
    topics, sentences, engine = shared
    return _summarize((topics[number], sentences, engine, None))


def _splits_of(topic: Topic) -> list:
    return [block_splits(article) for article in topic.articles]


def summarize_articles(
    articles: list[Article], settings: Settings | None = None, progress: Progress | None = None
) -> list[list[str]]:
    """Each article's own summary (``briefing summarize``), in order, on ``settings.jobs``."""
    settings = settings or Settings()
    progress = progress or _no_progress
    if settings.jobs > 1 and not uses_fork():
        tasks = [(a, settings.sentences, settings.engine, _splits_of_article(a)) for a in articles]
        results = map_in_order(_summarize_article, tasks, settings.jobs)
    else:
        shared = (articles, settings.sentences, settings.engine)
        results = iter_shared(_summarize_article_number, shared, range(len(articles)),
                              settings.jobs)
    summaries = []
    for done, summary in enumerate(results, 1):
        progress("summarizing", done, len(articles))
        summaries.append(summary)
    return summaries


def _summarize_article_number(shared: tuple[list[Article], int, str], number: int) -> list[str]:
    articles, sentences, engine = shared
    return _summarize_article((articles[number], sentences, engine, None))


def _summarize_article(task: tuple[Article, int, str, list | None]) -> list[str]:
    article, sentences, engine, splits = task
    if splits is not None:
        remember_blocks(article, splits)
    return summarize_article(article, sentences, engine)


def _splits_of_article(article: Article) -> list:
    return block_splits(article)


def cut_notes(articles: Iterable[Article]) -> list[str]:
    """One line for each article that was cut to its first MAX_ARTICLE_CHARS characters."""
    return [f"{shown(str(a.path))}: long article: only its first {MAX_ARTICLE_CHARS:,} "
            f"characters (about {MAX_ARTICLE_CHARS // 100:,} sentences) of {a.cut_from:,} are "
            f"used" for a in articles if a.cut_from]


def no_article_message(skipped: list[Skipped]) -> str:
    """The one-line error when no input gave an article: how many skipped, for what reasons."""
    if not skipped:
        return "no article found in the given paths"
    # "file too large (3.4 KB, limit 1.0 KB)" -> "file too large": one entry per kind of reason
    reasons = sorted({s.reason.split(" (")[0] for s in skipped})
    shown = "; ".join(reasons[:3]) + ("; ..." if len(reasons) > 3 else "")
    return f"no usable article: {len(skipped)} file(s) skipped ({shown})"

