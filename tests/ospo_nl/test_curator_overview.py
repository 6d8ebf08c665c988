"""The curators' overview (ospo_nl.overview): who may see it, what each figure says, bad input, CSV, and a
query count that does not grow with the data."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from casussen import verbs as casus_verbs
from casussen.models import Answer, Casus
from directory.models import ExpertApplication
from kennisbank.models import Article, Section
from kennisbank.verbs import save_article
from ospo_nl.moderation import verbs as moderation
from ospo_nl.overview import response_times
from tests.conftest import make_user

URL = reverse("curator_overview")


def aged(casus, days, **fields):
    Casus.objects.filter(pk=casus.pk).update(created_at=timezone.now() - timedelta(days=days), **fields)
    casus.refresh_from_db()
    return casus


@pytest.mark.django_db
def test_only_curators_see_it(client, member_client, expert_client, curator_client):
    assert client.get(URL)["Location"].startswith(reverse("account_login"))
    assert member_client.get(URL).status_code == 403
    assert expert_client.get(URL).status_code == 403
    assert expert_client.get(URL + "?formaat=csv").status_code == 403
    assert curator_client.get(URL).status_code == 200
    assert curator_client.post(URL).status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["0", "abc", "366"])
def test_a_bad_number_of_days_is_refused_with_a_message(curator_client, value):
    response = curator_client.get(URL, {"dagen": value})
    assert response.status_code == 400
    assert "Niet opgepakt na (dagen)" in response.text and "error-summary" in response.text


@pytest.mark.django_db
def test_waiting_casussen_longest_first_with_their_waiting_time_and_unclaimed_past_n_days(member, expert,
                                                                                           curator_client):
    aged(casus_verbs.post_casus(by=member, title="Wacht al tien dagen", body="x"), 10)
    aged(casus_verbs.post_casus(by=member, title="Wacht twee dagen", body="x",
                                visibility=Casus.Visibility.EXPERTS), 2)
    answered = casus_verbs.post_casus(by=member, title="Al beantwoord", body="x")
    casus_verbs.post_answer(casus=answered, by=expert, body="Advies")
    claimed = aged(casus_verbs.post_casus(by=member, title="Opgepakt maar stil", body="x"), 6)
    casus_verbs.claim_casus(casus=claimed, by=expert)
    response = curator_client.get(URL, {"dagen": "5"})
    waiting = response.context["waiting"]
    assert [c.title for c in waiting] == ["Wacht al tien dagen", "Opgepakt maar stil", "Wacht twee dagen"]
    assert [c.waited_days for c in waiting] == [10, 6, 2]
    # Unclaimed for 5 days or more: the claimed one and the young one are not.
    assert [c.title for c in response.context["unclaimed"]] == ["Wacht al tien dagen"]
    assert "Al beantwoord" not in response.text


@pytest.mark.django_db
def test_median_times_to_first_answer_and_to_resolution_per_month(member, expert):
    now = timezone.now()
    hours = [2, 4, 30]  # a median of 4 hours to the first answer
    for n, h in enumerate(hours):
        casus = casus_verbs.post_casus(by=member, title=f"Vraag {n}", body="x")
        answer = casus_verbs.post_answer(casus=casus, by=expert, body="Advies")
        Casus.objects.filter(pk=casus.pk).update(created_at=now - timedelta(hours=48))
        Answer.objects.filter(pk=answer.pk).update(created_at=now - timedelta(hours=48 - h))
        if n == 0:  # a deleted answer before the first one does not count
            deleted = casus_verbs.post_answer(casus=casus, by=expert, body="Eerder, maar verwijderd")
            Answer.objects.filter(pk=deleted.pk).update(created_at=now - timedelta(hours=47))
            casus_verbs.delete_answer(answer=deleted, by=expert)
        if n < 2:  # two resolved, after 10 and 20 hours: a median of 15
            Casus.objects.filter(pk=casus.pk).update(status="resolved",
                                                     resolved_at=now - timedelta(hours=48 - 10 * (n + 1)))
    (month,) = [row for row in response_times(now) if row["asked"]]
    assert month["month"] == timezone.localtime(now - timedelta(hours=48)).strftime("%Y-%m")
    assert (month["asked"], month["first_answer"], month["resolution"]) == (3, 4.0, 15.0)


@pytest.mark.django_db
def test_resolving_keeps_the_moment_and_reopening_clears_it(member):
    casus = casus_verbs.post_casus(by=member, title="Vraag", body="x")
    casus_verbs.resolve_casus(casus=casus, by=member, lessons_learned="Geleerd.")
    casus.refresh_from_db()
    moment = casus.resolved_at
    assert moment is not None
    casus_verbs.resolve_casus(casus=casus, by=member, lessons_learned="Beter geleerd.")
    casus.refresh_from_db()
    assert casus.resolved_at == moment  # editing the lessons is not resolving again
    casus_verbs.reopen_casus(casus=casus, by=member)
    casus.refresh_from_db()
    assert casus.resolved_at is None


@pytest.mark.django_db
def test_expert_load_articles_due_reports_and_applications(member, expert, curator, curator_client):
    busy = make_user("druk@example.org", name="Drukke Expert", is_expert=True)
    for n in range(2):
        casus_verbs.claim_casus(casus=casus_verbs.post_casus(by=member, title=f"Open {n}", body="x"), by=busy)
    done = casus_verbs.post_casus(by=member, title="Klaar", body="x")
    casus_verbs.claim_casus(casus=done, by=expert)
    casus_verbs.close_casus(casus=done, by=member)
    section = Section.objects.create(slug="licenties", title="Licenties")
    due = Article(section=section, slug="oud", title="Oud artikel", body="x", status="published",
                  last_reviewed_at=date.today() - timedelta(days=400))
    save_article(due, by=curator)
    save_article(Article(section=section, slug="vers", title="Vers artikel", body="x", status="published"), by=curator)
    casus = casus_verbs.post_casus(by=member, title="Gemeld", body="x")
    moderation.report(target=casus, by=expert, reason="spam", note="")
    application = ExpertApplication.objects.create(user=member, motivation="Ik weet veel van inkoop.")
    application.expertise.set(["inkoop"])

    response = curator_client.get(URL)
    load = {p.name: p.open_claims for p in response.context["experts"]}
    assert load == {"Drukke Expert": 2, "Eva Expert": 0}  # a closed casus is no load
    assert [p.name for p in response.context["experts"]][0] == "Drukke Expert"
    assert [a.title for a in response.context["articles_due"]] == ["Oud artikel"]
    assert len(response.context["reports"]) == 1
    assert [a.user for a in response.context["applications"]] == [member]
    assert "inkoop" in response.text


@pytest.mark.django_db
def test_questions_by_tag_per_month_the_busiest_first(member, curator_client):
    for n in range(3):
        casus_verbs.post_casus(by=member, title=f"Licentie {n}", body="x", tags=["licenties", "eupl"] if n else
                               ["licenties"])
    aged(casus_verbs.post_casus(by=member, title="Oud", body="x", tags=["archief"]), 500)
    response = curator_client.get(URL)
    rows = {row["tag"]: row for row in response.context["tags"]}
    assert list(rows) == ["licenties", "eupl"]  # older than a year: not in the inventory
    assert rows["licenties"]["total"] == 3 and rows["licenties"]["counts"][-1] == 3
    assert len(response.context["months"]) == 12
    assert response.context["months"][-1] == timezone.localtime().strftime("%Y-%m")


@pytest.mark.django_db
def test_the_csv_export_has_every_section(member, expert, curator_client):
    aged(casus_verbs.post_casus(by=member, title="=Formule in een titel", body="x", tags=["inkoop"]), 4)
    response = curator_client.get(URL, {"formaat": "csv", "dagen": "3"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    sections = {row[0] for row in rows[1:]}
    assert {"wacht op antwoord", "niet opgepakt", "mediaan tot eerste antwoord", "open casussen per expert",
            "casussen per tag"} <= sections
    assert ["wacht op antwoord", "'=Formule in een titel", "4", "dagen"] in rows


@pytest.mark.django_db
@pytest.mark.parametrize("n", [1, 8])
def test_the_overview_costs_a_fixed_number_of_queries(member, expert, curator_client, django_assert_num_queries,
                                                      n):
    for i in range(n):
        casus = casus_verbs.post_casus(by=member, title=f"Vraag {i}", body="x", tags=["inkoop", f"tag{i}"])
        casus_verbs.claim_casus(casus=casus, by=make_user(f"expert{i}@example.org", is_expert=True))
        ExpertApplication.objects.create(user=make_user(f"aanvrager{i}@example.org"), motivation="x")
        moderation.report(target=casus, by=expert, reason="spam", note="")
    # Session, user with profile; waiting casussen with claimers; unclaimed; response times (one query);
    # expert load; articles due; open reports with their types; applications, their expertise; tags per month.
    with django_assert_num_queries(11):
        assert curator_client.get(URL).status_code == 200
    with django_assert_num_queries(11):
        assert curator_client.get(URL, {"formaat": "csv"}).status_code == 200
