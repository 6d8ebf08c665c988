from django.db import migrations, models

from casussen.filter_counts import rebuild_in_migration


class Migration(migrations.Migration):

    dependencies = [
        ('casussen', '0010_queue_and_open_claims_indexes'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='FilterCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('dimension', models.CharField(max_length=12)),
                ('value', models.BigIntegerField(default=0)),
                ('visibility', models.CharField(max_length=10)),
                ('status', models.CharField(max_length=10)),
                ('phase', models.CharField(max_length=20)),
                ('n', models.IntegerField(default=0)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('dimension', 'value', 'visibility', 'status', 'phase'), name='casus_filter_count_key')],
            },
        ),
        migrations.RunPython(rebuild_in_migration, migrations.RunPython.noop),
    ]
