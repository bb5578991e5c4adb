from abc import ABC, abstractmethod


class Notifier:
    """The base of every notifier. See README.md."""

    def __init__(self, sender):
        pass

    def format(self, recipient, message):
        return None

    def send(self, recipient, message):
        return None


class EmailNotifier(Notifier):
    pass


class SmsNotifier(Notifier):
    pass


class UrgentEmailNotifier(EmailNotifier):
    pass


def broadcast(notifiers, recipient, message):
    return None
