# The custom path converter described in README.md.
from datetime import date


class IsoDateConverter:
    """Matches dates written as YYYY-MM-DD and hands them to views as datetime.date."""

    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value):
        """The text matched in the URL -> the value the view receives."""
        # Raises ValueError for a date that does not exist (2024-02-30),
        # which Django treats as "this pattern does not match": a 404.
        return date.fromisoformat(value)

    def to_url(self, value):
        """A value given to reverse() -> the text in the URL."""
        return value.isoformat()
