"""URLs of the priorities app; its pages arrive with its issue."""

app_name = "priorities"

urlpatterns: list = []
