from django.db import migrations, models

from casussen.filter_counts import rebuild_in_migration


class Migration(migrations.Migration):

    dependencies = [
        ('casussen', '0011_filter_counts'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='filtercount',
            index=models.Index(fields=['dimension', 'status', 'visibility', 'phase', 'value', 'n'], name='casus_filter_count_sum_idx'),
        ),
        # The rows of every status and phase (FilterCount.ANY) are new: count everything again.
        migrations.RunPython(rebuild_in_migration, migrations.RunPython.noop),
    ]
