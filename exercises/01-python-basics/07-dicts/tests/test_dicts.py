import pytest

import dicts
from drillkit import learnerside


def test_word_counts():
    result = dicts.word_counts("the cat saw the dog")
    assert result == {"the": 2, "cat": 1, "saw": 1, "dog": 1}


def test_word_counts_ignores_case():
    assert dicts.word_counts("Tea tea TEA") == {"tea": 3}


def test_word_counts_strips_punctuation_from_the_ends():
    result = dicts.word_counts("The cat saw the dog. The end!")
    assert result == {"the": 3, "cat": 1, "saw": 1, "dog": 1, "end": 1}
    assert dicts.word_counts("Really?! Yes, really.") == {"really": 2, "yes": 1}


def test_word_counts_with_line_breaks_and_lone_punctuation():
    assert dicts.word_counts("one two\ntwo  \t three ! ?") == {"one": 1, "two": 2, "three": 1}


def test_word_counts_of_empty_text_is_empty():
    assert dicts.word_counts("") == {}
    assert dicts.word_counts("   ") == {}


def test_merge_settings_replaces_and_adds():
    defaults = {"debug": False, "port": 80, "host": "localhost"}
    overrides = {"port": 8000, "workers": 4}
    expected = {"debug": False, "port": 8000, "host": "localhost", "workers": 4}
    assert dicts.merge_settings(defaults, overrides) == expected


def test_merge_settings_removes_settings_overridden_with_none():
    defaults = {"debug": False, "port": 80}
    assert dicts.merge_settings(defaults, {"port": 8000, "debug": None}) == {"port": 8000}
    assert dicts.merge_settings(defaults, {"missing": None}) == {"debug": False, "port": 80}


def test_merge_settings_keeps_false_and_zero_overrides():
    defaults = {"debug": True, "retries": 3}
    assert dicts.merge_settings(defaults, {"debug": False, "retries": 0}) == {"debug": False, "retries": 0}


def test_merge_settings_with_nothing_to_override_is_a_copy():
    defaults = learnerside.shared_dict({"a": 1})
    result = dicts.merge_settings(defaults, {})
    assert dict(result) == {"a": 1}
    assert not learnerside.same(result, defaults), "merge_settings must return a new dict, not defaults itself"


def test_merge_settings_leaves_both_dicts_unchanged():
    defaults = learnerside.shared_dict({"debug": False, "port": 80})
    overrides = learnerside.shared_dict({"port": 8000, "debug": None, "workers": 2})
    assert dict(dicts.merge_settings(defaults, overrides)) == {"port": 8000, "workers": 2}
    assert dict(defaults) == {"debug": False, "port": 80}
    assert dict(overrides) == {"port": 8000, "debug": None, "workers": 2}


def test_invert():
    result = dicts.invert({"ann": "admin", "bob": "user", "cy": "admin"})
    assert result == {"admin": ["ann", "cy"], "user": ["bob"]}


def test_invert_keeps_the_original_order_of_keys():
    result = dicts.invert({"z": 1, "a": 2, "m": 1, "b": 1})
    assert result == {1: ["z", "m", "b"], 2: ["a"]}


def test_invert_of_an_empty_dict_is_empty():
    assert dicts.invert({}) == {}


CONFIG = {"db": {"host": "localhost", "port": 5432, "options": {"ssl": False}}, "debug": True}


@pytest.mark.parametrize(
    "path, expected",
    [
        ("db.host", "localhost"),
        ("db.port", 5432),
        ("db.options.ssl", False),
        ("debug", True),
        ("db.options", {"ssl": False}),
    ],
)
def test_nested_get(path, expected):
    assert dicts.nested_get(CONFIG, path) == expected


@pytest.mark.parametrize("path", ["db.user", "cache", "cache.host", "db.options.timeout"])
def test_nested_get_of_a_missing_path_gives_the_default(path):
    assert dicts.nested_get(CONFIG, path) is None
    assert dicts.nested_get(CONFIG, path, "n/a") == "n/a"


@pytest.mark.hidden
def test_nested_get_through_a_value_that_is_not_a_dict():
    """nested_get must return the default when the path goes on past a value that is not a dict."""
    assert dicts.nested_get(CONFIG, "db.host.name", "n/a") == "n/a"
    assert dicts.nested_get(CONFIG, "debug.level") is None
    assert dicts.nested_get({"a": [1, 2]}, "a.0", -1) == -1


@pytest.mark.parametrize(
    "prices, expected",
    [
        ({"tea": 3.5, "cake": 2.0, "bun": 2.5}, "cake"),
        ({"tea": 3.5}, "tea"),
        ({"tea": 1, "free sample": 0, "cake": 2}, "free sample"),
    ],
)
def test_cheapest(prices, expected):
    assert dicts.cheapest(prices) == expected


def test_cheapest_of_no_prices_is_none():
    assert (dicts.cheapest({}), dicts.cheapest({"tea": 1})) == (None, "tea")


def test_cheapest_breaks_ties_alphabetically():
    assert dicts.cheapest({"tea": 3.5, "cake": 2.0, "bun": 2.0}) == "bun"
    assert dicts.cheapest({"b": 1, "c": 1, "a": 1}) == "a"
