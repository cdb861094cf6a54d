"""URLs of the commissioning app; its pages arrive with its issue."""

app_name = "commissioning"

urlpatterns: list = []
