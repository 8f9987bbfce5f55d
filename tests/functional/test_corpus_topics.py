"""Topics of real corpus articles that once broke the build (need ../shared; skip without it)."""

from __future__ import annotations

import json

# Seven SZ texts of the MLSUM corpus (rows of mlsum_de_texts.jsonl) about SC Paderborn's first
# Bundesliga weeks. Their summary pairs a sentence that leans on the one before ("In dieser
# zweiten Halbzeit gelang es Leverkusen ...") with that sentence, which is then taken out of
# every subtopic's queue; a queue whose new first sentence had not been checked against the
# earlier picks offered nothing, and the whole corpus' build stopped on "max() arg is an empty
# sequence" (the line-trust audit of 2026-12-07 found it).
PADERBORN_ROWS = (1199, 1613, 1634, 1777, 1783, 2586, 6773)


def test_a_topic_whose_picks_pair_a_leaning_sentence_is_summarised(shared_dir, cli, tmp_path):
    wanted = set(PADERBORN_ROWS)
    with (shared_dir / "corpus" / "mlsum_de_texts.jsonl").open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number in wanted:
                text = json.loads(line)["text"]
                (tmp_path / f"sz_{number}.txt").write_text(text + "\n", encoding="utf-8")
    assert len(list(tmp_path.glob("*.txt"))) == len(PADERBORN_ROWS)
    result = cli("build", str(tmp_path), "-f", "json", "-q", "-j", "1")
    assert result.exit_code == 0, result.output
    briefing = json.loads(result.stdout)
    lines = [line["text"] for topic in briefing["topics"] for line in topic["summary"]]
    assert lines, "no topic was summarised"
    assert len(lines) == len(set(lines)), "a line is said twice"
