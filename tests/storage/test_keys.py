"""The key derived once per open (storage/keys.py) is the one SQLCipher 4 derives from the
passphrase: files keyed either way open the other way, one open derives it once for all its
connections, and neither a wrong passphrase nor a file replaced meanwhile is mistaken."""

import shutil

import keyring
import pytest
import sqlcipher3
from keyring.backend import KeyringBackend

from alliance_desk.portfolio import Portfolio
from alliance_desk.storage import database, errors, keychain, keys
from alliance_desk.storage.passphrase import Lookup
from tests.conftest import PASSPHRASE

ODD = "p@ss:w/rd?#% 'quote' — ünïcødé 🔐"


def plain_sqlcipher_file(path, passphrase: str) -> None:
    """A file any SQLCipher 4 client writes with the passphrase (its own key derivation)."""
    conn = sqlcipher3.connect(str(path))
    conn.set_key(passphrase)
    conn.execute("CREATE TABLE note (text TEXT)")
    conn.execute("INSERT INTO note VALUES ('written with the passphrase')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("passphrase", [PASSPHRASE, ODD])
def test_the_derived_key_opens_a_file_keyed_with_the_passphrase(tmp_path, passphrase):
    path = tmp_path / "plain.db"
    plain_sqlcipher_file(path, passphrase)
    conn = sqlcipher3.connect(str(path))
    conn.set_key(keys.derive(path, passphrase))  # SQLCipher's raw key: no derivation of its own
    assert conn.execute("SELECT text FROM note").fetchall() == [("written with the passphrase",)]
    conn.close()


def test_a_file_written_through_the_derived_key_opens_with_the_passphrase(portfolio_file):
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:
        portfolio.add_alliance("Written through the derived key")
    conn = sqlcipher3.connect(str(portfolio_file))
    conn.set_key(PASSPHRASE)
    names = {row[0] for row in conn.execute("SELECT name FROM alliance")}
    conn.close()
    assert "Written through the derived key" in names


def test_one_open_derives_the_key_once_for_its_connections(portfolio_file, monkeypatch):
    derived, keyed = [], []
    derive, connect = keys.derive, database.connect
    monkeypatch.setattr(keys, "derive", lambda *a: derived.append(a) or derive(*a))
    monkeypatch.setattr(
        database, "connect", lambda *a: keyed.append(a[3] if len(a) > 3 else None) or connect(*a)
    )
    monkeypatch.setattr(database, "CHECK_BESIDE_FROM", 0)  # the check and reader, as a big file's
    with Portfolio.open(portfolio_file, PASSPHRASE, check_beside=True) as portfolio:
        opened = portfolio._opened
        reader = opened.reader()  # the connection a big file's health is worked out on
        assert [a.name for a in Portfolio(reader, holds_lock=False).alliances()] == [
            "Helios Oncology"
        ]
        reader.close()
        assert opened.check.wait() is None  # the whole-file check, on its own connection
    assert len(derived) == 1
    assert len(keyed) == 3 and all(key == keyed[0] and key.startswith("x'") for key in keyed)


def test_a_wrong_passphrase_is_refused(portfolio_file):
    with pytest.raises(errors.WrongPassphrase):
        Portfolio.open(portfolio_file, PASSPHRASE + " ")
    with pytest.raises(errors.WrongPassphrase):  # keyed with a key derived for it, too
        Portfolio.open(portfolio_file, "wrong", key=keys.derive(portfolio_file, "wrong"))


def test_a_key_derived_before_another_copy_replaced_the_file_is_not_a_wrong_passphrase(
    portfolio_file, tmp_path, monkeypatch
):
    stale = keys.derive(portfolio_file, PASSPHRASE)
    other = tmp_path / "other.alliance"  # the same passphrase, a salt of its own
    Portfolio.create(other, PASSPHRASE, name="The other copy").close()
    assert keys.read_salt(other) != keys.salt_of(stale)
    shutil.move(other, portfolio_file)  # as a sync client or a colleague's copy moves over it
    monkeypatch.setattr(database, "CHECK_BESIDE_FROM", 0)  # the check and reader, as a big file's
    with Portfolio.open(portfolio_file, PASSPHRASE, key=stale, check_beside=True) as portfolio:
        assert portfolio.name == "The other copy"
        assert portfolio._opened.check.wait() is None  # keyed with the new key, not the stale
        reader = portfolio._opened.reader()
        assert Portfolio(reader, holds_lock=False).name == "The other copy"
        reader.close()


def test_a_file_without_a_salt_yet_has_no_key_and_is_keyed_with_the_passphrase(tmp_path):
    path = tmp_path / "new.alliance"
    assert keys.derive(path, PASSPHRASE) is None
    with Portfolio.create(path, PASSPHRASE) as portfolio:
        portfolio.add_alliance("First")
    assert keys.read_salt(path) is not None
    with Portfolio.open(path, PASSPHRASE) as portfolio:
        assert [a.name for a in portfolio.alliances()] == ["First"]


def test_a_lookup_whose_keyring_fails_asks_instead_of_waiting_forever(portfolio_file):
    class BrokenKeyring(KeyringBackend):
        priority = 1

        def get_password(self, service, username):
            raise ValueError("the keyring's daemon answered nonsense")

        def set_password(self, service, username, password):
            raise ValueError("no")

        def delete_password(self, service, username):
            raise ValueError("no")

    keyring.set_keyring(BrokenKeyring())  # the autouse fixture puts the memory one back
    lookup = Lookup(portfolio_file, None)
    assert lookup.passphrase() == (None, False)  # nothing remembered: the window will ask
    assert lookup.key() is None


def test_a_lookup_derives_the_key_of_the_passphrase_it_found(portfolio_file):
    keychain.remember(portfolio_file, PASSPHRASE)
    lookup = Lookup(portfolio_file, None)
    assert lookup.passphrase() == (PASSPHRASE, True)
    assert lookup.key() == keys.derive(portfolio_file, PASSPHRASE)
    lookup.forget()
    assert (lookup.passphrase(), lookup.key()) == ((None, False), None)
