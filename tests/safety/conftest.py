import pytest

from casussen import lifecycle


@pytest.fixture
def casus(member):
    return lifecycle.post_casus(by=member, title="Welke licentie kiezen we?", body="Wij willen publiceren.")


@pytest.fixture
def answer(casus, expert):
    return lifecycle.post_answer(casus=casus, by=expert, body="Kies de EUPL-1.2.")
