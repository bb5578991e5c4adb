"""A small HTML reader for the tests: find elements by tag and class."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag, attrs, parent=None):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []  # Elements and strings

    @property
    def classes(self):
        return (self.attrs.get("class") or "").split()

    def text(self):
        """The text inside, with runs of white space made single spaces."""
        parts = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else " " + child.text() + " ")
        return " ".join("".join(parts).split())

    def find_all(self, tag=None, cls=None):
        found = []
        for child in self.children:
            if isinstance(child, Element):
                if (tag is None or child.tag == tag) and (cls is None or cls in child.classes):
                    found.append(child)
                found.extend(child.find_all(tag, cls))
        return found

    def find(self, tag=None, cls=None):
        """The first matching element; fails the test when there is none."""
        found = self.find_all(tag, cls)
        what = (tag or "") + ("." + cls if cls else "")
        assert found, f"the page has no <{what}> element"
        return found[0]


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", [])
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html):
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.root
