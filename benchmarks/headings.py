"""Story headings (issue 16): hits on labelled stories, a sample to judge, folders to read.

    python benchmarks/headings.py --stories            # dev and val heading hits, two groupings
    python benchmarks/headings.py --judge benchmarks/data/headings_verdicts.tsv   # the sample
    python benchmarks/headings.py --no-corpus          # the sample's test folders only
    python benchmarks/headings.py --random 300         # 300 random MLSUM articles, to read
    python benchmarks/headings.py --gnad               # the 1,028 10kGNAD articles, to read
    python benchmarks/headings.py --corpus             # time on all 11,707 articles
    python benchmarks/headings.py --make-lexicon       # rewrite lexicon/heading_nouns.txt
    python benchmarks/headings.py --make-compounds     # rewrite lexicon/lost_umlaut_compounds.txt
    python benchmarks/headings.py --make-first-names   # rewrite lexicon/name_words.txt
    python benchmarks/headings.py --make-name-adjectives   # rewrite lexicon/name_adjectives.txt
    python benchmarks/headings.py --make-common-nouns  # rewrite lexicon/common_nouns.txt

--stories: a story's heading hits when the heading of its main topic (the one holding most of
its members) contains one of its ``heading_terms`` (case-insensitive), as benchmarks/stories.py
scores it: on ../shared/eval/stories/dev (tuning) and benchmarks/data/stories_val.json (other
stories, labelled by another helper; reported, not tuned to), each grouped by
``briefing.stories.group_topics`` ("briefing") and by benchmarks/stories_proto.py's
``group_stories`` ("proto"), every topic headed by ``topic_headings`` over all of them.

The sample (no option, or --judge): one line per multi-article topic, its number of
articles, its heading and the first titles of its articles; with --judge each line starts
with the verdict a reader gave that heading (ok/WRONG), or "?" when the heading differs from
the judged one (judge it and update the file); the last line counts them. The sample is fixed:
every multi-article topic of the folders under tests/data/{topics,tui,digest} (the digest days
also together) and the seeds; the first 40 multi-article topics of the 1,028 10kGNAD test
articles grouped at 0.25; the first 40 of the first 3,000 MLSUM articles at the shipped
threshold. A heading counts as wrong when a reader would object: it misses the story, names a
role or an aspect, cuts a word or a name, or is not German ("Haushaltes", "Israels
Gazastreifen").
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
import types
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from briefing import lexicon
from briefing import stories as T
from briefing.models import Article
from briefing.pipeline import load_articles

DATA = ROOT / "tests" / "data"
SAMPLE = 40
VAL = ROOT / "benchmarks" / "data" / "stories_val.json"
CACHE = Path(tempfile.gettempdir()) / "headings_bench"
NOUNS_FILE = ROOT / "briefing" / "lexicon" / "heading_nouns.txt"
COMPOUNDS_FILE = ROOT / "briefing" / "lexicon" / "lost_umlaut_compounds.txt"
FIRST_NAMES_FILE = ROOT / "briefing" / "lexicon" / "name_words.txt"


# --------------------------------------------------------------------------- the sample


def folders() -> list[list[Path]]:
    digest = DATA / "digest"
    return [
        *([p] for p in sorted((DATA / "topics").iterdir())),
        *([p] for p in sorted((DATA / "tui").iterdir())),
        *([p] for p in sorted(digest.iterdir())),
        [digest / "day1", digest / "day2", digest / "follow_up"],
        [digest / "day2", digest / "follow_up"],
        [ROOT / "seeds"],
    ]


def read_verdicts(path: Path) -> dict[str, tuple[str, str]]:
    """id -> (heading, verdict) from a verdicts file (id, heading, ok|wrong, why; tab-separated)."""
    verdicts = {}
    for row in path.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            ident, heading, verdict = row.split("\t")[:3]
            verdicts[ident] = (heading, verdict)
    return verdicts


class Judge:
    """Prints each line with its verdict (when --judge is given) and counts them."""

    def __init__(self, verdicts: dict[str, tuple[str, str]] | None) -> None:
        self.verdicts = verdicts
        self.counts = {"ok": 0, "wrong": 0, "?": 0}

    def show(self, ident: str, heading: str, text: str) -> None:
        if self.verdicts is None:
            print(text)
            return
        judged = self.verdicts.get(ident)
        verdict = judged[1] if judged and judged[0] == heading else "?"
        self.counts[verdict] += 1
        print(f"{ {'ok': 'ok   ', 'wrong': 'WRONG', '?': '?    '}[verdict]} {text}")

    def summary(self) -> str:
        c = self.counts
        return (f"# judged: {c['wrong']} wrong, {c['ok']} ok, {c['?']} not judged (changed "
                f"headings) of {sum(c.values())}")


def line(articles: list[Article], heading: str) -> str:
    titles = " || ".join(a.title[:50] for a in articles[:3])
    return f"{len(articles):3d} {heading!r:42} | {titles}"


def corpus_lines(articles: list[Article], threshold: float) -> list[tuple[str, str]]:
    """(heading, line) of the first SAMPLE multi-article topics."""
    multi = [t.articles for t in T.group_topics(articles, threshold) if len(t.articles) > 1]
    headings = T.topic_headings(multi)
    return [(h, line(g, h)) for g, h in list(zip(multi, headings))[:SAMPLE]]


def sample(judge: Judge, no_corpus: bool) -> None:
    print("# test folders")
    for paths in folders():
        articles, _ = load_articles(paths)
        name = "+".join(p.name for p in paths)
        number = 0
        for topic in T.group_topics(articles):
            if len(topic.articles) > 1:
                number += 1
                text = f"{name:28} {line(topic.articles, topic.title)}"
                judge.show(f"{name}#{number}", topic.title, text)
    if no_corpus:
        return
    import topics as bench  # benchmarks/topics.py: the corpus loaders

    if bench.GNAD.exists():
        print(f"# 10kGNAD: first {SAMPLE} multi-article topics at 0.25")
        articles, _ = bench.load_gnad()
        for number, (heading, text) in enumerate(corpus_lines(articles, 0.25)):
            judge.show(f"G{number:02d}", heading, f"G{number:02d} {text}")
    if bench.MLSUM.exists():
        print(f"# MLSUM: first 3,000 articles, first {SAMPLE} multi-article topics")
        with bench.MLSUM.open(encoding="utf-8") as f:
            texts = [json.loads(row)["text"] for _, row in zip(range(3000), f)]
        articles = [bench.article_from_text(t, i, "mlsum") for i, t in enumerate(texts)]
        for number, (heading, text) in enumerate(corpus_lines(articles, T.THRESHOLD)):
            judge.show(f"M{number:02d}", heading, f"M{number:02d} {text}")


# --------------------------------------------------------------------------- groupings


def stories_proto():
    """benchmarks/stories_proto.py; until the grouping moves in, it still imports the old
    ``briefing.core`` paths, which are aliased here to where those helpers now live."""
    try:
        import stories_proto
    except ModuleNotFoundError:
        from briefing import models, pipeline
        from briefing.stories import clusters, syndication, vectors

        topics = types.SimpleNamespace(
            **{n: getattr(vectors, n) for n in dir(vectors) if not n.startswith("__")},
            similarity_graph=clusters.similarity_graph,
            syndicated_pairs=syndication.syndicated_pairs,
            topic_headings=T.topic_headings,
        )
        core = types.ModuleType("briefing.core")
        core.topics, core.models, core.pipeline = topics, models, pipeline
        sys.modules.update({"briefing.core": core, "briefing.core.topics": topics,
                            "briefing.core.models": models, "briefing.core.pipeline": pipeline})
        import stories_proto
    return stories_proto


def grouped(articles: list[Article], grouping: str, jobs: int = 1) -> list[list[int]]:
    """The folder's groups (article indices): briefing's topics or stories_proto's stories."""
    if grouping == "proto":
        return stories_proto().group_stories(articles, jobs=jobs)
    index = {id(a): i for i, a in enumerate(articles)}
    return [[index[id(a)] for a in t.articles] for t in T.group_topics(articles, jobs=jobs)]


def headed(articles: list[Article], groups: list[list[int]], jobs: int = 1) -> list[str]:
    """Every group's heading, all groups weighed together (lone articles too)."""
    return T.topic_headings([[articles[i] for i in g] for g in groups], jobs=jobs)


# --------------------------------------------------------------------------- labelled stories


def labelled(path: Path) -> tuple[dict, list[Article], list[str]]:
    import stories as bench
    from _corpus import cached_articles

    labels = bench.load_labels(path)
    cache = CACHE / f"{path.parent.name if path.name == 'stories.json' else path.stem}.pickle"
    articles = cached_articles(cache.with_suffix(""), cache,
                               lambda folder: bench.write_folder(labels, folder))
    return labels, articles, [a.path.stem for a in articles]


def story_hits(path: Path, grouping: str, show: bool) -> int:
    import stories as bench

    labels, articles, ids = labelled(path)
    groups = grouped(articles, grouping)
    rows = [(h, [ids[i] for i in g]) for h, g in zip(headed(articles, groups), groups)]
    missing = set(bench.folder_ids(labels)) - set(ids)  # skipped as duplicates
    scores = bench.score(labels, rows + [("", [m]) for m in sorted(missing)])
    print(f"{path.parent.name if path.name == 'stories.json' else path.stem:12} {grouping:9} "
          f"headings {scores.heading_hits}/{scores.stories}")
    if show:
        for s in scores.per_story:
            print(f"    {'ok  ' if s.heading_hit else 'MISS'} {s.id:42} {s.heading!r}")
    return scores.heading_hits


# --------------------------------------------------------------------------- folders to read


def show_folder(articles: list[Article], grouping: str, name: str, lone: bool = False) -> None:
    groups = grouped(articles, grouping)
    headings = headed(articles, groups)
    multi = [(h, g) for h, g in zip(headings, groups) if len(g) > 1]
    print(f"== {name}: {len(groups)} topics, {len(multi)} with 2+ articles ({grouping})")
    for number, (heading, group) in enumerate(sorted(multi, key=lambda hg: -len(hg[1]))):
        print(f"{number:3d} {len(group):3d} {heading!r}")
        for row in group[:6]:
            print(f"          {articles[row].title[:110]}")
    if lone:
        print("== lone articles: heading | first sentence")
        for heading, group in zip(headings, groups):
            if len(group) == 1:
                print(f"  {heading!r:60} | {articles[group[0]].title[:70]}")


def random_folder(count: int, grouping: str, seed: int = 16, lone: bool = False) -> None:
    import stories as bench

    rows = sorted(random.Random(seed).sample(range(10679), count))
    folder = CACHE / f"random{count}-{seed}"
    if not folder.exists():
        bench.write_folder({"stories": [], "distractors": rows}, folder)
    articles, _ = load_articles([folder])
    show_folder(articles, grouping, f"{len(articles)} random MLSUM articles (seed {seed})", lone)


def gnad_folder(grouping: str, lone: bool = False) -> None:
    import topics as bench

    articles, _ = bench.load_gnad()
    show_folder(articles, grouping, "1,028 10kGNAD test articles (DER STANDARD)", lone)


def corpus_time(grouping: str, jobs: int) -> None:
    """CPU and wall seconds of the headings of all 11,707 articles' groups."""
    from _corpus import cached_articles, write_corpus


    cache = CACHE / "corpus.pickle"
    articles = cached_articles(cache.with_suffix(""), cache, write_corpus, jobs=2)
    groups = grouped(articles, grouping, jobs)
    multi = sum(1 for g in groups if len(g) > 1)
    start, wall = time.process_time(), time.perf_counter()
    headings = headed(articles, groups, jobs)
    cpu, wall = time.process_time() - start, time.perf_counter() - wall
    print(f"{len(articles)} articles, {len(groups)} topics ({multi} with 2+ articles, "
          f"{grouping}): headings {wall:.1f} s wall, {cpu:.1f} s CPU of this process "
          f"(--jobs {jobs})")
    for heading, group in random.Random(1).sample(list(zip(headings, groups)), 30):
        print(f"  {len(group):3d} {heading!r:55} | {articles[group[0]].title[:60]}")


# --------------------------------------------------------------------------- the noun lexicon

EVENT_MIN_COUNT = 8  # uses of a noun before its event rate is written down
PERSON_MIN_COUNT = 10  # uses of a person noun ...
FEMININE_MIN_COUNT = 3  # ... and of its feminine form ("Präsidentin")
COMMON_SHARE = 0.25  # uses after an article or adjective that make a word a common noun
_TEMPORAL = {"nach", "vor", "seit", "während", "trotz", "wegen", "infolge", "angesichts"}
_CASE_ARTICLES = {"dem", "der", "des", "den", "einem", "einer", "eines"}
_TOKEN = re.compile(r"[A-ZÄÖÜ]\.(?!\w)|\w+(?:[-'’.]\w+)*[’']?|[^\w\s]")
_OPENERS = {".", "!", "?", ":", "–", "-", "„", '"', "«", "»", "“", "(", ";"}


def labelled_ids() -> set[str]:
    """Corpus ids of every labelled member, also-member and near miss (dev and val): the
    lexicon is learned without them."""
    import stories as bench

    ids: set[str] = set()
    for path in (bench.DEV, VAL):
        if path.exists():
            for story in json.loads(path.read_text(encoding="utf-8"))["stories"]:
                for key in ("members", "also_members", "near_misses"):
                    ids.update(str(i) for i in story.get(key, []))
    return ids


def unlabelled_texts() -> list[str]:
    """The MLSUM and 10kGNAD corpus texts, the labelled stories' articles left out."""
    import stories as bench
    from _corpus import gnad_rows

    skip = labelled_ids()
    texts = []
    with bench.CORPUS.open(encoding="utf-8") as handle:
        for row in map(json.loads, handle):
            if str(row["id"]) not in skip:
                texts.append(row["text"])
    return texts + [text for _, text in gnad_rows()]


def write_lexicon(path: Path, header: list[str], rows: list[str]) -> int:
    """Write a mined lexicon file (its comment header, then its rows); the number of rows."""
    path.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    return len(rows)


def make_lexicon(path: Path = NOUNS_FILE) -> int:
    """Event nouns (written after "nach dem", "seit der") and person nouns (with a feminine
    "-in" form, or made of an adjective) of the MLSUM and 10kGNAD corpora, the labelled
    stories left out."""
    from briefing.stories.headings.scan import is_adjective
    from briefing.text.stems import german_stem

    texts = unlabelled_texts()
    articles = lexicon.ARTICLES
    total: Counter[str] = Counter()
    temporal: Counter[str] = Counter()
    common: Counter[str] = Counter()
    surfaces: Counter[str] = Counter()
    surface_common: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text in texts:
        tokens = _TOKEN.findall(text)
        lower.update(t for t in tokens if t[:1].islower())
        for i in range(2, len(tokens)):
            word, before = tokens[i], tokens[i - 1].casefold()
            if not word[:1].isupper() or tokens[i - 1] in _OPENERS:
                continue
            last = re.split(r"[-'’.]", word)[-1].casefold()
            if not last[:1].isalpha():
                continue
            after_article = before in articles or is_adjective(tokens[i - 1])
            surfaces[last] += 1
            surface_common[last] += after_article
            stem = german_stem(last)
            total[stem] += 1
            common[stem] += after_article
            after_time_word = before in _CASE_ARTICLES and tokens[i - 2].casefold() in _TEMPORAL
            if after_time_word or before in ("beim", "vorm"):
                temporal[stem] += 1
    # a common noun (a name seldom follows an article) used after "nach dem" and the like
    rows = [
        f"{stem}\t{temporal[stem] / count:.4f}\tevent"
        for stem, count in sorted(total.items())
        if count >= EVENT_MIN_COUNT and temporal[stem] >= 2 and common[stem] >= COMMON_SHARE * count
    ]
    persons = (
        {
            # made of an adjective ("der Verdächtige", "ein Verdächtiger"): its lower-case forms take
            # the adjective endings; no plural of a noun ("Besuche": "Besuch")
            word
            for word, count in surfaces.items()
            if word.endswith("e")
            and len(word) >= 5
            and count >= PERSON_MIN_COUNT
            and sum(lower[word[:-1] + e] >= 1 for e in ("e", "en", "er", "es", "em")) >= 3
            and surfaces[word + "r"] >= 2
            and surfaces[word[:-1]] < 2
        }
        | {
            # a common noun with a feminine form ("Präsident", "Präsidentin")
            word
            for word, count in surfaces.items()
            if len(word) >= 4
            and count >= PERSON_MIN_COUNT
            and surfaces[word + "in"] >= FEMININE_MIN_COUNT
            and surface_common[word] >= COMMON_SHARE * count
        }
        | {
            # a noun in -e drops it ("Experte", "Expertin"), a common noun too (not "Schwere",
            # "Schwerin"; "Arme", "Armin")
            word
            for word, count in surfaces.items()
            if word.endswith("e")
            and len(word) >= 4
            and count >= PERSON_MIN_COUNT
            and surfaces[(feminine := word[:-1] + "in")] >= FEMININE_MIN_COUNT
            and surface_common[feminine] >= COMMON_SHARE * surfaces[feminine]
            and surface_common[word] >= COMMON_SHARE * count
        }
    )
    rows += [f"{word}\tperson" for word in sorted(persons)]
    header = [
        "# Nouns a story's heading names or avoids, learned from the MLSUM and 10kGNAD corpora",
        "# (labelled stories left out) by: python benchmarks/headings.py --make-lexicon",
        "#   <stem> <rate> event   a noun written after nach/vor/seit/während/trotz/wegen/",
        "#                         infolge/angesichts and an article, or after beim: an event",
        "#                         (rate: the share of its uses so; a name seldom follows an",
        "#                         article, so names are left out)",
        "#   <word> person         a noun for a person: it has a feminine form (Präsidentin) or",
        "#                         is made of an adjective (der Verdächtige, ein Verdächtiger)",
    ]
    return write_lexicon(path, header, rows)


# --------------------------------------------------------------------------- first names

FIRST_NAME_USES = 5  # uses before another capitalised word
FIRST_NAME_FOLLOWERS = 3  # different words it stands before
FIRST_NAME_BEFORE = 0.6  # share of its uses (inside a sentence) before a capitalised word
FIRST_NAME_COMMON = 0.05  # share of its uses after an article, at most
FIRST_NAME_NUMBER = 0.3  # ... after a number ("2,5 Millionen"; "(23) Laura" happens)
FIRST_NAME_LOWER = 0.5  # its lower-case uses, at most this share of its capitalised ones
TITLE_USES = 3  # uses of a title before a capitalised word
TITLE_BEFORE = 0.3  # share of its uses before a capitalised word, at least
TITLE_COMMON = 0.2  # share of its uses after an article, at least


def make_first_names(path: Path = FIRST_NAMES_FILE) -> int:
    """First names ("Fritz", "Ursula", "Evo"): words the corpora write (nearly) only right
    before another capitalised word (a surname), before several different ones, and (nearly)
    never after an article, as a title is ("der Radprofi", "die Kanzlerin"); the labelled
    stories left out. One article names a person in full once and then by the surname, so a
    lone article's heading can tell "Fritz Keller" from "Radprofi Matt Brammeier" only so."""
    from briefing.stories.headings.words import is_person

    texts = unlabelled_texts()
    stop = lexicon.german_stop_words()
    particles = {w for p in lexicon.NAME_PARTICLES for w in p.split()}
    uses: Counter[str] = Counter()
    before: Counter[str] = Counter()
    common: Counter[str] = Counter()
    counted: Counter[str] = Counter()
    followers: dict[str, set[str]] = {}
    lower: Counter[str] = Counter()  # words written in lower case ("alle", "politische")
    for text in texts:
        tokens = _TOKEN.findall(text)
        lower.update(t for t in tokens if t[:1].islower())
        for i in range(1, len(tokens) - 1):
            word = tokens[i]
            if not word[:1].isupper() or tokens[i - 1] in _OPENERS or word.isupper():
                continue
            uses[word] += 1
            # (after an article only: a verb's ending looks like an adjective's, "sagte Maria")
            common[word] += tokens[i - 1].casefold() in lexicon.ARTICLES
            counted[word] += tokens[i - 1][:1].isdigit()  # "2,5 Millionen", "300 Tausend"
            following = tokens[i + 1]
            at = i + 1
            while at < min(i + 3, len(tokens) - 1) and tokens[at] in particles:
                at += 1  # "Ursula von der Leyen"
            following = tokens[at]
            if following[:1].isupper() and following.isalpha():
                before[word] += 1
                followers.setdefault(word, set()).add(following)
    # a title: written before a name and after an article ("der Radprofi Matt Brammeier")
    titles = sorted(
        word
        for word, k in before.items()
        if k >= TITLE_USES
        and k >= TITLE_BEFORE * uses[word]
        and common[word] >= TITLE_COMMON * uses[word]
        and word.casefold() not in stop
    )
    title_set = set(titles)
    names = sorted(
        word
        for word, k in before.items()
        if k >= FIRST_NAME_USES
        and len(followers[word]) >= FIRST_NAME_FOLLOWERS
        and k >= FIRST_NAME_BEFORE * uses[word]
        and common[word] <= FIRST_NAME_COMMON * uses[word]
        and word.casefold() not in stop
        and len(word) > 1
        and not (word.endswith("s") and uses[word[:-1]] >= uses[word])  # "Epsteins Tod"
        and not is_person(word)  # "Commerzbank-Analystin"
        and word.rpartition("-")[2] not in title_set  # "Fußball-Erstligisten"
        # no word also written in lower case ("Alle", "Mehrere", "Politische", "The"), no
        # number ("Millionen", "Tausende": after digits)
        and lower[word.casefold()] < FIRST_NAME_LOWER * uses[word]
        and counted[word] <= FIRST_NAME_NUMBER * uses[word]
    )
    header = [
        "# Words before names, learned from the MLSUM and 10kGNAD corpora (labelled stories left",
        "# out) by: python benchmarks/headings.py --make-first-names",
        "#   <word> first   written (nearly) only right before another capitalised word (60 % of",
        "#                  its uses inside a sentence, 5+ times, before 3+ different words) and",
        "#                  (nearly) never after an article (5 %), seldom after a number (30 %)",
        "#                  or in lower case (half as often): a first name",
        "#   <word> title   written before a capitalised word (30 %+, 3+ times) and after an",
        '#                  article (20 %+ of its uses): "der Radprofi Matt Brammeier"',
        '# A lone article\'s heading writes a name in full with a first name ("Fritz Keller"),',
        "# never with a title.",
    ]
    rows = [f"{w}\tfirst" for w in names] + [f"{w}\ttitle" for w in titles if w not in names]
    return write_lexicon(path, header, rows)


# --------------------------------------------------------------------------- common nouns

COMMON_NOUNS_FILE = ROOT / "briefing" / "lexicon" / "common_nouns.txt"
COMMON_NOUN_USES = 8  # uses inside a sentence, at least
COMMON_NOUN_SHARE = 0.1  # of them after an article that is no definite one or an adjective
PLURAL_USES = 5  # uses of a plural in -e inside a sentence, at least
PLURAL_DATIVES = 2  # ... and of its dative in -en after "den"
NOT_FEMININE_USES = 3  # uses after "dem", "des", "im" and the like of a masculine or neuter
# a singular's articles ("keine", "keiner", "keinen" also stand before plurals)
_SINGULAR = {"ein", "eine", "einer", "einem", "einen", "eines", "kein", "keinem", "keines",
             "jede", "jeder", "jedes", "jedem", "jeden"}  # fmt: skip
# an article that says "one of several" or "this one": a name seldom takes it ("einen Bach",
# "seine Materie"; "die Türkei", "der SPD", "im Jemen" take the definite one)
_NOT_DEFINITE = lexicon.ARTICLES - {"der", "die", "das", "den", "dem", "des", "am", "beim", "im",
                                    "ins", "vom", "zum", "zur"}  # fmt: skip


def make_common_nouns(path: Path = COMMON_NOUNS_FILE) -> int:
    """Common nouns ("Personal", "Verlust", "Gegentor", "Materie"): capitalised words the
    corpora write inside sentences 8+ times, 10 %+ of them after an article that is no
    definite one ("ein Verlust", "seine Materie") or after an adjective after an article or
    preposition ("mit zusätzlichem Personal"; "gegen Iran", "sollte Iran" are no adjectives);
    a name seldom is, and the definite article says nothing ("die Türkei", "der SPD"); no
    acronym; the labelled stories left out. One article writes a noun too seldom after an
    article to tell it from a name ("7,9 Milliarden Verlust", "mehr Personal"); the corpora
    can. And plurals in -e ("Anschläge", "Tiere"): never after a singular's article ("eine
    Woche", "ein Kollege", "zur Küste" are singulars), and written with -n after "den" ("den
    Anschlägen"), the dative a heading writes in its base form, but never after "die" ("die
    Alpen" is no "Alpe"), "des", "dem" ("des Riesen" is a singular) and seldom in lower case
    ("bayerische"). And masculine or neuter singulars: after "dem", "des", "im", never after
    "die", "eine" ("der Mut" is no genitive)."""
    from briefing.stories.headings.scan import is_adjective

    uses: Counter[str] = Counter()
    common: Counter[str] = Counter()
    singular: Counter[str] = Counter()
    dative: Counter[str] = Counter()
    nominative: Counter[str] = Counter()
    weak: Counter[str] = Counter()
    feminine: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text in unlabelled_texts():
        tokens = _TOKEN.findall(text)
        lower.update(t for t in tokens if t[:1].islower())
        for i in range(1, len(tokens)):
            word = tokens[i]
            if not word[:1].isupper() or tokens[i - 1] in _OPENERS or word.isupper():
                continue
            low = word.casefold()
            uses[low] += 1
            before, low_before = tokens[i - 1], tokens[i - 1].casefold()
            opener = tokens[i - 2].casefold() if i > 1 else ""
            adjective = (
                is_adjective(before)
                and low_before not in lexicon.PREPOSITIONS
                and (opener in lexicon.ARTICLES or opener in lexicon.PREPOSITIONS)
            )
            common[low] += low_before in _NOT_DEFINITE or adjective
            singular[low] += low_before in _SINGULAR
            dative[low] += low_before == "den"
            nominative[low] += low_before == "die"
            # a singular's articles: "des Riesen", "dem Torschützen", "zur Küste"
            singular[low] += low_before == "zur"
            weak[low] += low_before in ("des", "dem", "zum", "vom", "beim", "im")
            feminine[low] += low_before in ("die", "eine", "einer", "zur")
    rows = [
        f"{word}\tcommon"
        for word, k in sorted(uses.items())
        if k >= COMMON_NOUN_USES
        and common[word] >= COMMON_NOUN_SHARE * k
        and word[:1].isalpha()
        and word not in lexicon.german_stop_words()
    ]
    rows += [
        f"{word}\tplural-e"
        for word, k in sorted(uses.items())
        if word.endswith("e")
        and k >= PLURAL_USES
        and singular[word] == 0
        and dative[word + "n"] >= PLURAL_DATIVES
        and not nominative[word + "n"]  # "die Alpen", "die Akten", "die Chinesen"
        and not weak[word + "n"]  # "des Riesen", "dem Torschützen": a singular
        and lower[word] < k / 2  # "bayerische", "gerade"
        and word[:1].isalpha()
    ]
    rows += [
        f"{word}\tnot-feminine"
        for word, k in sorted(uses.items())
        if weak[word] >= NOT_FEMININE_USES
        and not feminine[word]
        and word[:1].isalpha()
        and word not in lexicon.german_stop_words()
    ]
    header = [
        "# Common nouns, learned from the MLSUM and 10kGNAD corpora (labelled stories left out)",
        "# by: python benchmarks/headings.py --make-common-nouns",
        "#   <word> common   written inside a sentence 8+ times, 10 %+ of them after an article",
        "#                   that is no definite one (\"ein Verlust\", \"seine Materie\") or an",
        "#                   article's or preposition's adjective (\"mit zusätzlichem Personal\");",
        "#                   \"die Türkei\" says nothing; no acronym (casefolded)",
        "#   <word> plural-e a plural in -e: written 5+ times inside a sentence, never after",
        '#                   "ein", "eine", "jede", "zur" ("eine Woche"), and 2+ times with -n',
        '#                   after "den" ("den Anschlägen": a heading writes "Anschläge"), never',
        '#                   after "die", "des", "dem" ("die Alpen", "des Riesen"), seldom in',
        '#                   lower case ("bayerische")',
        "#   <word> not-feminine  written 3+ times after \"dem\", \"des\", \"im\", \"zum\" and the",
        '#                   like, never after "die", "eine", "einer", "zur": no feminine singular',
        '#                   nor a plural, so "der Mut" is no genitive ("hat die Anleger am',
        '#                   Aktienmarkt der Mut verlassen")',
        "# A lone article writes a noun too seldom after an article to tell it from a name",
        '# ("7,9 Milliarden Verlust", "mehr Personal"): its heading asks the corpora.',
    ]
    return write_lexicon(path, header, rows)


# --------------------------------------------------------------------------- name adjectives

NAME_ADJECTIVES_FILE = ROOT / "briefing" / "lexicon" / "name_adjectives.txt"
_WEAK_IN_NAME = re.compile(r"(?<![\w-])(?:das|der) ([A-ZÄÖÜ][a-zäöüß]+e) (?=[A-ZÄÖÜ])")
_NOUN_ALONE = re.compile(
    r"(?<![\w-])(?:die|der|das|eine) ([A-ZÄÖÜ][a-zäöüß]+e)(?= [a-zäöüß]|[.,;:])"
)
_LOWER_ADJECTIVE = re.compile(r"(?<![\w-])([a-zäöüß]+e[rs]?) ")
NAME_ADJECTIVE_USES = 2  # uses after "das"/"der" before a capitalised word


def make_name_adjectives(path: Path = NAME_ADJECTIVES_FILE) -> int:
    """Adjectives inside names ("das Statistische Bundesamt", "der Internationale
    Währungsfonds"): capitalised words in -e after "das" or "der" and before a capitalised
    word, twice or more, that the corpora also write in lower case, and with a strong ending
    ("internationaler"; a name such as "Pete" or "Porsche" has none) or in -isch, no first
    name; the labelled stories left out. A heading, which has no article, writes them
    with the strong ending ("Statistisches Bundesamt")."""
    from briefing.stories.headings.words import FIRST_NAMES

    weak: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    alone: Counter[str] = Counter()  # a noun of its own: "die Spitze der", "der Offensive."
    for text in unlabelled_texts():
        weak.update(_WEAK_IN_NAME.findall(text))
        lower.update(_LOWER_ADJECTIVE.findall(text))
        alone.update(_NOUN_ALONE.findall(text))
    words = sorted(
        word for word, k in weak.items()
        if k >= NAME_ADJECTIVE_USES and word not in FIRST_NAMES and alone[word] < k
        and lower[word.casefold()] > 0  # (not "Apple", "Partie")
        # a strong ending, or "-isch", which only adjectives take ("statistische")
        and (lower[word.casefold() + "s"] + lower[word.casefold() + "r"] > 0
             or word.endswith("ische"))
    )
    header = [
        "# Adjectives inside names, learned from the MLSUM and 10kGNAD corpora (labelled stories",
        "# left out) by: python benchmarks/headings.py --make-name-adjectives",
        '# written capitalised in -e after "das" or "der" before a capitalised word (2+ times)',
        '# and in lower case, also with a strong ending ("internationaler") or in -isch: a',
        '# heading, which has no article, writes "Statistisches Bundesamt" for "das',
        '# Statistische Bundesamt".',
    ]
    return write_lexicon(path, header, words)


# --------------------------------------------------------------------------- lost umlauts

_WORD = re.compile(r"(?<![\w-])[A-Za-zÄÖÜäöüß]+(?![\w-])")
COMPOUND_MIN_USES = 2  # uses of a damaged compound in the MLSUM texts
PART_MIN_USES = 5  # capitalised uses of its second part ("Anlagen")
# Read by hand: words of their own the 10kGNAD texts happen not to hold ("leisen" is no
# "Öleisen", "lecken" no "Ölecken", "lasche" no "Ölasche").
NOT_LOST = {"leisen", "lecken", "lasche"}


def make_compounds(path: Path = COMPOUNDS_FILE) -> int:
    """Compounds that lost their capital umlaut in the MLSUM texts ("lanlagen" for
    "Ölanlagen", "ltanker"): a damaged word of lexicon/lost_umlauts.txt (no adjective) and a
    noun's lower-case rest, never written capitalised itself and no word of the 10kGNAD texts
    (whose umlauts are whole); the labelled stories left out. Mined words keep their capital
    (lost_umlauts.txt needs the whole word written somewhere; no MLSUM text writes "Öl...")."""
    import stories as bench
    from _corpus import gnad_rows

    skip = labelled_ids()
    lower: Counter[str] = Counter()
    caps: Counter[str] = Counter()
    with bench.CORPUS.open(encoding="utf-8") as handle:
        for row in map(json.loads, handle):
            if str(row["id"]) not in skip:
                for word in _WORD.findall(row["text"]):
                    (caps if word[:1].isupper() else lower)[word] += 1
    gnad: Counter[str] = Counter()
    for _, text in gnad_rows():
        for word in _WORD.findall(text):
            gnad[word] += 1
            caps[word] += word[:1].isupper()
    whole = {w.casefold() for w in gnad}
    lost = dict(lexicon._rows("lost_umlauts"))
    adjective = re.compile(r"(?:lich|isch)(?:e[mnrs]?)?$")
    found: dict[str, tuple[str, int]] = {}
    for word, uses in lower.items():
        if uses < COMPOUND_MIN_USES or word in lost or word in NOT_LOST:
            continue
        if word.casefold() in whole or caps[word.capitalize()]:
            continue  # a word of its own ("leider", "Lage")
        for first, repaired in lost.items():
            rest = word[len(first):]
            part = rest[:1].upper() + rest[1:]
            if (word.startswith(first) and not adjective.search(first) and len(rest) >= 4
                    and caps[part] >= PART_MIN_USES and lower[rest] + gnad[rest] < caps[part] / 2):
                found[word] = (repaired + rest, uses)  # "Öl" + "anlagen"
    rows = sorted(found.items(), key=lambda kv: (-kv[1][1], kv[0]))
    header = [
        "# Compounds that lost their capital Ä or Ö in damaged texts (\"lanlagen\" for",
        "# \"Ölanlagen\"), with the word they stand for; the headings read them whole, as they do",
        "# the words of lost_umlauts.txt. Mined from the MLSUM texts (labelled stories left out)",
        "# by: python benchmarks/headings.py --make-compounds",
    ]
    path.write_text("\n".join(header + [f"{w}\t{c}" for w, (c, _) in rows]) + "\n",
                    encoding="utf-8")
    return len(rows)


# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-corpus", action="store_true", help="the sample's test folders only")
    parser.add_argument("--judge", type=Path, metavar="TSV",
                        help="verdicts file: mark each heading ok/WRONG/? (changed)")
    parser.add_argument("--stories", action="store_true", help="dev and val heading hits")
    parser.add_argument("--set", choices=["dev", "val"], action="append", help="with --stories")
    parser.add_argument("--grouping", choices=["briefing", "proto"], action="append")
    parser.add_argument("--show", action="store_true", help="one line per story")
    parser.add_argument("--random", type=int, default=0, help="N random MLSUM articles")
    parser.add_argument("--gnad", action="store_true", help="the 10kGNAD test articles")
    parser.add_argument("--lone", action="store_true", help="also the lone articles' headings")
    parser.add_argument("--corpus", action="store_true", help="time on all 11,707 articles")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--make-lexicon", action="store_true")
    parser.add_argument("--make-common-nouns", action="store_true")
    parser.add_argument("--make-compounds", action="store_true")
    parser.add_argument("--make-first-names", action="store_true")
    parser.add_argument("--make-name-adjectives", action="store_true")
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    groupings = args.grouping or ["briefing", "proto"]
    import stories as bench

    needs_shared = (args.stories or args.random or args.gnad or args.corpus or args.make_lexicon
                    or args.make_compounds or args.make_first_names or args.make_name_adjectives
                    or args.make_common_nouns)
    if needs_shared and not bench.CORPUS.exists():
        print(f"skipped: {bench.CORPUS} not found")
        return 0
    if args.make_lexicon:
        print(f"{make_lexicon()} rows written to {NOUNS_FILE}")
    elif args.make_common_nouns:
        print(f"{make_common_nouns()} rows written to {COMMON_NOUNS_FILE}")
    elif args.make_first_names:
        print(f"{make_first_names()} rows written to {FIRST_NAMES_FILE}")
    elif args.make_name_adjectives:
        print(f"{make_name_adjectives()} rows written to {NAME_ADJECTIVES_FILE}")
    elif args.make_compounds:
        print(f"{make_compounds()} rows written to {COMPOUNDS_FILE}")
    elif args.stories:
        sets = {"dev": bench.DEV, "val": VAL}
        for name in args.set or ["dev", "val"]:
            for grouping in groupings:
                story_hits(sets[name], grouping, args.show)
    elif args.random:
        random_folder(args.random, groupings[0], lone=args.lone)
    elif args.gnad:
        gnad_folder(groupings[0], args.lone)
    elif args.corpus:
        corpus_time(groupings[0], args.jobs)
    else:
        judge = Judge(read_verdicts(args.judge) if args.judge else None)
        sample(judge, args.no_corpus)
        if args.judge:
            print(judge.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
