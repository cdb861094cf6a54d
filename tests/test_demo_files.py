"""The whole demo, loaded from the seed files `<app>/demo/*.yaml`: the rows and the words it had
when its content was Python, counted, sampled from every app and both partnerships, and dated
from the day of loading."""

import datetime as dt
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from core.seed_files import SeedFileError, read_seed, seed_file

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

# Rows after one `load_demo` on an empty database: the counts of the demo before its content
# moved from demo_data.py into YAML.
DEMO_ROWS = {
    # 82, and each demo partnership's own commissioner, board member and administrator.
    "auth.User": 88,
    "core.Partnership": 2,
    "governance.Organisation": 20,
    "governance.Board": 24,
    # 102, and the demo board member's seat (reporting/demo/notifications.yaml).
    "governance.Membership": 102,
    # The meetings written out in the partnership files; a year of meetings is added around
    # them (governance/demo_meetings.py), as many as the calendar gives: see YEAR_OF_MEETINGS.
    "governance.Meeting": 14,
    "governance.AgendaItem": 40,
    "governance.Decision": 22,
    "priorities.Framework": 2,
    "priorities.PriorityArea": 11,
    "priorities.Objective": 58,
    # 136, and the action created from a Halton Children's Trust Board decision.
    "priorities.Action": 137,
    "priorities.ProgressUpdate": 284,
    "priorities.Indicator": 21,
    "priorities.IndicatorValue": 22,
    # England, North West and statistical neighbours in each partnership; their figures are the
    # seeds' six England figures and a SAMPLE North West figure beside each.
    "priorities.Comparator": 6,
    "priorities.StatisticalNeighbour": 10,
    "priorities.ComparatorValue": 12,
    "reporting.TermlyReport": 6,
    "reporting.ReportComment": 1,
    "commissioning.Service": 60,
    "commissioning.Provider": 12,
    "commissioning.Contract": 15,
    "commissioning.ContractReview": 4,
    # 9, and the Pan-Cheshire CSE and Missing service that Halton shares with West Cheshire.
    "commissioning.CommissioningActivity": 10,
    "commissioning.ExtensionOption": 6,
    "commissioning.ContractVariation": 1,
    "commissioning.DecommissioningPlan": 1,
    "participation.DecommissioningConsultation": 1,
    "commissioning.NeedsAssessment": 9,
    "commissioning.StageMove": 15,
    "participation.StakeholderGroup": 12,
    "participation.ParticipationRecord": 13,
    # Closed loops, and decisions still to make, on the seeds' groups' records.
    "participation.YouSaidItem": 10,
    "participation.VoiceQuestion": 15,
    # Last year's and this year's, for each partnership; seven standards each.
    "participation.HearByRightAssessment": 4,
    "participation.HearByRightScore": 28,
    "priorities.HistoricalAction": 137,
    "governance.ForwardPlanEntry": 7,
    "governance.HistoricalMembership": 102,
}

# Words a person reads on the pages: (model, which rows, field, words found in one of them).
SENTENCES = [
    (
        "governance.Meeting",
        {"board__name": "Halton Children's Trust Board"},
        "minutes",
        "61% of children in Halton achieve a good level of development at age 5 against 71% "
        "nationally, and hospital admissions due to injuries in children aged 0-4 are 144 per "
        "10,000 against 129.6 in England.",
    ),
    (
        "governance.Meeting",
        {"board__name": "Children's Trust Executive"},
        "minutes",
        "The Executive approved the Joint Commissioning Framework and its five priority areas.",
    ),
    (
        "governance.Board",
        {"name": "Access Sub-group", "partnership__short_name": "West Cheshire"},
        "purpose",
        "Sub-group of the EHWP developing a single point of access service for children and "
        "young people's emotional health and wellbeing support.",
    ),
    (
        "priorities.PriorityArea",
        {
            "framework__partnership__short_name": "West Cheshire",
            "title": "Emotional Health and Wellbeing",
        },
        "aim",
        "To promote and improve the emotional health and wellbeing of children, young people "
        "and their families.",
    ),
    (
        "priorities.Action",
        {"priority_area__framework__partnership__short_name": "West Cheshire"},
        "description",
        "Monitor access and referrals into CAMHS on a quarterly basis through the creation of a "
        "new dashboard",
    ),
    (
        "priorities.Objective",
        {"priority_area__framework__partnership__short_name": "Halton", "priority_area__order": 1},
        "text",
        "We are committed to working together to deliver our vision “for every child to be given "
        "the best start in life so that they are happy, healthy and ready for learning”.",
    ),
    (
        "priorities.ProgressUpdate",
        {"is_sample": True, "percent_complete": 100},
        "narrative",
        "Action complete: the guidance is published on the Local Offer and shared with schools "
        "and settings.",
    ),
    (
        "reporting.TermlyReport",
        {"overall_rag": "amber"},
        "highlights",
        "the good level of development at age 5 has risen from 37% in 2013 to 61%.",
    ),
    (
        "commissioning.Service",
        {"partnership__short_name": "Halton", "client_group": "cyp"},
        "name",
        "Short Breaks for Children & Young People with SEND",
    ),
    (
        "commissioning.CommissioningActivity",
        {"priority_area__framework__partnership__short_name": "West Cheshire"},
        "description",
        "Commission a targeted service for children and young people supported by IES who do "
        "not meet the CAMHS threshold, building capacity in the 0-19 workforce.",
    ),
    (
        "commissioning.NeedsAssessment",
        {"title": "Needs assessment: Children's Centre services review"},
        "key_findings",
        "Demand has risen over three years; families ask for help earlier and closer to home.",
    ),
    (
        "participation.ParticipationRecord",
        {"priority_areas__framework__partnership__short_name": "Halton"},
        "you_said",
        "You want an advocate who knows you before a review meeting, not on the day, and who "
        "you can reach by text.",
    ),
    (
        "participation.ParticipationRecord",
        {"priority_areas__framework__partnership__short_name": "West Cheshire"},
        "you_said",
        "You want support in school, after school and online, not only in clinics.",
    ),
    (
        "participation.StakeholderGroup",
        {"partnership__short_name": "West Cheshire"},
        "description",
        "Includes the UK Youth Parliament Representatives for Cheshire West and Chester.",
    ),
]


def _model(label: str):
    return apps.get_model(label)


# Counted at least at DEMO_ROWS' figure: their number follows the calendar of the load's day.
YEAR_OF_MEETINGS = ("governance.Meeting", "governance.AgendaItem", "governance.Decision")


def _rows() -> dict[str, int]:
    return {label: _model(label).objects.count() for label in DEMO_ROWS}


def _fixed_rows(rows: dict[str, int]) -> dict[str, int]:
    return {label: count for label, count in rows.items() if label not in YEAR_OF_MEETINGS}


def _load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def loaded(demo):
    """The session's shared demo (demo_fixtures.py), loaded once into an empty database."""
    return demo


def _days(offset: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=offset)


def test_the_demo_has_the_same_rows_and_a_second_load_adds_none(loaded):
    first = _rows()
    assert _fixed_rows(first) == _fixed_rows(DEMO_ROWS)
    # A year of meetings at least monthly for the main boards: far more than the written-out.
    assert all(first[label] > DEMO_ROWS[label] for label in YEAR_OF_MEETINGS)
    # Terms are not demo rows: the migrations seed 2017/18 to 2027/28 (33), and a later year's
    # are made when first asked for, so their count grows with the date the demo is loaded on.
    Term = _model("reporting.Term")
    assert Term.objects.count() >= 33
    assert Term.objects.current().contains(timezone.localdate())
    output = _load_demo()
    for app_label in ("governance", "priorities", "commissioning", "participation", "reporting"):
        assert f"Demo data for {app_label}: 0 new rows." in output
    assert _rows() == first


def test_the_seeds_words_are_where_a_person_reads_them(loaded):
    missing = [
        (label, lookup, field)
        for label, lookup, field, words in SENTENCES
        if not any(
            words in text
            for text in _model(label).objects.filter(**lookup).values_list(field, flat=True)
        )
    ]
    assert missing == []


def test_the_seeds_figures_and_dates_from_today(loaded):
    Indicator = _model("priorities.Indicator")
    injuries = Indicator.objects.get(
        priority_area__framework__partnership__short_name="Halton",
        name__startswith="Hospital admissions",
    )
    england = injuries.comparator_values.get(comparator__name="England")
    assert (england.period_label, injuries.values.get().value, england.value) == (
        "2016",
        Decimal("144"),
        Decimal("129.6"),
    )
    assert england.comparator.area_code == "E92000001"
    halton = _model("priorities.Framework").objects.get(partnership__short_name="Halton")
    # The seed's review date (31 March 2021), moved on to its next anniversary after today.
    today = timezone.localdate()
    assert halton.period == "2018-21"
    assert (halton.review_date.month, halton.review_date.day) == (3, 31)
    assert today < halton.review_date <= today + dt.timedelta(days=366)

    # West Cheshire's first action serves the priority's sixth objective ("objective: 6").
    action = _model("priorities.Action").objects.get(
        title="Enhance workforce skills and knowledge, including consultation and liaison teams"
    )
    assert (action.start_date, action.due_date) == (_days(-164), _days(-65))
    assert action.objective.text.startswith("Develop the workforce and equip them")

    contract = _model("commissioning.Contract").objects.get(reference="HBC-CYP-0101")
    assert (contract.annual_value, contract.total_value) == (Decimal("85000"), Decimal("255000"))
    assert (contract.start_date, contract.initial_end_date, contract.end_date) == (
        _days(-960),
        _days(122),
        _days(122),
    )
    assert [o.months for o in contract.extension_options.all()] == [12]
    provider = _model("commissioning.Provider").objects.get(name="East Cheshire NHS Trust")
    assert (provider.ods_code, provider.safeguarding_checked_on) == ("RJN", _days(-150))

    chair = _model("governance.Membership").objects.get(
        board__name="Halton Children's Trust Board", person_name="Director of Children's Services"
    )
    assert (chair.role, chair.start_date, chair.end_date) == ("chair", _days(-900), None)
    # The Board's first meeting written out in halton.yaml (the year of meetings goes further).
    written_out = [
        timezone.localtime(meeting.starts_at)
        for meeting in _model("governance.Meeting").objects.filter(
            board__name="Halton Children's Trust Board"
        )
    ]
    assert (_days(-245), "10:00") in [(at.date(), at.strftime("%H:%M")) for at in written_out]

    record = _model("participation.ParticipationRecord").objects.get(
        title="What makes a good advocate? Children in Care Council session"
    )
    assert (record.date, record.feedback_date, record.decision_changed) == (
        _days(-200),
        _days(-150),
        "yes",
    )
    assert (record.age_11_15, record.age_16_17, record.children_in_care) == (7, 4, 11)


def _seed_files() -> list[Path]:
    return sorted(
        path
        for app_label in settings.LOCAL_APPS
        for path in (Path(apps.get_app_config(app_label).path) / "demo").glob("*")
    )


def _offsets(data, key=""):
    """Every (key, value) of the data whose key ends in _in_days, however deep."""
    if isinstance(data, dict):
        for k, value in data.items():
            yield from _offsets(value, k)
    elif isinstance(data, list):
        for value in data:
            yield from _offsets(value, key)
    elif key.endswith("_in_days"):
        yield key, data


def test_seed_folders_hold_only_yaml_and_offsets_are_whole_days():
    files = _seed_files()
    assert files
    assert [path.name for path in files if path.suffix != ".yaml"] == []
    for path in files:
        data = read_seed(path.parent.parent, path.stem)
        bad = [(k, v) for k, v in _offsets(data) if v is not None and type(v) is not int]
        assert bad == [], path


def test_read_seed_finds_a_file_by_app_label_or_directory():
    by_label = read_seed("priorities", "halton")
    by_directory = read_seed(Path(apps.get_app_config("priorities").path), "halton")
    assert by_label == by_directory
    assert by_label["title"] == "Halton Children's Trust Commissioning Framework"
    assert seed_file("governance", "organisations").name == "organisations.yaml"


def test_read_seed_returns_a_copy_each_reader_may_change():
    read_seed("governance", "organisations")["organisations"].clear()
    assert len(read_seed("governance", "organisations")["organisations"]) == 20


def test_a_broken_seed_file_is_named_in_the_error(tmp_path):
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(SeedFileError, match=r"broken\.yaml"):
        read_seed(tmp_path, "broken")
    with pytest.raises(FileNotFoundError, match=r"missing\.yaml"):
        read_seed(tmp_path, "missing")


# Names that only one partnership's framework (/work/shared/seeds) uses: the other partnership's
# demo must not borrow them.
WEST_CHESHIRE_ONLY = (
    "Edge of Care",
    "Young People's Senate",
    "Children's Trust Executive",
    "Joint Commissioning Strategy",
    "Vale Royal",
    "Cheshire West",
)
HALTON_ONLY = ("Halton", "Youth Cabinet", "iCART", "ImPart")
PARTNERSHIPS = ("Halton", "West Cheshire")


def _contract_partnerships() -> dict[str, str]:
    return {
        c["reference"]: c["partnership"]
        for c in read_seed("commissioning", "contracts")["contracts"]
    }


def _texts(data, partnership: str, contracts: dict[str, str]):
    """Every (partnership, text) of a seed file's data: a file or entry says whose it is by its
    name, a `partnership` key, a partnership's name as key, or the contract it is about."""
    if isinstance(data, dict):
        partnership = data.get("partnership") or contracts.get(data.get("contract"), partnership)
        for key, value in data.items():
            yield from _texts(value, key if key in PARTNERSHIPS else partnership, contracts)
    elif isinstance(data, list):
        for value in data:
            yield from _texts(value, partnership, contracts)
    elif isinstance(data, str):
        yield partnership, data


def _borrowed(partnership: str, texts) -> list[tuple[str, str]]:
    others = WEST_CHESHIRE_ONLY if partnership == "Halton" else HALTON_ONLY
    return [
        (name, text)
        for whose, text in texts
        if whose == partnership
        for name in others
        if name in text
    ]


def test_no_partnerships_demo_text_names_what_only_the_other_partnerships_framework_has():
    """The Halton 0-5 Development report's highlights named West Cheshire's Edge of Care Team."""
    contracts = _contract_partnerships()
    texts = []
    for path in _seed_files():
        whose = {"halton": "Halton", "west_cheshire": "West Cheshire"}.get(path.stem, "")
        texts += _texts(read_seed(path.parent.parent, path.stem), whose, contracts)
    assert [text for whose, text in texts if "Edge of Care" in text and whose == "West Cheshire"]
    assert _borrowed("Halton", texts) == []
    assert _borrowed("West Cheshire", texts) == []


def test_the_demos_reports_and_needs_assessments_are_each_their_own(loaded):
    """A Halton report read West Cheshire's words, and an activity had two identical needs
    assessments."""
    reports = _model("reporting.TermlyReport").objects.select_related(
        "priority_area__framework__partnership"
    )
    texts = [
        (
            r.priority_area.framework.partnership.short_name,
            f"{r.highlights} {r.risks_and_issues} {r.asks_of_board}",
        )
        for r in reports
    ]
    assert {whose for whose, _ in texts} == {"Halton"}
    assert _borrowed("Halton", texts) == []
    assessments = _model("commissioning.NeedsAssessment").objects.values_list(
        "activity", "title", "date", "key_findings"
    )
    assert len(set(assessments)) == len(assessments)
    cycles = _model("commissioning.NeedsAssessment").objects.filter(
        activity__title="Independent advocacy re-commissioning"
    )
    assert sorted(cycles.values_list("cycle_number", flat=True)) == [1, 2]
