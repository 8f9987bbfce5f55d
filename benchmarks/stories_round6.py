"""Story grouping, round 6 (issue 16): negative evidence from conflicting specifics.

    python benchmarks/stories_round6.py --pairs             # dev: share / contradict by class
    python benchmarks/stories_round6.py --sweep             # dev: veto/penalty x cut scale
    python benchmarks/stories_round6.py --labels benchmarks/data/stories_val.json --factor 0 --scale 1
    python benchmarks/stories_round6.py --random /tmp/read13 --factor 0 --scale 1  # topics listed

(Figures: below, once measured.)
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import stories as bench
import stories_proto as proto

from briefing.lexicon import GERMAN_MONTHS
from briefing.models import Article
from briefing.stories import clusters as C
from briefing.stories import grouping as G
from briefing.stories.results import _POINTS, _SCORE, _TIME, COMMON_SCORES

VAL = ROOT / "benchmarks" / "data" / "stories_val.json"

# --------------------------------------------------------------------------- specifics

_MONTHS = "|".join(m.capitalize() for m in GERMAN_MONTHS)
# "am 13. Juni", "vom 4. Juli 2019": a day of a month (the year left out: a report says
# "am 27. Oktober" and another "am 27. Oktober 2019")
_DAY = re.compile(rf"(?<![\d.])(\d{{1,2}})\.\s?({_MONTHS})\b(\s+(?:19|20)\d\d\b)?")
# "14.12.2015", "14.12."
_NUMERIC_DAY = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)?(?![\d,])")
# a count of something: "39 Tote", "12 Verletzte", "300 Menschen" (numbers, not words)
_COUNT = re.compile(r"(?<![\d.,:])(\d{1,3}(?:[.\u202f ]\d{3})*|\d+)\s+([A-ZÄÖÜ][a-zäöüß]{2,})\b")
# count nouns that state no specific of the event: units, time spans, money, shares, ranks
_NOT_COUNTED = {
    "prozent", "euro", "dollar", "millionen", "milliarden", "million", "milliarde", "jahre",
    "jahren", "jahr", "monate", "monaten", "wochen", "tage", "tagen", "stunden", "minuten",
    "sekunden", "uhr", "kilometer", "meter", "punkte", "punkten", "zähler", "grad", "cent",
    "pfund", "franken", "mal", "prozentpunkte", "kilogramm", "tonnen", "quadratmeter",
    "hektar", "kilo", "liter", "seiten", "mitglieder", "einwohner", "jahrhundert",
} | {m.casefold() for m in GERMAN_MONTHS}

KINDS = ("date", "score", "time", "points", "count")
# --kinds may also name "dateny": dates written without a year only (a year marks a date of
# the background: "beim Referendum am 1. Oktober 2017"); "score2": scores, where sharing one
# of the commonest results (1:0, 1:1 ...) alone is no shared specific (the patterns and that
# rule are briefing/stories/results.py's)


def _norm_number(text: str) -> str:
    return re.sub(r"[ .\u202f]", "", text)


def specifics(text: str, kinds: Sequence[str] = KINDS) -> dict[str, set[str]]:
    """The specifics an article states, by kind: dates (month-day), scores, times, points, and
    counts (kind ``count:NOUN``)."""
    found: dict[str, set[str]] = defaultdict(set)
    if "date" in kinds or "dateny" in kinds:
        with_year = "dateny" not in kinds
        dated = text
        if "datelead" in kinds:
            dated = " ".join(_SENTENCE_END.split(text)[:LEAD_SENTENCES])
        for day, month, year in _DAY.findall(dated):
            if 1 <= int(day) <= 31 and (with_year or not year):
                found["date"].add(f"{GERMAN_MONTHS[month.casefold()]:02d}-{int(day):02d}")
        for day, month, year in _NUMERIC_DAY.findall(dated):
            if 1 <= int(day) <= 31 and 1 <= int(month) <= 12 and (with_year or not year):
                found["date"].add(f"{int(month):02d}-{int(day):02d}")
    if "resultlead" in kinds:
        text = " ".join(_SENTENCE_END.split(text)[:LEAD_SENTENCES])
    if "time" in kinds:
        for m in _TIME.finditer(text):
            found["time"].add(m.group(0))
    if "score" in kinds or "score2" in kinds:
        for a, b in _SCORE.findall(text):
            low, high = sorted((int(a), int(b)))
            if high in (15, 30, 40) and low in (0, 15, 30, 40):
                continue  # a tennis game's points ("30:40")
            found["score"].add(f"{high}:{low}")  # "12:13" and "13:12": one final set
    if "points" in kinds:
        for value in _POINTS.findall(text):
            found["points"].add(_norm_number(value))
    if "count" in kinds:
        for value, noun in _COUNT.findall(text):
            noun = noun.casefold()
            if noun in _NOT_COUNTED or re.fullmatch(r"(?:19|20)\d\d", _norm_number(value)):
                continue
            found["count:" + noun.rstrip("n")].add(_norm_number(value))
    return dict(found)


def relation(a: dict[str, set[str]], b: dict[str, set[str]], kinds: Sequence[str] = KINDS
             ) -> tuple[bool, bool, bool]:
    """(both state a specific of a kind in ``kinds``, they share one, they contradict: a kind
    both state with no value in common, and no shared value of any kind)."""
    common = [k for k in a if k in b and _kind(k) in kinds]
    if not common:
        return False, False, False
    shared = any(_shares(k, a[k] & b[k], kinds) for k in common)
    return True, shared, not shared


def _kind(key: str) -> str:
    return key.split(":")[0]


_ALIASES = {"dateny": "date", "score2": "score", "datelead": "date"}
# "datelead": dates of the title and the first sentences only (the article's own event);
# "resultlead": results (scores, times, points) of those sentences only
LEAD_SENTENCES = 3
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"„A-ZÄÖÜ])|\n+")


def _shares(kind: str, common: set[str], kinds: Sequence[str]) -> bool:
    if kind == "score" and "score2" in kinds:
        return len(common) >= 2 or bool(common - COMMON_SCORES)
    return bool(common)


def article_text(article: Article) -> str:
    return article.title + "\n" + article.body


# --------------------------------------------------------------------------- pair classes


def pair_table(labels: dict, articles: list[Article], kinds: Sequence[str]) -> None:
    """Per class of pair: how many both state a specific, share one, contradict; all pairs and
    pairs at a cosine of 0.10 or more (those the stages can merge)."""
    ids = [a.path.stem for a in articles]
    index = {ident: i for i, ident in enumerate(ids)}
    spec = [specifics(article_text(a), kinds) for a in articles]
    vectors = G.tfidf_vectors(articles)
    cosine = (vectors @ vectors.T).toarray()
    story_of: dict[int, str] = {}
    near_of: dict[int, str] = {}
    for s in labels["stories"]:
        for m in s["members"]:
            if str(m) in index:
                story_of[index[str(m)]] = s["id"]
        for m in s["near_misses"]:
            if str(m) in index:
                near_of[index[str(m)]] = s["id"]
    distractors = [index[str(d)] for d in labels["distractors"] if str(d) in index]
    classes: dict[str, list[tuple[int, int]]] = defaultdict(list)
    members = sorted(story_of)
    for x in members:
        for y in members:
            if x < y and story_of[x] == story_of[y]:
                classes["member-member"].append((x, y))
        for y, story in near_of.items():
            if story == story_of[x]:
                classes["member-near miss"].append((x, y))
    for i, x in enumerate(distractors):
        for y in distractors[i + 1 :]:
            if cosine[x, y] >= 0.15:
                classes["distractor pairs cos>=.15"].append((x, y))
    rated = sum(1 for s in spec if any(k.split(":")[0] in kinds for k in s))
    print(f"kinds {','.join(kinds)}: {rated} of {len(articles)} articles state one")
    for name, pairs in classes.items():
        for floor in (0.0, 0.10):
            kept = [(x, y) for x, y in pairs if cosine[x, y] >= floor]
            rel = [relation(spec[x], spec[y], kinds) for x, y in kept]
            both = sum(r[0] for r in rel)
            shared = sum(r[1] for r in rel)
            contra = sum(r[2] for r in rel)
            print(
                f"  {name:26} cos>={floor:.2f} {len(kept):5} pairs: both state {both:4} "
                f"({_pc(both, len(kept))}), share {shared:4} ({_pc(shared, len(kept))}), "
                f"contradict {contra:4} ({_pc(contra, len(kept))}; {_pc(contra, both)} of both)"
            )


def _pc(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f} %" if b else "    - "


def kind_table(labels: dict, articles: list[Article]) -> None:
    """Per kind: of the pairs that both state it, the share with no common value, by class."""
    ids = [a.path.stem for a in articles]
    index = {ident: i for i, ident in enumerate(ids)}
    spec = [specifics(article_text(a)) for a in articles]
    stats: dict[str, Counter] = defaultdict(Counter)
    for s in labels["stories"]:
        mem = [index[str(m)] for m in s["members"] if str(m) in index]
        near = [index[str(m)] for m in s["near_misses"] if str(m) in index]
        pairs = [("mm", x, y) for i, x in enumerate(mem) for y in mem[i + 1 :]]
        pairs += [("mn", x, y) for x in mem for y in near]
        for cls, x, y in pairs:
            for k in spec[x].keys() & spec[y].keys():
                kind = k.split(":")[0]
                stats[kind][cls + " both"] += 1
                stats[kind][cls + " differ"] += not (spec[x][k] & spec[y][k])
    for kind in sorted(stats):
        c = stats[kind]
        print(
            f"  {kind:8} member pairs both {c['mm both']:4} differ {_pc(c['mm differ'], c['mm both'])}"
            f"   near-miss pairs both {c['mn both']:4} differ {_pc(c['mn differ'], c['mn both'])}"
        )


# --------------------------------------------------------------------------- grouping


class Setting:
    """The clustering change under test: contradicting pairs' cosines times ``factor``, every
    cut times ``scale``."""

    factor: float = 1.0
    scale: float = 1.0
    kinds: Sequence[str] = KINDS
    spec: Sequence[dict[str, set[str]]] = ()
    shipped: bool = False


def patched_cluster_labels(vectors, threshold=C.THRESHOLD, must_link=(), jobs=1, apart=()
                           ) -> list[int]:
    """cluster_labels with the setting; the package's own ``apart`` pairs (results.py) only
    with ``Setting.shipped``."""
    s = Setting
    core, merge, attach = threshold * s.scale, C.MERGE_THRESHOLD * s.scale, C.ATTACH * s.scale
    n = vectors.shape[0]
    graph = C.similarity_graph(vectors, min(core, merge) / 2, jobs=jobs)
    if apart and s.shipped:
        graph = C.without_pairs(graph, apart)
    if s.factor != 1.0:
        graph = graph.tocoo()
        data = graph.data.copy()
        for k, (x, y) in enumerate(zip(graph.row.tolist(), graph.col.tolist())):
            if relation(s.spec[x], s.spec[y], s.kinds)[2]:
                data[k] *= s.factor
        import scipy.sparse as sp

        graph = sp.csr_matrix((data, (graph.row, graph.col)), shape=graph.shape)
        graph.eliminate_zeros()
    cores = C.groups_of(C.average_linkage(graph, core, C.COHESION, C.SHRINK, must_link))
    groups = C.one_theme(graph, C.two_stages(graph, cores, merge, C.CORE_COHESION, attach,
                                             C.ATTACH_SHARE))
    labels = [0] * n
    for number, rows in enumerate(groups):
        for row in rows:
            labels[row] = number
    return labels


def _veto_stages() -> dict:
    """clusters.average_linkage and two_stages with a cluster-level veto (their source with a
    few lines added): each cluster holds the union of its articles' specifics; two clusters
    that contradict (``relation``) do not merge, a lone article does not join a story it
    contradicts."""
    import inspect

    source = inspect.getsource(C.average_linkage) + "\n" + inspect.getsource(C.two_stages)
    edits = [
        ("growth: float = GROWTH,\n) -> list[int]:",
         "growth: float = GROWTH,\n    spec=None,\n) -> list[int]:"),
        ("    inner = [0.0] * n  # sum",
         ("    held = [dict(spec[r]) for r in range(n)]\n"
          "    for rows in clusters:\n"
          "        for row in rows[1:]:\n"
          "            held[rows[0]] = UNION(held[rows[0]], spec[row])\n"
          "    inner = [0.0] * n  # sum")),
        ("        ta, tb = tight[a], tight[b]\n",
         ("        if VETO(held[a], held[b]):\n            return False\n"
          "        ta, tb = tight[a], tight[b]\n")),
        ("        size[a] += size[b]\n",
         "        size[a] += size[b]\n        held[a] = UNION(held[a], held[b])\n"),
        ("(), starts))", "(), starts, spec=[spec[r] for r in core_rows]))"),
        ("    attach_share: float = ATTACH_SHARE,\n) -> list[list[int]]:",
         "    attach_share: float = ATTACH_SHARE,\n    spec=None,\n) -> list[list[int]]:"),
        ("        best = int(np.argmax(means))",
         ("        for k, rows in enumerate(stories):\n"
          "            if means[k] > 0 and VETO(STORY(rows, spec), spec[row]):\n"
          "                means[k] = -1.0\n"
          "        best = int(np.argmax(means))")),
    ]
    for old, new in edits:
        assert source.count(old) == 1, old
        source = source.replace(old, new)
    space = dict(vars(C))
    space.update(VETO=lambda a, b: relation(a, b, Setting.kinds)[2], UNION=union,
                 STORY=lambda rows, spec: _story_spec(tuple(rows), spec))
    exec(compile(source, "veto_stages", "exec"), space)  # noqa: S102 (our own source, edited)
    return space


def union(a: dict[str, set[str]], b: dict[str, set[str]]) -> dict[str, set[str]]:
    out = {k: set(v) for k, v in a.items()}
    for k, v in b.items():
        out.setdefault(k, set()).update(v)
    return out


_STORY_CACHE: dict = {}


def _story_spec(rows: tuple[int, ...], spec: list) -> dict[str, set[str]]:
    key = (rows, id(spec))
    if key not in _STORY_CACHE:
        out: dict[str, set[str]] = {}
        for r in rows:
            out = union(out, spec[r])
        _STORY_CACHE[key] = out
    return _STORY_CACHE[key]


def veto_cluster_labels(vectors, threshold=C.THRESHOLD, must_link=(), jobs=1, apart=()
                        ) -> list[int]:
    s = Setting
    stages = _veto_stages()
    core, merge, attach = threshold * s.scale, C.MERGE_THRESHOLD * s.scale, C.ATTACH * s.scale
    n = vectors.shape[0]
    graph = C.similarity_graph(vectors, min(core, merge) / 2, jobs=jobs)
    labels = stages["average_linkage"](graph, core, C.COHESION, C.SHRINK, must_link,
                                       spec=s.spec)
    cores = C.groups_of(labels)
    groups = C.one_theme(graph, stages["two_stages"](graph, cores, merge, C.CORE_COHESION,
                                                      attach, C.ATTACH_SHARE, spec=s.spec))
    out = [0] * n
    for number, rows in enumerate(groups):
        for row in rows:
            out[row] = number
    return out


def build(articles: list[Article], factor: float, scale: float, kinds: Sequence[str]):
    """group_topics with the setting: its topics."""
    Setting.factor, Setting.scale, Setting.kinds = factor, scale, kinds
    Setting.spec = [specifics(article_text(a), kinds) for a in articles]
    original = G.cluster_labels
    G.cluster_labels = veto_cluster_labels if factor < 0 else patched_cluster_labels
    try:
        return G.group_topics(articles)
    finally:
        G.cluster_labels = original


def scored(labels: dict, articles: list[Article], topics) -> bench.Scores:
    grouping = [(t.title, [a.path.stem for a in t.articles]) for t in topics]
    missing = set(bench.folder_ids(labels)) - {i for _, g in grouping for i in g}
    return bench.score(labels, grouping + [("", [m]) for m in sorted(missing)])


def line(what: str, s: bench.Scores) -> str:
    return (
        f"{what}: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} near misses "
        f"{100 * s.near_miss_rate:.1f} % headings {s.heading_hits} "
        f"distractor topics {len(s.distractor_topics)}"
    )


def load(path: Path) -> tuple[dict, list[Article]]:
    name = path.parent.name if path.name == "stories.json" else path.stem
    labels, articles, _ = proto.load_labelled(
        path, Path(tempfile.gettempdir()) / "stories_proto" / name
    )
    return labels, articles


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=bench.DEV)
    parser.add_argument("--pairs", action="store_true", help="pair classes, no grouping")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--factor", default="1",
                        help="contradicting pairs' cosine times; -1: clusters that contradict "
                        "do not merge")
    parser.add_argument("--scale", default="1", help="every cut times")
    parser.add_argument("--stories", action="store_true", help="one line per story")
    parser.add_argument("--shipped", action="store_true",
                        help="keep the package's own pairs apart (results.py); else main's")
    parser.add_argument("--random", type=Path, help="a folder of .txt: its multi-article topics")
    args = parser.parse_args(argv)
    Setting.shipped = args.shipped
    kinds = tuple(args.kinds.split(","))
    kinds += tuple(_ALIASES[k] for k in kinds if k in _ALIASES)
    if args.random:
        from briefing.pipeline import load_articles

        articles, _ = load_articles([args.random])
        for factor in map(float, args.factor.split(",")):
            for scale in map(float, args.scale.split(",")):
                topics = build(articles, factor, scale, kinds)
                multi = [t for t in topics if len(t.articles) > 1]
                print(f"factor {factor} scale {scale}: {len(multi)} topics of 2+")
                for t in multi:
                    names = " ".join(a.path.stem for a in t.articles)
                    print(f"  {len(t.articles):2} {t.title[:60]!r} {names}")
        return 0
    labels, articles = load(args.labels)
    if args.pairs:
        pair_table(labels, articles, kinds)
        for kind in KINDS + ("dateny", "score2"):
            pair_table(labels, articles, (kind, _ALIASES.get(kind, kind)))
        kind_table(labels, articles)
        return 0
    for factor in map(float, args.factor.split(",")):
        for scale in map(float, args.scale.split(",")):
            s = scored(labels, articles, build(articles, factor, scale, kinds))
            print(line(f"factor {factor} scale {scale}", s))
            if args.stories:
                bench.report(s, True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
