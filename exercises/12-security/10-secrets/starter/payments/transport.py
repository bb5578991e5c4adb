"""Talks to the payment provider over the network (you don't need to change
it). In this exercise nothing leaves the machine: the tests replace post()
with a fake provider."""


class TransportError(Exception):
    """The provider could not be reached."""


def post(url, headers, data):
    """POST data (a dict) as JSON to url with the given headers, and return
    the provider's JSON answer as a dict."""
    raise TransportError(f"{url} cannot be reached from here")
