"""A contract review keeps its history and its version: a correction in the admin leaves the
earlier values on the review's history page, linked from the contract's page."""

import pytest
from django.urls import reverse

from commissioning.models import ContractReview
from commissioning.tests.factories import ContractReviewFactory
from core.tests.helpers import admin_change_data

pytestmark = pytest.mark.django_db


def test_a_corrected_review_keeps_the_earlier_outcomes_in_its_history(
    administrator_client, board_member_client
):
    """A corrected review had no version, and its history was shown nowhere in the product."""
    review = ContractReviewFactory(outcomes_achieved="Nine in ten carers felt supported.")
    url = reverse("admin:commissioning_contractreview_change", args=[review.pk])
    opened = admin_change_data(administrator_client.get(url))
    saved = administrator_client.post(
        url, opened | {"outcomes_achieved": "Eight in ten carers felt supported."}
    )
    assert saved.status_code == 302
    assert ContractReview.objects.get().version == 2

    contract_page = board_member_client.get(review.contract.get_absolute_url()).content.decode()
    history_url = reverse("commissioning:contract_review_history", args=[review.pk])
    assert history_url in contract_page
    history = board_member_client.get(history_url).content.decode()
    assert "Nine in ten carers felt supported." in history
    assert "Eight in ten carers felt supported." in history
