"""The command line: parse options, call the pipeline, print; errors become one-line messages.

The stages are imported inside the commands that use them: ``briefing --help`` loads none of
them (tests/unit/test_import_hygiene.py), and ``briefing clean`` needs no summary.
"""

from __future__ import annotations

import functools
import json
import os
import shlex
import sys
from pathlib import Path

import click

from briefing import __version__
from briefing.console import error_line, info_line, progress_display, write_stdout
from briefing.errors import BriefingError, NoUsableArticleError
from briefing.models import Settings
from briefing.runtime.parallel import available_cores
from briefing.runtime.resources import seeds_dir

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
ENGINES = ("fast", "sumy")


def _fails_cleanly(command):
    """Turn BriefingError into ``briefing: message`` on stderr and its exit code."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except BriefingError as error:
            error_line(str(error))
            sys.exit(error.exit_code)
        except KeyboardInterrupt:
            error_line("interrupted")
            sys.exit(130)

    return wrapper


def _emit(text: str, output: str | None) -> None:
    if output and output != "-":
        from briefing.runtime.display import terminal_safe
        from briefing.runtime.output import write_atomic  # (deferred: tempfile)

        write_atomic(output, terminal_safe(text))
    else:
        write_stdout(text)


def _inputs(paths: tuple[str, ...]) -> list[str]:
    """The PATHs to read (the bundled seeds without any); when none of them exists, the one
    error every command gives (``briefing tui`` before it opens)."""
    if not paths:
        return [str(seeds_dir())]
    missing = [p for p in paths if p != "-" and not os.path.lexists(os.path.expanduser(p))]
    if len(missing) == len(paths):
        raise NoUsableArticleError(f"{', '.join(missing)}: no such file or directory")
    return list(paths)


output_option = click.option(
    "-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of stdout."
)
engine_option = click.option(
    "--engine", type=click.Choice(ENGINES), default="fast", show_default=True,
    help="LexRank implementation: 'fast' (numpy) or 'sumy' (sumy's own, the reference).",
)
quiet_option = click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
follow_links_option = click.option(
    "--follow-links", is_flag=True,
    help="Also read symbolic links that lead out of the input folders (not followed by default).",
)


def _cores() -> int:
    return available_cores()


jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(1, 256), default=_cores, show_default="number of cores",
    metavar="N", help="Worker processes for large inputs (1: no workers). Output is the same.",
)


class _Size(click.ParamType):
    name = "SIZE"

    def convert(self, value, param, ctx):
        from briefing.ingest import parse_size  # (deferred: hashlib, the decoders)

        if isinstance(value, int):
            return value
        try:
            return parse_size(value)
        except ValueError as error:
            self.fail(str(error), param, ctx)


max_size_option = click.option(
    "--max-size", "max_bytes", type=_Size(), default="5MB", show_default=True,
    help="Skip input files larger than this (e.g. 500KB, 20MB).",
)


class _Commands(click.Group):
    """The command group; a path where a command belongs gets a hint to ``briefing build``,
    and options given without a command go to the default build (``briefing -f html``)."""

    def parse_args(self, ctx, args):
        if args and args[0].startswith("-") and args[0] not in ("-", "--"):
            own = {o for param in self.get_params(ctx) for o in param.opts + param.secondary_opts}
            if args[0].split("=", 1)[0] not in own:
                args = ["build", *args]
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx, args):
        name = args[0] if args else None
        if name and self.get_command(ctx, name) is None and os.path.exists(name):
            # "briefing ~/Artikel" is a common first try; say how it is spelled (still exit 2).
            # A shell glob gives several paths: the hint names them all.
            paths = args if all(os.path.exists(a) for a in args) else [name]
            them = "them" if len(paths) > 1 else "it"
            ctx.fail(f"No such command {name!r}. To build a briefing from {them}: "
                     f"briefing build {shlex.join(paths)}")
        return super().resolve_command(ctx, args)


@click.group(cls=_Commands, context_settings=CONTEXT, invoke_without_command=True)
@click.version_option(__version__, "-V", "--version", prog_name="briefing")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Turn a folder of German news articles into a briefing.

    Without a command, prints the Markdown briefing of the bundled sample articles
    (the same as `briefing build`); options without a command apply to that build.

    Examples:

    \b
      briefing                                 the seeds' briefing, Markdown on stdout
      briefing -f html -o briefing.html        the same as HTML, written to a file
      briefing build ~/news/2024-06-19/        every article under a folder
      briefing build a.txt b.html -f json      JSON (fields in the README)
      cat artikel.txt | briefing build -       one article from standard input
      briefing summarize a.txt -n 3            one summary per file
      briefing clean page.html                 what the cleaner keeps of a page
      briefing tui ~/news/2024-06-19/          read it in the terminal
      briefing digest --inbox ~/eingang --out ~/digest --format markdown,html,atom
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(build)


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["markdown", "json", "html"]),
    default="markdown", show_default=True, help="Output format.",
)
@output_option
@click.option("-n", "--sentences", type=click.IntRange(1, 100), default=10, show_default=True,
              help="Summary sentences per topic.")
@click.option("--title", metavar="TEXT", help="Use TEXT as the briefing's title.")
@click.option("--template", type=click.Path(dir_okay=False), metavar="FILE",
              help="Render with this Jinja2 template (sandboxed) instead of the default.")
@click.option("--template-dir", "template_dirs", multiple=True, type=click.Path(file_okay=False),
              metavar="DIR", help="Look for templates here first (repeatable).")
@engine_option
@max_size_option
@jobs_option
@follow_links_option
@quiet_option
@_fails_cleanly
def build(paths, fmt, output, sentences, title, template, template_dirs, engine, max_bytes, jobs,
          follow_links, quiet):
    """Build the briefing of every article under PATHS (files or folders, recursively).

    Without PATHS, the bundled sample articles are used.
    """
    from briefing.pipeline import build_briefing  # (deferred: see the docstring)
    from briefing.render import render_briefing

    if fmt == "json" and (template or template_dirs):
        raise click.UsageError("--template and --template-dir apply to markdown and html only")
    settings = Settings(sentences=sentences, engine=engine, title=title, max_bytes=max_bytes,
                        jobs=jobs, follow_links=follow_links)
    with progress_display(quiet) as progress:
        result = build_briefing(_inputs(paths), settings, progress)
    _notes(result.articles, quiet)
    text = render_briefing(result, fmt, template_file=template, template_dirs=list(template_dirs))
    _emit(text, output)


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text",
    show_default=True, help="Output format.",
)
@output_option
@click.option("-n", "--sentences", type=click.IntRange(1, 100), default=3, show_default=True,
              help="Sentences per summary.")
@engine_option
@max_size_option
@jobs_option
@follow_links_option
@quiet_option
@_fails_cleanly
def summarize(paths, fmt, output, sentences, engine, max_bytes, jobs, follow_links, quiet):
    """Summarize each article file on its own (no grouping), like sumy's command line."""
    from briefing.pipeline import load_articles_in_order, summarize_articles  # (deferred)
    from briefing.runtime.display import shown

    settings = Settings(sentences=sentences, engine=engine, max_bytes=max_bytes, jobs=jobs,
                        follow_links=follow_links)
    with progress_display(quiet) as progress:
        articles, skipped, positions = load_articles_in_order(_inputs(paths), settings,
                                                              progress)
        if not articles:
            raise NoUsableArticleError(_skipped_summary(skipped))
        _notes(articles, quiet)
        summaries = summarize_articles(articles, settings, progress)
    results = {a.path: (a, summary) for a, summary in zip(articles, summaries)}
    reasons = {s.path: s.reason for s in skipped}
    lines: list[str] = []
    for path in sorted(results.keys() | reasons.keys(), key=_input_order(positions)):
        if path in reasons:
            if fmt == "jsonl":
                lines.append(json.dumps({"path": str(path), "title": None, "summary": [],
                                         "skipped": reasons[path]}, ensure_ascii=False))
            continue
        article, summary = results[path]
        if fmt == "jsonl":
            lines.append(json.dumps({"path": str(path), "title": article.title,
                                     "summary": summary}, ensure_ascii=False))
        else:
            header = [f"==> {shown(str(path))} <=="] if len(results) > 1 else []
            lines.append("\n".join(header + summary) + ("\n" if len(results) > 1 else ""))
    for path, reason in reasons.items():
        if not quiet and fmt != "jsonl":
            error_line(f"skipped {path}: {reason}")
    _emit("\n".join(lines).rstrip("\n") + "\n", output)


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text",
    show_default=True, help="Output format.",
)
@output_option
@max_size_option
@jobs_option
@follow_links_option
@quiet_option
@_fails_cleanly
def clean(paths, fmt, output, max_bytes, jobs, follow_links, quiet):
    """Show each article as the program sees it after cleaning: title, metadata, body."""
    from briefing.pipeline import load_articles_in_order  # (deferred)

    with progress_display(quiet) as progress:
        articles, skipped, positions = load_articles_in_order(
            _inputs(paths), Settings(max_bytes=max_bytes, jobs=jobs, follow_links=follow_links),
            progress, presplit=False)
    _notes(articles, quiet)
    entries: list[tuple[Path, dict]] = [
        (a.path, {"path": str(a.path), "title": a.title, "outlet": a.outlet, "date": a.date,
                  "url": a.url, "body": a.body}) for a in articles
    ] + [(s.path, {"path": str(s.path), "skipped": s.reason}) for s in skipped]
    in_order = _input_order(positions)
    entries.sort(key=lambda e: in_order(e[0]))
    if fmt == "json":
        _emit(json.dumps([e for _, e in entries], ensure_ascii=False, indent=2) + "\n", output)
    else:
        _emit("\n".join(_clean_text(entry) for _, entry in entries), output)
    if not articles:
        raise NoUsableArticleError(_skipped_summary(skipped))


def _clean_text(entry: dict) -> str:
    from briefing.runtime.display import shown

    lines = [f"==> {shown(entry['path'])} <=="]
    if "skipped" in entry:
        return "\n".join(lines + [f"skipped: {entry['skipped']}", ""])
    for field in ("title", "outlet", "date", "url"):
        lines.append(f"{field + ':':<8}{entry[field] or '-'}")
    return "\n".join(lines + ["", entry["body"], ""])


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-n", "--sentences", type=click.IntRange(1, 100), default=10, show_default=True,
              help="Summary sentences per topic (change with +/- in the app).")
@engine_option
@follow_links_option
@_fails_cleanly
def tui(paths, sentences, engine, follow_links):
    """Browse the briefing in the terminal (default: the bundled sample articles)."""
    from briefing.tui import make_app  # (deferred: Textual loads after the preload's fork)

    settings = Settings(sentences=sentences, engine=engine, follow_links=follow_links)
    make_app(_inputs(paths), settings, preload=True).run()


def _check_day(ctx, param, value):
    """``--date`` must be YYYY-MM-DD (a wrong date is wrong usage: exit 2)."""
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _check_formats(ctx, param, value):
    """``--format markdown,html,atom``: a comma list of the digest's formats (exit 2 else)."""
    from briefing.digest.run import DIGEST_FORMATS  # (deferred)

    chosen = [f.strip().lower() for f in value.split(",") if f.strip()]
    wrong = [f for f in chosen if f not in DIGEST_FORMATS]
    if wrong or not chosen:
        raise click.BadParameter(
            f"{', '.join(map(repr, wrong)) or 'nothing'}: choose from {', '.join(DIGEST_FORMATS)}"
            " (a comma list, e.g. markdown,html,atom)")
    return list(dict.fromkeys(chosen))


@main.command(context_settings=CONTEXT)
@click.option("--inbox", required=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Folder the day's articles arrive in.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Folder for the dated digest files (OUT/YYYY-MM-DD.md).")
@click.option("-f", "--format", "formats", default="markdown", show_default=True,
              callback=_check_formats, metavar="LIST",
              help="Comma list of markdown (OUT/YYYY-MM-DD.md), html (OUT/YYYY-MM-DD.html, "
                   "self-contained, for mail) and atom (OUT/feed.atom, one entry per day).")
@click.option("--date", "day", metavar="YYYY-MM-DD", callback=_check_day,
              help="The digest's date (default: today).")
@click.option("--state", type=click.Path(dir_okay=False), metavar="FILE",
              help="SQLite state file (default: digest.sqlite3 in the user's data directory).")
@click.option("--feed", "feeds", multiple=True, metavar="URL",
              help="Also read this RSS/Atom feed (repeatable; adds to the config's 'feeds').")
@click.option("--opml", multiple=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="Also read the feeds listed in this OPML file (repeatable; adds to the "
                   "config's 'opml').")
@click.option("--config", type=click.Path(dir_okay=False), metavar="FILE",
              help="TOML config with a 'feeds' list and 'opml' files (default: config.toml "
                   "in the user's config directory, if present).")
@click.option("--timeout", type=click.FloatRange(0.1, 600), metavar="SECONDS",
              help="Network timeout per feed or page request (default: 20, or the config's).")
@click.option("--wait", type=click.FloatRange(0, 3600), default=5.0, show_default=True,
              metavar="SECONDS", help="How long to wait for another running digest before "
                                      "giving up with exit status 75.")
@click.option("-n", "--sentences", type=click.IntRange(1, 100), default=6, show_default=True,
              help="Summary sentences per topic.")
@click.option("--template", type=click.Path(dir_okay=False), metavar="FILE",
              help="Render the Markdown with this Jinja2 template (sandboxed).")
@click.option("--reread", is_flag=True,
              help="Read and clean every inbox file again, even those the state knows "
                   "unchanged (the digest is the same; for after an upgrade, or to check).")
@engine_option
@jobs_option
@follow_links_option
@quiet_option
@_fails_cleanly
def digest(inbox, out_dir, formats, day, state, feeds, opml, config, timeout, wait, sentences,
           template, reread, engine, jobs, follow_links, quiet):
    """Write the daily digest of new articles to OUT/YYYY-MM-DD.md (for cron).

    Articles that an earlier day's digest already covered (same text, whatever the file
    name) are left out; a story that continues from earlier days leads with what is new.
    Inbox files the state knows unchanged are not read again. Logs one line per stage to
    stderr (-q: errors only); exit status 75 when another digest is running.
    """
    import signal

    from briefing.digest import run_digest  # (deferred)

    # cron and systemd stop jobs with SIGTERM: unwind normally, so the temporary file is
    # removed and the state transaction rolled back (SIGKILL is handled at the next start)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    run_digest(inbox=inbox, out_dir=out_dir, day=day, state=state, feeds=list(feeds),
               config=config, timeout=timeout, wait=wait, sentences=sentences,
               template=template, engine=engine, quiet=quiet, log=info_line, jobs=jobs,
               formats=formats, opml=opml, reread=reread, follow_links=follow_links)


def _notes(articles, quiet: bool) -> None:
    """What was cut off long articles, one line each on stderr (not with -q)."""
    from briefing.pipeline import cut_notes  # (deferred)

    if not quiet:
        for note in cut_notes(articles):
            error_line(note)


def _skipped_summary(skipped) -> str:
    from briefing.pipeline import no_article_message  # (deferred)

    return no_article_message(skipped)


def _input_order(positions: dict[Path, int]):
    """Sort key: the position a file had among the inputs (anything else goes last)."""
    return lambda path: positions.get(path, len(positions))


if __name__ == "__main__":
    main()
