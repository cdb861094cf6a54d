"""`__in` on integer columns that ignores numbers the column cannot hold.

Django's exact, greater-than and less-than lookups on integers already treat an out-of-range
number as matching nothing (or everything); its `__in` passes it to the database, which fails
(OverflowError on SQLite, "integer out of range" on PostgreSQL). A form checking a list of
submitted ids, such as a ModelMultipleChoiceField, runs exactly that query, so a forged id
would answer 500 instead of "not a valid choice". Registered by GovernanceConfig.ready.
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            internal_type = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(internal_type)
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)


def register() -> None:
    IntegerField.register_lookup(IntegerFieldIn)
