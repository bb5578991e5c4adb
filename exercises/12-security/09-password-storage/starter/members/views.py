"""The club's JSON endpoints (you don't need to change them): they leave
everything about passwords to members/auth.py."""

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from members import auth
from members.models import Member


def member_json(member):
    return {"id": member.id, "email": member.email, "name": member.name}


@require_POST
def register_view(request):
    """POST email, name, password -> 201 and the new member."""
    email = request.POST.get("email", "").strip().lower()
    name = request.POST.get("name", "").strip()
    password = request.POST.get("password", "")
    if not email or not name or len(password) < 8:
        return JsonResponse({"error": "Give an email, a name and a password of 8 characters or more."}, status=400)
    if Member.objects.filter(email=email).exists():
        return JsonResponse({"error": "That email is taken."}, status=400)
    member = auth.register(email, name, password)
    return JsonResponse(member_json(member), status=201)


@require_POST
def login_view(request):
    """POST email, password -> 200 and the member, now logged in; or 401."""
    member = auth.authenticate(request.POST.get("email", "").strip().lower(), request.POST.get("password", ""))
    if member is None:
        return JsonResponse({"error": "Wrong email or password."}, status=401)
    request.session["member_id"] = member.id
    return JsonResponse(member_json(member))


@require_POST
def change_password_view(request):
    """POST old_password, new_password (logged in) -> 200; or 401/400."""
    member = Member.objects.filter(pk=request.session.get("member_id")).first()
    if member is None:
        return JsonResponse({"error": "Log in first."}, status=401)
    if auth.authenticate(member.email, request.POST.get("old_password", "")) is None:
        return JsonResponse({"error": "Wrong password."}, status=400)
    new_password = request.POST.get("new_password", "")
    if len(new_password) < 8:
        return JsonResponse({"error": "The new password needs 8 characters or more."}, status=400)
    auth.set_password(member, new_password)
    return JsonResponse({"ok": True})
