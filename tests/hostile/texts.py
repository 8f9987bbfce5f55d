"""German article text made up for the hostile suites: distinct, repeated and many short ones."""

from __future__ import annotations

import random

SUBJECTS = (
    "Der Bürgermeister", "Die Landesregierung", "Der Stadtrat", "Eine Sprecherin der Polizei",
    "Der Verkehrsminister", "Die Gewerkschaft", "Der Vorstand des Vereins", "Die Feuerwehr",
    "Eine Gruppe von Anwohnern", "Der Landrat", "Die Umweltbehörde", "Der Wetterdienst",
    "Die Opposition im Landtag", "Ein Sprecher des Ministeriums", "Die Handelskammer",
    "Der Betriebsrat", "Die Staatsanwaltschaft", "Das Gesundheitsamt", "Die Bahn",
    "Der Bauernverband",
)
VERBS = (
    "kündigte", "forderte", "bestätigte", "kritisierte", "verteidigte", "beschloss",
    "prüfte", "lehnte", "begrüßte", "verschob", "erklärte", "plante",
)
OBJECTS = (
    "neue Regeln für den Busverkehr", "einen Zuschuss für kleine Betriebe",
    "eine Sperrung der Brücke", "mehr Geld für die Schulen", "den Bau eines Radwegs",
    "strengere Kontrollen am Bahnhof", "eine Umfrage unter den Bürgern",
    "die Sanierung des Hallenbads", "höhere Gebühren für das Parken",
    "einen Plan gegen Hochwasser", "die Öffnung der Bibliothek am Sonntag",
    "ein Verbot von Feuerwerk", "neue Stellen in der Verwaltung", "den Ausbau des Hafens",
)
PLACES = (
    "Passau", "Regensburg", "Kiel", "Görlitz", "Freiburg", "Würzburg", "Rostock", "Trier",
    "Erfurt", "Lüneburg", "Bamberg", "Jena", "Ulm", "Kassel", "Greifswald", "Konstanz",
)
DAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
REASONS = (
    "weil die Kosten gestiegen seien", "nachdem es viele Beschwerden gegeben hatte",
    "da die alten Pläne nicht mehr ausreichten", "obwohl der Haushalt knapp ist",
    "weil die Zahl der Unfälle zugenommen habe", "nachdem ein Gutachten vorgelegt wurde",
)


SYLLABLES = ("ka", "ber", "lin", "sto", "mar", "ge", "den", "tur", "hau", "sen", "wei", "ler",
             "mon", "ti", "rus", "ach", "bur", "gen", "feld", "wald")


def _made_up_word(rng: random.Random) -> str:
    """A noun no dictionary has: real text keeps bringing new words, and so must ours."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def distinct_sentences(count: int, seed: int = 0) -> list[str]:
    """``count`` different German sentences (a running number makes each one unique)."""
    rng = random.Random(seed)
    return [
        f"{rng.choice(SUBJECTS)} in {rng.choice(PLACES)} {rng.choice(VERBS)} am "
        f"{rng.choice(DAYS)} {rng.choice(OBJECTS)} und den {_made_up_word(rng)} an, "
        f"{rng.choice(REASONS)}, und nannte dafür die {_made_up_word(rng)} und "
        f"{n + 1} weitere Gründe."
        for n in range(count)
    ]


def distinct_text(size: int, seed: int = 0, per_paragraph: int = 4) -> str:
    """An article of about ``size`` bytes (UTF-8) of distinct sentences, in paragraphs."""
    sentences: list[str] = []
    total = 0
    batch = distinct_sentences(max(1, size // 100), seed)
    while total < size:
        if not batch:
            batch = distinct_sentences(max(1, size // 100), seed + len(sentences) + 1)
        sentence = batch.pop(0)
        sentences.append(sentence)
        total += len(sentence.encode("utf-8")) + 1
    paragraphs = [" ".join(sentences[i : i + per_paragraph])
                  for i in range(0, len(sentences), per_paragraph)]
    return "Stadtrat beschließt neue Regeln\n\n" + "\n\n".join(paragraphs) + "\n"


REPEATED = ("Der Bundestag hat am Donnerstag nach langer Debatte das neue Gesetz zur Förderung "
            "der Windkraft beschlossen. ")


def repeated_text(size: int, sentence: str = REPEATED) -> str:
    """An article of about ``size`` bytes that is one sentence over and over."""
    return "Bundestag beschließt Gesetz\n\n" + sentence * max(1, size // len(sentence.encode()))


def short_article(number: int, seed: int = 0) -> str:
    """A short article of its own (title and three paragraphs), for folders of many files."""
    rng = random.Random(seed * 100_003 + number)
    place = rng.choice(PLACES)
    sentences = distinct_sentences(6, seed * 100_003 + number)
    return (f"Nachricht {number} aus {place}\n\n" + " ".join(sentences[:2]) + "\n\n"
            + " ".join(sentences[2:4]) + "\n\n" + " ".join(sentences[4:]) + "\n")


FUNCTION_WORDS = ("der", "die", "das", "und", "in", "mit", "von", "für", "auf", "nicht", "ist",
                  "hat", "wird", "dem", "den")


def wordy_text(size: int, seed: int = 0) -> str:
    """About ``size`` bytes of sentences of made-up words between German function words.

    Few words repeat across sentences: the shape that made memory grow with the square of
    the number of sentences (issue 19, defect 6).
    """
    rng = random.Random(seed)
    sentences: list[str] = []
    total = 0
    while total < size:
        words = [rng.choice(FUNCTION_WORDS) if i % 2 else _made_up_word(rng).lower()
                 for i in range(rng.randint(8, 16))]
        sentence = " ".join(words).capitalize() + "."
        sentences.append(sentence)
        total += len(sentence.encode("utf-8")) + 1
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    return "Eine Meldung\n\n" + "\n\n".join(paragraphs) + "\n"
