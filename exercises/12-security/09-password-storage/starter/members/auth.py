"""Everything the club does with passwords."""

from members.models import Member


def register(email, name, password):
    """Create and return a new member."""
    return Member.objects.create(email=email, name=name, password=password)


def set_password(member, password):
    """Give a member a new password, and save it."""
    member.password = password
    member.save(update_fields=["password"])


def authenticate(email, password):
    """The member with this email and password, or None."""
    member = Member.objects.filter(email=email).first()
    if member is None or member.password != password:
        return None
    return member
