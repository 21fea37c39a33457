"""Schema migrations: a new file is built by them, and they agree with the models."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from alliance_desk.models import KINDS, Base
from alliance_desk.portfolio import Portfolio
from alliance_desk.storage import migrations


def test_migrations_build_every_table_from_an_empty_file(tmp_path):
    with Portfolio.create(tmp_path / "new.alliance", "pw") as portfolio:
        assert portfolio.schema_revision == migrations.head()
        with portfolio._opened.engine.connect() as conn:
            tables = {
                row[0]
                for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
            }
    assert {kind.model.__tablename__ for kind in KINDS.values()} <= tables


def test_models_and_migrations_agree(tmp_path):
    """Fails when a model changes without a migration (run alembic autogenerate)."""
    with Portfolio.create(tmp_path / "new.alliance", "pw") as portfolio:
        with portfolio._opened.engine.connect() as conn:
            differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == []


def test_every_row_has_identity_columns():
    for kind in KINDS.values():
        columns = set(kind.model.__table__.columns.keys())
        assert {"id", "created_at", "updated_at", "updated_by", "deleted_at"} <= columns, kind.key


def test_unknown_revision_is_not_known():
    assert migrations.is_known(migrations.head())
    assert not migrations.is_known("9999_from_the_future")


def test_every_released_schema_file_opens(tmp_path):
    """tests/data keeps one portfolio per released schema; each must open (upgraded if old)."""
    import shutil
    from pathlib import Path

    samples = sorted((Path(__file__).parent.parent / "data").glob("schema-*.alliance"))
    assert samples
    for sample in samples:
        revision = sample.stem.removeprefix("schema-")
        copy = tmp_path / sample.name
        shutil.copyfile(sample, copy)
        with Portfolio.open(copy, sample.stem) as portfolio:
            assert portfolio.alliances()[0].name == "Helios Oncology"
            assert portfolio.schema_revision == migrations.head()
            upgraded = revision != migrations.head()
            assert (portfolio.backup_path is not None) == upgraded
            if upgraded:
                assert portfolio.backup_path.read_bytes() == sample.read_bytes()


def test_the_revision_chain_read_at_open_is_alembics():
    """Opening reads the revisions from the files (without Alembic); they must agree."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrations.config())
    alembic_order = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert list(migrations.chain()) == alembic_order
    assert migrations.head() == script.get_current_head()
