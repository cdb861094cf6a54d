"""The participation demo data: every group the seeds name, sample records, safe to load twice."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core import roles
from core.academic_years import academic_year_dates, academic_year_of
from core.models import Partnership
from core.person_names import names_for
from core.personal_data import find_personal_data
from core.seed_files import read_partnership_rows
from core.tests.factories import UserFactory, give_role
from core.tests.sign_in import sign_in
from participation.models import (
    ConsentUse,
    HearByRightAssessment,
    HearByRightScore,
    ParticipationRecord,
    Quote,
    StakeholderGroup,
    VoiceQuestion,
    YouSaidItem,
    split_by_consent,
)
from participation.models.lundy import NEEDS_EVIDENCE
from participation.publication import public_quotes, public_row
from participation.selectors import coverage_matrix

pytestmark = pytest.mark.django_db

SEED_GROUPS = (
    "Children in Care Council",
    "Halton Youth Cabinet",
    "Young People's Senate",
    "School Councils",
    "School's Champions Group for Commissioning",
    "Parent/Carer Forum",
    "Halton Family Voice",
    "Halton ImPart",
    "INVOLVE Group",
    "Patient Participation Group",
    "Amplify",
)


@pytest.fixture
def loaded(demo):
    """The shared demo, loaded once for the session."""
    return demo


def _counts() -> tuple[int, ...]:
    return (
        StakeholderGroup.objects.count(),
        ParticipationRecord.objects.count(),
        VoiceQuestion.objects.count(),
        ParticipationRecord.groups.through.objects.count(),
        ParticipationRecord.priority_areas.through.objects.count(),
    )


@pytest.mark.dates
def test_loading_twice_changes_nothing(loaded):
    before = _counts()
    call_command("load_demo", stdout=StringIO())
    assert _counts() == before


def test_every_group_the_seeds_name_is_present(loaded):
    names = list(StakeholderGroup.objects.values_list("name", flat=True))
    for seed_name in SEED_GROUPS:
        assert any(seed_name in name for name in names), seed_name


def test_every_sample_record_is_loaded_and_marked(loaded):
    records = read_partnership_rows("participation", "records")
    assert ParticipationRecord.objects.count() == len(records)
    assert not ParticipationRecord.objects.filter(is_sample=False).exists()


@pytest.mark.dates
def test_some_feedback_is_owed(loaded):
    assert ParticipationRecord.objects.feedback_owed().count() >= 2


def test_children_in_care_plan_stage_is_a_gap_to_close(loaded):
    halton = Partnership.objects.get(short_name="Halton")
    user = give_role(UserFactory(), roles.BOARD_MEMBER, halton)
    row = next(
        row for row in coverage_matrix(user=user) if row.priority_area.title == "Children in Care"
    )
    assert [cell.stage for cell in row.cells if cell.is_gap] == ["plan"]


def test_some_records_of_each_partnership_are_published_one_with_a_small_count(loaded):
    published = ParticipationRecord.objects.published().select_related("partnership")
    assert {record.partnership.short_name for record in published} == {"Halton", "West Cheshire"}
    rows = [public_row(record, smallest_group=5) for record in published]
    assert any(row["taking_part"] is None for row in rows)
    assert any(band.count is None for row in rows for band in row["bands"])


LUNDY_GROUPS = (
    "Children in Care Council",
    "Halton Youth Cabinet",
    "Young People's Senate",
    "Parent/Carer Forum",
    "INVOLVE Group",
)


def test_the_seeds_groups_records_carry_lundy_evidence_in_the_seeds_words(loaded):
    for name in LUNDY_GROUPS:
        records = ParticipationRecord.objects.filter(groups__name__contains=name)
        assert records.exists(), name
        for record in records:
            assert all(result.is_recorded for result in record.lundy_results[:3]), record
            assert all(
                result.evidence for result in record.lundy_results if result.met in NEEDS_EVIDENCE
            ), record
    halton = ParticipationRecord.objects.get(title__startswith="What makes a good advocate?")
    assert "a specific and purposeful opportunity to give views" in halton.lundy_space_evidence
    involve = ParticipationRecord.objects.get(groups__name="INVOLVE Group")
    assert "critical friend to the Trust" in involve.lundy_space_evidence
    assert ParticipationRecord.objects.filter(lundy_space="").exists(), "one is not assessed"


def test_the_coverage_matrix_counts_the_demos_records_reaching_influence(loaded):
    halton = Partnership.objects.get(short_name="Halton")
    user = give_role(UserFactory(), roles.BOARD_MEMBER, halton)
    rows = {row.priority_area.title: row for row in coverage_matrix(user=user)}
    cells = {cell.stage: cell.reached_influence for cell in rows["Children in Care"].cells}
    assert cells == {"analyse": 1, "plan": 0, "do": 1, "review": 0}


@pytest.mark.dates
def test_the_seeds_groups_quotes_carry_consent_and_pass_the_check(loaded):
    quotes = list(Quote.objects.select_related("record", "given_by"))
    givers = {quote.given_by.name for quote in quotes}
    assert {
        "Children in Care Council",
        "Halton Youth Cabinet",
        "Cheshire West and Chester Young People's Senate",
        "Parent/Carer Forum",
    } <= givers
    assert {quote.consent_use for quote in quotes} == set(ConsentUse)
    # Each quote's group took part in its record, and its words pass the check.
    for quote in quotes:
        assert quote.record.groups.filter(pk=quote.given_by_id).exists(), quote
        assert not find_personal_data(quote.text, names=names_for(quote.record.partnership_id))
    # One consent has ended: the record's page withholds it; a public one is published.
    _, expired = split_by_consent(quotes, ConsentUse.INTERNAL)
    assert expired == 1
    published = ParticipationRecord.objects.published().prefetch_related("quotes")
    assert any(public_quotes(record) for record in published)


@pytest.mark.dates
def test_the_seeds_groups_close_loops_and_one_decision_is_overdue(loaded):
    items = YouSaidItem.objects.select_related("record")
    groups = set(
        ParticipationRecord.objects.filter(you_said_items__isnull=False).values_list(
            "groups__name", flat=True
        )
    )
    assert {
        "Children in Care Council",
        "Halton Youth Cabinet",
        "Cheshire West and Chester Young People's Senate",
        "Parent/Carer Forum",
        "INVOLVE Group",
    } <= groups
    assert {item.outcome for item in items} == set(YouSaidItem.Outcome)
    overdue = [item for item in items if item.is_overdue]
    assert [item.record.title for item in overdue] == [
        "Designing the early years speech and language pathway"
    ]
    # Fed back, yet owed: its decision is overdue.
    assert overdue[0].record in ParticipationRecord.objects.feedback_owed()


@pytest.mark.dates
def test_each_partnership_has_last_and_this_years_hear_by_right(loaded):
    year = academic_year_of(timezone.localdate())
    assessed = set(HearByRightAssessment.objects.values_list("partnership__short_name", "year"))
    assert assessed == {
        ("Halton", year - 1),
        ("Halton", year),
        ("West Cheshire", year - 1),
        ("West Cheshire", year),
    }
    scores = HearByRightScore.objects.select_related("assessment").prefetch_related("records")
    assert {score.assessment_id for score in scores} == set(
        HearByRightAssessment.objects.values_list("pk", flat=True)
    )
    assert scores.count() == 4 * 7
    linked = [(score, record) for score in scores for record in score.records.all()]
    assert linked, "some evidence is linked to the demo's records"
    for score, record in linked:
        start, end = academic_year_dates(score.assessment.year)
        assert start <= record.date <= end
        assert record.partnership_id == score.assessment.partnership_id


@pytest.mark.dates
def test_halton_sees_this_year_against_last_on_its_page(loaded):
    halton = Partnership.objects.get(short_name="Halton")
    client = sign_in(Client(), give_role(UserFactory(), roles.BOARD_MEMBER, halton))
    page = client.get(reverse("participation:hear_by_right")).content.decode()
    shared_values = page.split('<th scope="row">Shared values<p')[1].split("</tr>")[0]
    assert shared_values.index("Established") < shared_values.index("Advanced")
    assert "▲</span> Up" in shared_values
    assert "experts in their own lives" in page
