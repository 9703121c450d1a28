"""Trying a background task again, later, when something outside the
portal (a mail server, a remote service) failed for a while.

A task that may hit such a failure takes the context and an `attempt`
argument, and calls `retry_later` from its `except` block:

    @task(takes_context=True)
    def deliver(context, payload, attempt=1):
        try:
            ...
        except OSError as error:
            retry_later(context, error)

`retry_later` enqueues the same task with the same arguments and
`attempt + 1`, to run after 1, 5, 25, 125 minutes; this attempt then ends
normally (its result names the retry), so only a task that gave up shows as
failed. After the last attempt the error is raised, and the database backend
keeps the task as failed with the exception and its traceback (the failed
tasks report in the admin lists them). A backend that cannot defer (the
immediate one, in tests) does not retry: the error is raised at once, and
that backend logs it and never lets it reach the request.
"""

import logging
from datetime import timedelta

from django.utils import timezone

logger = logging.getLogger(__name__)

ATTEMPTS = 5
FIRST_DELAY = timedelta(minutes=1)
FACTOR = 5


def delay_before(attempt, first_delay=FIRST_DELAY, factor=FACTOR):
    """The wait before attempt number `attempt + 1`: 1, 5, 25, 125 minutes."""
    return first_delay * factor ** (attempt - 1)


def retry_later(context, error, *, attempts=ATTEMPTS, first_delay=FIRST_DELAY, factor=FACTOR):
    """Enqueue the running task again after a growing delay, or raise `error`
    when this was the last attempt or the backend cannot defer. Returns what
    the task should return: a note of the retry, kept as its result."""
    result = context.task_result
    attempt = result.kwargs.get("attempt", 1)
    task = result.task
    if attempt >= attempts or not task.get_backend().supports_defer:
        raise error
    run_after = timezone.now() + delay_before(attempt, first_delay, factor)
    retry = task.using(run_after=run_after).enqueue(
        *result.args, **{**result.kwargs, "attempt": attempt + 1}
    )
    logger.warning(
        "Task %s failed (attempt %d of %d: %r); trying again after %s as %s",
        task.name,
        attempt,
        attempts,
        error,
        run_after.isoformat(),
        retry.id,
    )
    return {"retried_as": str(retry.id), "run_after": run_after.isoformat(), "error": repr(error)}
