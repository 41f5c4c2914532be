"""`make lab` starts JupyterLab as root and as an ordinary user, and the server answers.

Each test starts the server on a free loopback port with a token of its own, asks
``/api/status`` with and without the token, and stops the server; the whole run is
bounded by ``STARTUP`` seconds.
"""

from __future__ import annotations

import importlib.util
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STARTUP = 90  # seconds: JupyterLab takes a few on an idle machine, more on a busy one
USER = "nobody"  # an account every Debian system has, with no home and no rights

pytestmark = [
    pytest.mark.skipif(importlib.util.find_spec("jupyterlab") is None, reason="JupyterLab is not installed (the 'notebooks' extra)"),
    pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed"),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _status(port: int, token: str | None) -> int:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/status")
    if token:
        request.add_header("Authorization", f"token {token}")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _stop(server: subprocess.Popen) -> None:
    """Stop make and the server it started (their own process group)."""
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, None)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:  # already gone
            pass
        try:
            server.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _serve(prefix: list[str], home: Path) -> tuple[int, str]:
    """Run ``make lab`` (after ``prefix``, which may switch user), check it, stop it.

    Returns the status of ``/api/status`` without the token, and what make printed.
    """
    port, token = _free_port(), secrets.token_hex(16)
    lab_args = f"--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port={port} --ServerApp.port_retries=0"
    environment = {
        "PATH": os.environ["PATH"], "HOME": str(home), "JUPYTER_TOKEN": token,
        "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "IPYTHONDIR": str(home / "ipython"),
    }
    command = [*prefix, "env", *(f"{key}={value}" for key, value in environment.items()),
               "make", "--no-print-directory", "-C", str(ROOT), "lab", f"LAB_ARGS={lab_args}"]
    log = home / "lab.log"
    with log.open("wb") as output:
        server = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline = time.monotonic() + STARTUP
            while time.monotonic() < deadline and server.poll() is None:
                try:
                    if _status(port, token) == 200:
                        break
                except OSError:  # not listening yet
                    pass
                time.sleep(0.5)
            else:
                pytest.fail(f"JupyterLab did not answer within {STARTUP} s:\n{log.read_text(errors='replace')}")
            refused = _status(port, None)
        finally:
            _stop(server)
    return refused, log.read_text(errors="replace")


@pytest.mark.skipif(os.geteuid() != 0, reason="runs as root only when the tests do")
def test_make_lab_as_root(tmp_path):
    refused, printed = _serve([], tmp_path)
    assert refused == 403  # the token is required
    command = next(line for line in printed.splitlines() if "-m jupyter lab" in line)  # after any install step
    assert "--allow-root" in command


def _as_user() -> list[str] | None:
    """A command prefix that runs ``make lab`` as USER, if USER can run this checkout's Python."""
    if shutil.which("runuser") is None:
        return None
    prefix = ["runuser", "-u", USER, "--"]
    probe = subprocess.run([*prefix, "make", "--no-print-directory", "-s", "-C", str(ROOT), "lab", "LAB_ARGS=--version"],
                           capture_output=True, timeout=120)
    return prefix if probe.returncode == 0 else None


def test_make_lab_as_a_user(tmp_path):
    if os.geteuid() != 0:
        refused, printed = _serve([], tmp_path)
    else:
        prefix = _as_user()
        if prefix is None:
            pytest.skip(f"user {USER} cannot run .venv/bin/python here (a Python under a private directory such as /root)")
        # pytest's tmp_path is private to root; the user gets a home of its own in /tmp
        with tempfile.TemporaryDirectory() as home:
            Path(home).chmod(0o777)
            refused, printed = _serve(prefix, Path(home))
    assert refused == 403
    command = next(line for line in printed.splitlines() if "-m jupyter lab" in line)
    assert "--allow-root" not in command
