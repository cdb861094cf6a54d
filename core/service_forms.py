"""Create and edit pages whose save goes through a service: the service's ValidationError comes
back on the form, beside the field it names, or on top."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpResponse, HttpResponseRedirect


def add_service_errors(form: BaseForm, error: ValidationError) -> None:
    """Show a service's validation errors on the form: beside a field it has, else on top (a
    model field the form does not show, or an error about the whole record)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


class ServiceFormMixin:
    """A FormView mixin: `form_valid` calls `perform(form)`, the service call, and keeps what it
    returns as `self.saved`; then it shows `get_success_message()` and redirects to
    `get_success_url()`, by default the saved record's page.

    A ValidationError from the service goes to `service_refused(form, error)`, which shows it on
    the form and renders it again; the service is atomic, so nothing was saved. A view that
    answers some errors itself (an edit conflict: 409 and what changed) overrides
    `service_refused` and passes the rest to super().
    """

    success_message = ""

    def perform(self, form: BaseForm) -> Any:
        """Call the service with the form's data; return what it saved."""
        raise NotImplementedError

    def form_valid(self, form: BaseForm) -> HttpResponse:
        try:
            self.saved = self.perform(form)
        except ValidationError as error:
            return self.service_refused(form, error)
        message = self.get_success_message()
        if message:
            messages.success(self.request, message)
        return HttpResponseRedirect(self.get_success_url())

    def service_refused(self, form: BaseForm, error: ValidationError) -> HttpResponse:
        add_service_errors(form, error)
        return self.form_invalid(form)

    def get_success_message(self) -> str:
        return self.success_message

    def get_success_url(self) -> str:
        return self.saved.get_absolute_url()
