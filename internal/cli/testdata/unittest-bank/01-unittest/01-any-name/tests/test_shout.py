import unittest

from shout import shout


class ShoutChecks(unittest.TestCase):  # pytest collects any TestCase, whatever its name
    def test_one_word(self):
        self.assertEqual(shout("hey"), "HEY!")

    def test_two_words(self):
        self.assertEqual(shout("well done"), "WELL DONE!")


class MarkChecks(ShoutChecks):  # a subclass of a subclass: its inherited tests run too
    def test_empty_text(self):
        self.assertEqual(shout(""), "!")
