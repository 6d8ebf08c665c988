"""The curators' overview at one URL (/curatoren/overzicht/): what waits, how fast the network answers, who
carries how much, what needs review, and which questions live in the network (seed 003's inventory).

Why here, in the project package: the overview reads casussen, kennisbank articles, moderation reports, expert
applications and profiles at once, and the project package is the one layer that may import every feature app
(docs/architecture.md). A registry that each app fills would be a plugin layer for one page that only curators
see; the queries below name the models they read instead, so each is visible and pinned (tests/ospo_nl/).

Every figure is computed in SQL: counts, waiting times and per-month medians (PostgreSQL's percentile_cont; on the
SQLite fallback the month's durations are read in the same one query and the median taken in Python). The page
costs a fixed number of queries whatever the amount of data; lists stop at LIST_LIMIT rows.
"""

import statistics
from datetime import timedelta

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Count, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncMonth
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from casussen.models import Casus
from directory.models import ExpertApplication, Profile
from kennisbank.models import Article
from ospo_nl.core.roles import is_curator
from ospo_nl.core.spreadsheets import csv_response
from ospo_nl.moderation.models import Report

LIST_LIMIT = 50
MONTHS = 12
TOP_TAGS = 15
REVIEW_AHEAD = timedelta(days=30)  # articles due within a month count as due now: there is time to plan them


def check_view_overview(user):
    if not is_curator(user):
        raise PermissionDenied(_("Alleen curatoren zien het overzicht."))


class OverviewForm(forms.Form):
    dagen = forms.IntegerField(
        label=gettext_lazy("Niet opgepakt na (dagen)"), min_value=1, max_value=365, required=False, initial=3,
        help_text=gettext_lazy("Casussen die zo lang of langer niemand heeft opgepakt."),
    )

    def days(self):
        return self.cleaned_data.get("dagen") or 3


def _months_back(now):
    """The first moment of the month MONTHS - 1 months before this one (Dutch time): a year of whole months."""
    local = timezone.localtime(now)
    year, month = local.year, local.month - (MONTHS - 1)
    while month < 1:
        year, month = year - 1, month + 12
    return local.replace(year=year, month=month, day=1, hour=0, minute=0, second=0, microsecond=0)


def waiting_casussen(now):
    """Open casussen without an answer yet, longest waiting first (every audience: curators see them all)."""
    return list(Casus.objects.alive().unanswered().select_related("claimed_by__profile")
                .order_by("created_at", "pk")[:LIST_LIMIT])


def unclaimed_casussen(now, days):
    return list(Casus.objects.alive().filter(status=Casus.Status.NEW, claimed_by__isnull=True,
                                             created_at__lte=now - timedelta(days=days))
                .order_by("created_at", "pk")[:LIST_LIMIT])


MEDIANS_SQL = """
SELECT to_char(date_trunc('month', c.created_at AT TIME ZONE %(tz)s), 'YYYY-MM') AS month,
       count(*) AS asked,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM f.first_at - c.created_at)) AS first_answer,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM c.resolved_at - c.created_at)) AS resolution
  FROM casussen_casus c
  LEFT JOIN (SELECT casus_id, min(created_at) AS first_at FROM casussen_answer
              WHERE deleted_at IS NULL AND hidden_at IS NULL GROUP BY casus_id) f ON f.casus_id = c.id
 WHERE c.deleted_at IS NULL AND c.hidden_at IS NULL AND c.created_at >= %(since)s
 GROUP BY 1 ORDER BY 1
"""


def _hours(seconds):
    return None if seconds is None else round(float(seconds) / 3600, 1)


def response_times(now):
    """Per month a casus was asked in: how many, the median hours to the first answer and to resolution.

    Ordered-set aggregates skip NULLs, so casussen not answered (resolved) yet do not count in that median.
    One query.
    """
    since = _months_back(now)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(MEDIANS_SQL, {"tz": timezone.get_current_timezone_name(), "since": since})
            return [{"month": month, "asked": asked, "first_answer": _hours(first), "resolution": _hours(done)}
                    for month, asked, first, done in cursor.fetchall()]
    rows = (Casus.objects.alive().filter(created_at__gte=since)
            .annotate(month=TruncMonth("created_at"), first_at=Min(
                "answers__created_at", filter=Q(answers__deleted_at__isnull=True, answers__hidden_at__isnull=True)))
            .values_list("month", "created_at", "first_at", "resolved_at").order_by("month"))
    months = {}
    for month, created, first, resolved in rows:
        key = timezone.localtime(month).strftime("%Y-%m") if timezone.is_aware(month) else month.strftime("%Y-%m")
        entry = months.setdefault(key, {"asked": 0, "first": [], "done": []})
        entry["asked"] += 1
        if first:
            entry["first"].append((first - created).total_seconds())
        if resolved:
            entry["done"].append((resolved - created).total_seconds())
    return [{"month": key, "asked": e["asked"],
             "first_answer": _hours(statistics.median(e["first"])) if e["first"] else None,
             "resolution": _hours(statistics.median(e["done"])) if e["done"] else None}
            for key, e in sorted(months.items())]


def expert_load():
    """Each active expert's open claims (and the oldest of them), most loaded first. One query."""
    claims = Casus.objects.alive().open().filter(claimed_by=OuterRef("user_id")).order_by().values("claimed_by")
    return list(
        Profile.objects.filter(is_expert=True, user__is_active=True)
        .annotate(open_claims=Coalesce(Subquery(claims.annotate(n=Count("pk")).values("n")), 0),
                  oldest_claim=Subquery(claims.annotate(first=Min("created_at")).values("first")))
        .order_by("-open_claims", "display_name", "pk")[:LIST_LIMIT]
    )


def articles_due(now):
    return list(Article.objects.published().filter(review_due__lte=timezone.localdate(now) + REVIEW_AHEAD)
                .order_by("review_due", "pk").only("title", "slug", "review_due", "section_id")
                .select_related("section")[:LIST_LIMIT])


def open_reports():
    """Open reports, oldest first, with how many there are (the list is the moderation queue's)."""
    return list(Report.objects.open().select_related("content_type").order_by("created_at", "pk")[:LIST_LIMIT])


def pending_applications():
    return list(ExpertApplication.objects.pending().select_related("user__profile").prefetch_related("expertise")
                .order_by("created_at", "pk")[:LIST_LIMIT])


def questions_by_tag(now):
    """The network's inventory: casussen per tag per month over the last year, the busiest tags first. One query."""
    since = _months_back(now)
    rows = (Casus.objects.alive().filter(created_at__gte=since, tags__isnull=False)
            .annotate(month=TruncMonth("created_at")).values_list("tags__name", "month")
            .annotate(n=Count("pk", distinct=True)).order_by())
    months, cursor = [], since
    for _step in range(MONTHS):
        months.append(cursor.strftime("%Y-%m"))
        cursor = (cursor + timedelta(days=32)).replace(day=1)
    table = {}
    for name, month, n in rows:
        key = timezone.localtime(month).strftime("%Y-%m") if timezone.is_aware(month) else month.strftime("%Y-%m")
        table.setdefault(name, dict.fromkeys(months, 0))[key] = n
    busiest = sorted(table.items(), key=lambda item: (-sum(item[1].values()), item[0]))[:TOP_TAGS]
    return months, [{"tag": name, "counts": [counts[m] for m in months], "total": sum(counts.values())}
                    for name, counts in busiest]


def build(now, days):
    months, tags = questions_by_tag(now)
    return {
        "now": now, "days": days,
        "waiting": waiting_casussen(now), "unclaimed": unclaimed_casussen(now, days),
        "response_times": response_times(now), "experts": expert_load(), "articles_due": articles_due(now),
        "reports": open_reports(), "applications": pending_applications(), "months": months, "tags": tags,
    }


def _csv(data):
    response, writer = csv_response("ospo-nl-overzicht.csv")
    writer.writerow([_("onderdeel"), _("naam"), _("waarde"), _("toelichting")])
    now = data["now"]
    for casus in data["waiting"]:
        writer.writerow([_("wacht op antwoord"), casus.title, (now - casus.created_at).days, _("dagen")])
    for casus in data["unclaimed"]:
        writer.writerow([_("niet opgepakt"), casus.title, (now - casus.created_at).days, _("dagen")])
    for row in data["response_times"]:
        writer.writerow([_("mediaan tot eerste antwoord"), row["month"], row["first_answer"], _("uur")])
        writer.writerow([_("mediaan tot oplossing"), row["month"], row["resolution"], _("uur")])
    for profile in data["experts"]:
        writer.writerow([_("open casussen per expert"), profile.name, profile.open_claims, ""])
    for article in data["articles_due"]:
        writer.writerow([_("artikel te beoordelen"), article.title, article.review_due.isoformat(), ""])
    for report in data["reports"]:
        writer.writerow([_("open melding"), report.get_reason_display(), (now - report.created_at).days, _("dagen")])
    for application in data["applications"]:
        writer.writerow([_("aanvraag als expert"), application.user.profile.name, (now - application.created_at).days,
                         _("dagen")])
    for row in data["tags"]:
        for month, n in zip(data["months"], row["counts"], strict=True):
            writer.writerow([_("casussen per tag"), row["tag"], n, month])
    return response


@require_safe
@login_required
def curator_overview(request):
    check_view_overview(request.user)
    form = OverviewForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(request, "overview.html", {"form": form}, status=400)
    now = timezone.now()
    data = build(now, form.days() if form.is_bound else 3)
    if request.GET.get("formaat") == "csv":
        return _csv(data)
    for casus in data["waiting"] + data["unclaimed"]:
        casus.waited_days = (now - casus.created_at).days
    context = {"form": form if form.is_bound else OverviewForm(), "ready": True, **data}
    return render(request, "overview.html", context)

