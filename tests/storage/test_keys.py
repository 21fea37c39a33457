"""The key derived once (storage/keys.py) is the one SQLCipher 4 derives from the passphrase:
files keyed either way open the other way, and a wrong passphrase is still refused."""

import threading

import pytest
import sqlcipher3

from alliance_desk.portfolio import Portfolio
from alliance_desk.storage import database, errors, keys
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
    conn = database.connect(path, passphrase, "ro")  # keyed with the derived key
    assert conn.execute("SELECT text FROM note").fetchall() == [("written with the passphrase",)]
    conn.close()


def test_a_file_written_through_the_derived_key_opens_with_the_passphrase(portfolio_file):
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:  # derived key
        portfolio.add_alliance("Written through the derived key")
    conn = sqlcipher3.connect(str(portfolio_file))
    conn.set_key(PASSPHRASE)
    names = {row[0] for row in conn.execute("SELECT name FROM alliance")}
    conn.close()
    assert "Written through the derived key" in names


def test_a_wrong_passphrase_is_refused_although_a_right_key_is_kept(portfolio_file):
    Portfolio.open(portfolio_file, PASSPHRASE, read_only=True).close()  # its key is kept
    with pytest.raises(errors.WrongPassphrase):
        Portfolio.open(portfolio_file, PASSPHRASE + " ")


def test_a_connection_asking_while_another_thread_derives_gets_the_same_key(portfolio_file):
    fresh = portfolio_file.parent / "other.alliance"  # a salt of its own: nothing kept yet
    Portfolio.create(fresh, PASSPHRASE).close()
    answers = []
    threads = [
        threading.Thread(target=lambda: answers.append(keys.raw_key(fresh, PASSPHRASE)))
        for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(answers)) == 1 and answers[0].startswith("x'")
    with Portfolio.open(fresh, PASSPHRASE) as portfolio:
        assert portfolio.alliances() == []


def test_a_file_without_a_salt_yet_is_keyed_with_the_passphrase(tmp_path):
    assert keys.raw_key(tmp_path / "not yet.alliance", PASSPHRASE) is None
    with Portfolio.create(tmp_path / "not yet.alliance", PASSPHRASE) as portfolio:
        portfolio.add_alliance("First")
    with Portfolio.open(tmp_path / "not yet.alliance", PASSPHRASE) as portfolio:
        assert [a.name for a in portfolio.alliances()] == ["First"]
