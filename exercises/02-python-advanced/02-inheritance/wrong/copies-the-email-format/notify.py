from abc import ABC, abstractmethod


class Notifier(ABC):
    """The base of every notifier. See README.md."""

    def __init__(self, sender):
        self.sender = sender
        self.sent = []

    @abstractmethod
    def format(self, recipient, message):
        """The text to deliver to recipient."""

    def send(self, recipient, message):
        # self.format is the format of the object's own class: polymorphism.
        text = self.format(recipient, message)
        self.sent.append(text)
        return text


class EmailNotifier(Notifier):
    def format(self, recipient, message):
        return f"To: {recipient}\nFrom: {self.sender}\n\n{message}"


class SmsNotifier(Notifier):
    def __init__(self, sender, max_length=160):
        super().__init__(sender)
        self.max_length = max_length

    def format(self, recipient, message):
        text = f"{self.sender}: {message}"
        if len(text) > self.max_length:
            text = text[: self.max_length - 3] + "..."
        return text


class UrgentEmailNotifier(EmailNotifier):
    def format(self, recipient, message):
        return f"To: {recipient}\nFrom: {self.sender}\n\nURGENT: {message}"


def broadcast(notifiers, recipient, message):
    return [notifier.send(recipient, message) for notifier in notifiers]
