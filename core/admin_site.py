"""The project's admin site: every ModelAdmin registered on it is kept to the administrator's
partnerships (core.admin_scoping), so no admin page can forget to be."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class PartnershipAdminSite(admin.AdminSite):
    def register(self, model_or_iterable, admin_class=None, **options):
        from core.admin_scoping import scoped_admin_class  # it reads models: apps are loaded

        super().register(
            model_or_iterable, scoped_admin_class(admin_class or admin.ModelAdmin), **options
        )


class JcmAdminConfig(AdminConfig):
    default_site = "core.admin_site.PartnershipAdminSite"
