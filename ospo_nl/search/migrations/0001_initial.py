"""Models moved here from the project package with their tables (ospo_nl.core.model_moves)."""


import django.db.models.deletion
from django.db import migrations, models

from ospo_nl.core.model_moves import relabel_content_types


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        # The tables were made by the project package's migrations, before they moved here.
        ('ospo_nl', '0010_search_entry_date_index'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.CreateModel(
                name='SearchWord',
                fields=[
                    ('word', models.CharField(max_length=40, primary_key=True, serialize=False)),
                ],
                options={
                    'verbose_name': 'woord in de zoekindex',
                    'verbose_name_plural': 'woorden in de zoekindex',
                    'db_table': 'ospo_nl_searchword',
                },
            ),
            migrations.CreateModel(
                name='Synonym',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('term', models.CharField(help_text='Bijvoorbeeld: OSPO', max_length=100, unique=True, verbose_name='term')),
                    ('synonyms', models.TextField(help_text="Gescheiden door komma's, bijvoorbeeld: open source program office", verbose_name='synoniemen')),
                    ('updated_at', models.DateTimeField(auto_now=True)),
                ],
                options={
                    'verbose_name': 'synoniem',
                    'verbose_name_plural': 'synoniemen',
                    'db_table': 'ospo_nl_synonym',
                    'ordering': ['term'],
                },
            ),
            migrations.CreateModel(
                name='SearchEntry',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('object_id', models.PositiveBigIntegerField()),
                    ('kind', models.CharField(choices=[('casus', 'casus'), ('answer', 'antwoord'), ('topic', 'forumonderwerp'), ('reply', 'forumreactie'), ('article', 'kennisbankartikel'), ('organisation', 'organisatie'), ('initiative', 'initiatief'), ('expert', 'expert')], max_length=20)),
                    ('title', models.CharField(max_length=300)),
                    ('body', models.TextField(blank=True, help_text='Plain text, no markup.')),
                    ('tags', models.TextField(blank=True, help_text='Tag names, comma separated (weighted in the search vector).')),
                    ('url', models.CharField(max_length=500)),
                    ('date', models.DateTimeField()),
                    ('audience', models.CharField(choices=[('public', 'iedereen'), ('members', 'leden'), ('experts', 'experts')], default='public', max_length=10)),
                    ('parent_id', models.PositiveBigIntegerField(blank=True, null=True)),
                    ('indexed_at', models.DateTimeField(auto_now=True)),
                    ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                    ('parent_content_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                ],
                options={
                    'verbose_name': 'zoekindex-item',
                    'verbose_name_plural': 'zoekindex',
                    'db_table': 'ospo_nl_searchentry',
                    'ordering': ['-date', '-id'],
                },
            ),
            migrations.CreateModel(
                name='SearchEntryTag',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('slug', models.CharField(max_length=100)),
                    ('name', models.CharField(max_length=100)),
                    ('entry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tag_rows', to='search.searchentry')),
                ],
                options={
                    'verbose_name': 'tag in de zoekindex',
                    'verbose_name_plural': 'tags in de zoekindex',
                    'db_table': 'ospo_nl_searchentrytag',
                    'ordering': ['name'],
                },
            ),
            migrations.AddIndex(
                model_name='searchentry',
                index=models.Index(fields=['audience', 'kind', '-date'], name='search_entry_filter_idx'),
            ),
            migrations.AddIndex(
                model_name='searchentry',
                index=models.Index(fields=['parent_content_type', 'parent_id'], name='search_entry_parent_idx'),
            ),
            migrations.AddIndex(
                model_name='searchentry',
                index=models.Index(fields=['-date', '-id'], name='search_entry_date_idx'),
            ),
            migrations.AddConstraint(
                model_name='searchentry',
                constraint=models.UniqueConstraint(fields=('content_type', 'object_id'), name='search_entry_once_per_object'),
            ),
            migrations.AddConstraint(
                model_name='searchentry',
                constraint=models.CheckConstraint(condition=models.Q(('audience__in', ['public', 'members', 'experts'])), name='search_entry_audience_valid'),
            ),
            migrations.AddConstraint(
                model_name='searchentry',
                constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['casus', 'answer', 'topic', 'reply', 'article', 'organisation', 'initiative', 'expert'])), name='search_entry_kind_valid'),
            ),
            migrations.AddIndex(
                model_name='searchentrytag',
                index=models.Index(fields=['slug', 'entry'], name='search_entry_tag_slug_idx'),
            ),
            migrations.AddConstraint(
                model_name='searchentrytag',
                constraint=models.UniqueConstraint(fields=('entry', 'slug'), name='search_entry_tag_once'),
            ),
        ]),
        relabel_content_types('ospo_nl', 'search', ['searchentry', 'searchentrytag', 'synonym', 'searchword']),
    ]
