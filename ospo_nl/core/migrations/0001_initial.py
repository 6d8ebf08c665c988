"""Models moved here from the project package with their tables (ospo_nl.core.model_moves)."""


import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from ospo_nl.core.model_moves import relabel_content_types


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        # The tables were made by the project package's migrations, before they moved here.
        ('ospo_nl', '0010_search_entry_date_index'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.CreateModel(
                name='Follow',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('object_id', models.PositiveBigIntegerField()),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                    ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='follows', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'volgen',
                    'verbose_name_plural': 'gevolgd',
                    'db_table': 'ospo_nl_follow',
                    'indexes': [models.Index(fields=['content_type', 'object_id'], name='follow_target_idx')],
                    'constraints': [models.UniqueConstraint(fields=('user', 'content_type', 'object_id'), name='follow_once')],
                },
            ),
            migrations.CreateModel(
                name='Revision',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('object_id', models.PositiveBigIntegerField()),
                    ('data', models.JSONField(verbose_name='gegevens')),
                    ('message', models.CharField(blank=True, max_length=300, verbose_name='toelichting')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt')),
                    ('author', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                ],
                options={
                    'verbose_name': 'revisie',
                    'verbose_name_plural': 'revisies',
                    'db_table': 'ospo_nl_revision',
                    'ordering': ['-created_at', '-id'],
                    'indexes': [models.Index(fields=['content_type', 'object_id', '-created_at'], name='revision_target_idx')],
                },
            ),
        ]),
        relabel_content_types('ospo_nl', 'core', ['revision', 'follow']),
    ]
