
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='searchentry',
            name='audience',
            field=models.CharField(choices=[('public', 'openbaar'), ('members', 'alleen leden'), ('experts', 'alleen experts')], default='public', max_length=10),
        ),
    ]
