"""The whole run as library calls: load articles, group topics, summarize, build a Briefing."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from briefing.core.errors import NoUsableArticleError
from briefing.core.ingest import (
    DEFAULT_MAX_BYTES,
    DuplicateIndex,
    RawDocument,
    discover,
    display_name,
    read_document,
)
from briefing.core.models import Article, Briefing, Skipped

# progress(stage, done, total): called as work advances; the CLI and TUI draw it.
Progress = Callable[[str, int, int], None]


@dataclass
class Settings:
    """Tunables of a run, shared by the CLI, the TUI and the digest."""

    sentences: int = 10
    engine: str = "fast"
    title: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    german_only: bool = True  # leave articles in other languages out, with the reason


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def load_articles(
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> tuple[list[Article], list[Skipped]]:
    """Read and clean every file under ``paths``; every file ends up in one of the two lists.

    Articles get ids ``a1``, ``a2``, ... in input order. A file that repeats an earlier
    article (same text, or only paragraphs the earlier one has) is skipped as its duplicate;
    with ``settings.german_only`` an article in another language is skipped with its language.
    """
    from briefing.core.clean import EmptyArticleError, clean_document

    settings = settings or Settings()
    progress = progress or _no_progress
    files, skipped = discover(paths)
    articles: list[Article] = []
    duplicates = DuplicateIndex()
    for done, path in enumerate(files, 1):
        progress("reading", done, len(files))
        document = read_document(path, settings.max_bytes)
        if isinstance(document, Skipped):
            skipped.append(document)
            continue
        article_or_skip = _clean(document, clean_document, EmptyArticleError)
        if isinstance(article_or_skip, Skipped):
            skipped.append(article_or_skip)
            continue
        article = article_or_skip
        twin = duplicates.twin_of(article)
        if twin is not None:
            skipped.append(Skipped(path, f"duplicate of {display_name(twin.path, path)}"))
            continue
        if settings.german_only:
            from briefing.core.language import detect_language

            guess = detect_language(article.body)
            article.language = guess.language
            if not guess.is_german:
                skipped.append(Skipped(path, f"not German ({guess.language})"))
                continue
        duplicates.add(article)
        article.id = f"a{len(articles) + 1}"
        articles.append(article)
    return articles, skipped


def _clean(document: RawDocument, clean, empty_error) -> Article | Skipped:
    try:
        return clean(document)
    except empty_error as error:
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
    articles, skipped = load_articles(paths, settings, progress)
    if not articles:
        raise NoUsableArticleError(_no_article_message(skipped))
    return briefing_from_articles(articles, skipped, settings, progress, today)


def briefing_from_articles(
    articles: list[Article],
    skipped: list[Skipped],
    settings: Settings | None = None,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> Briefing:
    """Group loaded articles into topics and summarize each."""
    from briefing.core.render import render_title
    from briefing.core.summarize import summarize_topic
    from briefing.core.topics import group_topics, lead_summary

    settings = settings or Settings()
    progress = progress or _no_progress
    progress("grouping", 0, 1)
    topics = group_topics(articles)
    progress("grouping", 1, 1)
    for done, topic in enumerate(topics, 1):
        progress("summarizing", done, len(topics))
        if topic.minor:  # "Weitere Meldungen": headline, outlet and the lead sentence
            topic.summary = lead_summary(topic)
        else:
            summarize_topic(topic, settings.sentences, settings.engine)
    today = today or dt.date.today()
    title = settings.title or render_title(topics, today)
    return Briefing(title=title, topics=topics, skipped=skipped, generated=today)


def _no_article_message(skipped: list[Skipped]) -> str:
    if not skipped:
        return "no article found in the given paths"
    # "file too large (3.4 KB, limit 1.0 KB)" -> "file too large": one entry per kind of reason
    reasons = sorted({s.reason.split(" (")[0] for s in skipped})
    shown = "; ".join(reasons[:3]) + ("; ..." if len(reasons) > 3 else "")
    return f"no usable article: {len(skipped)} file(s) skipped ({shown})"
