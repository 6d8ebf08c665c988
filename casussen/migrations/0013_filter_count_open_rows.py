from django.db import migrations

from casussen.filter_counts import rebuild_in_migration


class Migration(migrations.Migration):

    dependencies = [
        ('casussen', '0012_filter_count_sums'),
    ]

    operations = [
        # The rows of the open statuses over every phase (FilterCount.OPEN) are new: count everything again.
        migrations.RunPython(rebuild_in_migration, migrations.RunPython.noop),
    ]
