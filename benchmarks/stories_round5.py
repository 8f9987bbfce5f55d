"""Story grouping, round 5 (issue 16): topics merged when their event phrases agree.

    python benchmarks/stories_round5.py --show             # dev and val, each merge listed
    python benchmarks/stories_round5.py --top 1 --bar 0 --stories   # one line per story
    python benchmarks/stories_round5.py --random /tmp/read11 --top 1 --bar 0   # every merge
    python benchmarks/stories_round5.py --random DIR --sample 300 --seed 21    # write, then run

The rule (nothing shipped): after today's four stages (``briefing.stories``, unchanged), each
topic's event phrases are the "phrase" candidates among its ``--top`` best heading candidates
(``headings.compose.candidates``, as the heading composer ranks them; a lone article with a
title line of its own has none). A phrase gives an event noun, the last stem of its head
("Landtagswahl" -> landtagswahl, "Anschlags" -> anschlag), and what it is of, the stems of its
capitalised words ("Thüringen"; "Thomas Cook"; the owner of "Trumps Grönland-Idee"). Two topics
merge when an event noun of one agrees with one of the other (equal, or one the compound tail
of the other, four letters at least: wahl / landtagswahl / parlamentswahl), they share a stem
of what that German news uses in under ``--rare`` (2 %) of its articles (Österreich 1.6 %, Halle
1.6 % pass; Deutschland 12 %, Berlin 5 % do not; at 0.1 % Halle and Österreich fail: dev .712),
and their centroids reach a cosine of ``--bar``; merges chain (union-find). The harness takes
the candidates' event phrases from their text (the heading composer keeps no key of them).

Dev (tuning) and val (never tuned on), P / R / F1, near misses in the main topic, heading
hits, topics of distractors only:

    today                        dev .883/.591/.708 23.2 % 18 11   val .899/.694/.783 25.9 % 18 10
    top 1, bar 0    (22 merges)  dev .863/.639/.734 30.3 % 18 11   val .897/.714/.795 25.9 % 18 10
    top 1, bar 0.15  (7 merges)  dev .870/.632/.732 28.3 % 18 11   val .897/.714/.795 25.9 % 18 10
    top 3, bar 0    (26 merges)  dev .858/.657/.744 32.3 % 19 11   val .897/.714/.795 25.9 % 18 10
    top 3, bar 0.15 (10 merges)  dev .864/.647/.740 30.3 % 19 11   val (the same)
    top 1, bar 0, any shared stem (--rare 1)   dev .734 30.3 %        val .795 25.9 %
    each topic joins its largest partner only (--star)   dev .734 30.3 %   val .795 25.9 %
    both sides of 2+ articles (--min-size 2)   dev .871/.614/.720 26.3 % 17   val .793 25.9 %
    lone articles (--own 1) / topics of up to 3 (--own 3) must write the phrase not after
    "nach", "vor", "seit", "wegen" ... (as background)   dev .724 30.3 % / .726 28.3 %
                                                          val .795 / .793 25.9 %

On dev the rule lies on today's curve, not above it (round 4: the cuts x0.8 give .739 at 27.3 %
near misses; the rule .732 at 28.3 %). Per story (top 1, bar 0): Thüringen 7 -> 9 of 12 members
in the main topic and one near miss more (a lone "Wahl in Thüringen"); Halle's fragments join
(main topic 2 -> 5 of 12) with both near misses, Seehofer's gamer remarks, which are headed
"Anschlag von Halle" as well; Lübcke takes three near misses more (Henriette Reker's topic,
whose best phrase is "Mord an Walter Lübcke"); Thomas Cook 8 -> 9 of 12; Österreich 6 -> 11 of
12 and one near miss. The SPD's "Stichwahl" and val's Klimapaket (1 of 12 in 12 topics) name
no name or place: the rule does not see them. On val: +0.012 F1 at the same near misses, from
two merges (Wimbledon +2 members, Kirchentag +1).

Folders of random MLSUM articles (top 1, bar 0), every merge read:
- /tmp/read11: none. /tmp/read12: sz_000 (Youtube deletes channels spreading disinformation
  about the protests) + sz_218 (Carrie Lam: the extradition bill is dead), "Proteste in
  Hongkong": one theme, two events. Wrong.
- 300 articles, seeds 21, 22, 23: 5365 (jobless voters chose the AfD in September) + 7699
  (Scholz's Soli plans, three weeks before the elections), "Landtagswahlen in Sachsen und
  Brandenburg"; 3907 (a preview of the Thüringen election) + 7699; none. Both wrong: each names
  the elections as the background of another story.
- 2,000 articles (seed 5), 8 merges: the Lübcke topic (8) + two articles on right-wing terror
  in the security services (NSU, 7535 the BKA's new department), wrong; Hongkong (6, already a
  theme) + three November clashes, wrong; 5365 + 5742 (an SPD candidate in Chemnitz) + 9476
  (the Unteilbar demonstration a week before the elections), three merges, wrong; Halle: 5013
  and 5026 (two men spread the attacker's manifesto) + 4828 (the World Jewish Congress asks
  for protection two weeks later) + 6690 (an incident at the minute's silence of a football
  match), three merges of reactions the dev labels count as near misses: at best debatable.
  None of the 11 merges in these six folders is clearly right.
- All 11,707 articles: 151 merges into 44 groups, the largest themes: 52 articles (the
  Thüringen election with 18 on the AfD and Höcke, "Kritik an Angela Merkel" and
  "Ostdeutschland"), 47 (Lübcke with the
  Wächtersbach shooting of an Eritrean and Combat 18), 42 (the Sachsen and the Brandenburg
  elections, before and after, and Dresden), 34 (half a year of Hongkong protests), 31 (the
  Strait of Hormuz), 21 (the Iran nuclear deal); stage 1's size guard keeps such themes apart
  and the rule walks past it. Read at random: a 2015 10kGNAD ruling of the European Court of
  Justice joins the 2019 Pkw-Maut ruling ("Urteil des Europäischen Gerichtshofs"); a
  newsletter, which the grouping keeps out of every story, joins the Soli bill at a centroid
  cosine of 0; two different ships' migrants ("Rettungsschiff" is rare enough), two Ingolstadt
  matches, "Heimspiel von Stoke City" + "Spiel bei Leicester City". Right by their headings:
  G7 Biarritz, G20 Osaka, El Paso, Thomas Cook, Wimbledon.

Why: the event phrase is how every article of a theme refers to the event. A near miss or a
story that follows it names it as members do ("nach dem Anschlag in Halle", "vor den
Landtagswahlen in Sachsen"), and for a lone article that mentions an event at all it is its
most distinctive phrase. Leaving out phrases after a word of time or cause (``--own``) drops
the true Halle fragments (they write "nach dem Anschlag" too) and keeps the wrong ones (5365:
"bei den Landtagswahlen"). The round's conclusion is the earlier rounds': what separates a
story's fragment from a near miss is not in its words, the event phrase included. The CPU
cost was not measured (nothing to ship).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import stories as bench
import stories_proto as proto

from briefing import lexicon
from briefing.lexicon import news_stem_rates
from briefing.models import Article
from briefing.stories import grouping as G
from briefing.stories.headings import compose as H
from briefing.stories.headings.group import Group
from briefing.stories.headings.scan import (
    LONE_SENTENCES,
    MAX_SENTENCES,
    has_title,
    scan_article,
    stems,
)

VAL = ROOT / "benchmarks" / "data" / "stories_val.json"


def captured(articles: list[Article]) -> tuple[list[list[Article]], object, list[str]]:
    """group_topics' groups (major then minor, as it passes them to the headings), its
    vectors and the headings it gives them."""
    seen: dict = {}
    original = G.topic_headings

    def spy(groups, vectors=None, everything=None, jobs=1):
        seen["groups"], seen["vectors"] = [list(g) for g in groups], vectors
        seen["headings"] = original(groups, vectors, everything, jobs)
        return seen["headings"]

    G.topic_headings = spy
    try:
        G.group_topics(articles)
    finally:
        G.topic_headings = original
    return seen["groups"], seen["vectors"], seen["headings"]


def group_events(groups: list[list[Article]], top: int) -> list[list[tuple[str, frozenset]]]:
    """Each group's event phrases among its ``top`` best candidates (a lone article with a
    title line of its own: none, its heading is its title)."""
    stem_sets = [H._group_stems(groups, i) for i in range(len(groups))]
    folder = H.context(stem_sets)
    out = []
    for group in groups:
        if len(group) == 1 and has_title(group[0]):
            out.append([])
            continue
        read = MAX_SENTENCES if len(group) > 1 else LONE_SENTENCES
        scans = [scan_article(a, read) for a in group[: H.MAX_ARTICLES]]
        best = H.candidates(Group(scans, lone=len(group) == 1), folder)
        out.append([e for c in best[:top] if c.kind == "phrase" for e in [event_of(c.text)] if e])
    return out


def event_of(text: str) -> tuple[str, frozenset] | None:
    """An event phrase candidate's noun (the last stem of its head, "landtagswahl") and what
    it is of (the stems of its capitalised words, "thuring"): "<event> <preposition> <what>"
    ("Landtagswahl in Thüringen", "Pleite der ... Thomas Cook") or "<name>s <event>"
    ("Trumps Grönland-Idee")."""
    stop = lexicon.german_stop_words()
    words = text.split()
    if len(words) < 2:
        return None
    if words[1] in lexicon.HEADING_PREPOSITIONS or words[1] in ("der", "des"):
        head, rest = words[0], words[2:]
    else:
        head, rest = words[-1], [*words[:-2], words[-2].rstrip("'’").removesuffix("s")]
    what = frozenset(
        s for w in rest if w[:1].isupper() and w.casefold() not in stop for s in stems(w)
    )
    noun = stems(head)
    return (noun[-1], what) if noun and what else None


# the words before an event phrase that make it the background of another story ("nach dem
# Anschlag in Halle", "vor den Landtagswahlen in Sachsen")
BACKGROUND = frozenset(
    (
        "nach",
        "vor",
        "seit",
        "anlässlich",
        "wegen",
        "infolge",
        "trotz",
        "bis",
        "angesichts",
        "seither",
        "wie",
    )
)


def own_event(group: list[Article], event: tuple[str, frozenset]) -> bool:
    """Some article of the group writes the event phrase not as background: its noun not within
    three words after a word of BACKGROUND."""
    noun, what = event
    for article in group:
        words = re.findall(r"[\w-]+", " ".join([article.title or "", *article.paragraphs]))
        for i, word in enumerate(words):
            if not word[:1].isupper() or not stems(word) or not stems(word)[-1].endswith(noun):
                continue
            after = {s for w in words[i + 1 : i + 6] for s in stems(w)}
            if not after & what:
                continue
            if not any(w.casefold() in BACKGROUND for w in words[max(0, i - 3) : i]):
                return True
    return False


def nouns_agree(a: str, b: str) -> bool:
    """The same event noun, or one's compound tail: wahl / landtagswahl."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.endswith(short)


def names_agree(a: frozenset, b: frozenset, rare: float) -> bool:
    """A stem both name that German news does not use commonly (a name or a place)."""
    rates = news_stem_rates()
    return any(len(s) >= 3 and rates.get(s, 0.0) < rare for s in a & b)


def centroids(groups: list[list[Article]], index: dict[int, int], vectors: Any) -> Any:
    """Each group's normalised sum of its articles' rows (sparse)."""
    import scipy.sparse as sp

    rows, cols = [], []
    for k, group in enumerate(groups):
        for a in group:
            rows.append(k)
            cols.append(index[id(a)])
    member = sp.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(groups), vectors.shape[0])
    )
    c = (member @ vectors).tocsr()
    norms = np.sqrt(np.asarray(c.multiply(c).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sp.diags(1 / norms) @ c


def merges(
    groups: list[list[Article]],
    events: list[list[tuple[str, frozenset]]],
    cos: Callable[[int, int], float],
    rule: Rule,
) -> list[tuple[int, int]]:
    """Pairs of groups (the lower index first) whose event phrases agree (module docstring)."""
    by_tail: dict[str, set[int]] = {}  # nouns that agree end alike
    for i, found_events in enumerate(events):
        for noun, _ in found_events:
            by_tail.setdefault(noun[-4:], set()).add(i)
    found = []
    for i in range(len(groups)):
        partners = {j for n, _ in events[i] for j in by_tail.get(n[-4:], ()) if j > i}
        for j in sorted(partners):
            if min(len(groups[i]), len(groups[j])) < rule.min_size or cos(i, j) < rule.bar:
                continue
            agree = [
                (ei, ej)
                for ei in events[i]
                for ej in events[j]
                if nouns_agree(ei[0], ej[0]) and names_agree(ei[1], ej[1], rule.rare)
            ]
            if rule.own:  # groups of up to ``own`` articles must tell the event, not refer to it
                agree = [
                    (ei, ej)
                    for ei, ej in agree
                    if (len(groups[i]) > rule.own or own_event(groups[i], ei))
                    and (len(groups[j]) > rule.own or own_event(groups[j], ej))
                ]
            if agree:
                found.append((i, j))
    if rule.star:  # each group joins its largest partner only (no chains through small groups)
        best: dict[int, int] = {}
        for i, j in found:
            small, big = (j, i) if len(groups[i]) >= len(groups[j]) else (i, j)
            if small not in best or len(groups[big]) > len(groups[best[small]]):
                best[small] = big
        found = sorted((min(a, b), max(a, b)) for a, b in best.items())
    return found


def merged(groups: list[list[Article]], pairs: list[tuple[int, int]]) -> list[list[Article]]:
    """The groups joined along the pairs (transitively), in order of their first group."""
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components

    n = len(groups)
    rows, cols = [i for i, _ in pairs], [j for _, j in pairs]
    graph = sp.csr_matrix((np.ones(len(pairs)), (rows, cols)), shape=(n, n))
    labels = connected_components(graph, directed=False)[1]
    out: dict[int, list[Article]] = {}
    for label, group in zip(labels.tolist(), groups):
        out.setdefault(label, []).extend(group)
    return list(out.values())


@dataclass
class Rule:
    """The merge rule's settings (see the module docstring)."""

    top: int = 1
    bar: float = 0.0
    rare: float = 0.02
    star: bool = False
    min_size: int = 1
    own: int = 0


def run(articles: list[Article], rule: Rule, story_of: dict[str, str] | None = None):
    """Today's groups, then the rule's merges (each printed when ``story_of`` is given: the
    label of each article id, "-" for the unlabelled). Gives the final groups and the merges."""
    groups, vectors, headings = captured(articles)
    index = {id(a): k for k, a in enumerate(articles)}
    events = group_events(groups, rule.top)
    c = centroids(groups, index, vectors)

    def cos(i: int, j: int) -> float:
        return float((c[i] @ c[j].T).toarray()[0, 0])

    pairs = merges(groups, events, cos, rule)
    if story_of is not None:
        for i, j in pairs:
            print(
                f"    {_side(headings[i], groups[i], story_of)} + "
                f"{_side(headings[j], groups[j], story_of)} cos {cos(i, j):.3f}"
            )
    return merged(groups, pairs), pairs


def _side(heading: str, group: list[Article], story_of: dict[str, str]) -> str:
    ids = [a.path.stem for a in group]
    labels = sorted({story_of.get(i, "-") for i in ids}) if story_of else ids
    return f"{heading[:45]!r} ({len(group)}) {labels}"


def score(labels: dict, articles: list[Article], final: list[list[Article]]) -> bench.Scores:
    ids = {id(a): a.path.stem for a in articles}
    grouping = [(t, [ids[id(a)] for a in g]) for t, g in zip(G.topic_headings(final), final)]
    missing = set(bench.folder_ids(labels)) - {i for _, g in grouping for i in g}
    return bench.score(labels, grouping + [("", [m]) for m in sorted(missing)])


def _line(name: str, what: str, s: bench.Scores) -> str:
    return (
        f"{name} {what}: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} near misses "
        f"{100 * s.near_miss_rate:.1f} % headings {s.heading_hits} "
        f"distractor topics {len(s.distractor_topics)}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", default=f"{bench.DEV},{VAL}", help="labelled sets, commas")
    parser.add_argument("--random", type=Path, help="a folder of .txt: list every merge")
    parser.add_argument("--sample", type=int, help="first write N random MLSUM articles there")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--top", default="1,3", help="event phrases among a group's N best")
    parser.add_argument("--bar", default="0,0.15", help="centroid cosines a merge needs")
    parser.add_argument("--rare", type=float, default=0.02, help="a shared name's news rate")
    parser.add_argument("--star", action="store_true", help="join the largest partner only")
    parser.add_argument("--min-size", type=int, default=1, help="articles of each side")
    parser.add_argument("--own", type=int, default=0, help="sides this small: not background")
    parser.add_argument("--show", action="store_true", help="list each merge")
    parser.add_argument("--stories", action="store_true", help="one line per story")
    args = parser.parse_args(argv)
    rules = [
        Rule(int(t), float(b), args.rare, args.star, args.min_size, args.own)
        for t in args.top.split(",")
        for b in args.bar.split(",")
    ]
    if args.random:
        import random

        from briefing.pipeline import load_articles

        if args.sample:
            rows = sorted(random.Random(args.seed).sample(range(10679), args.sample))
            bench.write_folder({"stories": [], "distractors": rows}, args.random)
        articles, _ = load_articles([args.random])
        for rule in rules:
            print(f"top {rule.top} bar {rule.bar}:")
            _, pairs = run(articles, rule, {})
            print(f"  {len(pairs)} merges")
        return 0
    for path in map(Path, args.labels.split(",")):
        name = path.parent.name if path.name == "stories.json" else path.stem
        labels, articles, _ = proto.load_labelled(
            path, Path(tempfile.gettempdir()) / "stories_proto" / name
        )
        story_of = {str(m): s["id"][:14] for s in labels["stories"] for m in s["members"]}
        story_of.update(
            {str(m): "near:" + s["id"][:14] for s in labels["stories"] for m in s["near_misses"]}
        )
        print(_line(name, "today", score(labels, articles, captured(articles)[0])))
        for rule in rules:
            final, pairs = run(articles, rule, story_of if args.show else None)
            s = score(labels, articles, final)
            print(_line(name, f"top {rule.top} bar {rule.bar}, {len(pairs)} merges", s))
            if args.stories:
                bench.report(s, True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
