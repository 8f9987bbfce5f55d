"""The learned cleaner beside the rules: speed on the plain corpus, the seeds' bodies.

    python benchmarks/learned_cleaner.py            # corpus timing (11,707 articles) and seeds
    python benchmarks/learned_cleaner.py --limit 2000
    python benchmarks/learned_cleaner.py --seeds     # print the seeds' bodies only

The corpus articles (MLSUM + 10kGNAD, written as paragraphs like benchmarks/run.py does) carry
no furniture: both cleaners should keep them whole, so the share of paragraphs kept is a check
too. Both cleaners run in this one process, one after the other, on the same documents.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._corpus import SHARED, as_paragraphs, gnad_rows, mlsum_texts
from briefing.core.clean import EmptyArticleError, clean_document
from briefing.core.ingest import RawDocument, read_document
from briefing.learned_cleaner import (
    clean_with_model,
    load_model,
    page_lines,
    run_evidence,
)

SEEDS = ROOT / "seeds"


def corpus_documents(limit: int | None) -> list[RawDocument]:
    texts = mlsum_texts() + [text for _, text in gnad_rows()]
    texts = texts[:limit] if limit else texts
    return [
        RawDocument(Path(f"{i:05d}.txt"), as_paragraphs(t) + "\n", "text",
                    hashlib.sha1(t.encode()).hexdigest())
        for i, t in enumerate(texts)
    ]


def paragraphs(clean, doc: RawDocument) -> int:
    try:
        return len(clean(doc).paragraphs)
    except EmptyArticleError:
        return 0


def time_corpus(limit: int | None) -> None:
    documents = corpus_documents(limit)
    load_model()
    clean_with_model(documents[0])  # imports, stop words and the model, not timed
    clean_document(documents[0])
    results = {}
    for name, clean in (("rules", clean_document), ("learned", clean_with_model)):
        started = time.process_time()
        kept = sum(paragraphs(clean, doc) for doc in documents)
        results[name] = (time.process_time() - started, kept)
    source = sum(doc.text.count("\n\n") + 1 for doc in documents)
    print(f"corpus articles   {len(documents)} ({source} paragraphs as written)")
    for name, (seconds, kept) in results.items():
        print(f"{name:8} cleaning {seconds:6.2f} s CPU, {kept} paragraphs kept "
              f"({kept / source:.1%})")
    print(f"learned - rules   {results['learned'][0] - results['rules'][0]:+.2f} s CPU")
    model = load_model()
    started = time.process_time()
    pages = [page_lines(doc.text) for doc in documents]
    read = time.process_time() - started
    started = time.process_time()
    run_evidence(pages, model.sites, model.words)
    print(f"run evidence      {time.process_time() - started:.2f} s CPU for the whole run "
          f"(reading the pages for it: {read:.2f} s)")


def show_seeds() -> None:
    paths = sorted(SEEDS.glob("*.txt"))
    documents = [read_document(p) for p in paths]
    model = load_model()
    pages = [page_lines(doc.text) for doc in documents]
    evidence = run_evidence(pages, model.sites, model.words)
    for i, (doc, page) in enumerate(zip(documents, pages, strict=True)):
        article = clean_with_model(doc, model, evidence, i, page)
        print(f"===== {doc.path.name}: {article.title!r} ({article.outlet}, {article.date})")
        for block in article.blocks:
            print(("## " if block.is_heading else "") + block.text)
            print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N corpus articles only")
    parser.add_argument("--seeds", action="store_true", help="print the seeds' bodies only")
    args = parser.parse_args()
    if args.seeds:
        show_seeds()
        return 0
    if not SHARED.is_dir():
        print(f"benchmark data not found: {SHARED}: skipped", file=sys.stderr)
        return 0
    time_corpus(args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
