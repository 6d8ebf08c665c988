from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import make_section

CORPUS = Path(settings.BASE_DIR).parent / "shared" / "corpora" / "ospo-nl-kennisbank"
SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    # Imported images go to default storage: keep them out of the project's media folder.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def corpus():
    if not CORPUS.is_dir():
        pytest.skip(f"the kennisbank corpus is not at {CORPUS}")
    return CORPUS


@pytest.fixture
def seeds():
    if not SEEDS.is_dir():
        pytest.skip(f"the seed files are not at {SEEDS}")
    return SEEDS


@pytest.fixture
def section(db):
    return make_section()
