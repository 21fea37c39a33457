"""What the window remembers between runs: geometry, layout, last tab, recent files.

Kept in an INI file in the settings folder. Never the passphrase (storage/keychain.py does that).
"""

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from alliance_desk.storage import paths

MAX_RECENT = 10


class AppSettings:
    """A thin, typed wrapper over QSettings so keys and types live in one place."""

    def __init__(self, file: Path | None = None):
        file = file or paths.config_dir() / "settings.ini"
        self._settings = QSettings(str(file), QSettings.Format.IniFormat)

    @property
    def file(self) -> Path:
        return Path(self._settings.fileName())

    def sync(self) -> None:
        self._settings.sync()

    @property
    def qsettings(self) -> QSettings:
        """The QSettings underneath, for small features that keep their own keys."""
        return self._settings

    @property
    def preread_template(self) -> str:
        """The Word template last used for a pre-read ('' for the built-in look)."""
        return str(self._settings.value("preread/template", "") or "")

    @preread_template.setter
    def preread_template(self, path: str) -> None:
        self._settings.setValue("preread/template", path)

    # --- window layout -------------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/state", value)

    @property
    def splitter_state(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/splitter", value)

    @property
    def last_tab(self) -> str:
        return str(self._settings.value("window/last_tab", "") or "")

    @last_tab.setter
    def last_tab(self, title: str) -> None:
        self._settings.setValue("window/last_tab", title)

    @property
    def show_archived(self) -> bool:
        return str(self._settings.value("sidebar/show_archived", "false")).lower() == "true"

    @show_archived.setter
    def show_archived(self, value: bool) -> None:
        self._settings.setValue("sidebar/show_archived", "true" if value else "false")

    # --- recent files --------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        """Most recent first, at most MAX_RECENT, each once."""
        value = self._settings.value("recent/files", [])
        if isinstance(value, str):  # QSettings returns a one-element list as a plain string
            value = [value] if value else []
        result: list[Path] = []
        for item in value or []:
            path = Path(str(item))
            if str(item) and path not in result:
                result.append(path)
        return result[:MAX_RECENT]

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        files = [path] + [p for p in self.recent_files() if p != path]
        self._store_recent(files)

    def remove_recent(self, path: Path) -> None:
        self._store_recent([p for p in self.recent_files() if p != Path(path)])

    def clear_recent(self) -> None:
        self._store_recent([])

    def _store_recent(self, files: list[Path]) -> None:
        self._settings.setValue("recent/files", [str(p) for p in files[:MAX_RECENT]])
        self._settings.sync()
