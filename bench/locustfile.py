"""Load test: demo users signing in and reading the main pages.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/jcm_bench \\
        DJANGO_SETTINGS_MODULE=config.settings.test \\
        .venv/bin/gunicorn config.wsgi --workers 4 --bind 127.0.0.1:8001
    .venv/bin/locust -f bench/locustfile.py --headless -u 50 -r 10 -t 60s \\
        --host http://127.0.0.1:8001 --csv bench/results/locust --only-summary

Run bench/pages.py first, so the database holds 100 times the demo data. The test settings
serve plain HTTP (production's secure cookies would not travel over it) with DEBUG off.
"""

import random
import re

from locust import HttpUser, between, task

# The demo users of governance/demo_users.py (`load_demo` creates them).
DEMO_USERS = [
    ("commissioner", "demo-commissioner-2026"),
    ("board", "demo-board-member-2026"),
    ("administrator", "demo-administrator-2026"),
]
PRIORITY_LINK = re.compile(r'href="(/priorities/areas/\d+/)"')


class PartnershipUser(HttpUser):
    wait_time = between(1, 3)

    def on_start(self) -> None:
        username, password = random.choice(DEMO_USERS)
        self.client.get("/accounts/login/")
        response = self.client.post(
            "/accounts/login/",
            {
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
            },
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="sign in",
        )
        response.raise_for_status()
        frameworks = self.client.get("/priorities/", name="framework list").text
        self.priority_pages = PRIORITY_LINK.findall(frameworks) or ["/priorities/"]

    @task(3)
    def action_list(self) -> None:
        self.client.get("/priorities/actions/", name="action list")

    @task(2)
    def priority_page(self) -> None:
        self.client.get(random.choice(self.priority_pages), name="priority page")

    @task(2)
    def contracts(self) -> None:
        self.client.get("/commissioning/contracts/", name="contracts register")

    @task(2)
    def cycle_board(self) -> None:
        self.client.get("/commissioning/", name="cycle board")

    @task(1)
    def participation(self) -> None:
        self.client.get("/participation/", name="participation log")

    @task(1)
    def governance(self) -> None:
        self.client.get("/governance/", name="governance structure")
