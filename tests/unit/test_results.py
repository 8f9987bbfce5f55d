"""Results an article reports (scores, race times, index points) and the pairs they keep apart."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import scipy.sparse as sp

from briefing.models import Article, Block
from briefing.stories import cluster_labels, group_topics
from briefing.stories.results import conflict, conflicting_pairs, lead_results, results


def test_results_by_kind_a_score_larger_side_first() -> None:
    found = results("Bayern verlor 1:5 (0:2) in Frankfurt, Federer unterlag 12:13 im fünften Satz.")
    assert found == {"score": frozenset({"5:1", "2:0", "13:12"})}
    assert results("Kipchoge lief 1:59:40 Stunden, Kosgei 2:14:04.") == {
        "time": frozenset({"1:59:40", "2:14:04"})
    }
    assert results("Der Dax legte um 1,3 Prozent auf 11 715 Punkte zu.") == {
        "points": frozenset({"11715"})
    }
    # a standing is no index level: one race changes it ("74 Punkte Vorsprung", "338 Punkte")
    assert results("Hamilton hat 74 Punkte Vorsprung auf Bottas.") == {}


def test_an_exchange_rate_is_a_result_a_price_is_not() -> None:
    """Market reports of different days read alike and state different rates: the corpus'
    build held a 'Gemeinschaftswährung' topic of 40 reports of 40 days (773 pairs of reports
    in one topic with no rate in common; 174 with the rate as a result, same-day pairs kept)."""
    text = ("Die Gemeinschaftswährung notierte am Abend bei 1,1023 Dollar, nach 1,1040 Dollar am "
            "Freitag. Ein Barrel Brent kostete 63,16 Dollar.")
    assert results(text) == {"rate": frozenset({"1,1023", "1,1040"})}
    assert conflict(results("Der Euro kostete 1,1023 Dollar."),
                    results("Der Euro kostete 1,1285 Dollar."))


def test_times_of_day_durations_and_game_points_are_no_results() -> None:
    assert results("Anpfiff ist am Samstag um 15:30, die Partie beginnt 18:30 Uhr.") == {}
    text = "Nach 4:57 Stunden war das Finale vorbei; beim Stand von 30:40 regnete es."
    assert results(text) == {}


def test_only_the_title_and_the_lead_count() -> None:
    sentences = ["Der FC Bayern hat sich von Niko Kovac getrennt."] * 5 + [
        "Gegen Liverpool hatte die Mannschaft noch ein 0:0 erreicht."
    ]
    assert lead_results("Bayern trennt sich von Kovac", sentences) == {}
    assert lead_results("Nach dem 1:5 in Frankfurt", sentences) == {"score": frozenset({"5:1"})}


def test_results_conflict_when_they_share_none_of_a_kind_both_state() -> None:
    assert conflict({"points": frozenset({"11715"})}, {"points": frozenset({"12245"})})
    assert not conflict({"points": frozenset({"11715"})}, {"points": frozenset({"11715"})})
    assert not conflict({"points": frozenset({"11715"})}, {"score": frozenset({"2:1"})})
    assert not conflict({}, {"score": frozenset({"2:1"})})
    # one match told twice: "1:1" in both, the half-time score in one only
    assert not conflict({"score": frozenset({"1:1", "1:0"})}, {"score": frozenset({"1:1"})})
    assert conflict({"score": frozenset({"3:2"})}, {"score": frozenset({"3:0"})})


def test_conflicting_pairs_of_similar_rows_only() -> None:
    found = [{"points": frozenset({"1"})}, {"points": frozenset({"2"})}, {},
             {"points": frozenset({"3"})}]
    vectors = sp.csr_matrix(np.array([[1.0, 0.0], [0.8, 0.6], [1.0, 0.0], [0.0, 1.0]]))
    assert conflicting_pairs(found, vectors, 0.5) == [(0, 1), (1, 3)]


def test_a_pair_kept_apart_counts_as_unrelated() -> None:
    vectors = sp.csr_matrix(np.linalg.cholesky(np.array([[1.0, 0.5], [0.5, 1.0]])))
    assert cluster_labels(vectors) == [0, 0]
    assert cluster_labels(vectors, apart=[(0, 1)]) == [0, 1]


_DAX = (
    ("Die Hoffnung auf Konjunkturhilfen hat zu Wochenbeginn die Rezessionssorgen an den "
     "Aktienmärkten in den Hintergrund gedrängt. Der Dax setzte seinen Erholungskurs fort und "
     "legte am Montag um 1,3 Prozent auf {level} Punkte zu. Die Anleger setzten auf "
     "Konjunkturhilfen der Bundesregierung, Händler sprachen von einer Erholung."),
    ("Nach leichten Verlusten zu Handelsbeginn hat sich der Dax am Mittwoch wieder in die "
     "Pluszone vorgearbeitet. Der deutsche Leitindex stieg bis zum Handelsschluss um 0,1 Prozent "
     "auf {level} Punkte. Händler verwiesen auf die Hoffnung der Anleger auf eine Einigung im "
     "Handelsstreit und auf Kursgewinne bei Thyssenkrupp."),
    ("Der Dax hat am Freitag die Marke von 13 000 Punkten übersprungen und schloss bei {level} "
     "Punkten. Die Anleger hoffen auf eine Einigung im Handelsstreit zwischen den USA und China, "
     "Händler sprachen von einer Erholung der Aktienmärkte nach den Rezessionssorgen."),
)


def _reports(levels: tuple[str, ...], texts: tuple[str, ...] = _DAX) -> list[Article]:
    return [
        Article(Path(f"dax{n}.txt"), "", [Block("paragraph", text.format(level=level))],
                id=f"a{n}")
        for n, (text, level) in enumerate(zip(texts, levels), 1)
    ]


def test_market_reports_of_different_days_are_no_story() -> None:
    """Three Dax reports of different days read alike (a folder of 300 random articles made
    them one topic 'Dax'); their index levels differ, so each is a report of its own day."""
    assert [len(t.articles) for t in group_topics(_reports(("11 715", "12 245", "13 136")))] \
        == [1, 1, 1]
    # reports of one day (the same level): one story
    assert [len(t.articles) for t in group_topics(_reports(("11 715",) * 3))] == [3]


def test_a_series_stage_is_a_result() -> None:
    """Two Tour de France stages were one topic of 300 random articles (seed 120726)."""
    assert results("Pinot hat die 14. Etappe der 106. Tour de France gewonnen.") == {
        "stage": frozenset({"14"})
    }
    assert results("Viviani gewann den Sprint der vierten Tour-de-France-Etappe.") == {
        "stage": frozenset({"4"})
    }
    assert results("Am 5. Spieltag, im zweiten Wahlgang") == {"stage": frozenset({"5", "2"})}
    # no stage: a cardinal, a place, a round of talks
    assert results("Acht Etappen, der 3. Platz, die dritte Verhandlungsrunde") == {}
    assert conflict(results("die 14. Etappe"), results("der vierten Etappe"))
    # the day after tells of the stage before: one shared stage is one event
    assert not conflict(results("die 14. Etappe"), results("nach der 14. Etappe die 15. Etappe"))
