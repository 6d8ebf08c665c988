"""Casussen fixtures: a members-only and an experts-only casus by `member` (the public `casus` and its
`answer` are shared, in tests/conftest.py)."""

import pytest

from casussen.models import Casus
from tests.factories import make_casus


@pytest.fixture
def members_casus(member):
    return make_casus(member, "Alleen voor leden: inkoop van een zaaksysteem", visibility=Casus.Visibility.MEMBERS,
                      tags=("inkoop",))


@pytest.fixture
def experts_casus(member):
    return make_casus(member, "Alleen voor experts: beveiligingslek in gedeelde code",
                      visibility=Casus.Visibility.EXPERTS, tags=("beveiliging",))
