# The custom path converter described in README.md.
from datetime import date


class IsoDateConverter:
    """Matches dates written as YYYY-MM-DD and hands them to views as datetime.date."""

    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value):
        """The text matched in the URL -> the value the view receives."""
        return value

    def to_url(self, value):
        """A value given to reverse() -> the text in the URL."""
        return str(value)
