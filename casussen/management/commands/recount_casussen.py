from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Count, F, Max, Q, Sum
from django.db.models.functions import Coalesce, Greatest

from casussen import filter_counts
from casussen.models import Answer, Casus, activity_scopes
from ospo_nl.core import content_cache


class Command(BaseCommand):
    help = (
        "Rebuild the denormalised counters of casussen from the source rows: each answer's score "
        "(sum of its votes), each casus's answer_count and score (its live answers) and last_activity_at."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what is wrong without changing it.")

    def handle(self, *args, dry_run=False, **options):
        with transaction.atomic():
            answers = Answer.objects.annotate(real=Coalesce(Sum("votes__value"), 0)).exclude(score=F("real"))
            wrong_answers = list(answers.values_list("pk", "real"))
            if not dry_run:
                for pk, real in wrong_answers:
                    Answer.objects.filter(pk=pk).update(score=real)

            live = Q(answers__deleted_at__isnull=True, answers__hidden_at__isnull=True)
            casussen = Casus.objects.annotate(
                real_count=Count("answers", filter=live, distinct=True),
                real_score=Coalesce(Sum("answers__score", filter=live), 0),
            )
            wrong_casussen = [
                (c.pk, c.real_count, c.real_score)
                for c in casussen.only("pk", "answer_count", "score")
                if (c.answer_count, c.score) != (c.real_count, c.real_score)
            ]
            if not dry_run:
                for pk, count, score in wrong_casussen:
                    Casus.objects.filter(pk=pk).update(answer_count=count, score=score)

            latest = Casus.objects.annotate(
                latest=Greatest(
                    "created_at",
                    Coalesce(Max("answers__created_at", filter=live), "created_at"),
                    Coalesce(Max("comments__created_at", filter=Q(comments__deleted_at__isnull=True,
                                                                   comments__hidden_at__isnull=True)), "created_at"),
                )
            ).filter(last_activity_at__lt=F("latest"))
            stale = list(latest.values_list("pk", "latest"))
            if not dry_run:
                for pk, when in stale:
                    Casus.objects.filter(pk=pk).update(last_activity_at=when)

            if not dry_run and (wrong_answers or wrong_casussen or stale):
                # What the activity of each fixed casus shows: its page, the lists, its tags' and organisation's.
                fixed = {pk for pk, *_rest in wrong_casussen + stale}
                content_cache.changed(*{scope for pk in fixed for scope in activity_scopes(pk)})
            verb = "would fix" if dry_run else "fixed"
            self.stdout.write(
                f"{verb}: {len(wrong_answers)} answer scores, {len(wrong_casussen)} casus counters, "
                f"{len(stale)} last activity dates"
            )
        if not dry_run:
            rows = filter_counts.rebuild()
            content_cache.changed("casussen")  # the lists' counts, cached under it, may have been wrong
            self.stdout.write(f"counted again: {rows} filter counts")

