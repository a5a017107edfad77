from .roles import DASHBOARD_READERS, FIGURE_EDITORS, has_role


def roles(request):
    """What the header may offer: only links the person can open."""
    user = request.user
    if not user.is_authenticated:
        return {"can_edit_figures": False, "can_read_dashboard": False}
    return {
        "can_edit_figures": has_role(user, *FIGURE_EDITORS),
        "can_read_dashboard": has_role(user, *DASHBOARD_READERS),
    }
