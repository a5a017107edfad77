from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.roles import Role
from reporting.models import Membership, SectorWorkingGroup

# Demo accounts for a local trial: never run this on a server that people use.
DEMO_USERS = [
    (Role.DATA_OFFICER.value, "data", "data-demo-2023"),
    (Role.SECRETARIAT.value, "secretariat", "secretariat-demo-2023"),
    (Role.CHAIR.value, "chair", "chair-demo-2023"),
    (Role.CO_CHAIR.value, "cochair", "cochair-demo-2023"),
    ("admin", "admin", "admin-demo-2023"),
]


class Command(BaseCommand):
    help = (
        "Create one demo user per role, members of the UXO SWG, and print: role, "
        "username, password."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        swg, _created = SectorWorkingGroup.objects.get_or_create(
            code="uxo",
            defaults={
                "name_lo": "ໜ່ວຍງານຂະແໜງການລະເບີດບໍ່ທັນແຕກ",
                "name_en": "Unexploded Ordnance (UXO) Sector Working Group",
            },
        )
        for role, username, password in DEMO_USERS:
            user, _created = User.objects.get_or_create(username=username)
            user.set_password(password)
            if role == "admin":
                user.is_staff = user.is_superuser = True
            else:
                user.groups.add(Group.objects.get_or_create(name=role)[0])
            user.save()
            Membership.objects.get_or_create(user=user, swg=swg)
            self.stdout.write(f"{role}\t{username}\t{password}")
