"""Load West Cheshire's voice-of-the-child questions; administrators edit them in admin."""

from django.db import migrations

from participation.voice_questions import ensure_voice_questions


def load(apps, schema_editor):
    ensure_voice_questions(apps.get_model("participation", "VoiceQuestion"))


class Migration(migrations.Migration):
    dependencies = [("participation", "0002_role_groups")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
