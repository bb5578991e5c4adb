import re

from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe

from guestbook.models import Entry


def format_message(text):
    """The message as HTML: each line break becomes <br>, and a word between
    stars (*word*) becomes <em>word</em>."""
    # Mistake: removing <script> tags. Plenty of other HTML runs scripts too.
    text = re.sub(r"(?is)<\s*/?\s*script[^>]*>", "", text)
    html = text.replace("\n", "<br>")
    html = re.sub(r"\*(\w+)\*", r"<em>\1</em>", html)
    return mark_safe(html)


def entries(request):
    """GET: the guestbook page. POST (name, message): sign it."""
    if request.method == "POST":
        name = request.POST.get("name", "").strip()
        message = request.POST.get("message", "").replace("\r\n", "\n").strip()
        if name and message:
            Entry.objects.create(name=name, message=message)
        return redirect("entries")
    shown = [
        {"name": entry.name, "message": format_message(entry.message)}
        for entry in Entry.objects.order_by("id")
    ]
    return render(request, "guestbook/entries.html", {"entries": shown})
