from django.db import migrations, models


def count(apps, schema_editor):
    """The rows of every status and phase (FilterCount.ANY) are new: count everything again."""
    from casussen.filter_counts import rebuild  # noqa: PLC0415

    rebuild(apps.get_model("casussen", "Casus"), apps.get_model("casussen", "FilterCount"),
            apps.get_model("taggit", "TaggedItem"))


class Migration(migrations.Migration):

    dependencies = [
        ('casussen', '0011_filter_counts'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='filtercount',
            index=models.Index(fields=['dimension', 'status', 'visibility', 'phase', 'value', 'n'], name='casus_filter_count_sum_idx'),
        ),
        migrations.RunPython(count, migrations.RunPython.noop),
    ]
