"""Models moved here from the project package with their tables (ospo_nl.core.model_moves)."""


import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from ospo_nl.core.model_moves import relabel_content_types, rename_task_paths


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('django_tasks_database', '0001_initial'),
        # The tables were made by the project package's migrations, before they moved here.
        ('ospo_nl', '0010_search_entry_date_index'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.CreateModel(
                name='DigestRun',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('period', models.CharField(choices=[('daily', 'dagelijks'), ('weekly', 'wekelijks')], max_length=10)),
                    ('period_key', models.CharField(help_text='2025-01-31 (daily) or 2025-W05 (weekly)', max_length=12)),
                    ('notification_count', models.PositiveIntegerField(default=0)),
                    ('sent_at', models.DateTimeField(auto_now_add=True)),
                    ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'verstuurde samenvatting',
                    'verbose_name_plural': 'verstuurde samenvattingen',
                    'db_table': 'ospo_nl_digestrun',
                    'constraints': [models.UniqueConstraint(fields=('user', 'period', 'period_key'), name='digest_run_once_per_period')],
                },
            ),
            migrations.CreateModel(
                name='Notification',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('event', models.CharField(choices=[('answer', 'nieuw antwoord'), ('comment', 'nieuwe reactie'), ('accepted', 'antwoord geaccepteerd'), ('expertise', 'casus in je expertise'), ('assigned', 'casus aan jou toegewezen'), ('mention', 'vermelding'), ('reply', 'antwoord in gevolgd onderwerp'), ('reminder', 'onbeantwoorde casus'), ('tag', 'nieuwe casus met een tag die je volgt')], max_length=20)),
                    ('object_id', models.PositiveBigIntegerField()),
                    ('title', models.CharField(max_length=300)),
                    ('url', models.CharField(max_length=500)),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('read_at', models.DateTimeField(blank=True, null=True)),
                    ('emailed_at', models.DateTimeField(blank=True, null=True)),
                    ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                    ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'melding',
                    'verbose_name_plural': 'meldingen',
                    'db_table': 'ospo_nl_notification',
                    'ordering': ['-created_at', '-id'],
                    'indexes': [models.Index(fields=['recipient', 'read_at', '-created_at'], name='notification_inbox_idx')],
                },
            ),
            migrations.CreateModel(
                name='NotificationSettings',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('email_mode', models.CharField(choices=[('immediate', 'direct, een e-mail per melding'), ('daily', 'dagelijkse samenvatting'), ('weekly', 'wekelijkse samenvatting'), ('off', 'geen e-mail')], default='daily', max_length=10, verbose_name='e-mail over meldingen')),
                    ('urgent_immediately', models.BooleanField(default=True, help_text='Alleen voor experts; geldt niet als je e-mail hebt uitgezet.', verbose_name='casussen in mijn expertise en toewijzingen direct mailen')),
                    ('language', models.CharField(choices=[('nl', 'Nederlands'), ('en', 'English')], default='nl', max_length=10, verbose_name='taal van de e-mails')),
                    ('is_away', models.BooleanField(default=False, help_text='Zolang je afwezig bent, krijg je geen nieuwe casussen voorgelegd.', verbose_name='afwezig')),
                    ('max_open_claims', models.PositiveSmallIntegerField(default=3, help_text='Heb je zoveel opgepakte casussen open, dan krijg je even geen nieuwe voorgelegd.', verbose_name='maximaal aantal open casussen tegelijk')),
                    ('updated_at', models.DateTimeField(auto_now=True)),
                    ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='notification_settings', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'meldingsinstellingen',
                    'verbose_name_plural': 'meldingsinstellingen',
                    'db_table': 'ospo_nl_notificationsettings',
                    'constraints': [models.CheckConstraint(condition=models.Q(('email_mode__in', ['immediate', 'daily', 'weekly', 'off'])), name='notification_settings_email_mode_valid'), models.CheckConstraint(condition=models.Q(('max_open_claims__gte', 1), ('max_open_claims__lte', 50)), name='notification_settings_max_open_claims_range')],
                },
            ),
        ]),
        relabel_content_types('ospo_nl', 'notifications', ['notification', 'notificationsettings', 'digestrun']),
        rename_task_paths([('ospo_nl.tasks.deliver_notifications', 'ospo_nl.notifications.tasks.deliver_notifications')]),
    ]
