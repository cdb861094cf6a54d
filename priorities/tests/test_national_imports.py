"""National figures in from Fingertips and Explore Education Statistics CSVs: a preview of
what changes, then exactly that saved, all or nothing."""

import csv
import datetime
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core import roles
from core.tests.factories import PartnershipFactory, UserFactory, give_role
from core.tests.sign_in import sign_in
from priorities.models import Comparator, ComparatorValue, IndicatorValue
from priorities.national_files import (
    MAX_NATIONAL_ROWS,
    PeriodError,
    ees_period,
    fingertips_period,
)
from priorities.tests.factories import (
    ComparatorFactory,
    ComparatorValueFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    PriorityAreaFactory,
    StatisticalNeighbourFactory,
)

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parent / "files"


def _file(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (FILES / name).read_bytes())


def _edited(name: str, change) -> SimpleUploadedFile:
    """A copy of a test file with `change(rows)` applied to its rows (header first)."""
    rows = list(csv.reader(io.StringIO((FILES / name).read_text(encoding="utf-8"))))
    change(rows)
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8"))


@pytest.fixture
def area(commissioner):
    halton = PartnershipFactory(short_name="Halton")
    halton.area_code = "E06000006"
    halton.save()
    area = PriorityAreaFactory(lead_commissioners=[commissioner], title="0-5 Development")
    ComparatorFactory(name="England", area_code="E92000001", order=1)
    ComparatorFactory(
        name="North West", kind=Comparator.Kind.REGION, area_code="E12000002", order=2
    )
    neighbours = ComparatorFactory(
        name="Statistical neighbours", kind=Comparator.Kind.NEIGHBOURS, area_code="", order=3
    )
    for order, (name, code) in enumerate(
        [
            ("St. Helens", "E08000013"),
            ("Knowsley", "E08000011"),
            ("Wigan", ""),  # listed without a code: found by name
            ("Wirral", "E08000015"),  # not in the files
        ],
        start=1,
    ):
        StatisticalNeighbourFactory(comparator=neighbours, name=name, area_code=code, order=order)
    return area


@pytest.fixture
def readiness(area):
    return IndicatorFactory(
        priority_area=area, name="Good level of development at age 5", fingertips_indicator_id=90631
    )


@pytest.fixture
def ks2(area):
    return IndicatorFactory(
        priority_area=area,
        name="Key Stage 2 reading, writing and maths",
        ees_data_set="ks2_regional_local_authority",
        ees_filters="time_identifier=Academic year\ncharacteristic=Total",
        ees_value_column="pt_ks2_rwm_met_expected_standard",
    )


def _url(area) -> str:
    return reverse("priorities:national_import", args=[area.pk])


def _upload(client, area, upload, source=""):
    return client.post(_url(area), {"file": upload, "source": source})


def _confirm(client, area):
    return client.post(_url(area), {"confirm": "1"})


def _saved() -> dict:
    own = {
        (v.indicator.name, "ours", v.period_label): v.value for v in IndicatorValue.objects.all()
    }
    theirs = {
        (v.indicator.name, v.comparator.name, v.period_label): v.value
        for v in ComparatorValue.objects.all()
    }
    return own | theirs


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_fingertips_file_previews_then_saves_exactly_its_values(
    commissioner_client, area, readiness
):
    response = _upload(commissioner_client, area, _file("fingertips_90631.csv"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "The file can be saved: 6 new values, 0 changed, 0 unchanged." in page
    assert "mean of 3 of 4 neighbours" in page
    assert "Row 12: Cheshire East 2022/23: Value suppressed for disclosure control." not in page
    assert IndicatorValue.objects.count() == 0 and ComparatorValue.objects.count() == 0

    response = _confirm(commissioner_client, area)
    assert response["Location"] == area.get_absolute_url() + "#indicators"
    gld = "Good level of development at age 5"
    assert _saved() == {
        (gld, "ours", "2021/22"): Decimal("59.10"),
        (gld, "ours", "2022/23"): Decimal("61.40"),
        (gld, "England", "2021/22"): Decimal("65.20"),
        (gld, "England", "2022/23"): Decimal("67.30"),
        (gld, "North West", "2022/23"): Decimal("64.80"),
        # St. Helens 62.0, Knowsley 60.0 and Wigan (by name) 65.5; Wirral is not in the file.
        (gld, "Statistical neighbours", "2022/23"): Decimal("62.50"),
    }
    # A financial-style year ends 31 March (the module's rule for Fingertips' "2022/23").
    assert IndicatorValue.objects.get(period_label="2022/23").period_end == datetime.date(
        2023, 3, 31
    )
    follow = commissioner_client.get(response["Location"])
    assert "Figures from Fingertips (OHID) saved: 6 added, 0 changed, 0 unchanged." in (
        _messages(follow)
    )
    history = IndicatorValue.objects.get(period_label="2022/23").history.first()
    assert history.history_change_reason == "Imported from Fingertips (OHID)"


def test_importing_the_same_file_again_changes_nothing(commissioner_client, area, readiness):
    _upload(commissioner_client, area, _file("fingertips_90631.csv"))
    _confirm(commissioner_client, area)
    before = _saved()
    history = IndicatorValue.history.count() + ComparatorValue.history.count()

    response = _upload(commissioner_client, area, _file("fingertips_90631.csv"))
    page = response.content.decode()
    assert "Nothing to save: every value matches what is saved." in page
    assert "Save 6 values" not in page
    _confirm(commissioner_client, area)
    assert _saved() == before
    assert IndicatorValue.history.count() + ComparatorValue.history.count() == history


def test_preview_shows_before_and_after_and_saves_only_the_changes(
    commissioner_client, area, readiness
):
    IndicatorValueFactory(
        indicator=readiness,
        period_label="2022/23",
        period_end=datetime.date(2023, 3, 31),
        value=Decimal("58"),
    )
    england = Comparator.objects.get(name="England")
    ComparatorValueFactory(
        indicator=readiness,
        comparator=england,
        period_label="2021/22",
        period_end=datetime.date(2022, 3, 31),
        value=Decimal("65.2"),
    )
    response = _upload(commissioner_client, area, _file("fingertips_90631.csv"))
    preview = response.context["preview"]
    assert (preview.new_count, preview.changed_count, preview.unchanged_count) == (4, 1, 1)
    changed = [v for v in preview.values if v.status == "changed"]
    assert [(v.series, v.before, v.value) for v in changed] == [
        ("Our value", Decimal("58.00"), Decimal("61.40"))
    ]
    assert '58 <span aria-hidden="true">→</span>' in response.content.decode()
    assert IndicatorValue.objects.get(period_label="2022/23").value == Decimal("58")

    _confirm(commissioner_client, area)
    assert IndicatorValue.objects.get(period_label="2022/23").value == Decimal("61.40")
    # The unchanged England value was not written again.
    assert (
        ComparatorValue.objects.get(comparator=england, period_label="2021/22").history.count() == 1
    )


def test_a_value_changed_after_the_preview_stops_the_save(commissioner_client, area, readiness):
    _upload(commissioner_client, area, _file("fingertips_90631.csv"))
    IndicatorValueFactory(indicator=readiness, period_label="2022/23", value=Decimal("50"))
    response = _confirm(commissioner_client, area)
    follow = commissioner_client.get(response["Location"])
    assert any("Nothing was saved: The 2022/23 value changed" in m for m in _messages(follow))
    assert ComparatorValue.objects.count() == 0
    assert IndicatorValue.objects.get().value == Decimal("50")


def test_a_comparator_removed_after_the_preview_stops_the_save(
    commissioner_client, area, readiness
):
    _upload(commissioner_client, area, _file("fingertips_90631.csv"))
    Comparator.objects.get(name="North West").delete()
    follow = commissioner_client.get(_confirm(commissioner_client, area)["Location"])
    assert (
        "Nothing was saved: A comparator of the file was removed after the preview: upload "
        "the file again."
    ) in _messages(follow)
    assert _saved() == {}


def test_bad_rows_are_listed_by_number_and_nothing_is_saved(commissioner_client, area, readiness):
    def spoil(rows):
        rows[4][11] = "Spring 2022"  # Halton 2021/22: a period the reader does not know
        rows[7][12] = "sixty"  # St. Helens: not a number

    response = _upload(commissioner_client, area, _edited("fingertips_90631.csv", spoil))
    page = response.content.decode()
    assert response.status_code == 400
    assert "2 rows cannot be read, so nothing will be saved" in page
    errors = {e.row: e.message for e in response.context["preview"].errors}
    assert errors == {
        5: "Time period: unknown period “Spring 2022”.",
        8: "Value: the value “sixty” is not a number.",
    }
    assert "Save " not in page
    _confirm(commissioner_client, area)
    assert _saved() == {}


def test_a_second_row_for_the_same_figure_is_an_error(commissioner_client, area, readiness):
    response = _upload(
        commissioner_client,
        area,
        _edited("fingertips_90631.csv", lambda rows: rows.append(list(rows[5]))),
    )
    errors = [e.message for e in response.context["preview"].errors]
    assert errors == [
        "row 6 already gives Halton's 2022/23 figure for “Good level of development at age 5”: "
        "keep one row per area and period (for EES, add a filter to the indicator that picks "
        "one)."
    ]


def test_the_persons_row_is_the_figure_beside_males_and_females(
    commissioner_client, area, readiness
):
    def by_sex(rows):
        for sex, value in (("Male", "55.5"), ("Female", "66.6")):
            row = list(rows[5])  # Halton 2022/23, persons: 61.4
            row[7], row[12] = sex, value
            rows.insert(5, row)

    response = _upload(commissioner_client, area, _edited("fingertips_90631.csv", by_sex))
    preview = response.context["preview"]
    assert preview.errors == []
    ours = [(v.period_label, v.value) for v in preview.values if v.comparator is None]
    assert ours == [("2021/22", Decimal("59.10")), ("2022/23", Decimal("61.40"))]


def test_a_file_missing_a_column_is_refused(commissioner_client, area, readiness):
    def drop_value(rows):
        for row in rows:
            del row[12]

    response = _upload(
        commissioner_client, area, _edited("fingertips_90631.csv", drop_value), "fingertips"
    )
    assert response.status_code == 400
    assert (
        "This is not a Fingertips (OHID) file: the header row lacks the columns Value."
        in response.content.decode()
    )
    response = _upload(commissioner_client, area, _edited("fingertips_90631.csv", drop_value))
    assert "This is neither a Fingertips nor an Explore Education Statistics CSV" in (
        response.content.decode()
    )


def test_ees_file_applies_the_filters_and_skips_suppressed_values(commissioner_client, area, ks2):
    response = _upload(commissioner_client, area, _file("ees_ks2.csv"))
    page = response.content.decode()
    assert response.status_code == 200
    preview = response.context["preview"]
    assert [(s.row, s.message) for s in preview.skipped] == [
        (7, "Halton 2021/22: “c”, confidential (suppressed)."),
        (9, "Knowsley 2022/23: “x”, not available."),
    ]
    assert "Row 7: Halton 2021/22: “c”, confidential (suppressed)." in page
    assert "mean of 2 of 4 neighbours" in page
    _confirm(commissioner_client, area)
    name = "Key Stage 2 reading, writing and maths"
    assert _saved() == {
        (name, "ours", "2022/23"): Decimal("57.00"),
        (name, "England", "2022/23"): Decimal("59.00"),
        (name, "North West", "2022/23"): Decimal("58.00"),
        (name, "Statistical neighbours", "2022/23"): Decimal("58.00"),  # St. Helens, Wigan
    }
    assert IndicatorValue.objects.get().period_end == datetime.date(2023, 8, 31)


def test_ees_file_without_the_indicators_column_says_which_to_map(commissioner_client, area, ks2):
    ks2.ees_value_column = "pt_rwm_high_score"
    ks2.save()
    response = _upload(commissioner_client, area, _file("ees_ks2.csv"))
    assert response.status_code == 400
    assert "No indicator of this priority is read from this file" in response.content.decode()


def test_hostile_files_are_refused_fast(commissioner_client, area, readiness):
    binary = SimpleUploadedFile("figures.csv", b"\x00\xff\xfe\x81" * 100)
    response = _upload(commissioner_client, area, binary)
    assert response.status_code == 400
    assert "This file is not UTF-8 text" in response.content.decode()

    large = SimpleUploadedFile("figures.csv", b"a" * (5 * 1024 * 1024 + 1))
    response = _upload(commissioner_client, area, large)
    assert "The file is larger than 5 MB" in response.content.decode()

    header = (FILES / "fingertips_90631.csv").read_text(encoding="utf-8").splitlines()[0]
    long = header + "\n" + "90631,x\n" * (MAX_NATIONAL_ROWS + 1)
    response = _upload(commissioner_client, area, SimpleUploadedFile("f.csv", long.encode()))
    assert f"The file has more than {MAX_NATIONAL_ROWS:,} rows" in response.content.decode()

    not_csv = SimpleUploadedFile("figures.xlsx", b"PK")
    response = _upload(commissioner_client, area, not_csv)
    assert "Choose a .csv file" in response.content.decode()
    assert _saved() == {}


def test_a_formula_looking_cell_is_plain_text(commissioner_client, area, readiness):
    def formula(rows):
        rows[5][11] = '=HYPERLINK("http://x")'

    response = _upload(commissioner_client, area, _edited("fingertips_90631.csv", formula))
    errors = [e.message for e in response.context["preview"].errors]
    assert errors == ['Time period: unknown period “=HYPERLINK("http://x")”.']


def test_board_member_may_not_import(board_member_client, area, readiness):
    assert board_member_client.get(_url(area)).status_code == 403
    response = _upload(board_member_client, area, _file("fingertips_90631.csv"))
    assert response.status_code == 403
    assert _saved() == {}


def test_another_partnerships_administrator_gets_404(client, area, readiness):
    elsewhere = PartnershipFactory(short_name="West Cheshire")
    sign_in(client, give_role(UserFactory(is_staff=True), roles.ADMINISTRATOR, elsewhere))
    assert client.get(_url(area)).status_code == 404


def test_preview_queries_do_not_grow_with_the_file(
    commissioner_client, area, readiness, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40) as small:
        _upload(commissioner_client, area, _file("fingertips_90631.csv"))

    def ten_times(rows):
        body = [row for row in rows[1:] if row[11] == "2022/23"]
        for year in range(2000, 2009):
            for row in body:
                copy = list(row)
                copy[11], copy[23] = f"{year}/{str(year + 1)[2:]}", f"{year}0000"
                rows.append(copy)

    with django_assert_max_num_queries(len(small.captured_queries)):
        response = _upload(commissioner_client, area, _edited("fingertips_90631.csv", ten_times))
    preview = response.context["preview"]
    # Each year: ours, England, North West and the neighbours' mean.
    assert (preview.errors, preview.new_count) == ([], 6 + 9 * 4)


@pytest.mark.parametrize(
    ("label", "sortable", "end"),
    [
        ("2022", "20220000", datetime.date(2022, 12, 31)),
        ("2022/23", "20220000", datetime.date(2023, 3, 31)),
        ("2020 - 22", "20200000", datetime.date(2022, 12, 31)),
        ("2018/19 - 20/21", "20180000", datetime.date(2021, 3, 31)),
        ("2022/23 Q1", "20220000", datetime.date(2022, 6, 30)),
        ("2022/23 Q4", "", datetime.date(2023, 3, 31)),
        ("1999/00", "19990000", datetime.date(2000, 3, 31)),
    ],
)
def test_fingertips_periods_end_by_the_documented_rule(label, sortable, end):
    assert fingertips_period(label, sortable) == end


def test_fingertips_period_must_agree_with_its_sortable_year():
    with pytest.raises(PeriodError, match="does not begin in 2021"):
        fingertips_period("2022/23", "20210000")


@pytest.mark.parametrize(
    ("time_period", "identifier", "label", "end"),
    [
        ("202223", "Academic year", "2022/23", datetime.date(2023, 8, 31)),
        ("202223", "Financial year", "2022/23", datetime.date(2023, 3, 31)),
        ("2022", "Calendar year", "2022", datetime.date(2022, 12, 31)),
        ("202223", "Autumn term", "Autumn term 2022/23", datetime.date(2022, 12, 31)),
        ("202223", "Summer term", "Summer term 2022/23", datetime.date(2023, 7, 31)),
    ],
)
def test_ees_periods(time_period, identifier, label, end):
    assert ees_period(time_period, identifier) == (label, end)


def test_ees_period_unknown():
    with pytest.raises(PeriodError, match="time_identifier “Week 3”"):
        ees_period("202223", "Week 3")
    with pytest.raises(PeriodError, match="written like 202223"):
        ees_period("2022", "Academic year")


def test_the_indicator_form_keeps_where_its_figures_are_found(commissioner_client, area, ks2):
    url = reverse("priorities:indicator_update", args=[ks2.pk])
    page = commissioner_client.get(url).content.decode()
    assert "Fingertips indicator ID" in page
    assert "one column=value pair a line" in page
    data = {
        "name": ks2.name,
        "unit": ks2.unit,
        "polarity": ks2.polarity,
        "order": 1,
        "version": ks2.version,
        "publication_frequency": ks2.publication_frequency,
        "publication_lag_days": ks2.publication_lag_days,
        "fingertips_indicator_id": "93436",
        "ees_data_set": "ks2_2023",
        "ees_filters": "characteristic=Total\nnot a pair",
        "ees_value_column": "pt_ks2_rwm_met_expected_standard",
    }
    refused = commissioner_client.post(url, data)
    assert "Write each filter as column=value, one a line: not “not a pair”." in (
        refused.content.decode()
    )
    commissioner_client.post(url, data | {"ees_filters": "characteristic = Total"})
    ks2.refresh_from_db()
    assert (ks2.fingertips_indicator_id, ks2.ees_filter_pairs) == (
        93436,
        {"characteristic": "Total"},
    )


def test_the_demo_sample_files_load_into_the_demo(demo, client):
    """The sample files under priorities/national_samples/ are ones a person can try on the demo."""
    samples = Path(__file__).parent.parent / "national_samples"
    for name, indicator_name, partnership, expected in (
        (
            "fingertips_sample.csv",
            "Good level of development at age 5",
            "Halton",
            {"2021/22": Decimal("58.90"), "2022/23": Decimal("61.30")},
        ),
        (
            "ees_sample.csv",
            "Key Stage 2 reading, writing and maths",
            "West Cheshire",
            {"2021/22": Decimal("57.00")},  # 2022/23 is "c" in the file: skipped
        ),
    ):
        indicator = IndicatorFactory._meta.model.objects.get(
            name=indicator_name, priority_area__framework__partnership__short_name=partnership
        )
        area = indicator.priority_area
        sign_in(client, area.lead_commissioners.first())
        partnership_pk = area.framework.partnership_id
        client.post(reverse("switch_partnership"), {"partnership": partnership_pk})
        upload = SimpleUploadedFile(name, (samples / name).read_bytes())
        response = _upload(client, area, upload)
        assert response.status_code == 200, response.context["preview"].errors
        _confirm(client, area)
        saved = {
            v.period_label: v.value for v in indicator.values.filter(period_label__contains="/")
        }
        assert saved == expected
