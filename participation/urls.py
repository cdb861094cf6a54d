"""URLs of the participation app; its pages arrive with its issue."""

app_name = "participation"

urlpatterns: list = []
