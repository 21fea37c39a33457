"""Shared fixtures: an isolated app home, an in-memory keyring, template portfolios copied per test.

Creating an encrypted file costs a key derivation and the migrations, so one template is built
per session and each test gets a byte copy of it (as Anki's tests do with collections).
"""

import os
import shutil
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "correct horse: battery@staple/ü"


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in memory; priority -1 so it is never picked on its own."""

    priority = -1

    def __init__(self):
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def app_home(tmp_path_factory, monkeypatch) -> Path:
    """Settings, device id and demo file go to a fresh folder, never the developer's own."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ALLIANCE_DESK_HOME", str(home))
    monkeypatch.delenv("ALLIANCE_DESK_PASSPHRASE", raising=False)
    return home


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def template_file(tmp_path_factory) -> Path:
    """An empty encrypted portfolio with one alliance, built once per session."""
    from alliance_desk.portfolio import Portfolio

    os.environ.setdefault("ALLIANCE_DESK_HOME", str(tmp_path_factory.mktemp("session-home")))
    path = tmp_path_factory.mktemp("template") / "template.alliance"
    with Portfolio.create(path, PASSPHRASE, name="Template portfolio") as portfolio:
        portfolio.add_alliance("Helios Oncology", partner="Brightwave Bio")
    return path


@pytest.fixture
def portfolio_file(template_file, tmp_path) -> Path:
    """A private copy of the template portfolio (passphrase: PASSPHRASE)."""
    target = tmp_path / "portfolio.alliance"
    shutil.copyfile(template_file, target)
    return target


@pytest.fixture
def portfolio(portfolio_file):
    from alliance_desk.portfolio import Portfolio

    opened = Portfolio.open(portfolio_file, PASSPHRASE)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo portfolio, written once per session (passphrase: demo)."""
    from alliance_desk.demo import write_demo

    path = tmp_path_factory.mktemp("demo") / "demo.alliance"
    write_demo(path, "demo")
    return path


@pytest.fixture
def demo_file(demo_template, tmp_path) -> Path:
    target = tmp_path / "demo.alliance"
    shutil.copyfile(demo_template, target)
    return target
