from django.db import migrations, models
from django.db.models import F


def backfill(apps, schema_editor):
    # Resolving bumped the last activity; later comments may have bumped it again, so this is the best
    # estimate there is for casussen resolved before the moment was kept.
    Casus = apps.get_model("casussen", "Casus")
    Casus.objects.filter(status="resolved", resolved_at__isnull=True).update(resolved_at=F("last_activity_at"))


class Migration(migrations.Migration):

    dependencies = [
        ("casussen", "0004_list_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="casus",
            name="resolved_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="opgelost op"),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
