import pytest

from guestbook.models import Entry
from guestbook.views import format_message

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(document.cookie)</script>"
SCRIPT_ESCAPED = "&lt;script&gt;alert(document.cookie)&lt;/script&gt;"


def sign(client, name, message):
    response = client.post("/", {"name": name, "message": message})
    assert response.status_code == 302


def page(client):
    """The guestbook's list of entries as HTML (the whole page if the list is not found)."""
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    start = html.find('<ul class="entries">')
    end = html.find("</ul>", start)
    if start < 0 or end < 0:
        return html
    return html[start:end + len("</ul>")]


def test_a_signed_entry_is_shown(client):
    sign(client, "Ada", "Lovely place, will come again.")
    html = page(client)
    assert "Ada" in html
    assert "Lovely place, will come again." in html
    assert Entry.objects.count() == 1


def test_line_breaks_become_br(client):
    sign(client, "Ada", "line one\nline two")
    assert "line one<br>line two" in page(client)


def test_a_starred_word_becomes_emphasis(client):
    sign(client, "Ada", "a *really* nice day")
    assert "a <em>really</em> nice day" in page(client)


def test_a_script_in_the_message_is_escaped(client):
    sign(client, "Mallory", SCRIPT)
    html = page(client)
    assert "<script" not in html
    assert SCRIPT_ESCAPED in html


def test_a_script_in_the_name_is_escaped(client):
    sign(client, SCRIPT, "hello")
    html = page(client)
    assert "<script" not in html
    assert SCRIPT_ESCAPED in html


@pytest.mark.parametrize(
    "payload, escaped",
    [
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ('<a href="javascript:alert(1)">win</a>', "&lt;a href=&quot;javascript:alert(1)&quot;&gt;win&lt;/a&gt;"),
    ],
    ids=["img-onerror", "javascript-link"],
)
def test_other_html_is_escaped_in_name_and_message(client, payload, escaped):
    sign(client, payload, payload)
    html = page(client)
    assert "<img" not in html
    assert "<a " not in html
    assert html.count(escaped) == 2


def test_html_with_formatting_is_escaped_but_formatting_still_works(client):
    sign(client, "Eve", "<b>bold</b>\n*yes*")
    html = page(client)
    assert "&lt;b&gt;bold&lt;/b&gt;<br><em>yes</em>" in html


@pytest.mark.hidden
def test_text_is_escaped_exactly_once(client):
    """Special characters must be escaped once: no raw HTML, and no double escaping like &amp;amp;."""
    sign(client, 'Tom & "Jerry"', "Tom & Jerry\n5 > 3")
    html = page(client)
    assert "Tom &amp; &quot;Jerry&quot;" in html
    assert "Tom &amp; Jerry<br>5 &gt; 3" in html
    assert "&amp;amp;" not in html
    assert "&amp;lt;" not in html


def test_format_message_escapes_html_and_keeps_formatting():
    result = format_message("I <3 this\nplace, *really*")
    assert str(result) == "I &lt;3 this<br>place, <em>really</em>"


def test_format_message_escapes_quotes_and_ampersands():
    result = format_message("\"fish\" & 'chips'")
    assert str(result) == "&quot;fish&quot; &amp; &#x27;chips&#x27;"


def test_format_message_result_is_marked_safe():
    assert hasattr(format_message("hi"), "__html__"), "format_message must return HTML marked safe"
