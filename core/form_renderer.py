"""The form renderer: Django's Jinja2 copies of its widget templates, several times faster than
the same templates in Django's template language for long drop-downs (bench/pages.py); a
template that exists only in Django's language (the admin's own widgets) is rendered by it."""

from django.forms.renderers import DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist


class FormRenderer(Jinja2):
    fallback = DjangoTemplates()

    def get_template(self, template_name):
        try:
            return super().get_template(template_name)
        except TemplateDoesNotExist:
            return self.fallback.get_template(template_name)
