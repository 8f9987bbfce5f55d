"""Story grouping, round 4 (issue 16): why members split, a learned pair model, key entities.

    python benchmarks/stories_round4.py --diagnose            # dev: why each story's members split
    python benchmarks/stories_round4.py --auc                 # dev: pair AUC of every feature
    python benchmarks/stories_round4.py --cv                  # dev: pair model, 4 folds of stories
    python benchmarks/stories_round4.py --cv --features cos,rel,mrank
    python benchmarks/stories_round4.py --cv --hybrid 1.0   # pair model cores, cosine after
    python benchmarks/stories_round4.py --key boost,0.3       # dev: key entities (or gate,0.5)
    python benchmarks/stories_round4.py --nearest 0.12,0.15,0.18   # dev: nearest-group merges
    python benchmarks/stories_round4.py --val                 # trained on all dev, run on val

Dense similarities of a labelled folder through the two stages of ``briefing.stories``
(``stories_round3.group``: cores, core merges, attachments, their three cuts scaled by
``--scale``). The pair model is a logistic regression (numpy, Newton steps, L2 1.0) over the
pair features below, trained on the pairs of cosine >= 0.03 that touch a training story's
member or near miss (positive: two members of one story; negative: member and near miss,
anything and a distractor; pairs that touch another story's articles are left out). Its
probabilities are mapped by rank onto the folder's cosines (``quantile_matched``), so the
cuts keep their meaning; ``--cv`` scores each story with a model trained without it.
The results are recorded in stories_proto.py's docstring.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.stats import rankdata

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import stories as bench
import stories_proto as proto
import stories_round3 as r3

from briefing.lexicon import event_nouns, news_stem_rates
from briefing.stories import vectors as V

VAL = ROOT / "benchmarks" / "data" / "stories_val.json"
FEATURES = ("cos", "rel", "mrank", "lrank", "lead", "leadtext", "sent", "names", "units",
            "date_share", "date_both", "key_in", "key_lead", "lenmin", "lenmax", "events")
SCALES = (0.7, 0.8, 0.9, 1.0, 1.1, 1.25)


def load(path: Path) -> tuple[dict, list, list[str]]:
    import tempfile

    name = path.parent.name if path.name == "stories.json" else path.stem
    return proto.load_labelled(path, Path(tempfile.gettempdir()) / "stories_proto" / name)


def lead_counts(folder: r3.Folder, sentences: int = 2) -> list[dict[str, float]]:
    """The stems of each article's first news sentences."""
    rows = []
    for found in folder.sentences:
        counts: dict[str, float] = {}
        for stem in V.content_stems(" ".join(found[:sentences])):
            counts[stem] = counts.get(stem, 0) + 1
        rows.append(counts)
    return rows


def key_entities(folder: r3.Folder, idf: dict[str, float], k: int = 2) -> list[list[str]]:
    """What each article's lead is about: its ``k`` rarest name stems (capitalised words not
    at a sentence start, no common word of news) in the first two news sentences."""
    common = news_stem_rates()
    keys = []
    for found in folder.sentences:
        names = {s for s in r3.name_terms(" ".join(found[:2]))
                 if s in idf and common.get(s, 0.0) < 0.005}
        keys.append(sorted(names, key=lambda s: (-idf[s], s))[:k])
    return keys


def pair_features(folder: r3.Folder) -> dict[str, np.ndarray]:
    """Dense n x n matrices, one per feature (symmetric)."""
    n = len(folder.articles)
    cos = folder.cosine()
    np.fill_diagonal(cos, 0)
    best = cos.max(axis=1)
    order = np.argsort(-cos, axis=1, kind="stable")
    rank = np.empty_like(order)
    rank[np.arange(n)[:, None], order] = np.arange(n)[None, :]
    docs = [dict(c) for c in folder.counts]
    idf = r3.idf_of(docs)
    vocabulary = {t: i for i, t in enumerate(sorted(idf))}
    whole = r3.weighted_rows(docs, idf, vocabulary)
    leads = lead_counts(folder)
    lead = r3.weighted_rows(leads, idf, vocabulary)
    lead_text = (lead @ whole.T).toarray()
    names = r3.boosted_vectors(folder, 1.0, names_only=True)
    anchors = r3.date_anchors(folder)
    dated = np.array([bool(a) for a in anchors])
    date_share = np.array([[bool(a & b) for b in anchors] for a in anchors], dtype=float)
    keys = key_entities(folder, idf)
    terms = [set(c) for c in folder.counts]
    lead_terms = [set(c) for c in leads]
    key_in = np.array([[sum(t in terms[j] for t in keys[i]) for j in range(n)]
                       for i in range(n)], dtype=float)
    key_lead = np.array([[sum(t in lead_terms[j] for t in keys[i]) for j in range(n)]
                         for i in range(n)], dtype=float)
    events = {t for t, share in event_nouns().items() if share >= 0.1}
    happened = [terms[i] & events for i in range(n)]
    size = np.log1p(np.array([sum(c.values()) for c in folder.counts], dtype=float))
    return {
        "cos": cos,
        "rel": cos / np.sqrt(np.outer(best, best) + 1e-9),  # against each one's best match
        "mrank": np.log1p(np.maximum(rank, rank.T)),
        "lrank": np.log1p(np.minimum(rank, rank.T)),
        "lead": (lead @ lead.T).toarray(),
        "leadtext": np.maximum(lead_text, lead_text.T),
        "sent": r3.sentence_similarity(folder, 3, "article"),
        "names": (names @ names.T).toarray(),
        "units": r3.v_units(folder),
        "date_share": date_share,
        "date_both": np.outer(dated, dated).astype(float),
        "key_in": key_in + key_in.T,
        "key_lead": key_lead + key_lead.T,
        "lenmin": np.minimum.outer(size, size),
        "lenmax": np.maximum.outer(size, size),
        "events": np.array([[len(a & b) for b in happened] for a in happened], dtype=float),
    }


def roles(labels: dict, ids: list[str]) -> tuple[dict[int, str], dict[int, str]]:
    """Row -> story id of each member, and of each near miss."""
    index = {ident: row for row, ident in enumerate(ids)}
    members, near = {}, {}
    for story in labels["stories"]:
        members.update({index[str(m)]: story["id"] for m in story["members"]})
        near.update({index[str(m)]: story["id"] for m in story["near_misses"]
                     if str(m) in index})
    return members, near


def training_pairs(features: dict[str, np.ndarray], labels: dict, ids: list[str],
                   stories: set[str], floor: float = 0.03):
    """(rows a, rows b, 1.0 when both are members of one story) of the training stories."""
    members, near = roles(labels, ids)
    owner = {**near, **members}
    cos = features["cos"]
    a, b = np.triu_indices(len(ids), 1)
    keep = cos[a, b] >= floor
    a, b = a[keep], b[keep]
    rows_a, rows_b, target = [], [], []
    for x, y in zip(a.tolist(), b.tolist()):
        ox, oy = owner.get(x), owner.get(y)
        if ox not in stories and oy not in stories:
            continue
        if (ox and ox not in stories) or (oy and oy not in stories):
            continue  # another story's articles: not what this model may learn from
        rows_a.append(x)
        rows_b.append(y)
        target.append(float(x in members and members[x] == members.get(y)))
    return np.array(rows_a), np.array(rows_b), np.array(target)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 30):
    """Logistic regression by Newton steps on standardised features."""
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    penalty = l2 * np.eye(len(w))
    penalty[-1, -1] = 0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-z @ w))
        gradient = z.T @ (p - y) + penalty @ w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + penalty
        w -= np.linalg.solve(hessian, gradient)
    return mean, scale, w


def pair_model_similarity(model, features: dict[str, np.ndarray], names: Sequence[str]):
    """The model's probability for every pair, mapped by rank onto the folder's cosines."""
    mean, scale, w = model
    stacked = np.stack([features[f] for f in names], axis=-1)
    p = 1 / (1 + np.exp(-(((stacked - mean) / scale) @ w[:-1] + w[-1])))
    p = (p + p.T) / 2
    np.fill_diagonal(p, 0)
    return r3.quantile_matched(p, features["cos"])


def line(name: str, scores) -> str:
    return (f"{name}: P {scores.precision:.3f} R {scores.recall:.3f} F1 {scores.f1:.3f} "
            f"near {100 * scores.near_miss_rate:.1f} %")


def hybrid(folder: r3.Folder, learned: np.ndarray, cos: np.ndarray, core: float,
           rest: float) -> list[list[int]]:
    """Cores by average linkage over the pair model's similarities (the core cut times
    ``core``); core merges and attachments over the cosine (their cuts times ``rest``)."""
    import scipy.sparse as sp

    from briefing.stories import clusters as C

    def graph(matrix: np.ndarray, floor: float):
        matrix = np.array(matrix, dtype=np.float64)
        np.fill_diagonal(matrix, 0)
        matrix[matrix < floor] = 0
        return sp.csr_matrix(matrix)

    cut = C.THRESHOLD * core
    cores = C.groups_of(C.average_linkage(graph(learned, cut / 2), cut, C.COHESION, C.SHRINK,
                                          folder.copies))
    merge = C.MERGE_THRESHOLD * rest
    return C.two_stages(graph(cos, merge / 2), cores, merge, C.CORE_COHESION, C.ATTACH * rest,
                        C.ATTACH_SHARE)


def cross_validated(path: Path, names: Sequence[str], scales: Sequence[float],
                    folds: int = 4, rest: float | None = None) -> None:
    """With ``rest``, the scales are the pair model's core cut (``hybrid``)."""
    labels, articles, ids = load(path)
    folder = r3.Folder(articles)
    features = pair_features(folder)
    stories = [s["id"] for s in labels["stories"]]
    totals = {s: [0.0, 0.0, 0, 0, 0] for s in scales}  # P sum, R sum, members, near in, near
    for fold in range(folds):
        held = set(stories[fold::folds])
        a, b, y = training_pairs(features, labels, ids, set(stories) - held)
        stacked = np.stack([features[f][a, b] for f in names], axis=-1)
        similarity = pair_model_similarity(fit(stacked, y), features, names)
        part = dict(labels, stories=[s for s in labels["stories"] if s["id"] in held])
        for s in scales:
            if rest is None:
                groups = r3.group(folder, similarity, s)
            else:
                groups = hybrid(folder, similarity, features["cos"], s, rest)
            scores = bench.score(part, proto.grouping_of(groups, ids, labels, articles))
            for story in scores.per_story:
                totals[s][0] += story.precision * story.members
                totals[s][1] += story.recall * story.members
                totals[s][2] += story.members
                totals[s][3] += len(story.near_misses_merged)
            totals[s][4] += scores.near_misses
    for s in scales:
        p, r = totals[s][0] / totals[s][2], totals[s][1] / totals[s][2]
        what = "pair model" if rest is None else f"cosine x{rest} on cores of the pair model"
        print(f"{what} [{','.join(names)}] x{s}: P {p:.3f} R {r:.3f} "
              f"F1 {2 * p * r / (p + r):.3f} near {100 * totals[s][3] / totals[s][4]:.1f} %")


def validate(names: Sequence[str], scales: Sequence[float]) -> None:
    """Trained on every dev story, run on the val folder beside today's cosine."""
    labels, articles, ids = load(bench.DEV)
    features = pair_features(r3.Folder(articles))
    a, b, y = training_pairs(features, labels, ids, {s["id"] for s in labels["stories"]})
    model = fit(np.stack([features[f][a, b] for f in names], axis=-1), y)
    print(f"trained on {len(y)} dev pairs ({int(y.sum())} same story); weights "
          + ", ".join(f"{f} {w:+.2f}" for f, w in zip(names, model[2])))
    labels, articles, ids = load(VAL)
    folder = r3.Folder(articles)
    features = pair_features(folder)
    learned = pair_model_similarity(model, features, names)
    for s in scales:
        for name, similarity in (("pair model", learned), ("cosine", features["cos"])):
            groups = r3.group(folder, similarity, s)
            print(line(f"val {name} x{s}",
                       bench.score(labels, proto.grouping_of(groups, ids, labels, articles))))


def key_variant(path: Path, mode: str, weight: float, scales: Sequence[float]) -> None:
    """Key entities on the cosine: ``boost`` a pair whose leads share one (it merges at a
    lower cosine), or ``gate`` one where neither article holds the other's."""
    labels, articles, ids = load(path)
    folder = r3.Folder(articles)
    features = pair_features(folder)
    cos = features["cos"]
    if mode == "boost":
        similarity = cos * (1 + weight * (features["key_lead"] > 0))
    else:
        similarity = cos * np.where(features["key_in"] > 0, 1.0, 1 - weight)
    for s in scales:
        groups = r3.group(folder, similarity, s)
        print(line(f"key {mode} {weight} x{s}",
                   bench.score(labels, proto.grouping_of(groups, ids, labels, articles))))


def nearest_groups(groups: list[list[int]], cos: np.ndarray, cut: float, largest: int,
                   mutual: bool) -> list[list[int]]:
    """A fifth stage: a group of at most ``largest`` articles joins the group of its best
    outside match (one article's cosine, no mean) when that reaches ``cut`` and, if
    ``mutual``, that article's own best match lies in the group."""
    topic = {row: number for number, rows in enumerate(groups) for row in rows}
    best = cos.argmax(axis=1)
    parent = list(range(len(groups)))

    def root(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for number, rows in enumerate(groups):
        if len(rows) > largest:
            continue
        outside = cos[rows].copy()
        outside[:, rows] = 0
        row, column = np.unravel_index(outside.argmax(), outside.shape)
        if outside[row, column] < cut or (mutual and topic[best[column]] != number):
            continue
        a, b = root(number), root(topic[column])
        if a != b:
            parent[a] = b
    merged: dict[int, list[int]] = {}
    for number, rows in enumerate(groups):
        merged.setdefault(root(number), []).extend(rows)
    return sorted((sorted(rows) for rows in merged.values()), key=min)


def nearest_variant(path: Path, cuts: Sequence[float]) -> None:
    labels, articles, ids = load(path)
    folder = r3.Folder(articles)
    cos = folder.cosine()
    np.fill_diagonal(cos, 0)
    today = r3.group(folder, cos, 1.0)
    for largest, mutual in ((1, False), (1, True), (3, False), (3, True), (8, True),
                            (10**6, True)):
        for cut in cuts:
            groups = nearest_groups(today, cos, cut, largest, mutual)
            print(line(f"nearest group: up to {largest}, mutual {mutual}, cut {cut}",
                       bench.score(labels, proto.grouping_of(groups, ids, labels, articles))))


def auc(positive: list[float], negative: list[float]) -> float:
    ranks = rankdata(np.concatenate([positive, negative]))
    n = len(positive)
    return float((ranks[:n].sum() - n * (n + 1) / 2) / (n * len(negative)))


def feature_aucs(path: Path) -> None:
    """Member-member against member-near-miss pairs, averaged over the stories."""
    labels, articles, ids = load(path)
    features = pair_features(r3.Folder(articles))
    members, near = roles(labels, ids)
    for name, matrix in features.items():
        found = []
        for story in labels["stories"]:
            own = [r for r, s in members.items() if s == story["id"]]
            misses = [r for r, s in near.items() if s == story["id"]]
            if misses:
                found.append(auc([matrix[a, b] for a in own for b in own if a < b],
                                 [matrix[a, b] for a in own for b in misses]))
        print(f"  {name:12} pair AUC {np.mean(found):.3f}")


def diagnose(path: Path, show: bool) -> None:
    """Why members split: where each member sits, its best matches, the fragments' cosines."""
    labels, articles, ids = load(path)
    folder = r3.Folder(articles)
    cos = folder.cosine()
    np.fill_diagonal(cos, 0)
    groups = proto.group_stories(articles)
    topic = {row: number for number, rows in enumerate(groups) for row in rows}
    members, near = roles(labels, ids)
    best = cos.argmax(axis=1)
    tally = {"members": 0, "best is a member": 0, "best is its near miss": 0, "alone": 0,
             "in a member-only fragment": 0, "outside the main topic": 0}
    near_best = sum(members.get(best[r]) == s for r, s in near.items())
    bridges = []
    for story in labels["stories"]:
        own = [r for r, s in members.items() if s == story["id"]]
        main = max({topic[r] for r in own}, key=lambda t: (sum(topic[r] == t for r in own), -t))
        fragments = {topic[r] for r in own} - {main}
        for r in own:
            tally["members"] += 1
            tally["best is a member"] += members.get(best[r]) == story["id"]
            tally["best is its near miss"] += near.get(best[r]) == story["id"]
            if topic[r] != main:
                tally["outside the main topic"] += 1
                tally["alone"] += len(groups[topic[r]]) == 1
                tally["in a member-only fragment"] += (
                    len(groups[topic[r]]) > 1 and all(members.get(x) == story["id"]
                                                       for x in groups[topic[r]]))
        in_main = [r for r in own if topic[r] == main]
        for t in fragments:
            rows = [r for r in own if topic[r] == t]
            bridges.append(cos[np.ix_(rows, in_main)].mean())
        if show:
            pair_mean = cos[np.ix_(own, own)].sum() / (len(own) * (len(own) - 1))
            print(f"== {story['id']}: {len(own)} members in {len(fragments) + 1} topics, "
                  f"mean member pair cosine {pair_mean:.3f}")
            for r in own:
                others = [x for x in own if x != r]
                print(f"  {ids[r]:>5} topic {topic[r]:<4} of {len(groups[topic[r]]):<2} "
                      f"{'main' if topic[r] == main else '    '} mean to members "
                      f"{cos[r, others].mean():.3f}, best {cos[r].max():.3f} "
                      f"({'member' if members.get(best[r]) == story['id'] else 'other'}) "
                      f"{articles[r].title[:60]}")
    print(", ".join(f"{k} {v}" for k, v in tally.items()))
    print(f"near misses whose best match is a member of their story: {near_best} of {len(near)}")
    print(f"fragments outside a story's main topic: {len(bridges)}, mean cosine to the main "
          f"topic's members: median {np.median(bridges):.3f}, "
          f"quartiles {np.quantile(bridges, 0.25):.3f} / {np.quantile(bridges, 0.75):.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=bench.DEV)
    parser.add_argument("--features", default=",".join(FEATURES))
    parser.add_argument("--scale", default=",".join(map(str, SCALES)))
    parser.add_argument("--diagnose", action="store_true")
    parser.add_argument("--stories", action="store_true", help="with --diagnose: every member")
    parser.add_argument("--auc", action="store_true")
    parser.add_argument("--cv", action="store_true")
    parser.add_argument("--hybrid", type=float,
                        help="with --cv: cores by the pair model, the rest by the cosine x this")
    parser.add_argument("--val", action="store_true", help="train on dev, run on val once")
    parser.add_argument("--nearest", help="cuts: groups join their nearest article's group")
    parser.add_argument("--key", help="MODE,WEIGHT: boost,0.3 or gate,0.5")
    args = parser.parse_args(argv)
    if not args.labels.exists() or not bench.CORPUS.exists():
        print("skipped: labels or corpus not found")
        return 0
    names = args.features.split(",")
    scales = [float(s) for s in args.scale.split(",")]
    if args.diagnose:
        diagnose(args.labels, args.stories)
    if args.auc:
        feature_aucs(args.labels)
    if args.cv:
        cross_validated(args.labels, names, scales, rest=args.hybrid)
    if args.key:
        mode, weight = args.key.split(",")
        key_variant(args.labels, mode, float(weight), scales)
    if args.nearest:
        nearest_variant(args.labels, [float(c) for c in args.nearest.split(",")])
    if args.val:
        validate(names, scales)
    return 0


if __name__ == "__main__":
    sys.exit(main())
