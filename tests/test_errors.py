"""The errors zjnlp raises: their one-line wording, and their way back from worker processes."""

import pickle

import pytest

from zjnlp.errors import InputError, OptionError, ZjnlpError, check_choice, check_whole_number


@pytest.mark.parametrize(
    "error, message",
    [
        (InputError("a.txt", "is empty"), "a.txt: is empty"),
        (OptionError("top", -1, "a whole number >= 1"), "top=-1 is not valid: expected a whole number >= 1."),
        (ZjnlpError("mine.toml: is not valid TOML."), "mine.toml: is not valid TOML."),
    ],
)
def test_errors_are_one_line_and_survive_pickling(error, message):
    assert str(error) == message and "\n" not in message
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and str(copy) == message
    assert vars(copy) == vars(error)


def test_every_error_is_a_value_error():
    assert issubclass(InputError, ZjnlpError) and issubclass(OptionError, ZjnlpError)
    assert issubclass(ZjnlpError, ValueError)


@pytest.mark.parametrize("value", [True, False, 0, -1, 1.0, "2"])
def test_a_whole_number_is_an_int_and_not_a_bool(value):
    with pytest.raises(OptionError, match=r"^top=.* is not valid: expected a whole number >= 1\.$"):
        check_whole_number("top", value, minimum=1)


def test_none_is_a_whole_number_only_where_it_means_something():
    check_whole_number("top", None, minimum=1, none="all")
    with pytest.raises(OptionError, match=r"expected a whole number >= 1\.$"):
        check_whole_number("top", None, minimum=1)


def test_a_choice_is_named_with_the_choices():
    check_choice("by", "part", ("document", "part"))
    with pytest.raises(OptionError, match=r"^by=True is not valid: expected one of 'document', 'part'\.$"):
        check_choice("by", True, ("document", "part"))
