import time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from drillkit import learnerside
from shop.models import Product

pytestmark = pytest.mark.django_db

FIELDS = ["name", "description", "price", "in_stock", "created_at", "updated_at"]


def kind(value):
    """The name of value's class, as the learner's process has it (where the models are)."""
    return learnerside.module("builtins").type(value).__name__


def field(name):
    names = [f.name for f in Product._meta.get_fields()]
    assert name in names, f"Product has no field {name!r} yet"
    return Product._meta.get_field(name)


def unsaved(**values):
    """A Product with all fields checked to exist, not yet saved."""
    for name in FIELDS:
        field(name)
    values.setdefault("name", "Desk lamp")
    values.setdefault("price", Decimal("24.90"))
    return Product(**values)


def make(**values):
    product = unsaved(**values)
    product.save()
    return product


def test_name_is_a_char_field_of_100_characters():
    name = field("name")
    assert kind(name) == "CharField"
    assert name.max_length == 100


def test_a_name_of_101_characters_is_rejected():
    product = unsaved(name="x" * 101)
    with pytest.raises(ValidationError) as error:
        product.full_clean()
    assert "name" in error.value.message_dict


def test_a_name_is_required():
    product = unsaved(name="")
    with pytest.raises(ValidationError) as error:
        product.full_clean()
    assert "name" in error.value.message_dict


def test_description_may_be_left_empty():
    description = field("description")
    assert kind(description) == "CharField"
    assert description.max_length == 500
    assert description.blank is True
    product = make()
    assert product.description == ""
    product.full_clean()


@pytest.mark.hidden
def test_price_is_a_decimal_field():
    """price must be a DecimalField with 8 digits, 2 of them after the point (never a float for money)."""
    price = field("price")
    assert isinstance(price, models.DecimalField)
    assert (price.max_digits, price.decimal_places) == (8, 2)


def test_price_keeps_its_cents_exactly():
    product = make(price=Decimal("0.10"))
    product.refresh_from_db()
    assert product.price == Decimal("0.10")
    assert isinstance(product.price, Decimal)


@pytest.mark.parametrize("price", ["1000000.00", "12.345"])
def test_a_price_with_too_many_digits_is_rejected(price):
    product = unsaved(price=Decimal(price))
    with pytest.raises(ValidationError) as error:
        product.full_clean()
    assert "price" in error.value.message_dict


def test_the_largest_price_is_accepted():
    product = make(price=Decimal("999999.99"))
    product.full_clean()
    product.refresh_from_db()
    assert product.price == Decimal("999999.99")


def test_new_products_are_in_stock_by_default():
    assert kind(field("in_stock")) == "BooleanField"
    assert make().in_stock is True


def test_in_stock_can_be_false():
    product = make(in_stock=False)
    product.refresh_from_db()
    assert product.in_stock is False


def test_created_at_is_set_when_the_product_is_created():
    before = timezone.now()
    product = make()
    after = timezone.now()
    assert product.created_at is not None
    assert before <= product.created_at <= after


def test_created_at_stays_and_updated_at_moves_on_save():
    product = make()
    created, updated = product.created_at, product.updated_at
    assert updated is not None
    time.sleep(0.01)
    product.name = "Floor lamp"
    product.save()
    product.refresh_from_db()
    assert product.created_at == created
    assert product.updated_at > updated


def test_timestamps_are_not_edited_by_hand():
    assert field("created_at").editable is False
    assert field("updated_at").editable is False


def test_str_is_the_name():
    assert str(make(name="Desk lamp")) == "Desk lamp"
