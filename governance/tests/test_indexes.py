"""The indexes the governance pages' statements rely on exist in the database, on SQLite and on
PostgreSQL alike (governance/migrations)."""

import pytest
from django.db import connection

from governance.models import Membership

pytestmark = pytest.mark.django_db


def test_a_meetings_voting_seats_are_counted_from_an_index():
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, Membership._meta.db_table)
    assert found["membership_seats"]["index"]
    assert found["membership_seats"]["columns"] == ["board_id", "role", "start_date", "end_date"]
