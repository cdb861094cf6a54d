"""The public pages' addresses: /open/, then each partnership's under its slug."""

from django.urls import path

from reporting.public import contracts, views

app_name = "public"

urlpatterns = [
    path("", views.partnership_index, name="index"),
    path("<slug:slug>/", views.partnership_home, name="partnership"),
    path("<slug:slug>/you-said-we-did/", views.you_said_we_did, name="you_said_we_did"),
    path("<slug:slug>/priorities/", views.priorities, name="priorities"),
    path("<slug:slug>/contracts/", contracts.contracts_register, name="contracts"),
    path("<slug:slug>/contracts.csv", contracts.contracts_csv, name="contracts_csv"),
]
