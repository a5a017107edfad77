"""Roles are groups. This module is the one place that says who may do what."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    DATA_OFFICER = "data_officer", _("Data officer")
    SECRETARIAT = "secretariat", _("Secretariat")
    CHAIR = "chair", _("Chair")
    CO_CHAIR = "co_chair", _("Co-chair")


# Who enters and imports the year's figures.
FIGURE_EDITORS = (Role.DATA_OFFICER, Role.SECRETARIAT)
# Who reads the progress dashboard: everyone with a role.
DASHBOARD_READERS = tuple(Role)


def user_roles(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_role_names"):
        user._role_names = set(user.groups.values_list("name", flat=True))
    return user._role_names


def has_role(user, *roles: str) -> bool:
    """Superusers hold every role; anonymous users none."""
    if user.is_authenticated and user.is_superuser:
        return True
    return bool(user_roles(user) & set(roles))


def role_required(*roles: str):
    """Log in first (redirect), then refuse with 403 a user without any of `roles`."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
