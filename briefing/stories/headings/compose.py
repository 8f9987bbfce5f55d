"""Composing a heading from a story's candidates: the lead name, the key compound, and how
German joins them ("Putins Nordkorea-Besuch", "Streik der GDL", "Waldbrand bei Jüterbog").

Takes a group's candidates and each stem's score; gives the heading (see
``briefing.stories.headings.score.topic_headings`` for the rules in words).
"""

from __future__ import annotations

from collections import defaultdict

from briefing.models import Article
from briefing.stories.headings.candidates import NOUN_SUFFIXES, Candidate

# A name leads a heading ("Putins ...") when it scores at least this share of the best word.
LEAD_NAME_SHARE = 0.6


def is_name(candidate: Candidate, key: tuple[str, ...]) -> bool:
    """A proper name (Putin, Nordkorea), not a common noun: seldom after an article.

    It must stand capitalised inside sentences of two articles (a capital at a sentence start
    proves nothing), not be the second half of a name ("ter Stegen" is no "Stegen"), and not
    be the first name of another ("Wladimir" of Wladimir Putin).
    """
    if len(key) != 1 or candidate.count < 2 or candidate.form.endswith(NOUN_SUFFIXES):
        return False
    if len(candidate.articles) > 1 and len(candidate.mid_articles) < 2:
        return False
    first_name = candidate.before_name > 0.5 * candidate.count  # "Wladimir" of Wladimir Putin
    # "Stegen" of ter Stegen, unless always written with it (then "ter Stegen" is the name)
    cut_name = candidate.particle > 0.3 * candidate.count and (
        candidate.name_form == candidate.form
    )
    # an organisation's short name takes an article like a noun: "die GDL", "der DGB"
    return (
        not first_name
        and not cut_name
        and (candidate.after_article <= 0.1 * candidate.count or _acronym(candidate.form))
    )


def _acronym(word: str) -> bool:
    return word.isupper() and 2 < len(word) <= 5


def _genitive_article(name: Candidate) -> str:
    """ "der" or "des" for a name used with an article ("die GDL": "Streik der GDL"), or ""."""
    if name.after_article <= 0.1 * name.count or not name.article_words:
        return ""
    said = name.article_words
    if said["das"] + said["dem"] + said["des"] > said["die"]:
        return "des"  # "das IOC", "dem DGB"
    return "der" if said["die"] + said["der"] else ""


Keyed = tuple[tuple[str, ...], Candidate]  # a candidate with its stems key


def compose(
    group: list[Article],
    candidates: dict[tuple[str, ...], Candidate],
    stem_score: dict[str, float],
    found: dict[tuple[str, ...], Candidate],
) -> str:
    """The heading of a group from its building blocks (``candidates``, of all ``found``) and
    each stem's score: the best compound, joined to the lead name when German allows."""
    n = len(group)
    shared = min(2, n)  # a heading word must occur in two articles (one for a lone article)
    names, lead = _names(candidates, stem_score, n, shared)
    lead_stem = lead[0][0] if lead else ""

    def compound_score(key: tuple[str, ...], c: Candidate) -> float:
        parts = [s for s in key if s != lead_stem]
        # a closed compound ("Staatsbesuch") counts the key stems it ends with ("besuch")
        if len(key) == 1:
            heads = [s for s in stem_score if len(s) >= 4 and s != key[0] and key[0].endswith(s)]
            parts += heads[:1]
        score = sum(stem_score.get(s, 0.0) for s in parts)
        if _title_of_another(c, lead[1] if lead else None):
            score *= 0.5
        return score * (len(c.articles) / n) ** (0.5 if len(c.articles) >= shared else 0.75)

    compounds = _compounds(candidates, found, lead_stem, shared)
    best = max(compounds, key=lambda kc: (compound_score(*kc), kc[1].form), default=None)
    if best and compound_score(*best) > 0:
        return _joined(best, lead[1] if lead else None, candidates, shared)
    if len(names) >= 2:
        return f"{names[0][1].name_form} und {names[1][1].name_form}"
    if lead:
        return lead[1].name_form
    return group[0].title


def _names(
    candidates: dict[tuple[str, ...], Candidate], stem_score: dict[str, float], n: int,
    shared: int,
) -> tuple[list[Keyed], Keyed | None]:
    """The group's names, best first, and the one that leads the heading (or None)."""
    names = [
        (key, c)
        for key, c in candidates.items()
        if is_name(c, key) and len(c.articles) >= shared and len(key[0]) > 2
    ]
    names.sort(key=lambda kc: (-stem_score[kc[0][0]], -len(kc[1].articles), kc[1].form))
    # the name leads only when it is among the story's key words, not a side figure
    top = max(
        (
            stem_score[key[0]]
            for key, c in candidates.items()
            if len(key) == 1 and len(c.articles) >= shared
        ),
        default=0.0,
    )
    # ... and when it stands in the title or lead of half the articles (the protagonist),
    # and is written as one: bare as a subject ("Putin reist"), in the genitive ("Putins"), or
    # as a place ("bei Jüterbog")
    lead = next(
        (
            (key, c)
            for key, c in names
            if stem_score[key[0]] >= LEAD_NAME_SHARE * top
            and 2 * len(c.titles | c.leads) >= n
            and (
                # an organisation after the noun ("Streik der GDL") must be a protagonist
                (_genitive_article(c) and len(c.titles | c.leads) >= shared)
                or (not _genitive_article(c) and (_possessor(c, shared) or _place(c, shared)))
            )
        ),
        None,
    )
    return names, lead


def _compounds(
    candidates: dict[tuple[str, ...], Candidate],
    found: dict[tuple[str, ...], Candidate],
    lead_stem: str,
    shared: int,
) -> list[Keyed]:
    """The nouns that may head the heading: compounds several articles use, else closed
    compounds of a key stem; never one with the lead name in it."""
    # a noun compound, not a double name (Ferrero-Waldner): its head noun is used with an
    # article somewhere in the group ("der Besuch" beside "Nordkorea-Besuch")
    common = {key[0] for key, c in candidates.items() if len(key) == 1 and c.after_article}
    # in how many articles each stem occurs, alone or inside a compound (at the start of a
    # title too: "Hochwasser an der Donau: ..." and "das Donau-Hochwasser": "Donau-Hochwasser")
    spread: dict[str, set[int]] = defaultdict(set)
    for key, c in found.items():
        if key not in candidates and not c.titles:
            continue
        for s in key:
            spread[s] |= c.articles
    # a compound several articles use, or one whose parts all are (GDL + Streik: "GDL-Streik")
    compounds = [
        (key, c)
        for key, c in candidates.items()
        if len(key) >= 2
        and lead_stem not in key
        and (key[-1] in common or c.after_article)
        and (len(c.articles) >= shared or all(len(spread[s]) >= shared for s in key))
    ]
    if not compounds:
        # closed compounds of a key stem ("Staatsbesuch") when nobody hyphenates
        compounds = [
            (key, c)
            for key, c in candidates.items()
            if len(key) == 1
            and key[0] != lead_stem
            and len(c.articles) >= shared
            and c.after_article
            and not is_name(c, key)
            and len(key[0]) > 3  # "The" of "The Revenant" is no noun to head a heading
        ]
    return compounds


def _joined(
    best: Keyed,
    name: Candidate | None,
    candidates: dict[tuple[str, ...], Candidate],
    shared: int,
) -> str:
    """The compound, joined to the lead name as the articles allow: "Putins Nordkorea-Besuch",
    "Streik der GDL", "Landeroboter Philae", "Waldbrand bei Jüterbog", or alone."""
    key, noun = best
    # the name joins the compound only when some sentence speaks of both: "Zeidlers
    # Red-Bull-Arena" put a coach and a stadium of different sentences together
    if name and _title_of_another(noun, name):
        return name.name_form  # "Hofer", not "Hofers ÖVP-Kandidat" (that is Khol)
    if not name or not name.sentences & noun.sentences:
        return noun.form
    if _apposition(noun, name):  # "der Landeroboter Philae": one thing
        return f"{noun.form} {name.name_form}"
    article = _genitive_article(name)
    if article:  # "Streik der GDL", not "GDLs Streik"
        if _of_organisation(key, name, candidates):
            return f"{noun.form} {article} {name.name_form}"
        return noun.form  # not "Welt-Anti-Doping-Agentur der IAAF"
    # no genitive before a place either: "Israels Gazastreifen"
    locative = 2 * noun.after_preposition >= noun.count
    # ... and only when the articles say the thing is the name's ("Putins erster
    # Besuch"): not "Johnsons Labour-Partei", "Geywitz' SPD-Vorsitz"
    if _possessor(name, shared) and not locative and _owns(name, key):
        return f"{genitive(name.name_form)} {noun.form}"
    # a place only beside what the articles say happened there ("Waldbrand bei
    # Jüterbog"), not beside another place ("Westjordanland in Hebron")
    if not locative and key in name.placed:
        return f"{noun.form} {_place(name, shared)} {name.name_form}"
    return noun.form


def _title_of_another(noun: Candidate, name: Candidate | None) -> bool:
    """The noun is mostly the title of a person other than ``name`` ("ÖVP-Kandidat Khol").

    Such a noun names a side figure, not what happened.
    """
    others = sum(
        count
        for word, count in noun.apposition.items()
        if not (name and (word in name.forms or word in name.prefixes)) and word[:1].isupper()
    )
    return 2 * others >= noun.count


def _apposition(noun: Candidate, name: Candidate) -> bool:
    """The noun stands right before the name ("Nasa-Sonde New Horizons"), not its genitive,
    and not only as a genitive attribute ("der Chef der Brexit-Partei Nigel Farage")."""
    return any(
        word in name.forms and not (word.endswith("s") and word[:-1] in name.forms)
        for word in noun.plain_apposition
    )


def _same_head(said: str, head: str) -> bool:
    """A noun the text uses for the heading's noun: "besuch" for "Nordkorea-Besuch", and
    "besuch" or "staatsbesuch" for "Staatsbesuch"."""
    return bool(said) and (said.endswith(head) or (len(said) >= 4 and head.endswith(said)))


def _owns(name: Candidate, noun: tuple[str, ...]) -> bool:
    """Some article writes the noun as the name's: "Putins Besuch", "Besuch von ter Stegen"."""
    return any(
        _same_head(said, noun[-1])
        for form, said in name.owned
        if not form or form[:-1] in name.forms  # "Putins" beside "Putin", not "AMS"
    )


def _of_organisation(
    noun: tuple[str, ...], name: Candidate, candidates: dict[tuple[str, ...], Candidate]
) -> bool:
    """Some article writes "<noun> der <name>" ("Warnstreiks der VKT") or the compound of both
    ("GDL-Streik")."""
    if any(_same_head(said, noun[-1]) for said in name.org_heads):
        return True
    stems = {key[0] for key, c in candidates.items() if c is name}
    return any(
        len(key) >= 2 and key[0] in stems and _same_head(key[-1], noun[-1]) for key in candidates
    )


def _possessor(name: Candidate, shared: int) -> bool:
    """A name that may stand in the genitive before a noun ("Putins Nordkorea-Besuch").

    The articles write it so ("Putins erster Besuch"), or it acts as a subject in several of
    them ("Putin reist", "schrieb Putin"); a place named only after "in" does neither.
    """
    return bool(name.genitive_articles) or len(name.subject_articles) >= shared


def _place(name: Candidate, shared: int) -> str:
    """The preposition a place takes in a heading ("bei" Jüterbog), or "" for no place."""
    if not name.places:
        return ""
    preposition, count = min(name.places.items(), key=lambda pc: (-pc[1], pc[0]))
    return preposition if count >= shared else ""


def genitive(name: str) -> str:
    """German genitive of a proper name: "Putins", "Macrons", "Strauss'"."""
    return f"{name}'" if name[-1:] and name[-1] in "sßxzSXZ" else f"{name}s"
