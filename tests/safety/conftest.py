import pytest

from casussen import verbs as casus_verbs


@pytest.fixture
def casus(member):
    return casus_verbs.post_casus(by=member, title="Welke licentie kiezen we?", body="Wij willen publiceren.")


@pytest.fixture
def answer(casus, expert):
    return casus_verbs.post_answer(casus=casus, by=expert, body="Kies de EUPL-1.2.")
