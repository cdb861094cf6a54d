"""An administrator replaces a neighbours comparator's list from a CSV: whole or not at all."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from core.tests.factories import AdministratorFactory, BoardMemberFactory, PartnershipFactory
from core.tests.sign_in import sign_in
from priorities import neighbours_csv
from priorities.models import StatisticalNeighbour
from priorities.tests.factories import ComparatorFactory, StatisticalNeighbourFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def neighbours():
    comparator = ComparatorFactory(kind="neighbours", name="Statistical neighbours' average")
    StatisticalNeighbourFactory(comparator=comparator, name="Old neighbour")
    return comparator


def _url(comparator) -> str:
    return reverse("admin:priorities_comparator_upload_neighbours", args=[comparator.pk])


def _upload(client, comparator, content: bytes, name: str = "neighbours.csv"):
    return client.post(
        _url(comparator), {"file": SimpleUploadedFile(name, content, "text/csv")}, follow=True
    )


def _held(comparator) -> list[tuple[str, str]]:
    return [(n.name, n.area_code) for n in comparator.neighbours.order_by("order")]


def test_a_good_file_replaces_the_list_in_its_order(administrator_client, neighbours):
    change = administrator_client.get(
        reverse("admin:priorities_comparator_change", args=[neighbours.pk])
    )
    assert "Upload statistical neighbours (CSV)" in change.content.decode()
    response = _upload(
        administrator_client,
        neighbours,
        "Name,Area code\r\nSt. Helens,E08000013\r\nKnowsley,E08000011\r\n\r\nWigan,\r\n".encode(
            "utf-8-sig"
        ),
    )
    assert "the list now names 3 authorities" in response.content.decode()
    assert _held(neighbours) == [
        ("St. Helens", "E08000013"),
        ("Knowsley", "E08000011"),
        ("Wigan", ""),
    ]


def test_a_names_only_file_is_enough(administrator_client, neighbours):
    _upload(administrator_client, neighbours, b"name\nSt. Helens\n")
    assert _held(neighbours) == [("St. Helens", "")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"St. Helens,E08000013\n", "The first row must be the header"),
        (b"name,region\nSt. Helens,North West\n", "Unknown column: region"),
        (b"name\n", "a header but no authorities"),
        (b"", "The submitted file is empty."),
        (b"name,area_code\nSt. Helens,E08000013,extra\n", "Row 2: more cells than the header"),
        (b"name,area_code\n,E08000013\n", "Row 2, name: This field cannot be blank."),
        (b"name\nSt. Helens\nst. helens\n", "Row 3: st. helens is named already, in row 2."),
        ("name\n" + "x" * 151 + "\n", "Row 2, name: Ensure this value has at most 150"),
        (b"name,area_code\nWigan," + b"E" * 21 + b"\n", "Row 2, area_code: Ensure this value"),
    ],
)
def test_a_file_with_bad_rows_is_refused_whole_saying_why(
    administrator_client, neighbours, content, message
):
    content = content.encode() if isinstance(content, str) else content
    response = _upload(administrator_client, neighbours, content)
    page = response.content.decode()
    if content:
        assert response.status_code == 400
        assert "The file was not loaded" in page and "The list is as it was" in page
    assert message in page
    assert _held(neighbours) == [("Old neighbour", "")]


def test_one_bad_row_among_good_ones_keeps_the_old_list(administrator_client, neighbours):
    bad = _upload(administrator_client, neighbours, b"name\nWigan\nKnowsley\nRotherham\nWigan\n")
    assert "Row 5: Wigan is named already, in row 2." in bad.content.decode()
    assert _held(neighbours) == [("Old neighbour", "")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "This is not a CSV file"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 64, "This is not a CSV file"),
        (b"name\n" + b"Wigan\n" * 200_000, "a neighbours list may be at most 1 MB"),
        (b"name\n" + b"".join(b"Authority %d\n" % n for n in range(201)), "at most 200"),
    ],
    ids=["binary", "zip", "too large", "too many rows"],
)
def test_a_hostile_file_is_refused(administrator_client, neighbours, content, message):
    response = _upload(administrator_client, neighbours, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _held(neighbours) == [("Old neighbour", "")]


def test_exactly_the_row_limit_is_taken(administrator_client, neighbours):
    rows = b"".join(b"Authority %d\n" % n for n in range(neighbours_csv.MAX_ROWS))
    _upload(administrator_client, neighbours, b"name\n" + rows)
    assert neighbours.neighbours.count() == neighbours_csv.MAX_ROWS


def test_only_a_neighbours_comparator_takes_a_list(administrator_client):
    england = ComparatorFactory(kind="england", name="England")
    response = _upload(administrator_client, england, b"name\nWigan\n")
    assert "Only a statistical neighbours comparator has a list" in response.content.decode()
    assert not StatisticalNeighbour.objects.exists()


def test_another_partnerships_administrator_finds_no_such_comparator(neighbours):
    west = PartnershipFactory(short_name="West Cheshire")
    client = sign_in(Client(), AdministratorFactory(role__partnership=west))
    response = _upload(client, neighbours, b"name\nWigan\n")
    assert response.status_code == 404
    assert _held(neighbours) == [("Old neighbour", "")]


def test_a_board_member_cannot_upload(neighbours):
    client = sign_in(Client(), BoardMemberFactory())
    response = client.post(_url(neighbours), {"file": SimpleUploadedFile("n.csv", b"name\nX\n")})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert _held(neighbours) == [("Old neighbour", "")]
