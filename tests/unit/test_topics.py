"""Topic grouping and headings: hand-made folders, syndicated copies, the seeds, determinism."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from benchmark_module import load_benchmark as load_benchmark_module

from briefing.models import Article, Block, Topic
from briefing.pipeline import load_articles
from briefing.render import render_title
from briefing.stories import (
    THRESHOLD,
    boilerplate_sentences,
    group_topics,
    syndicated_pairs,
    tfidf_vectors,
    topic_heading,
)
from briefing.stories.vectors import article_terms
from briefing.summary import lead_summary
from briefing.text import german_stem

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "topics"
SHARED = ROOT.parent / "shared"


def load(case: str) -> list[Article]:
    articles, skipped = load_articles([DATA / case])
    assert not skipped
    return articles


def names(topic: Topic) -> list[str]:
    return [a.path.stem for a in topic.articles]


def heading_words_in_articles(topic: Topic) -> bool:
    """Every word of the heading stands in the topic's own articles (a genitive s aside)."""
    text = " ".join(f"{a.title} {a.body}" for a in topic.articles).casefold()
    for word in re.findall(r"[\w-]+", topic.title):
        base = word.casefold()
        if base not in text and base.rstrip("s'") not in text:
            return False
    return True


def test_two_stories_and_two_singletons() -> None:
    topics = group_topics(load("two_stories_two_singletons"))
    major = [t for t in topics if not t.minor]
    minor = [t for t in topics if t.minor]
    assert [sorted(names(t)) for t in major] == [
        ["bahnstreik_spiegel", "bahnstreik_tagesschau", "bahnstreik_zeit"],
        ["waldbrand_maz", "waldbrand_rbb", "waldbrand_tagesspiegel"],
    ]
    assert sorted(n for t in minor for n in names(t)) == ["freiburg_mainz", "saturn_monde"]
    # every article in exactly one topic
    listed = [a.path.name for t in topics for a in t.articles]
    assert sorted(listed) == sorted(p.name for p in (DATA / "two_stories_two_singletons").iterdir())
    # stories first, lone articles after them
    assert topics[: len(major)] == major
    assert all(len(t.articles) == 1 for t in minor)
    assert [t.title for t in minor] == [t.articles[0].title for t in minor]


def test_headings_come_from_the_topics_own_words() -> None:
    topics = group_topics(load("two_stories_two_singletons"))
    strike, fire = (t for t in topics if not t.minor)
    assert "Streik" in strike.title
    assert "Jüterbog" in fire.title or "Waldbrand" in fire.title
    assert all(heading_words_in_articles(t) for t in (strike, fire))
    # distinctive: neither heading borrows the other story's words
    assert "Jüterbog" not in strike.title and "Streik" not in fire.title
    # composed from the words, not one article's headline
    assert {strike.title, fire.title}.isdisjoint(a.title for t in topics for a in t.articles)


def test_heading_of_invented_words_comes_from_them() -> None:
    # a place and a compound no list could hold: the heading must be built from them
    texts = [
        (
            "Explosion im Quarzwerk von Falkenrode",
            (
                "In Falkenrode ist am Morgen ein Silo des Quarzwerks explodiert. Die Quarzwerk-Explosion "
                "war kilometerweit zu hören, sagte ein Sprecher der Feuerwehr."
            ),
        ),
        (
            "Falkenrode: Ursache der Quarzwerk-Explosion unklar",
            (
                "Nach der Quarzwerk-Explosion in Falkenrode ermittelt die Staatsanwaltschaft. "
                "Der Betreiber des Werks hat den Betrieb vorerst eingestellt."
            ),
        ),
        (
            "Nach Quarzwerk-Explosion: Anwohner in Falkenrode dürfen zurück",
            (
                "Zwei Tage nach der Quarzwerk-Explosion haben die Behörden in Falkenrode Entwarnung "
                "gegeben. Die Messwerte für Feinstaub lägen wieder im normalen Bereich."
            ),
        ),
    ]
    articles = [
        Article(Path(f"{i}.txt"), title, [Block("paragraph", body)])
        for i, (title, body) in enumerate(texts)
    ]
    (topic,) = group_topics(articles)
    # a place named only after "in" is no possessor: "Falkenrodes ..." read oddly
    assert topic.title == "Quarzwerk-Explosion in Falkenrode"


def test_larger_and_more_covered_stories_come_first() -> None:
    articles = load("two_stories_two_singletons")
    # without the third strike article, the fire (three sources) leads
    fewer = [a for a in articles if a.path.stem != "bahnstreik_zeit"]
    topics = group_topics(fewer)
    assert names(topics[0])[0].startswith("waldbrand")
    assert len(topics[1].articles) == 2


def test_syndicated_pair_shares_a_topic_and_its_sentences_count_once() -> None:
    from briefing.pipeline import summarize_topic

    articles = load("syndicated_pair")
    by_name = {a.path.stem: i for i, a in enumerate(articles)}
    pair = tuple(sorted((by_name["inflation_sz_dpa"], by_name["inflation_stern_dpa"])))
    assert syndicated_pairs(articles) == [pair]
    topics = group_topics(articles)
    story = next(t for t in topics if not t.minor)
    assert sorted(names(story)) == ["inflation_stern_dpa", "inflation_sz_dpa"]
    assert names(next(t for t in topics if t.minor)) == ["hitze_spanien"]
    summarize_topic(story, 6)
    texts = [item.text for item in story.summary]
    assert len(texts) == len(set(texts))
    both = sorted(a.id for a in story.articles)
    assert any(sorted(item.sources) == both for item in story.summary)


def test_syndicated_pairs_always_land_together_even_below_the_threshold() -> None:
    articles = load("syndicated_pair")
    copy_a, copy_b = (a for a in articles if a.path.stem.startswith("inflation"))
    # the second outlet adds long unrelated paragraphs: the vectors drift apart, the copy stays
    extra = [Block("paragraph", p) for p in _FILLER]
    copy_b.blocks = copy_b.blocks + extra
    topics = group_topics(articles, threshold=0.9)
    together = [t for t in topics if copy_a in t.articles]
    assert len(together) == 1 and copy_b in together[0].articles


_FILLER = [
    (
        "Der Verein feierte am Wochenende sein hundertjähriges Bestehen mit einem Fest auf "
        "dem Marktplatz, zu dem mehrere Tausend Besucher kamen."
    ),
    (
        "Die Feuerwehr der Gemeinde zeigte ihre neuen Fahrzeuge, der Chor sang alte "
        "Volkslieder und die Kinder konnten auf einem Pony reiten."
    ),
    (
        "Der Bürgermeister dankte den Ehrenamtlichen für ihren Einsatz und kündigte an, das "
        "Vereinsheim im kommenden Jahr zu renovieren."
    ),
]


def test_boilerplate_does_not_pull_unrelated_articles_together() -> None:
    notice = (
        "Der Volltext dieses auf Agenturmeldungen basierenden Artikels steht aus rechtlichen "
        "Gründen nicht mehr zur Verfügung."
    )
    articles = [
        Article(Path(f"{i}.txt"), title, [Block("paragraph", lead), Block("paragraph", notice)])
        for i, (title, lead) in enumerate(
            [
                ("Freiburg gewinnt knapp gegen Mainz", "Der SC Freiburg siegte mit 2:1."),
                ("Neue Monde des Saturn entdeckt", "Astronomen fanden 128 kleine Monde."),
                ("Hitzewelle in Spanien", "In Sevilla wurden 44 Grad gemessen."),
            ]
        )
    ]
    assert boilerplate_sentences(articles)
    assert all(len(t.articles) == 1 for t in group_topics(articles))
    assert syndicated_pairs(articles) == []


def test_agency_copy_in_three_outlets_is_not_boilerplate() -> None:
    original = next(a for a in load("syndicated_pair") if a.path.stem == "inflation_sz_dpa")
    titles = [
        "Inflation sinkt auf 2,0 Prozent",
        "Inflation geht zurück",
        "Weniger Inflation im Juni",
    ]
    copies = [
        Article(Path(f"copy{i}.txt"), title, list(original.blocks), outlet=f"Outlet {i}")
        for i, title in enumerate(titles)
    ]
    assert boilerplate_sentences(copies) == frozenset()
    (topic,) = group_topics(copies)
    assert len(topic.articles) == 3


def test_articles_of_stop_words_only_stay_apart() -> None:
    articles = [
        Article(Path("a.txt"), "Das ist es", [Block("paragraph", "Und so weiter.")]),
        Article(Path("b.txt"), "Wir sind da", [Block("paragraph", "Ja, so ist es.")]),
    ]
    topics = group_topics(articles)
    assert [len(t.articles) for t in topics] == [1, 1]
    assert [t.title for t in topics] == ["Das ist es", "Wir sind da"]


def test_seeds_form_one_topic_with_their_own_heading() -> None:
    from briefing.runtime.resources import seeds_dir

    seeds, _ = load_articles([seeds_dir()])
    topics = group_topics(seeds)
    assert len(topics) == 1 and not topics[0].minor
    assert len(topics[0].articles) == len(seeds) == 5
    assert "Nordkorea" in topics[0].title  # the visit's heading: tests/unit/test_headings.py
    assert heading_words_in_articles(topics[0])
    assert render_title(topics, dt.date(2024, 6, 19)) == f"{topics[0].title}: Was bekannt ist"


def test_title_of_several_topics_is_a_dated_digest_title() -> None:
    topics = group_topics(load("two_stories_two_singletons"))
    title = render_title(topics, dt.date(2025, 7, 15))
    assert title == "Briefing vom 15.07.2025: 2 Themen und 2 weitere Meldungen"


def test_single_article_is_one_full_topic() -> None:
    article = load("two_stories_two_singletons")[0]
    topics = group_topics([article])
    assert len(topics) == 1 and not topics[0].minor
    assert topics[0].articles == [article]
    assert topics[0].title == article.title


def test_folder_of_lone_articles_gives_each_a_full_section() -> None:
    articles = [
        a
        for a in load("two_stories_two_singletons")
        if a.path.stem in {"freiburg_mainz", "saturn_monde", "bahnstreik_spiegel"}
    ]
    topics = group_topics(articles)
    assert len(topics) == 3 and not any(t.minor for t in topics)
    assert sorted(t.title for t in topics) == sorted(a.title for a in articles)


def test_lone_article_shows_its_lead_sentence() -> None:
    topics = group_topics(load("two_stories_two_singletons"))
    saturn = next(t for t in topics if names(t) == ["saturn_monde"])
    (item,) = lead_summary(saturn)
    assert item.text.startswith("Ein internationales Forscherteam hat 128 bislang unbekannte")
    assert item.sources == [saturn.articles[0].id]


def test_a_lone_article_s_line_does_not_lean_on_someone_named_before() -> None:
    """Under "Weitere Meldungen" the line stands alone after the title: "Seine Hände sind
    gefesselt, ..." - whose? The first sentence that names whom it is about is shown."""
    text = (
        "Hamburg feiert einen Piraten.\n\n"
        "Seine Hände sind gefesselt, aber seinen Kopf trägt er aufrecht. Am 20. Oktober 1401, "
        "so die Legende, wurden Klaus Störtebeker und seine Kumpanen in Hamburg geköpft. Die "
        "Stadt erinnert mit einer Statue an ihn."
    )
    article = Article(Path("stoertebeker.txt"), "Hamburg feiert einen Piraten",
                      [Block("paragraph", text.split("\n\n", 1)[1])], id="a1")
    (item,) = lead_summary(Topic("Störtebeker", [article]))
    assert item.text.startswith("Am 20. Oktober 1401, so die Legende, wurden Klaus Störtebeker")


def test_topic_heading_of_one_story() -> None:
    articles = [a for a in load("two_stories_two_singletons") if a.path.stem.startswith("wald")]
    heading = topic_heading(articles)
    assert heading and heading_words_in_articles(Topic(heading, articles))


def test_terms_weight_title_and_lead_and_drop_stop_words() -> None:
    article = Article(
        Path("x.txt"),
        "Waldbrand bei Jüterbog",
        [
            Block("paragraph", "Der Waldbrand wächst. Die Feuerwehr kämpft. Der Wind dreht."),
            Block("paragraph", "Ein Waldbrand ist gefährlich."),
        ],
    )
    terms = article_terms(article)
    # title 3x, the lead (first two sentences) once more, the body once
    assert terms.count(german_stem("waldbrand")) == 3 + 1 + 2
    assert terms.count(german_stem("wind")) == 1
    assert not {"der", "die", "ist", "bei"} & set(terms)


def test_vectors_are_unit_rows() -> None:
    import numpy as np

    articles = load("two_stories_two_singletons")
    vectors = tfidf_vectors(articles)
    assert vectors.shape[0] == len(articles)
    norms = np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel()
    assert np.allclose(norms, 1.0, atol=1e-5)


_DETERMINISM = """
import json, sys
from briefing.pipeline import load_articles
from briefing.stories import group_topics
articles, _ = load_articles(sys.argv[1:])
topics = group_topics(articles)
print(json.dumps([[t.title, t.minor, [a.path.name for a in t.articles]] for t in topics]))
"""


@pytest.mark.slow
def test_same_folder_same_topics_whatever_the_hash_seed() -> None:
    folders = [str(DATA / "two_stories_two_singletons"), str(DATA / "syndicated_pair")]
    outputs = set()
    for seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-c", _DETERMINISM, *folders],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1
    assert len(json.loads(outputs.pop())) == 6  # 3 stories, 3 lone articles


def _benchmark():
    return load_benchmark_module("topics")


@pytest.mark.slow
def test_the_seeds_form_one_topic_of_their_own_among_10kgnad() -> None:
    """Section purity is reported (benchmarks/topics.py), not a floor: it measures sections,
    not stories, and rewards splitting; the story floors are in test_stories_quality.py."""
    if not (SHARED / "corpus" / "10kgnad" / "test.csv").is_file():
        pytest.skip("../shared/corpus/10kgnad is not available")
    floor = json.loads((ROOT / "tests" / "quality_baseline.json").read_text())["topics"]
    bench = _benchmark()
    articles, sections = bench.load_gnad()
    figures = bench.figures(articles, sections, bench.load_seeds(), THRESHOLD)
    assert figures["seeds_isolated"] is floor["seeds_isolated"] is True
    assert figures["seed_topics"] == 1


def test_a_noun_after_a_spelled_out_number_is_no_name() -> None:
    """ "um zwei Uhr" in every article must not make "Uhrs Bahnstreik" a heading."""
    from briefing.pipeline import load_articles

    folder = Path(__file__).resolve().parents[1] / "data" / "tui" / "bahnstreik"
    articles, _ = load_articles([folder])
    heading = topic_heading(articles)
    assert "Uhr" not in heading
    assert "Bahnstreik" in heading or "GDL" in heading


_PODCAST_NOTICES = [
    "So können Sie den Podcast abonnieren: Der Podcast erscheint immer mittwochs um 17 Uhr. "
    "Alle Folgen finden Sie unter sz.de/das-thema, sobald sie erscheinen. Verpassen Sie keine "
    "Folge und abonnieren Sie unser Audio-Angebot, etwa bei iTunes, Spotify, Deezer oder in "
    "Ihrer Lieblings-Podcast-App.",
    "So können Sie den Plan W-Podcast abonnieren: Der Plan W-Podcast erscheint jeden zweiten "
    "Freitag. Alle Folgen finden Sie hier. Verpassen Sie keine Folge und abonnieren Sie unser "
    "Audio-Angebot, etwa bei: Spotify iTunes Deezer oder in Ihrer Lieblings-Podcast-App.",
    "Sie finden den Sport-Podcast auf iTunes, Spotify, Deezer und allen anderen gängigen "
    "Podcast-Apps. Wie Sie unsere Podcasts hören können, erklären wir in diesem Text. Alle "
    "unsere Podcasts finden Sie unter: www.sz.de/podcast.",
]

_PODCAST_BODIES = [
    "Die Bayer-Aktie ist im vergangenen Jahr von ungefähr 100 Euro auf 53 Euro gefallen. Der "
    "Grund ist die Übernahme von Monsanto und die Klagen wegen des Unkrautvernichters Roundup.",
    "Anna Dimitrova kennt sich mit Neuanfängen aus. Die Managerin plant in einem "
    "Telekommunikationskonzern die Digitalstrategie, statt in der Modeindustrie zu arbeiten.",
    "Die DFB-Frauen stehen nach einem 3:0 gegen Nigeria im Viertelfinale der Weltmeisterschaft. "
    "Das Minimalziel ist erreicht, jetzt soll die Olympiaqualifikation folgen.",
]


def test_podcast_notes_of_unrelated_subjects_are_no_story() -> None:
    """Each podcast note ends in its outlet's notice, worded a little differently ("Verpassen
    Sie keine Folge ..."): its words must not make three unrelated notes one topic (found
    reading 300 random articles: a topic "Podcast" of Bayer, a manager and the DFB women)."""
    articles = [
        Article(Path(f"p{n}.txt"), "", [Block("paragraph", f"{body} {notice}")], id=f"a{n}")
        for n, (body, notice) in enumerate(zip(_PODCAST_BODIES, _PODCAST_NOTICES), 1)
    ]
    assert [len(t.articles) for t in group_topics(articles)] == [1, 1, 1]


def test_two_stubs_that_share_only_a_furniture_sentence_are_no_story() -> None:
    """Two 10kGNAD stubs end in the lexicon's "Der Volltext dieses auf Agenturmeldungen
    basierenden Artikels ...": below the count that makes a sentence boilerplate, it had made
    a topic "Agenturmeldungen" of an attack in Turkey and Guantanamo (300 random articles)."""
    stub = ("Der Volltext dieses auf Agenturmeldungen basierenden Artikels steht aus rechtlichen "
            "Gründen nicht mehr zur Verfügung.")
    leads = [
        "Rund 100 Menschen verletzt – Politiker sehen IS-Miliz hinter Anschlag.",
        "Obama will das umstrittene Gefangenenlager noch vor Ende seiner Amtszeit schließen.",
    ]
    articles = [Article(Path(f"s{n}.txt"), "", [Block("paragraph", f"{lead} {stub}")], id=f"a{n}")
                for n, lead in enumerate(leads, 1)]
    assert [len(t.articles) for t in group_topics(articles)] == [1, 1]



def _paragraph_articles(texts: list[str]) -> list[Article]:
    """Articles of one paragraph each, ids a1, a2, ..."""
    return [Article(Path(f"m{n}.txt"), "", [Block("paragraph", t)], id=f"a{n}")
            for n, t in enumerate(texts, 1)]


def test_whose_words_a_report_gives_is_no_heading() -> None:
    """ "Nach den Worten des französischen Präsidenten Emmanuel Macron ..." says who speaks,
    not what happened: it had headed a story of four articles (300 random articles)."""
    from briefing.stories.headings import compose
    from briefing.stories.headings.group import Group
    from briefing.stories.headings.scan import scan_article

    texts = [
        "Nach den Worten des französischen Präsidenten Emmanuel Macron gibt es Fortschritte im "
        "Konflikt zwischen den USA und Iran. Es habe sich ein Weg abgezeichnet.",
        "Nach den Worten des französischen Präsidenten Emmanuel Macron ist ein Treffen möglich. "
        "Mit seinen Worten über die Nato hat er die Deutschen aufgeschreckt.",
    ]
    articles = _paragraph_articles(texts)
    folder = compose.context([compose._group_stems([articles], 0)])
    scans = [scan_article(a, compose.MAX_SENTENCES) for a in articles]
    found = [c.text for c in compose.candidates(Group(scans, lone=False), folder)]
    assert found and not [t for t in found if t.startswith("Wort")], found


def test_a_set_phrase_and_a_level_are_no_heading() -> None:
    """Two market reports ("... auf den tiefsten Stand seit Mitte Oktober", "... im Gegenzug
    verteuerte sich der Euro") were headed "Stand" (300 random articles): a level reached and a
    set phrase ("im Gegenzug") say how, not what; the currency they share heads them."""
    from briefing.stories.headings import compose

    texts = [
        "Der Kurs des Euro ist am Dienstag gesunken. Der Kurs rutschte bis auf 1,1003 Dollar und "
        "damit auf den tiefsten Stand seit Mitte Oktober. Im Gegenzug stieg der Dollar.",
        "Die Zinssenkungen haben den Dollar belastet. Im Gegenzug verteuerte sich der Euro bis "
        "auf 1,1317 Dollar. Der Goldpreis stieg auf den höchsten Stand seit fünf Jahren.",
    ]
    heading = compose.topic_heading(_paragraph_articles(texts))
    assert heading in ("Dollar", "Euro"), heading


_ROUNDUP = (
    "Der Tag kompakt Stephan E. gesteht Mord an Walter Lübcke. Grund für die Tat soll die "
    "Empörung des Verdächtigen über Äußerungen des Kasseler Regierungspräsidenten Walter Lübcke "
    "gewesen sein. Polizei hätte Angeklagtem im Missbrauchsfall Lügde früher auf die Spur "
    "kommen können. Von Britta von der Heide und Ralf Wiegand Bundestag debattiert über "
    "Organspende. Prozess um Gruppenvergewaltigung in Freiburg startet mit Appell."
)
_LUEBCKE = (
    "Im Mordfall Walter Lübcke hat der Verdächtige Stephan E. gestanden. Der Kasseler "
    "Regierungspräsident Walter Lübcke war im Juni erschossen worden. Stephan E. sagte aus, er "
    "habe allein gehandelt. Die Ermittler prüfen, ob Stephan E. Helfer hatte, der Mord an "
    "Walter Lübcke erschüttert das Land."
)


def test_a_newsletter_of_the_days_stories_joins_no_story() -> None:
    """SZ's "Der Tag kompakt" strings the day's stories together (78 MLSUM texts): it resembles
    each a little, and two of them had made a topic "Lübcke" whose lines told of Lügde, a
    rape trial and Iran's uranium (300 random articles). It stays alone; its bylines ("Von
    Britta von der Heide und Ralf Wiegand Bundestag ...") are no line."""
    from briefing.cues.standalone import is_teaser
    from briefing.cues.tickers import is_roundup

    assert is_roundup(_ROUNDUP) and not is_roundup(_LUEBCKE)
    assert is_teaser("Von Britta von der Heide und Ralf Wiegand Bundestag debattiert über "
                     "Organspende.")
    assert not is_teaser("Von Angela Merkel stammt der Satz.")
    articles = [
        Article(Path(f"r{n}.txt"), "", [Block("paragraph", text)], id=f"a{n}")
        for n, text in enumerate((_ROUNDUP, _LUEBCKE, _LUEBCKE.replace("gestanden", "ein "
                                  "Geständnis abgelegt")), 1)
    ]
    topics = group_topics(articles)
    assert [sorted(a.id for a in t.articles) for t in topics] == [["a2", "a3"], ["a1"]]


_NUERNBERG = (
    "Der 1. FC Nürnberg hat das erste Pflichtspiel unter Trainer Damir Canadi bei Dynamo "
    "Dresden 1:0 gewonnen. Das Tor für Nürnberg erzielte Nikola Dovedan per Kopfball. Dynamo "
    "Dresden drängte danach auf den Ausgleich, doch Nürnberg hielt stand. Canadi lobte die "
    "Organisation seiner Mannschaft in Dresden."
)
_DOPING = (
    "Die australische Schwimmerin Shayna Jack ist positiv auf Ligandrol getestet worden. Der "
    "Dopingfall trifft das australische Schwimmteam, das bei der WM in Gwangju gegen Sun Yang "
    "protestiert hatte. Shayna Jack beteuert ihre Unschuld. Mack Horton hatte Sun Yang bei der "
    "Siegerehrung den Handschlag verweigert."
)
_TICKER = (
    "Fußball, 2. Liga: Der 1. FC Nürnberg hat bei Dynamo Dresden 1:0 gewonnen. Unter Trainer "
    "Damir Canadi traf Nikola Dovedan für Nürnberg, Dresden fand kein Durchkommen. "
    "Schwimmen, Doping: Das australische Schwimmteam muss einen Dopingfall zugeben, Shayna Jack "
    "ist positiv auf Ligandrol getestet worden. Mack Horton hatte in Gwangju gegen Sun Yang "
    "protestiert, Shayna Jack beteuert ihre Unschuld."
)


def test_a_news_ticker_joins_the_story_of_its_first_item_only() -> None:
    """An SZ sports ticker strings short items together ("Fußball, 2. Liga: ... Schwimmen,
    Doping: ..."); weighed whole it resembled both stories and made Nürnberg's first game and
    an Australian swimmer's doping one topic, "WM-Protest von Mack Horton", whose lines told
    of both (a week of SZ sport, MLSUM rows 7000-7299). It joins its first item's story."""
    texts = (_NUERNBERG, _NUERNBERG.replace("gewonnen", "knapp gewonnen"), _TICKER,
             _DOPING, _DOPING.replace("getestet", "positiv getestet"))
    articles = [
        Article(Path(f"t{n}.txt"), "", [Block("paragraph", text)], id=f"a{n}")
        for n, text in enumerate(texts, 1)
    ]
    topics = group_topics(articles)
    assert sorted(sorted(a.id for a in t.articles) for t in topics) == [
        ["a1", "a2", "a3"], ["a4", "a5"]
    ]


def test_citing_insiders_is_no_heading() -> None:
    """Two reports on the Deutsche Bank's job cuts were headed "Berufung auf Insider" (a week
    of SZ business news): "unter Berufung auf" says whose words, not what happened."""
    from briefing.stories.headings import compose

    texts = [
        "Die Deutsche Bank will etwa 9000 Stellen in Deutschland streichen. Die Agentur "
        "Bloomberg berichtete unter Berufung auf Insider, der Stellenabbau treffe vor allem "
        "Filialen. Vorstandschef Christian Sewing hat der Bank ein Sparprogramm verordnet.",
        "Die Deutsche Bank plant offenbar, die Hälfte der Stellen in Deutschland zu streichen. "
        "Das berichtet die Agentur Bloomberg unter Berufung auf Insider. Christian Sewing "
        "wollte den Stellenabbau nicht kommentieren.",
    ]
    heading = compose.topic_heading(_paragraph_articles(texts))
    assert "Berufung" not in heading, heading


def test_a_noun_keeps_the_adjective_of_its_name() -> None:
    """Four reports on the Deutsche Bank's gifts in China were headed "Bank in China" (a week
    of SZ business news): the articles write "die Deutsche Bank", "der Deutschen Bank"."""
    from briefing.stories.headings import compose

    texts = [
        "Die Deutsche Bank hat in China jahrelang Politiker umgarnt. Die Bank zahlte "
        "dafür Beraterfirmen. Mittelsmann der Deutschen Bank in China war ein Berater. "
        "Die Deutsche Bank bestreitet das.",
        "Die Deutsche Bank fällt seit Jahren durch Skandale auf. Die Deutsche Bank soll sich "
        "Zugang zu Politikern in China verschafft haben. Die Bank in China stellte Kinder von "
        "Politikern ein. Die Bank erklärte, das sei aufgearbeitet. Der Deutschen Bank drohen "
        "Strafen.",
    ]
    heading = compose.topic_heading(_paragraph_articles(texts))
    assert heading == "Deutsche Bank in China", heading


def test_a_surname_shaped_like_a_person_noun_is_a_name() -> None:
    """Three reports on We Work's founder were headed "Wall Street Journal", the paper one of
    them cites (a week of SZ news, MLSUM rows 5000-5299): "Neumann" ends like "Kaufmann", a
    person noun, so it was no candidate. Twice after a known first name and never after an
    article, it is a surname."""
    from briefing.stories.headings import compose

    texts = [
        "Adam Neumann hat We Work gegründet und viel Geld eingesammelt. Mitarbeiter erzählen "
        "dem Wall Street Journal vom Aufstieg. Neumann sammelte Millionen Dollar. Adam Neumann "
        "galt als Visionär.",
        "Adam Neumann muss We Work verlassen, die Softbank übernimmt die Firma. Das berichtet "
        "das Wall Street Journal. Neumann erhält eine Abfindung. Adam Neumann schweigt dazu.",
    ]
    assert compose.topic_heading(_paragraph_articles(texts)) == "Adam Neumann"
