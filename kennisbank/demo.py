"""Demo content: the real OSPO-NL kennisbank (MkDocs, CC BY 4.0), imported from ../shared/corpora.

Idempotent: the importer keys articles on their source and path and leaves unchanged ones alone.
"""

from django.conf import settings

from .importer import import_markdown


def corpus_dir():
    return settings.BASE_DIR.parent / "shared" / "corpora" / "ospo-nl-kennisbank"


def load(stdout):
    corpus = corpus_dir()
    if not corpus.is_dir():
        stdout.write(f"kennisbank: corpus not found at {corpus}, skipped")
        return
    # The corpus asks to credit "the OSPO-NL community and the authors" (its README).
    report = import_markdown(corpus, attribution="OSPO-NL community")
    stdout.write("kennisbank: " + report.lines()[0])
