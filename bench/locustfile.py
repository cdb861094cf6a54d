"""Load test: the commissioner and board member journeys of the demo users, a commissioner
logging progress among the reads (3 commissioners to 2 board members), or a signed-in user
asking for the bare view alone, to compare with.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/jcm_bench \\
        DJANGO_SETTINGS_MODULE=config.settings.bench \\
        .venv/bin/gunicorn config.wsgi --workers 4 --bind 127.0.0.1:8001
    # the product's mix, then the bare view, each without pauses between requests:
    LOCUST_NO_PAUSES=1 .venv/bin/locust -f bench/locustfile.py --headless -u 50 -r 10 -t 60s \\
        --host http://127.0.0.1:8001 --csv bench/results/locust --only-summary \\
        Commissioner BoardMember
    LOCUST_NO_PAUSES=1 .venv/bin/locust -f bench/locustfile.py --headless -u 50 -r 10 -t 60s \\
        --host http://127.0.0.1:8001 --csv bench/results/locust-bare --only-summary BareView

Run bench/pages.py first, so the database holds 100 times the demo data. The bench settings
are the test settings (plain HTTP: production's secure cookies would not travel over it; DEBUG
off) plus the bare view at /bench/bare/ (config/urls_bench.py). Without LOCUST_NO_PAUSES each
user waits 1 to 3 seconds between requests, as a person would.
"""

import datetime
import os
import random
import re

from locust import HttpUser, between, constant, task

PRIORITY_LINK = re.compile(r'href="(/priorities/areas/\d+/)"')
ACTION_LINK = re.compile(r'href="(/priorities/actions/\d+/)"')
# Requests as fast as the server answers them (capacity), or at a person's pace.
WAIT_TIME = constant(0) if os.environ.get("LOCUST_NO_PAUSES") else between(1, 3)
REPORT_LINK = re.compile(r'href="(/priorities/reports/\d+/)"')
FRAMEWORK_LINK = re.compile(r'href="(/priorities/frameworks/\d+/)"')


class SignedInUser(HttpUser):
    """Signs in as one of the demo users of core/demo_users.py (`load_demo`)."""

    abstract = True
    wait_time = WAIT_TIME
    username = ""
    password = ""

    def on_start(self) -> None:
        self.client.get("/accounts/login/", name="sign in page")
        response = self.client.post(
            "/accounts/login/",
            {
                "username": self.username,
                "password": self.password,
                "csrfmiddlewaretoken": self.csrf_token(),
            },
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="sign in",
        )
        response.raise_for_status()

    def csrf_token(self) -> str:
        return self.client.cookies.get("csrftoken", "")

    def links(self, url: str, pattern: re.Pattern, name: str) -> list[str]:
        return pattern.findall(self.client.get(url, name=name).text)


class Commissioner(SignedInUser):
    """Keeps an action plan: reads their priority and actions, logs progress, checks the cycle
    and the contracts."""

    weight = 3
    username, password = "commissioner", "demo-commissioner-2026"

    def on_start(self) -> None:
        super().on_start()
        frameworks = self.links("/priorities/", FRAMEWORK_LINK, "framework list")
        self.priority_pages = [
            page
            for framework in frameworks
            for page in self.links(framework, PRIORITY_LINK, "framework overview")
        ]
        self.my_actions = self.links("/priorities/actions/mine/", ACTION_LINK, "my actions")
        # A journey with nothing to open would only raise errors: fail the user at once.
        assert self.priority_pages and self.my_actions, "no priorities or actions to work on"

    @task(2)
    def priority_page(self) -> None:
        self.client.get(random.choice(self.priority_pages), name="priority page")

    @task(2)
    def action_list(self) -> None:
        self.client.get("/priorities/actions/?sort=-rag", name="action list")

    @task(2)
    def log_progress(self) -> None:
        action = random.choice(self.my_actions)
        self.client.get(action, name="action page")
        self.client.post(
            f"{action}progress/",
            {
                "csrfmiddlewaretoken": self.csrf_token(),
                "date": datetime.date.today().isoformat(),
                "rag": random.choice(["green", "amber", "red"]),
                "percent_complete": random.randint(0, 100),
                "narrative": "Progress logged by the load test.",
                # A RAG other than the one suggested needs its reason.
                "rag_override_reason": "Chosen at random by the load test.",
            },
            headers={"Referer": f"{self.host}{action}"},
            name="log progress",
        ).raise_for_status()

    @task(2)
    def cycle_board(self) -> None:
        self.client.get("/commissioning/", name="cycle board")

    @task(1)
    def contracts(self) -> None:
        self.client.get("/commissioning/contracts/", name="contracts register")

    @task(1)
    def participation(self) -> None:
        self.client.get("/participation/", name="participation log")


class BoardMember(SignedInUser):
    """Reads the termly reports and the partnership's structure and decisions."""

    weight = 2
    username, password = "board", "demo-board-member-2026"

    def on_start(self) -> None:
        super().on_start()
        self.reports = self.links("/priorities/reports/", REPORT_LINK, "report list")
        self.frameworks = self.links("/priorities/", FRAMEWORK_LINK, "framework list")
        assert self.reports and self.frameworks, "no reports or frameworks to read"

    @task(3)
    def report(self) -> None:
        self.client.get(random.choice(self.reports), name="termly report")

    @task(1)
    def report_list(self) -> None:
        self.client.get("/priorities/reports/", name="report list")

    @task(1)
    def governance(self) -> None:
        self.client.get("/governance/", name="governance structure")

    @task(1)
    def decisions(self) -> None:
        self.client.get("/governance/decisions/", name="decisions log")

    @task(1)
    def overview(self) -> None:
        self.client.get(random.choice(self.frameworks), name="framework overview")


class BareView(SignedInUser):
    """Signed in, asks for the bare view alone: the least a signed-in request costs
    (config/urls_bench.py), for the product's mix to be compared with. Name the classes to
    run on the command line (`BareView`, or `Commissioner BoardMember`)."""

    username, password = "commissioner", "demo-commissioner-2026"

    @task
    def bare(self) -> None:
        self.client.get("/bench/bare/", name="bare view")
