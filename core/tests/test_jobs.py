"""Jobs tried again when they fail (core.jobs.retried_task), and the failures administrators see."""

import datetime

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from core.jobs import attempt_of, retried_task, retry_delay
from core.tests.factories import CommissionerFactory
from core.tests.sign_in import sign_in

pytestmark = pytest.mark.django_db

# What the jobs below did, by the test that made them fail.
DONE: list[str] = []
FAILURES_LEFT = {"count": 0}


@retried_task(max_attempts=3, backoff=datetime.timedelta(minutes=1))
def flaky_job(label: str) -> str:
    """Fails while FAILURES_LEFT says so, then records its work once per label."""
    if FAILURES_LEFT["count"] > 0:
        FAILURES_LEFT["count"] -= 1
        raise ConnectionError(f"The mail server refused {label}")
    if label not in DONE:
        DONE.append(label)
    return label


@pytest.fixture(autouse=True)
def fresh():
    DONE.clear()
    FAILURES_LEFT["count"] = 0


def _results():
    return list(DBTaskResult.objects.order_by("enqueued_at", "finished_at", "status"))


def test_a_failed_attempt_is_tried_again_later_and_then_succeeds(run_jobs, clock):
    FAILURES_LEFT["count"] = 1
    flaky_job.enqueue("reminders")
    assert run_jobs() == ["flaky_job"]
    failed = DBTaskResult.objects.get(status="FAILED")
    assert "ConnectionError: The mail server refused reminders" in failed.traceback
    retry = DBTaskResult.objects.get(status="READY")
    assert attempt_of(retry.args_kwargs["kwargs"]) == 2
    assert retry.run_after == failed.finished_at + datetime.timedelta(minutes=1)
    assert run_jobs() == [], "not before its time"
    clock.shift(datetime.timedelta(minutes=1))
    assert run_jobs() == ["flaky_job"]
    assert DONE == ["reminders"]
    assert DBTaskResult.objects.successful().get().return_value == "reminders"


def test_a_job_that_keeps_failing_gives_up_after_its_attempts(run_jobs, clock):
    FAILURES_LEFT["count"] = 10
    flaky_job.enqueue("digest")
    for _ in range(5):
        run_jobs()
        clock.shift(datetime.timedelta(minutes=5))
    failed = DBTaskResult.objects.failed()
    assert sorted(attempt_of(result.args_kwargs["kwargs"]) for result in failed) == [1, 2, 3]
    assert not DBTaskResult.objects.ready().exists(), "no fourth attempt"
    assert DONE == []


def test_the_wait_doubles_with_each_attempt():
    backoff = datetime.timedelta(minutes=2)
    assert [retry_delay(attempt=n, backoff=backoff).seconds // 60 for n in (1, 2, 3)] == [2, 4, 8]


def test_a_job_run_twice_does_its_work_once(run_jobs):
    flaky_job.enqueue("pack")
    flaky_job.enqueue("pack")
    run_jobs()
    assert DONE == ["pack"] and DBTaskResult.objects.successful().count() == 2


def test_a_job_needs_an_attempt():
    with pytest.raises(ValueError):
        retried_task(max_attempts=0)


def test_administrators_see_failed_jobs_with_their_error(administrator_client, run_jobs, clock):
    FAILURES_LEFT["count"] = 10
    flaky_job.enqueue("digest")
    for _ in range(3):
        run_jobs()
        clock.shift(datetime.timedelta(minutes=5))
    listing = administrator_client.get(reverse("admin:reporting_failedjob_changelist"))
    page = listing.content.decode()
    assert "3 failed jobs" in page
    assert page.count("ConnectionError: The mail server refused digest") == 3
    assert "3 of 3" in page and "1 of 3" in page
    failed = DBTaskResult.objects.failed().first()
    detail = administrator_client.get(
        reverse("admin:reporting_failedjob_change", args=[failed.pk])
    ).content.decode()
    assert "Traceback" in detail
    every_job = administrator_client.get(
        reverse("admin:django_tasks_database_dbtaskresult_changelist")
    ).content.decode()
    assert "3 task results" in every_job.lower() and "flaky_job" in every_job


def test_only_administrators_see_the_jobs(client, run_jobs):
    FAILURES_LEFT["count"] = 1
    flaky_job.enqueue("digest")
    run_jobs()
    # Staff status and every view permission are not enough without the administrator role.
    from django.contrib.auth.models import Permission

    staff = CommissionerFactory(is_staff=True)
    staff.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    sign_in(client, staff)
    for name in (
        "admin:reporting_failedjob_changelist",
        "admin:django_tasks_database_dbtaskresult_changelist",
    ):
        assert client.get(reverse(name)).status_code in (302, 403)
    assert "Failed jobs" not in client.get(reverse("admin:index")).content.decode()
