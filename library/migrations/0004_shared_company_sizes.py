"""Case studies take the company sizes of company profiles
(home.choices.CompanySize): the labels give the number of people, and
"250 people or more" is added. The stored values (micro, small, medium)
stay as they are, so no rows change."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('library', '0003_alter_readcount_page'),
    ]

    operations = [
        migrations.AlterField(
            model_name='casestudypage',
            name='company_size',
            field=models.CharField(blank=True, choices=[('micro', '1–9 people'), ('small', '10–49 people'), ('medium', '50–249 people'), ('large', '250 people or more')], max_length=10, verbose_name='size'),
        ),
    ]
