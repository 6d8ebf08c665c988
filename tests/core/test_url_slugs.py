"""Choice values travel in URLs as Dutch slugs; the old addresses with the stored (English) value answer 301.

ospo_nl.core.url_slugs, used by the kennisbank's kinds, the directory's and the casus list's filters and the
search page (docs/i18n.md, "Choice values in URLs")."""

import pytest
from django.db import models

from casussen.models import Casus
from directory.models import Initiative, Organisation
from kennisbank.models import Article
from ospo_nl.core.url_slugs import ChoiceSlugs
from ospo_nl.search.models import SearchEntry
from tests.factories import make_article, make_casus

# (list URL, query parameter, the slugs of its values)
QUERY_FILTERS = [
    ("/organisaties/", "soort", Organisation.KIND_SLUGS),
    ("/initiatieven/", "soort", Initiative.KIND_SLUGS),
    ("/initiatieven/", "status", Initiative.STATUS_SLUGS),
    ("/casussen/", "fase", Casus.PHASE_SLUGS),
    ("/zoeken/", "soort", SearchEntry.KIND_SLUGS),
]
ALL_SLUGS = [Article.KIND_SLUGS, *(slugs for _url, _name, slugs in QUERY_FILTERS)]


def moved_values(slugs):
    """The stored values whose slug differs: the ones an old URL may carry."""
    return [value for value in slugs.choices_class.values if slugs.slug(value) != value]


class Colour(models.TextChoices):
    LIGHT_BLUE = "light_blue", "lichtblauw"
    RED = "red", "rood"


def test_every_slug_is_lower_case_hyphenated_and_dutch_slugs_map_back():
    for slugs in ALL_SLUGS:
        for value in slugs.choices_class.values:
            slug = slugs.slug(value)
            assert "_" not in slug and slug == slug.lower()
            assert slugs.value(slug) == value
            assert slugs.moved(slug) is None  # a slug never redirects, even where it equals a value


def test_a_map_must_name_one_distinct_slug_for_every_value():
    for bad in ({Colour.RED: "rood"}, {Colour.LIGHT_BLUE: "rood", Colour.RED: "rood"},
                {Colour.LIGHT_BLUE: "licht_blauw", Colour.RED: "rood"}):
        with pytest.raises(ValueError):
            ChoiceSlugs(Colour, bad)
    slugs = ChoiceSlugs(Colour, {Colour.LIGHT_BLUE: "lichtblauw", Colour.RED: "rood"})
    assert slugs.moved("light_blue") == "lichtblauw" and slugs.value("lichtblauw") == "light_blue"
    assert slugs.value("bestaat-niet") is None and slugs.moved("bestaat-niet") is None
    assert slugs.choices() == [("lichtblauw", "lichtblauw"), ("rood", "rood")]


# --- the kennisbank's kinds, in the path -------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("value", moved_values(Article.KIND_SLUGS))
def test_an_old_kind_address_answers_301_with_the_dutch_slug(client, value, prefix):
    response = client.get(f"{prefix}/kennisbank/soort/{value}/?pagina=2")
    assert response.status_code == 301
    assert response["Location"] == f"{prefix}/kennisbank/soort/{Article.KIND_SLUGS.slug(value)}/?pagina=2"
    assert client.get(f"{prefix}/kennisbank/soort/{value}/")["Location"].endswith(
        f"/soort/{Article.KIND_SLUGS.slug(value)}/")


@pytest.mark.django_db
@pytest.mark.parametrize("value", Article.Kind.values)
def test_every_dutch_kind_slug_lists_its_articles(client, value):
    make_article(title="Een artikel van deze soort", kind=value)
    response = client.get(f"/kennisbank/soort/{Article.KIND_SLUGS.slug(value)}/")
    assert response.status_code == 200 and "Een artikel van deze soort" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["onbekend", "step-by-step", "Stappenplan"])
def test_an_unknown_kind_stays_404(client, kind):
    assert client.get(f"/kennisbank/soort/{kind}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_kennisbank_pages_link_kinds_by_their_dutch_slug(client, prefix):
    article = make_article(title="De EUPL kiezen", kind=Article.Kind.STEP_BY_STEP)
    home = client.get(f"{prefix}/kennisbank/").text
    assert f'href="{prefix}/kennisbank/soort/stappenplan/"' in home
    assert f'href="{prefix}/kennisbank/soort/lessons-learned/"' in home
    assert "step_by_step" not in home and "lessons_learned" not in home
    detail = client.get(f"{prefix}{article.get_absolute_url()}").text
    assert f'href="{prefix}/kennisbank/soort/stappenplan/"' in detail and "step_by_step" not in detail


# --- filters in the query string -----------------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize(("url", "name", "value", "slug"), [
    (url, name, value, slugs.slug(value)) for url, name, slugs in QUERY_FILTERS for value in moved_values(slugs)
])
def test_an_old_filter_value_answers_301_keeping_the_other_parameters(client, url, name, value, slug, prefix):
    response = client.get(f"{prefix}{url}", {"q": "open", name: value, "sorteer": "naam"})
    assert response.status_code == 301
    assert response["Location"] == f"{prefix}{url}?q=open&{name}={slug}&sorteer=naam"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "name", "slug"), [
    (url, name, slugs.slug(value)) for url, name, slugs in QUERY_FILTERS for value in slugs.choices_class.values
])
def test_every_dutch_filter_value_answers_200(client, url, name, slug):
    assert client.get(url, {"q": "open", name: slug}).status_code == 200


@pytest.mark.django_db
def test_dutch_filter_values_filter_by_the_stored_value(client, member):
    Organisation.objects.create(name="Gemeente Open", slug="gemeente-open", kind="municipality", is_published=True)
    Organisation.objects.create(name="Dienst Open", slug="dienst-open", kind="agency", is_published=True)
    names = [o.name for o in client.get("/organisaties/", {"soort": "gemeente"}).context["page"].object_list]
    assert names == ["Gemeente Open"]
    Initiative.objects.create(name="Oude Reeks", slug="oude-reeks", kind="event_series", status="archived",
                              is_published=True)
    Initiative.objects.create(name="Nieuwe Reeks", slug="nieuwe-reeks", kind="event_series", is_published=True)
    page = client.get("/initiatieven/", {"soort": "evenementenreeks", "status": "gearchiveerd"}).context["page"]
    assert [i.name for i in page.object_list] == ["Oude Reeks"]
    make_casus(member, "Inkoop van software", phase=Casus.Phase.PROCUREMENT)
    make_casus(member, "Beheer van software", phase=Casus.Phase.MAINTENANCE)
    text = client.get("/casussen/", {"fase": "beheer"}).text
    assert "Beheer van software" in text and "Inkoop van software" not in text


@pytest.mark.django_db
def test_unknown_filter_values_keep_todays_answers(client):
    assert client.get("/organisaties/", {"soort": "planeet"}).status_code == 400  # reported, ignored
    assert client.get("/initiatieven/", {"status": "municipality"}).status_code == 400
    assert client.get("/casussen/", {"fase": "planeet"}).status_code == 200  # ignored
    assert client.get("/zoeken/", {"q": "x", "soort": "planeet"}).status_code == 200
    assert client.get("/casussen/", {"fase": "inkoop\x00"}).status_code == 400  # the request guard


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_list_pages_offer_filters_by_their_dutch_slugs(client, member, prefix):
    Organisation.objects.create(name="Waterschap Open", slug="waterschap-open", kind="water_board",
                                is_published=True)
    Initiative.objects.create(name="Open Reeks", slug="open-reeks", kind="event_series", is_published=True)
    make_casus(member, "Inkoop van software", phase=Casus.Phase.PROCUREMENT)
    organisations = client.get(f"{prefix}/organisaties/").text
    assert 'href="?soort=waterschap"' in organisations and "water_board" not in organisations
    initiatives = client.get(f"{prefix}/initiatieven/").text
    assert 'href="?soort=evenementenreeks"' in initiatives and 'href="?status=actief"' in initiatives
    assert "event_series" not in initiatives
    casussen = client.get(f"{prefix}/casussen/").text
    assert '<option value="inkoop">' in casussen and '<option value="orientatie">' in casussen
    assert 'value="procurement"' not in casussen


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_search_results_filter_kinds_by_their_dutch_slugs(client, prefix):
    make_article(title="Licentie kiezen", body="Over de licentie.")
    response = client.get(f"{prefix}/zoeken/", {"q": "licentie"})
    assert "soort=artikel" in response.text and "soort=article" not in response.text
    chosen = client.get(f"{prefix}/zoeken/", {"q": "licentie", "soort": "artikel"})
    assert [entry.kind for entry in chosen.context["results"].entries] == ["article"]
    assert '<input type="hidden" name="soort" value="artikel">' in chosen.text
