"""Who may do what with a report: the one place that says it. A person acts in a
Sector Working Group when they hold the role (group) and are a member of that SWG."""

from accounts.roles import Role, user_roles

from .models import Report, SectorWorkingGroup

ACTIONS = {
    "view": tuple(Role),
    "edit": (Role.SECRETARIAT,),
    "submit": (Role.SECRETARIAT,),
    "return": (Role.CHAIR, Role.CO_CHAIR),
    "approve": (Role.CHAIR, Role.CO_CHAIR),
    "reopen": (Role.CHAIR,),
}
# The state a report must be in for each action.
STATES = {
    "edit": Report.EDITABLE,
    "submit": Report.EDITABLE,
    "return": (Report.Status.SUBMITTED,),
    "approve": (Report.Status.SUBMITTED,),
    "reopen": (Report.Status.APPROVED,),
}


def member_of(user, swg) -> bool:
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_swg_ids"):
        user._swg_ids = set(user.memberships.values_list("swg_id", flat=True))
    return swg.pk in user._swg_ids


def may(user, action: str, report: Report) -> bool:
    """Whether `user` may take `action` on `report` now (its state included)."""
    if not user.is_authenticated:
        return False
    if action in STATES and report.status not in STATES[action]:
        return False
    if user.is_superuser:
        return True
    return member_of(user, report.swg) and bool(user_roles(user) & set(ACTIONS[action]))


def visible_reports(user):
    if not user.is_authenticated:
        return Report.objects.none()
    reports = Report.objects.select_related("swg", "template")
    if user.is_superuser:
        return reports
    if not user_roles(user):
        return Report.objects.none()
    return reports.filter(swg__memberships__user=user)


def may_list(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or (bool(user_roles(user)) and user.memberships.exists())
    )


def creatable_swgs(user):
    """The SWGs whose reports this user may start: the secretariat's own."""
    if user.is_superuser:
        return SectorWorkingGroup.objects.all()
    if Role.SECRETARIAT not in user_roles(user):
        return SectorWorkingGroup.objects.none()
    return SectorWorkingGroup.objects.filter(memberships__user=user)


def may_create(user) -> bool:
    return user.is_authenticated and creatable_swgs(user).exists()
