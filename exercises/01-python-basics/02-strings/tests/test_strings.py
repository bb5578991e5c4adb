import pytest

import strings


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ada lovelace", "Ada Lovelace"),
        ("  ada LOVELACE ", "Ada Lovelace"),
        ("GRACE", "Grace"),
        ("\tlinus torvalds\n", "Linus Torvalds"),
    ],
)
def test_clean_name(text, expected):
    assert strings.clean_name(text) == expected


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Ada Lovelace", "A.L."),
        ("Grace Brewster hopper", "G.B.H."),
        ("alan  turing", "A.T."),
        ("  margaret hamilton ", "M.H."),
        ("Plato", "P."),
    ],
)
def test_initials(name, expected):
    assert strings.initials(name) == expected


def test_initials_of_an_empty_name_are_empty():
    assert strings.initials("") == ""


@pytest.mark.parametrize(
    "number, expected",
    [
        ("4111222233334444", "************4444"),
        ("12345678", "****5678"),
        ("12345", "*2345"),
    ],
)
def test_mask_hides_all_but_the_last_four(number, expected):
    assert strings.mask(number) == expected


@pytest.mark.parametrize("number", ["1234", "42", ""])
def test_mask_leaves_short_numbers_unchanged(number):
    assert strings.mask(number) == number


@pytest.mark.parametrize(
    "product, price, expected",
    [
        ("pen", 2.5, "pen: $2.50"),
        ("notebook", 3, "notebook: $3.00"),
        ("lamp", 19.999, "lamp: $20.00"),
        ("sticker", 0.1, "sticker: $0.10"),
    ],
)
def test_price_tag(product, price, expected):
    assert strings.price_tag(product, price) == expected


@pytest.mark.hidden
def test_price_tag_always_shows_two_decimals():
    """price_tag must show exactly two decimals, whatever the price."""
    assert strings.price_tag("box", 1234.5) == "box: $1234.50"
    assert strings.price_tag("box", 7.125001) == "box: $7.13"


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Python Basics", "python-basics"),
        ("  Hello   Big World ", "hello-big-world"),
        ("SQL", "sql"),
        ("", ""),
    ],
)
def test_slug(title, expected):
    assert strings.slug(title) == expected
