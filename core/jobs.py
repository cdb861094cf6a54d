"""Background jobs that are tried again when they fail.

django-tasks (the interface Django 6 adopts as `django.tasks`) runs a task once: a task that
raises is marked failed and never run again. `retried_task` adds what the product needs on top:
a job that raises is enqueued again, later each time (`backoff`, doubled per attempt), up to
`max_attempts` attempts; each failed attempt stays recorded as failed with its traceback, and
the attempt it was is in its keyword arguments (`job_attempt`), so administrators see every
error and whether it was tried again (reporting's "Failed jobs" admin).

A retried job must be idempotent (run twice, it does its work once): an attempt may fail after
doing part of its work, or two workers may pick up copies enqueued by two requests.
"""

import datetime
import functools
import logging
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task

logger = logging.getLogger(__name__)

ATTEMPT_KWARG = "job_attempt"


def later(job: Task, delay: datetime.timedelta) -> Task:
    """The job to run after `delay`, on a backend that can defer (the database's); at once on
    one that cannot (the immediate backend)."""
    if job.get_backend().supports_defer:
        return job.using(run_after=timezone.now() + delay)
    return job


def retry_delay(*, attempt: int, backoff: datetime.timedelta) -> datetime.timedelta:
    """How long after a failed attempt the next one runs: backoff, then twice that, and so on."""
    return backoff * 2 ** (attempt - 1)


def retried_task(
    *,
    max_attempts: int = 3,
    backoff: datetime.timedelta = datetime.timedelta(minutes=1),
    **task_options: Any,
) -> Callable[[Callable[..., Any]], Task]:
    """Make a module-level function a task that is enqueued again when it raises, up to
    `max_attempts` attempts in all."""
    if max_attempts < 1:
        raise ValueError("A job needs at least one attempt.")

    def decorate(func: Callable[..., Any]) -> Task:
        @functools.wraps(func)
        def attempt_once(*args: Any, job_attempt: int = 1, **kwargs: Any) -> Any:
            try:
                return func(*args, **kwargs)
            except Exception:
                if job_attempt < max_attempts:
                    delay = retry_delay(attempt=job_attempt, backoff=backoff)
                    logger.warning(
                        "Job %s failed (attempt %d of %d): trying again in %s.",
                        job.name,
                        job_attempt,
                        max_attempts,
                        delay,
                    )
                    later(job, delay).enqueue(*args, **{ATTEMPT_KWARG: job_attempt + 1}, **kwargs)
                else:
                    logger.error("Job %s failed %d times: giving up.", job.name, max_attempts)
                raise

        attempt_once.max_attempts = max_attempts  # type: ignore[attr-defined]
        job = task(**task_options)(attempt_once)
        return job

    return decorate


def attempt_of(kwargs: dict[str, Any]) -> int:
    """Which attempt a job's recorded keyword arguments were."""
    return int(kwargs.get(ATTEMPT_KWARG, 1))


def max_attempts_of(job: Task) -> int:
    """How many attempts a job gets (1 for a plain task)."""
    return int(getattr(job.func, "max_attempts", 1))
