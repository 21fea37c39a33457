"""Where the app keeps its own files (never the passphrase): settings, demo file, device id."""

import json
import os
import socket
import sys
import uuid
from pathlib import Path

import platformdirs

APP = "alliance-desk"
EXTENSION = ".alliance"


def config_dir() -> Path:
    """Per-user settings folder (ALLIANCE_DESK_HOME overrides it, for tests and portable use)."""
    override = os.environ.get("ALLIANCE_DESK_HOME")
    if override:
        return Path(override) / "config"
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def data_dir() -> Path:
    """Per-user data folder: the demo portfolio lives here."""
    override = os.environ.get("ALLIANCE_DESK_HOME")
    if override:
        return Path(override) / "data"
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def demo_path() -> Path:
    return data_dir() / f"Demo portfolio{EXTENSION}"


def resource_path(*parts: str) -> Path:
    """A path inside `resources/`: beside the package, or inside a frozen (PyInstaller) build."""
    if getattr(sys, "frozen", False):
        root = Path(getattr(sys, "_MEIPASS", ".")) / "resources"
    else:
        root = Path(__file__).resolve().parents[2] / "resources"
    return root.joinpath(*parts)


def device_id() -> str:
    """This installation's id, made once and kept in the settings folder."""
    override = os.environ.get("ALLIANCE_DESK_DEVICE_ID")
    if override:
        return override
    path = config_dir() / "device.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))["device_id"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    ident = str(uuid.uuid4())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        record = {"device_id": ident, "host": socket.gethostname()}
        path.write_text(json.dumps(record), encoding="utf-8")
    except OSError:
        pass  # a read-only home still works; the id simply changes next run
    return ident


def device_label() -> str:
    return socket.gethostname()
