"""Running a unit of database work again when the database turned it away
because another transaction was writing.

PostgreSQL makes competing transactions wait for the row lock instead, so
there this never repeats anything; SQLite lets one writer at a time and
refuses the others ("database is locked"), and they try again after a
short, spread-out pause.
"""

import random
import time

from django.db import OperationalError, transaction

ATTEMPTS = 8


def serialised(work):
    """Run `work()`, trying again when the database was busy. Inside an
    outer transaction it runs once: only the outer one could be tried
    again."""
    if transaction.get_connection().in_atomic_block:
        return work()
    for number in range(1, ATTEMPTS + 1):
        try:
            return work()
        except OperationalError:
            if number == ATTEMPTS:
                raise
            time.sleep(random.uniform(0.01, 0.04) * number)  # noqa: S311
