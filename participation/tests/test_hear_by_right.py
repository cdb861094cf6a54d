"""The Hear by Right self-assessment: a year's seven standards scored on evidence, shown against
the year before, edited by whoever logs participation, and kept to its partnership."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core import roles
from core.academic_years import academic_year_dates, academic_year_label, academic_year_of
from core.personal_data import check_text
from core.tests.factories import PartnershipFactory, UserFactory, give_role
from core.tests.helpers import form_data
from core.tests.sign_in import sign_in
from participation.models import (
    HearByRightAssessment,
    HearByRightLevel,
    HearByRightScore,
    Standard,
)
from participation.tests.factories import (
    HearByRightAssessmentFactory,
    HearByRightScoreFactory,
    ParticipationRecordFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

PAGE = reverse("participation:hear_by_right")


@pytest.fixture
def year() -> int:
    return academic_year_of(timezone.localdate())


@pytest.fixture
def edit_url(year) -> str:
    return reverse("participation:hear_by_right_edit", args=[year])


def _scored(year: int, levels: dict[str, int], **kwargs) -> HearByRightAssessment:
    """An assessment of `year` with each standard at emerging but those in `levels`."""
    assessment = HearByRightAssessmentFactory(year=year, scored=True, **kwargs)
    for standard, level in levels.items():
        HearByRightScore.objects.filter(assessment=assessment, standard=standard).update(
            level=level, evidence=f"Evidence for {standard} in {academic_year_label(year)}."
        )
    return assessment


def _this_years_record(**kwargs):
    """A record dated in this academic year (the clock may stand on 1 September)."""
    start, _ = academic_year_dates(academic_year_of(timezone.localdate()))
    return ParticipationRecordFactory(date=max(start, timezone.localdate()), **kwargs)


def _opened(client: Client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    return form_data(response.context["form"])


def _all_emerging(data: dict) -> dict:
    return data | {f"{standard}_level": "1" for standard in Standard.values}


# Models


def test_a_partnership_has_one_assessment_a_year(year):
    HearByRightAssessmentFactory(year=year)
    with pytest.raises(IntegrityError), transaction.atomic():
        HearByRightAssessmentFactory(year=year)


def test_an_assessment_scores_each_standard_once():
    score = HearByRightScoreFactory(standard="strategy")
    with pytest.raises(IntegrityError), transaction.atomic():
        HearByRightScoreFactory(assessment=score.assessment, standard="strategy")


def test_a_level_above_emerging_needs_evidence_in_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        HearByRightScoreFactory(level=HearByRightLevel.ADVANCED, evidence="")


def test_a_level_off_the_scale_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        HearByRightScoreFactory(level=4)


def test_the_levels_compare_in_order():
    assert HearByRightLevel.EMERGING < HearByRightLevel.ESTABLISHED < HearByRightLevel.ADVANCED


# The comparison page


def test_the_page_shows_both_years_levels_and_the_change(board_member_client, year):
    _scored(year - 1, {"strategy": 2, "structures": 3, "style": 2})
    _scored(year, {"strategy": 3, "structures": 2, "style": 2})

    page = board_member_client.get(PAGE).content.decode()

    assert f"Hear by Right self-assessment {academic_year_label(year)}" in page
    rows = {
        label: page.split(f'<th scope="row">{label}<p')[1].split("</tr>")[0]
        for label in ("Strategy", "Structures", "Style", "Systems")
    }
    assert rows["Strategy"].index("Established") < rows["Strategy"].index("Advanced")
    assert "▲</span> Up" in rows["Strategy"]
    assert "▼</span> Down" in rows["Structures"]
    assert "=</span> Same" in rows["Style"]
    assert "=</span> Same" in rows["Systems"]
    assert f"Evidence for strategy in {academic_year_label(year)}." in rows["Strategy"]
    assert f"Evidence for strategy in {academic_year_label(year - 1)}." in rows["Strategy"]


def test_a_standard_scored_only_this_year_has_no_comparison(board_member_client, year):
    _scored(year, {"skills_knowledge": 2})
    page = board_member_client.get(PAGE).content.decode()
    assert page.count("No comparison") == 7
    assert page.count("Not scored") == 7


def test_linked_records_show_beside_the_evidence(board_member_client, year):
    record = _this_years_record(title="Youth Cabinet on risky behaviour campaigns")
    assessment = _scored(year, {"structures": 2})
    assessment.scores.get(standard="structures").records.add(record)
    page = board_member_client.get(PAGE).content.decode()
    assert f'<a href="{record.get_absolute_url()}">{record}</a>' in page


def test_without_an_assessment_a_lead_is_offered_to_start_this_years(commissioner_client, area):
    page = commissioner_client.get(PAGE).content.decode()
    assert "This year's self-assessment has not been started." in page
    assert "Start this year's self-assessment" in page
    assert "<table" not in page


def test_a_board_member_reads_but_is_offered_no_edit(board_member_client, year):
    _scored(year, {})
    page = board_member_client.get(PAGE).content.decode()
    assert "Emerging" in page
    assert "Edit the" not in page and "Start this year" not in page


def test_the_page_costs_the_same_queries_at_more_records(
    board_member_client, year, django_assert_max_num_queries
):
    def add(count: int) -> None:
        for assessment in HearByRightAssessment.objects.all():
            for score in assessment.scores.all():
                score.records.add(*(_this_years_record() for _ in range(count)))

    _scored(year - 1, {})
    _scored(year, {})
    add(1)
    board_member_client.get(PAGE)  # warm the session
    with CaptureQueriesContext(connection) as at_1x:
        assert board_member_client.get(PAGE).status_code == 200
    add(3)
    with django_assert_max_num_queries(len(at_1x)):
        response = board_member_client.get(PAGE)
    assert response.content.decode().count("<li><a href=") >= 14 * 4


# The form


def test_a_lead_scores_the_year_with_records_as_evidence(commissioner_client, area, edit_url):
    record = _this_years_record(title="Children in Care Council session")
    data = _all_emerging(_opened(commissioner_client, edit_url)) | {
        "strategy_level": "2",
        "strategy_evidence": "The Children in Care Council helped write the strategy.",
        "strategy_records": [record.pk],
        "status": "agreed",
    }

    response = commissioner_client.post(edit_url, data, follow=True)

    assessment = HearByRightAssessment.objects.get()
    assert (assessment.status, assessment.scores.count()) == ("agreed", 7)
    strategy = assessment.scores.get(standard="strategy")
    assert strategy.level == HearByRightLevel.ESTABLISHED
    assert list(strategy.records.all()) == [record]
    page = response.content.decode()
    assert f"Hear by Right self-assessment for {assessment.year_label} saved." in page
    assert "The Children in Care Council helped write the strategy." in page


def test_a_level_above_emerging_without_evidence_is_refused_beside_the_field(
    commissioner_client, area, edit_url
):
    data = _all_emerging(_opened(commissioner_client, edit_url)) | {
        "style_level": "3",
        "strategy_evidence": "Kept as typed.",
    }
    response = commissioner_client.post(edit_url, data)
    assert response.status_code == 200
    assert response.context["form"].errors["style_evidence"] == [
        "Say what shows this standard is established or advanced."
    ]
    assert "Kept as typed." in response.content.decode()
    assert not HearByRightAssessment.objects.exists()


def test_evidence_naming_a_child_is_refused(commissioner_client, area, edit_url):
    named = "Jamie Smith, aged 9, told staff at the review."
    data = _all_emerging(_opened(commissioner_client, edit_url)) | {"staff_evidence": named}
    response = commissioner_client.post(edit_url, data)
    assert response.context["form"].errors["staff_evidence"] == [check_text(named)]
    assert "Jamie Smith" in check_text(named)
    assert not HearByRightAssessment.objects.exists()


def test_only_this_years_records_of_the_partnership_can_be_linked(
    commissioner_client, area, edit_url, year
):
    start, _ = academic_year_dates(year)
    last_year = ParticipationRecordFactory(date=start - datetime.timedelta(days=1))
    data = _all_emerging(_opened(commissioner_client, edit_url)) | {
        "systems_records": [last_year.pk]
    }
    response = commissioner_client.post(edit_url, data)
    assert "systems_records" in response.context["form"].errors
    assert not HearByRightAssessment.objects.exists()


def test_the_second_of_two_edits_is_refused_with_what_changed(commissioner, area, edit_url, year):
    assessment = _scored(year, {})
    first, second = sign_in(Client(), commissioner), sign_in(Client(), commissioner)
    first_data, second_data = _opened(first, edit_url), _opened(second, edit_url)

    saved = first.post(
        edit_url,
        first_data | {"skills_level": "1", "staff_level": "2", "staff_evidence": "Trained."},
    )
    refused = second.post(edit_url, second_data | {"style_evidence": "Mine."})

    assert saved.status_code == 302
    assert refused.status_code == 409
    assert refused.context["conflict_changes"] == [
        ("Staff: level", "Established"),
        ("Staff: evidence", "Trained."),
    ]
    page = refused.content.decode()
    assert "Not saved: someone else saved this self-assessment" in page
    assert "Mine." in page
    assessment.refresh_from_db()
    assert assessment.version == 2
    assert assessment.scores.get(standard="style").evidence == ""

    again = form_data(refused.context["form"]) | {"style_evidence": "Mine."}
    assert second.post(edit_url, again).status_code == 302
    assert assessment.scores.get(standard="style").evidence == "Mine."
    # Saving again is a knowing overwrite: the whole form, as the second editor kept it.
    assert assessment.scores.get(standard="staff").level == HearByRightLevel.EMERGING
    assessment.refresh_from_db()
    assert assessment.version == 3


def test_an_edit_posted_without_its_version_is_refused_as_stale(
    commissioner_client, area, edit_url, year
):
    _scored(year, {})
    data = _opened(commissioner_client, edit_url) | {"version": ""}
    assert commissioner_client.post(edit_url, data).status_code == 409


def test_the_history_lists_each_standards_changes(commissioner_client, area, edit_url, year):
    assessment = _scored(year, {})
    data = _opened(commissioner_client, edit_url)
    commissioner_client.post(
        edit_url, data | {"strategy_level": "2", "strategy_evidence": "Young people helped."}
    )
    url = reverse("participation:hear_by_right_history", args=[assessment.pk])
    page = commissioner_client.get(url).content.decode()
    strategy = page.split('<h2 class="h4 mt-4">Strategy</h2>')[1].split("<h2")[0]
    assert "Emerging" in strategy and "Established" in strategy
    assert "Young people helped." in strategy


# Permissions


def test_a_board_member_cannot_edit(board_member_client, edit_url, year):
    _scored(year, {})
    assert board_member_client.get(edit_url).status_code == 403
    assert board_member_client.post(edit_url, {"status": "agreed"}).status_code == 403
    assert HearByRightAssessment.objects.get().status == "draft"


def test_a_commissioner_leading_no_priority_cannot_edit(commissioner_client, edit_url):
    assert commissioner_client.get(edit_url).status_code == 403


def test_another_partnership_sees_its_own_year_not_ours(year):
    ours = _scored(year, {"strategy": 3})
    west = PartnershipFactory(short_name="West Cheshire")
    theirs = sign_in(Client(), give_role(UserFactory(), roles.BOARD_MEMBER, west))

    page = theirs.get(PAGE).content.decode()

    assert "This year's self-assessment has not been started." in page
    assert "Advanced" not in page and "Evidence for strategy" not in page
    history = reverse("participation:hear_by_right_history", args=[ours.pk])
    assert theirs.get(history).status_code == 404


def test_a_year_off_the_calendar_is_not_found(board_member_client):
    url = reverse("participation:hear_by_right_year", args=[99999])
    assert board_member_client.get(url).status_code == 404
