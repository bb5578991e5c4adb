import unittest

from shout import shout


class TestWords(unittest.TestCase):  # a file named NAME_test.py: pytest collects it too
    def test_one_word(self):
        self.assertEqual(shout("hey"), "HEY!")

    def test_two_words(self):
        self.assertEqual(shout("well done"), "WELL DONE!")
