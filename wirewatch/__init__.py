"""wirewatch: casualty-incident alerts from news wires.

The package is the pure core (cleaning, extraction, classification, alert decisions,
evaluation) plus :mod:`wirewatch.runtime`, which starts processes and faces the user.
"""

from pathlib import Path

#: the bundled sample articles (``wirewatch demo``) and the bench corpus (``wirewatch bench``)
SAMPLE_ARTICLES = Path(__file__).parent / "samples" / "articles.jsonl"
BENCH_ARTICLES = Path(__file__).parent / "samples" / "bench.jsonl"
