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
                name='ModerationAction',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('action', models.CharField(choices=[('dismiss', 'melding afgewezen'), ('hide', 'verborgen'), ('unhide', 'weer zichtbaar gemaakt'), ('delete', 'verwijderd'), ('warn', 'gewaarschuwd'), ('suspend', 'geschorst'), ('unsuspend', 'schorsing opgeheven')], max_length=10, verbose_name='actie')),
                    ('object_id', models.PositiveBigIntegerField()),
                    ('target_label', models.CharField(max_length=300, verbose_name='onderwerp')),
                    ('reason', models.TextField(blank=True, max_length=1000, verbose_name='reden')),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                    ('moderator', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'moderatieactie',
                    'verbose_name_plural': 'moderatielogboek',
                    'db_table': 'ospo_nl_moderationaction',
                    'ordering': ['-created_at', '-id'],
                    'indexes': [models.Index(fields=['content_type', 'object_id'], name='moderation_action_target_idx')],
                    'constraints': [models.CheckConstraint(condition=models.Q(('action__in', ['dismiss', 'hide', 'unhide', 'delete', 'warn', 'suspend', 'unsuspend'])), name='moderation_action_valid')],
                },
            ),
            migrations.CreateModel(
                name='Report',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('object_id', models.PositiveBigIntegerField()),
                    ('reason', models.CharField(choices=[('spam', 'spam of reclame'), ('abusive', 'beledigend of intimiderend'), ('off-topic', 'hoort hier niet'), ('privacy', 'bevat persoonsgegevens'), ('other', 'anders')], max_length=20, verbose_name='reden')),
                    ('note', models.TextField(blank=True, max_length=1000, verbose_name='toelichting')),
                    ('status', models.CharField(choices=[('open', 'open'), ('dismissed', 'afgewezen'), ('actioned', 'afgehandeld')], default='open', max_length=10, verbose_name='status')),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('handled_at', models.DateTimeField(blank=True, null=True)),
                    ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                    ('handled_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('reporter', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='reports_made', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'melding van misbruik',
                    'verbose_name_plural': 'meldingen van misbruik',
                    'db_table': 'ospo_nl_report',
                    'ordering': ['-created_at', '-id'],
                    'indexes': [models.Index(fields=['status', 'content_type', 'object_id'], name='report_queue_idx')],
                    'constraints': [models.UniqueConstraint(condition=models.Q(('status', 'open')), fields=('reporter', 'content_type', 'object_id'), name='report_once_while_open'), models.CheckConstraint(condition=models.Q(('reason__in', ['spam', 'abusive', 'off-topic', 'privacy', 'other'])), name='report_reason_valid'), models.CheckConstraint(condition=models.Q(('status__in', ['open', 'dismissed', 'actioned'])), name='report_status_valid')],
                },
            ),
        ]),
        relabel_content_types('ospo_nl', 'moderation', ['report', 'moderationaction']),
    ]
