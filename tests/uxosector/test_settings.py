import os
import subprocess
import sys

from django.conf import settings

IMPORT = (
    "import uxosector.settings as s;"
    "print(s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'])"
)


def _settings_with(env: dict, code: str = IMPORT) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "ALLOWED_HOSTS"}
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        env=clean | env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )


def test_without_a_secret_key_and_without_debug_the_server_refuses_to_start():
    result = _settings_with({}, "import uxosector.wsgi")
    assert result.returncode != 0
    assert "Set SECRET_KEY, or DEBUG=1 for a development key." in result.stderr


def test_without_a_secret_key_nothing_can_sign():
    code = "import django; django.setup();from django.core import signing; signing.dumps('x')"
    result = _settings_with({"DJANGO_SETTINGS_MODULE": "uxosector.settings"}, code)
    assert result.returncode != 0
    assert "The SECRET_KEY setting must not be empty." in result.stderr


def test_without_a_secret_key_management_checks_still_run(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'check.sqlite3'}"
    for command in (["check"], ["makemigrations", "--check", "--dry-run"]):
        result = subprocess.run(
            [sys.executable, "manage.py", *command],
            env=env,
            capture_output=True,
            text=True,
            cwd=settings.BASE_DIR,
        )
        assert result.returncode == 0, result.stderr


def test_debug_gives_a_development_key_and_local_hosts():
    result = _settings_with({"DEBUG": "1"})
    assert result.stdout.split() == [
        "True",
        "['127.0.0.1',",
        "'localhost']",
        "django.db.backends.sqlite3",
    ]


def test_database_url_and_hosts_come_from_the_environment():
    result = _settings_with(
        {
            "SECRET_KEY": "x",
            "ALLOWED_HOSTS": "uxo.example.la, www.uxo.example.la",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/uxo",
        }
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "['uxo.example.la',",
        "'www.uxo.example.la']",
        "django.db.backends.postgresql",
    ]
