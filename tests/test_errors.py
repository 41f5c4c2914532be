"""The errors zjnlp raises: their one-line wording, and their way back from worker processes."""

import pickle

import pytest

from zjnlp.errors import InputError, OptionError, ZjnlpError


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
