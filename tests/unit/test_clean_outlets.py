"""Furniture only a folder shows: a line several articles of one outlet carry goes."""

from __future__ import annotations

from pathlib import Path

from briefing.clean import drop_outlet_furniture
from briefing.pipeline import load_articles

LABEL = "Lokales aus dem Kreis Unna"  # a section label the cleaner keeps as a subheading
BOX = "Stadtanzeiger plus"
STORIES = [
    ("Stadtrat beschließt Sanierung des Hallenbads",
     ("Der Stadtrat hat am Dienstagabend nach langer Debatte beschlossen, die Sanierung des "
     "alten Hallenbads im kommenden Frühjahr zu beginnen. Die Kosten werden auf rund zwölf "
     "Millionen Euro geschätzt, wie die Verwaltung mitteilte."),
     ("Die Opposition kritisierte, dass die Finanzierung noch nicht vollständig gesichert sei. "
     "Ein Teil der Mittel soll aus einem Förderprogramm des Landes kommen.")),
    ("Neue Buslinie verbindet die Ortsteile",
     ("Ab dem kommenden Montag verbindet eine neue Buslinie die drei nördlichen Ortsteile mit "
     "dem Bahnhof. Die Busse fahren werktags im Halbstundentakt, am Wochenende stündlich, "
     "teilte der Verkehrsverbund mit."),
     ("Fahrgäste hatten die Verbindung seit Jahren gefordert. Der Kreis übernimmt in den ersten "
     "beiden Jahren einen Teil der Kosten.")),
    ("Feuerwehr erhält neues Gerätehaus",
     ("Die Freiwillige Feuerwehr bekommt ein neues Gerätehaus am Ortsrand. Der Bau soll im "
     "Herbst beginnen und rund zwei Jahre dauern, sagte der Wehrleiter bei der Versammlung "
     "am Freitagabend vor den Mitgliedern."),
     ("Das alte Gebäude an der Hauptstraße ist zu klein für die modernen Fahrzeuge. Es soll "
     "nach dem Umzug verkauft werden.")),
]


def page(title: str, lead: str, rest: str, host: str | None, extra: str = "") -> str:
    front = f"---\nurl: https://{host}/lokales/artikel\n---\n" if host else ""
    lines = ["Startseite", "Lokales", "Sport", "", title, "", lead, "", LABEL, "", rest, "",
             extra, "", BOX, "", "Impressum", "Datenschutz"]
    return front + "\n".join(lines) + "\n"


def write(folder: Path, pages: list[str]) -> list:
    folder.mkdir()
    for i, text in enumerate(pages):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    articles, skipped = load_articles([folder])
    assert not skipped
    return articles


def test_a_label_on_three_articles_of_one_outlet_goes(tmp_path):
    articles = write(tmp_path / "run", [page(*s, "www.stadtanzeiger.example") for s in STORIES])
    for article, (_, lead, rest) in zip(articles, STORIES, strict=True):
        assert LABEL not in article.body and BOX not in article.body
        assert lead in article.body and rest in article.body


def test_each_page_alone_keeps_the_label(tmp_path):
    """The cleaner alone cannot tell the label from a subheading: the folder shows it."""
    for i, story in enumerate(STORIES):
        (article,) = write(tmp_path / f"{i}", [page(*story, "stadtanzeiger.example")])
        assert LABEL in article.body


def test_two_articles_of_one_outlet_or_three_outlets_keep_it(tmp_path):
    two = write(tmp_path / "two", [page(*s, "stadtanzeiger.example") for s in STORIES[:2]])
    assert all(LABEL in a.body for a in two)
    hosts = ["a.example", "b.example", "c.example"]
    three = write(tmp_path / "three", [page(*s, h) for s, h in zip(STORIES, hosts, strict=True)])
    assert all(LABEL in a.body for a in three)
    unknown = write(tmp_path / "unknown", [page(*s, None) for s in STORIES])
    assert all(LABEL in a.body for a in unknown)


def test_versions_of_one_article_count_once(tmp_path):
    """Three updates of one story share its subheadings and a long paragraph: one article."""
    title, lead, rest = STORIES[0]
    updates = [
        page(title, lead, rest, "stadtanzeiger.example",
             f"Um {hour} Uhr hat der Stadtrat auch über {topic} beraten; eine Entscheidung "
             "fällt erst in der nächsten Sitzung im Mai.")
        for hour, topic in ((10, "die Gebühren"), (12, "den Zeitplan"), (14, "die Parkplätze"))
    ]
    articles = write(tmp_path / "updates", updates)
    assert len(articles) == 3
    assert all(LABEL in a.body for a in articles)


def test_a_sentence_of_prose_on_every_article_stays(tmp_path):
    note = "Der Stadtrat tagt das nächste Mal am 14. Mai im Rathaus, die Sitzung ist öffentlich."
    articles = write(tmp_path / "run", [page(*s, "stadtanzeiger.example", note) for s in STORIES])
    assert all(note in a.body for a in articles)
    assert all(LABEL not in a.body for a in articles)


def test_no_article_is_left_without_a_paragraph():
    assert drop_outlet_furniture([]) == 0
