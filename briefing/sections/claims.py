"""Unbestätigt und umstritten: what the sources mark as alleged, disputed or denied, a denial
right after the claim it answers.

Takes a topic's sentence groups and what is already used; gives the claims.
"""

from __future__ import annotations

import re

from briefing.cues.hedges import hedge_strength, is_denial
from briefing.models import Ref, SentenceGroup, SummaryItem
from briefing.summary import DEFAULT_WEIGHTS, Citations, Similarity, Weights, standalone_factor
from briefing.summary.groups import follows_antecedent, previous_groups

MAX_CLAIMS = 5

# A doubt that names its claim only by reference ("Westliche Geheimdienste vermuten, dass es
# sich dabei um ... handelt").
_REFERS_BACK = re.compile(
    r"\b(?:solche[nrms]?|derartige[nrms]?|diese[nrms]? (?:Vorwürfe|Vorwurf|Berichte|Bericht|"
    r"Angaben|Darstellung|Behauptung\w*|Anschuldigung\w*|Meldung\w*)|dies|dabei|davon)\b"
)

# A denial may point back with the definite article or a bare pronoun too ("Nordkorea hat
# die Vorwürfe zurückgewiesen", "Das Ministerium dementierte das").
_DENIAL_REFERS_BACK = re.compile(
    rf"{_REFERS_BACK.pattern}|\b(?:die Vorwürfe|den Vorwurf|die Anschuldigung(?:en)?|"
    r"die Berichte|die Darstellung|das|dem|es)\b"
)

# Openings that continue the sentence before ("Im Gegenzug wird ... vermutet").
_CONTINUES = re.compile(
    r"^(?:Im Gegenzug|Dafür|Dagegen|Demnach|Daraufhin|Darüber hinaus|Dabei|Damit|Zudem|"
    r"Außerdem|Auch|Darin|Darauf|Daraus|Davon|Dazu|Hinzu|Dort)\b"
)

# ... unless it says what it denies ("bestritt, dass ...", "bestreitet, Waffen zu liefern").
_STATES_ITS_CLAIM = re.compile(r"\bdass\b|,\s[^,]*\bzu [a-zäöü]\w*(?:en|n)\b")

MAX_CONTEXT = 2  # sentences before a claim that say what it is about
# a sentence this similar to one another section prints is that one in other words
TWIN = 0.8


def needs_claim(text: str, weights: Weights | None = None, attributed: bool = False) -> bool:
    """A disputed sentence that does not say on its own what is disputed.

    A denial that names what it denies only by pointing back ("die Vorwürfe", "eine solche
    Kooperation") or not at all; a doubt that points back ("dabei") or cannot stand alone.
    """
    if is_denial(text):
        return bool(_DENIAL_REFERS_BACK.search(text)) or not _STATES_ITS_CLAIM.search(text)
    return bool(_REFERS_BACK.search(text)) or points_back(text, weights, attributed)


def points_back(text: str, weights: Weights | None = None, attributed: bool = False) -> bool:
    """A sentence that cannot stand alone; ``attributed``: reported speech whose speaker the
    briefing names beside it (``SentenceGroup.speaker``)."""
    factor = standalone_factor(text, weights or DEFAULT_WEIGHTS, attributed)
    return factor < 1.0 and not text.rstrip().endswith("?") or bool(_CONTINUES.match(text))


def pick_claims(
    groups: list[SentenceGroup],
    used: list[SentenceGroup],
    similarity: Similarity,
    weights: Weights,
    limit: int = MAX_CLAIMS,
    citations: Citations | None = None,
    shown: dict[int, Ref] | None = None,
) -> list[SummaryItem]:
    """Sentences the sources mark as unconfirmed or disputed, plainest markers first.

    A denial that names its claim only by pointing back ("Nordkorea hat die Vorwürfe als
    "absurd" zurückgewiesen") stands right after the sentence it answers, so the reader sees
    what is disputed; when that sentence itself points back ("Im Gegenzug wird ... vermutet"),
    the one before comes too. When the claim is already shown in another section (``shown``:
    id of a group -> where it is printed), it is not printed again: the denial points to it
    (``SummaryItem.answers``), since the denial alone would not say what is denied, and
    leaving it out would hide that a fact of the summary is disputed; for the same reason a
    denial of a claim listed here goes in when the section is full (up to twice ``limit``
    lines). A denial whose claim cannot be found (the first sentence of an article, or too
    much context) is left out.

    (About 100 lines: one pass over the ranked groups whose state, the units taken, their
    count and the groups used, every rule reads and changes; split, each piece would take
    and give all of it.)
    """
    shown = dict(shown or {})
    printed = [g for g in used if id(g) in shown]

    def is_shown(group: SentenceGroup) -> bool:
        """Printed in another section, or its near twin is (another source's words for it:
        "..., sie konnte hierfür aber letztendlich nur Indizien und keine Beweise vorlegen."
        beside the summary's "... nur Indizien vorlegen.", the whole corpus' audit): then it
        is pointed to, not printed again."""
        if id(group) not in shown:
            twin = next((g for g in printed if similarity(group.text, g.text) >= TWIN), None)
            if twin is None:
                return False
            shown[id(group)] = shown[id(twin)]
        return True

    before = previous_groups(groups)
    ranked = []
    for group in groups:
        strength = hedge_strength(group.text)
        if strength > 0 and group not in used:
            # an accusation or denial before a bare attribution, then by the sentence's worth
            ranked.append((strength >= 0.7, group.score * strength, group))
    units: list[list[SentenceGroup]] = []
    count = 0
    answers: dict[int, Ref] = {}
    for _, _, group in sorted(ranked, key=lambda r: (not r[0], -r[1], r[2].first_seen)):
        if any(group in unit for unit in units):
            continue
        if any(similarity(group.text, other.text) >= weights.redundancy for other in used):
            continue
        if not needs_claim(group.text, weights, group.speaker is not None):
            if count >= limit or not group.alone:
                continue  # (a line that cannot stand alone goes in only after its claim)
            units.append([group])
            count += 1
            used.append(group)
            continue
        # the claim it answers, and what that claim itself points back to
        context: list[SentenceGroup] = []
        current = before.get(id(group))
        while current is not None and len(context) < MAX_CONTEXT:
            context.insert(0, current)
            if not points_back(current.text, weights, current.speaker is not None):
                break
            current = before.get(id(current))
        if not context or not context[0].alone or points_back(
            context[0].text, weights, context[0].speaker is not None
        ):
            continue  # it would not say what is disputed
        # its claim is already listed (or the sentence before it): the denial goes right
        # after it, with what stands between ("... sollen vereinbart worden sein. Im Gegenzug
        # wird ... vermutet. Beide Länder haben eine solche Kooperation bestritten.")
        anchor, home = next(
            ((c, unit) for c in reversed(context) for unit in units if c in unit), (None, None)
        )
        if home is not None:
            between = context[context.index(anchor) + 1 :]
            added = [
                c for c in between if not any(c in u for u in units) and not is_shown(c)
            ] + [group]
            # a denial goes in past the limit too (up to twice it): left out, it would hide
            # that a claim shown here is disputed
            if count + len(added) > (2 * limit if is_denial(group.text) else limit):
                continue
            at = home.index(anchor) + 1
            home[at:at] = added
            count += len(added)
            used.extend(g for g in added if g not in used)
            continue
        # what another section prints is pointed to, not repeated
        unit = [*(c for c in context if not any(c in u for u in units) and not is_shown(c)),
                group]
        if count + len(unit) > limit:
            continue
        units.append(unit)
        count += len(unit)
        used.extend(g for g in unit if g not in used)
        for previous, current in zip(context, [*context[1:], group], strict=True):
            if id(previous) in shown and current in unit:
                answers[id(current)] = shown[id(previous)]
    units.sort(key=lambda unit: unit[0].first_seen)
    # a line that cannot stand alone is shown only right after the sentence it points to
    shown_lines: list[SentenceGroup] = []
    for group in (g for unit in units for g in unit):
        if group.alone or (
            follows_antecedent(group) and shown_lines and before.get(id(group)) is shown_lines[-1]
        ):
            shown_lines.append(group)
    items = []
    for group in shown_lines:
        item = citations.item(group) if citations is not None else group.to_item()
        item.answers = answers.get(id(group))
        items.append(item)
    return items
