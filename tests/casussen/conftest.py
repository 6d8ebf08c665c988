"""Casussen fixtures: one casus per visibility, written by `member`, plus an answer by `expert`."""

import pytest

from casussen import verbs as casus_verbs
from casussen.models import Casus


def make_casus(author, title="Welke licentie kiezen we?", *, visibility=Casus.Visibility.PUBLIC, tags=("licenties",),
               **kwargs):
    return casus_verbs.post_casus(
        by=author, title=title, body=kwargs.pop("body", "Wij willen onze app publiceren. Welke licentie?"),
        visibility=visibility, tags=tags, **kwargs,
    )


@pytest.fixture
def casus(member):
    return make_casus(member)


@pytest.fixture
def members_casus(member):
    return make_casus(member, "Alleen voor leden: inkoop van een zaaksysteem", visibility=Casus.Visibility.MEMBERS,
                      tags=("inkoop",))


@pytest.fixture
def experts_casus(member):
    return make_casus(member, "Alleen voor experts: beveiligingslek in gedeelde code",
                      visibility=Casus.Visibility.EXPERTS, tags=("beveiliging",))


@pytest.fixture
def answer(casus, expert):
    return casus_verbs.post_answer(casus=casus, by=expert, body="Kies de EUPL-1.2; die is gemaakt voor overheden.")
