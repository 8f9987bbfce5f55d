"""Pure steps of the digest: content keys, known sentences, continued stories, temp files."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.digest import (
    CONTINUATION_THRESHOLD,
    KnownSentences,
    article_terms,
    content_key,
    load_config,
    parse_day,
    split_continued,
    update_summary,
)
from briefing.digest.run import clean_stale_temp_files
from briefing.digest.state import KnownArticle
from briefing.errors import BriefingError
from briefing.models import Article, Block, Topic
from briefing.pipeline import load_articles
from briefing.text import sentence_key

DATA = Path(__file__).resolve().parent.parent / "data" / "digest"


def test_content_key_ignores_name_encoding_and_line_ends(tmp_path: Path) -> None:
    original = DATA / "day1" / "bahnstreik_gdl.txt"
    text = original.read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(original.read_bytes())
    (tmp_path / "b.md").write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    (tmp_path / "c.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "d.txt").write_text(text.replace("zwei Tage", "drei Tage"), encoding="utf-8")
    # one file at a time: the reader may already drop same-text twins within one run
    articles = [load_articles([tmp_path / name])[0][0] for name in ("a.txt", "b.md", "c.txt",
                                                                    "d.txt")]
    keys = [content_key(a) for a in articles]
    assert keys[0] == keys[1] == keys[2]  # same article, other bytes
    assert keys[3] != keys[0]  # one word changed: another text


@pytest.mark.parametrize(
    ("sentence", "known"),
    [
        # the same sentence
        (("Ministerpräsident Markus Söder sagte den betroffenen Gemeinden schnelle Hilfe "
          "des Freistaats zu."), True),
        # the same with other quotes, case and spacing
        (("MINISTERPRÄSIDENT Markus Söder sagte den betroffenen  Gemeinden „schnelle Hilfe“ "
          "des Freistaats zu."), True),
        # agency copy with one word changed in a long sentence
        (("Nach Angaben der Behörden mussten in den Landkreisen Passau und Straubing mehr als "
          "3000 Menschen ihre Häuser verlassen und in Notunterkünften schlafen."), True),
        # same frame, new news: rain becomes dry weather
        (("Der Deutsche Wetterdienst erwartet für die kommenden Tage trockeneres Wetter im "
          "Süden Bayerns."), False),
        # unrelated
        ("Die Europäische Zentralbank hat den Leitzins gesenkt.", False),
    ],
)
def test_known_sentences(sentence: str, known: bool) -> None:
    earlier = KnownSentences(sentence_key(s) for s in [
        ("Ministerpräsident Markus Söder sagte den betroffenen Gemeinden schnelle Hilfe des "
         "Freistaats zu."),
        ("Nach Angaben der Behörden mussten in den Landkreisen Passau und Straubing mehr als "
         "3000 Menschen ihre Häuser verlassen und in Turnhallen schlafen."),
        ("Der Deutsche Wetterdienst erwartet für die kommenden Tage weiteren Regen im Süden "
         "Bayerns."),
    ])
    assert (sentence_key(sentence) in earlier) is known


def _known(articles, day: str = "2024-06-03") -> list[KnownArticle]:
    return [KnownArticle(content_key(a), a.content_hash, day, str(a.path), a.title, "T",
                         article_terms(a)) for a in articles]


def test_the_flood_update_continues_and_the_rate_cut_is_new() -> None:
    day1, _ = load_articles([DATA / "day1"])
    day2, _ = load_articles([DATA / "day2"])
    matches = split_continued([article_terms(a) for a in day2], _known(day1))
    names = {day2[i].path.name: [k.path for k in m] for i, m in matches.items()}
    assert list(names) == ["hochwasser_bayern_entwarnung.txt"]
    assert {Path(p).name for p in names["hochwasser_bayern_entwarnung.txt"]} == {
        "hochwasser_bayern_passau.txt", "hochwasser_bayern_regensburg.txt"
    }


def test_an_article_like_a_continuing_one_continues_too() -> None:
    day1, _ = load_articles([DATA / "day1"])
    today, _ = load_articles([
        DATA / "day2" / "hochwasser_bayern_entwarnung.txt",  # continues the flood story
        DATA / "follow_up" / "soforthilfe_antraege.txt",  # like the update, not like day 1
        DATA / "day2" / "ezb_zinsen.txt",  # a new story
    ])
    terms = [article_terms(a) for a in today]
    from briefing.digest import similarities

    to_day1 = similarities(terms, [article_terms(a) for a in day1])
    assert max(to_day1[1]) < CONTINUATION_THRESHOLD  # on its own it would look new
    matches = split_continued(terms, _known(day1))
    assert sorted(matches) == [0, 1]
    assert matches[1] == matches[0]  # it continues what the update continues


def test_threshold_is_between_unrelated_and_same_story() -> None:
    from briefing.digest import similarities

    day1, _ = load_articles([DATA / "day1"])
    day2, _ = load_articles([DATA / "day2"])
    scores = similarities([article_terms(a) for a in day2], [article_terms(a) for a in day1])
    names1 = [a.path.name for a in day1]
    for article, row in zip(day2, scores):
        for name, score in zip(names1, row):
            same = "hochwasser" in article.path.name and "hochwasser" in name
            assert (score >= CONTINUATION_THRESHOLD) is same, (article.path.name, name, score)


def test_only_our_temporary_files_are_cleaned(tmp_path: Path) -> None:
    ours = [tmp_path / ".2024-06-03.md.abc_12.tmp", tmp_path / ".2024-06-04.md.x.tmp"]
    theirs = [tmp_path / ".notes.tmp", tmp_path / "2024-06-03.md", tmp_path / ".2024-06-03.md"]
    for path in ours + theirs:
        path.write_text("x")
    assert sorted(clean_stale_temp_files(tmp_path)) == sorted(ours)
    assert all(p.exists() for p in theirs)


def test_parse_day() -> None:
    import datetime as dt

    assert parse_day("2024-06-03") == "2024-06-03"
    assert parse_day(None, dt.date(2024, 2, 29)) == "2024-02-29"
    with pytest.raises(BriefingError):
        parse_day("03.06.2024")


def test_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert load_config(None) == {}  # no default config: fine
    (tmp_path / "briefing").mkdir()
    (tmp_path / "briefing" / "config.toml").write_text('feeds = ["http://a/feed"]\n')
    assert load_config(None)["feeds"] == ["http://a/feed"]
    bad = tmp_path / "bad.toml"
    bad.write_text("feeds = [1, 2]\n")
    with pytest.raises(BriefingError, match="must be a list of URLs"):
        load_config(bad)
    bad.write_text('timeout = "long"\n')
    with pytest.raises(BriefingError, match="'timeout' must be a number"):
        load_config(bad)
    bad.write_text("feeds = [\n")
    with pytest.raises(BriefingError, match="bad.toml"):
        load_config(bad)
    with pytest.raises(BriefingError, match="missing.toml"):
        load_config(tmp_path / "missing.toml")


def test_lone_new_articles_are_one_line_each_and_continued_ones_keep_their_section() -> None:
    from briefing.digest import Continuation, render_digest
    from briefing.models import Briefing, SummaryItem, Topic

    articles, _ = load_articles([DATA / "day2"])
    for number, article in enumerate(articles, 1):
        article.id = f"a{number}"
    rates, flood = articles  # ezb_zinsen.txt, hochwasser_bayern_entwarnung.txt
    topics = [
        Topic("Hochwasser", [flood], [SummaryItem("Der Pegel sinkt.", [flood.id])], minor=True,
              continued=True),
        Topic("EZB", [rates], [SummaryItem("Die EZB senkt den Leitzins.", [rates.id])],
              minor=True),
    ]
    text = render_digest(Briefing("", topics), "2024-06-04",
                         {0: Continuation("2024-06-03", ["Hochwasser in Bayern"])}, "2024-06-03")
    assert "## Hochwasser (Fortsetzung)" in text and "### Neu seit gestern" in text
    assert "- Der Pegel sinkt. [2]" in text
    assert text.endswith(
        "## Weitere Meldungen\n\n- **EZB senkt erstmals seit fünf Jahren den Leitzins** "
        "(Finanzblatt): Die EZB senkt den Leitzins. [1] · `ezb_zinsen.txt`\n"
    )


def test_a_new_reported_statement_keeps_its_speaker_in_the_update() -> None:
    article = Article(
        Path("/tmp/a1.txt"),
        "Besuch",
        [
            Block(
                "paragraph",
                "Experte Koh Yu Hwan erklärte gegenüber AFP, beide Länder seien aufeinander "
                "angewiesen. Russland brauche Nordkoreas Waffen für den Krieg in der Ukraine.",
            )
        ],
    )
    article.id = "a1"
    items = update_summary(Topic("Besuch", [article]), KnownSentences([]), 5, "fast")
    said = [i for i in items if i.text.startswith("Russland brauche")]
    assert said and said[0].speaker == "Experte Koh Yu Hwan"
