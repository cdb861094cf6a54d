"""The Lundy model on participation records: Space, Voice, Audience and Influence, each met or
not with its evidence, shown as four badges, counted on the coverage matrix, filtered in the
log and kept in admin."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from participation.forms import ParticipationRecordForm
from participation.models import LUNDY_ELEMENTS, LUNDY_FIELDS, LundyMet, ParticipationRecord
from participation.selectors import coverage_matrix
from participation.tests.factories import ParticipationRecordFactory
from participation.tests.helpers import record_form_data
from priorities.tests.factories import PriorityAreaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

LOG = reverse("participation:record_list")
COVERAGE = reverse("participation:coverage")
CREATE = reverse("participation:record_create")

# Evidence in the words a commissioner would write, one per element.
EVIDENCE = {
    "space": "At the council's own meeting, at its usual time and place.",
    "voice": "Members talked in small groups with their participation worker.",
    "audience": "The advocacy commissioner heard it and took it to the partnership board.",
    "influence": "The specification changed; the council was told by letter.",
}


def _lundy(**met: str) -> dict[str, str]:
    """Record fields with each element given `met` and its evidence; the rest not recorded."""
    fields = {}
    for element in LUNDY_ELEMENTS:
        value = met.get(element.key, LundyMet.NOT_RECORDED)
        fields[element.met_field] = value
        fields[element.evidence_field] = EVIDENCE[element.key] if value else ""
    return fields


def _full_influence() -> dict[str, str]:
    return _lundy(space="yes", voice="yes", audience="yes", influence="yes")


# The model


def test_every_element_has_a_met_choice_and_an_evidence_field_in_lundys_order():
    assert [element.name for element in LUNDY_ELEMENTS] == [
        "Space",
        "Voice",
        "Audience",
        "Influence",
    ]
    for element in LUNDY_ELEMENTS:
        met = ParticipationRecord._meta.get_field(element.met_field)
        evidence = ParticipationRecord._meta.get_field(element.evidence_field)
        assert [label for _, label in met.choices] == ["Yes", "Partly", "No", "Not recorded"]
        assert met.default == ""
        assert evidence.max_length == 500
        assert evidence.help_text


def test_a_record_logged_before_the_lundy_model_says_not_recorded():
    record = ParticipationRecordFactory()
    record.refresh_from_db()
    assert [(r.element.name, r.met_label) for r in record.lundy_results] == [
        ("Space", "Not recorded"),
        ("Voice", "Not recorded"),
        ("Audience", "Not recorded"),
        ("Influence", "Not recorded"),
    ]
    assert not record.reached_influence


@pytest.mark.parametrize("met", ["yes", "partly"])
def test_met_or_partly_met_without_evidence_is_refused_beside_the_evidence(met):
    record = ParticipationRecordFactory.build(
        partnership=PriorityAreaFactory().framework.partnership,
        lundy_space=met,
        lundy_influence=met,
        lundy_influence_evidence="   ",
    )
    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    label = LundyMet(met).label
    assert refused.value.message_dict["lundy_space_evidence"] == [
        f"Space is marked “{label}”: say what made it safe, inclusive and accessible."
    ]
    assert refused.value.message_dict["lundy_influence_evidence"] == [
        f"Influence is marked “{label}”: say what changed, or why not, and how it was fed back."
    ]
    assert "lundy_voice_evidence" not in refused.value.message_dict


def test_not_met_and_not_recorded_need_no_evidence():
    record = ParticipationRecordFactory.build(
        partnership=PriorityAreaFactory().framework.partnership,
        lundy_space="no",
        lundy_voice="",
    )
    record.full_clean(exclude=["priority_areas", "groups"])


@pytest.mark.parametrize("element", LUNDY_ELEMENTS, ids=lambda element: element.key)
@pytest.mark.parametrize("met", ["yes", "partly"])
def test_the_database_refuses_met_without_evidence(element, met):
    record = ParticipationRecordFactory()
    setattr(record, element.met_field, met)
    with pytest.raises(IntegrityError), transaction.atomic():
        record.save()


def test_the_database_keeps_met_with_evidence():
    record = ParticipationRecordFactory(**_full_influence())
    record.refresh_from_db()
    assert record.reached_influence
    assert record.lundy_audience_evidence == EVIDENCE["audience"]


# The form


def _form(commissioner, area, council, **changes) -> ParticipationRecordForm:
    data = record_form_data(priority_areas=[area], groups=[council], **changes)
    return ParticipationRecordForm(data, user=commissioner)


def test_the_form_asks_each_element_then_its_evidence_in_a_lundy_fieldset(
    commissioner_client, area
):
    page = commissioner_client.get(CREATE).content.decode()
    fieldset = page[page.index("<legend>Lundy model</legend>") :]
    positions = [
        fieldset.index(text)
        for element in LUNDY_ELEMENTS
        for text in (
            f"{element.name}\n            </legend>",
            f'name="{element.met_field}" value="partly"',
            f'for="id_{element.evidence_field}"',
            f'id="id_{element.evidence_field}_helptext"',
        )
    ]
    assert positions == sorted(positions)
    # A new record starts with every element "Not recorded".
    for element in LUNDY_ELEMENTS:
        assert f'value=""  id="id_{element.met_field}_3" checked' in fieldset
    assert "What changed, or why not, and how it was fed back." in fieldset


def test_the_form_refuses_partly_without_evidence_and_accepts_it_with(commissioner, area, council):
    form = _form(commissioner, area, council, lundy_voice="partly", lundy_voice_evidence="")
    assert not form.is_valid()
    assert form.errors["lundy_voice_evidence"] == [
        "Voice is marked “Partly”: say how views were expressed, and with what support."
    ]
    form = _form(
        commissioner, area, council, lundy_voice="partly", lundy_voice_evidence=EVIDENCE["voice"]
    )
    assert form.is_valid(), form.errors


def test_logging_a_record_saves_its_lundy_evidence(commissioner_client, area, council):
    data = record_form_data(priority_areas=[area], groups=[council], **_full_influence())
    response = commissioner_client.post(CREATE, data, follow=True)
    record = ParticipationRecord.objects.get()
    assert {name: getattr(record, name) for name in LUNDY_FIELDS} == _full_influence()
    page = response.content.decode()
    assert "Influence: Yes" in page
    assert EVIDENCE["influence"] in page


def test_a_refused_save_keeps_what_was_typed_and_says_why_beside_the_field(
    commissioner_client, area, council
):
    data = record_form_data(
        priority_areas=[area],
        groups=[council],
        lundy_space="yes",
        lundy_audience="yes",
        lundy_audience_evidence=EVIDENCE["audience"],
    )
    response = commissioner_client.post(CREATE, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert not ParticipationRecord.objects.exists()
    assert "Space is marked “Yes”: say what made it safe, inclusive and accessible." in page
    assert 'id="error_1_id_lundy_space_evidence"' in page
    assert EVIDENCE["audience"] in page
    assert response.context["form"]["lundy_space"].value() == "yes"


# The badges


def test_the_records_page_shows_four_badges_and_the_evidence(board_member_client):
    record = ParticipationRecordFactory(**_lundy(space="yes", voice="partly", audience="no"))
    page = board_member_client.get(record.get_absolute_url()).content.decode()
    for badge in ("Space: Yes", "Voice: Partly", "Audience: No", "Influence: Not recorded"):
        assert badge in page
    assert 'class="badge lundy-badge lundy-not-recorded"' in page
    assert EVIDENCE["voice"] in page
    assert "Not recorded for this record yet." in page


def test_the_log_shows_each_rows_badges(board_member_client):
    ParticipationRecordFactory(title="Acted on", **_full_influence())
    ParticipationRecordFactory(title="Not assessed")
    page = board_member_client.get(LOG).content.decode()
    assert '<th scope="col">Lundy model</th>' in page
    assert page.count("Influence: Yes") == 1
    assert page.count("Influence: Not recorded") == 1
    assert page.count('aria-label="Lundy model"') == 2


# The log's filter


def test_the_log_filters_the_records_that_reached_influence(board_member_client):
    ParticipationRecordFactory(title="Acted on and fed back", **_full_influence())
    ParticipationRecordFactory(title="Partly acted on", **_lundy(influence="partly"))
    ParticipationRecordFactory(title="Never assessed")
    reached = board_member_client.get(LOG, {"reached_influence": "true"}).content.decode()
    assert "Acted on and fed back" in reached
    assert "Partly acted on" not in reached and "Never assessed" not in reached
    others = board_member_client.get(LOG, {"reached_influence": "false"}).content.decode()
    assert "Acted on and fed back" not in others
    assert "Partly acted on" in others and "Never assessed" in others
    assert "Reached Influence: views acted on and fed back" in others


# The coverage matrix


def test_coverage_counts_the_records_reaching_influence_per_priority_and_stage(board_member):
    area = PriorityAreaFactory(title="Children in Care")
    ParticipationRecordFactory(priority_areas=[area], stage="plan", **_full_influence())
    ParticipationRecordFactory(priority_areas=[area], stage="plan", **_lundy(influence="partly"))
    ParticipationRecordFactory(priority_areas=[area], stage="review", **_full_influence())
    ParticipationRecordFactory(priority_areas=[area], stage="do")
    row = next(row for row in coverage_matrix(user=board_member) if row.priority_area == area)
    cells = {cell.stage: (cell.records, cell.reached_influence) for cell in row.cells}
    assert cells == {"analyse": (0, 0), "plan": (2, 1), "do": (1, 0), "review": (1, 1)}
    assert row.reached_influence == 2


def test_coverage_page_shows_the_influence_count_in_words(board_member_client):
    area = PriorityAreaFactory(title="Children in Care")
    ParticipationRecordFactory(priority_areas=[area], stage="plan", **_full_influence())
    ParticipationRecordFactory(priority_areas=[area], stage="do")
    page = board_member_client.get(COVERAGE).content.decode()
    assert "Reached Influence: 0" in page
    assert (
        f'?priority_area={area.pk}&amp;stage=plan&amp;reached_influence=true">1'
        '<span class="visually-hidden"> record for Children in Care at the Plan stage reaching '
        "Influence</span>"
    ) in page


# Admin


def test_admin_keeps_the_lundy_fields_and_filters_by_them(administrator_client):
    record = ParticipationRecordFactory(**_full_influence())
    change = administrator_client.get(
        f"/admin/participation/participationrecord/{record.pk}/change/"
    )
    form = change.context["adminform"].form
    assert set(LUNDY_FIELDS) <= set(form.fields)
    assert form["lundy_influence_evidence"].value() == EVIDENCE["influence"]
    listed = administrator_client.get(
        "/admin/participation/participationrecord/", {"lundy_influence__exact": "yes"}
    )
    assert listed.context["cl"].result_count == 1
    searched = administrator_client.get(
        "/admin/participation/participationrecord/", {"q": "told by letter"}
    )
    assert searched.context["cl"].result_count == 1
