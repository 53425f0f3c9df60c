"""Output files are written whole or not at all, and never at the cost of what is already there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.files import OutputError, write_atomic, write_new


def test_a_new_file_is_written_whole_with_ordinary_permissions(tmp_path: Path) -> None:
    """The temporary file is renamed into place, and the result gets the usual 0644 (umask 022)."""
    target = tmp_path / "out.svg"
    umask = os.umask(0o022)
    try:
        write_atomic(target, "<svg/>")
    finally:
        os.umask(umask)
    assert target.read_text() == "<svg/>"
    assert target.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["out.svg"]


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    """Replacing a file the user made read-only for others keeps that mode."""
    target = tmp_path / "out.svg"
    target.write_text("old")
    target.chmod(0o600)
    write_atomic(target, "new")
    assert (target.read_text(), target.stat().st_mode & 0o777) == ("new", 0o600)


def test_a_symbolic_link_is_followed_and_kept(tmp_path: Path) -> None:
    """Writing through a link replaces the file it points to; the link itself stays a link."""
    real = tmp_path / "real.svg"
    real.write_text("old")
    link = tmp_path / "link.svg"
    link.symlink_to(real.name)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


def test_a_pipe_is_written_to_not_replaced(tmp_path: Path) -> None:
    """A path that is no regular file (a pipe, a device such as /dev/null) is written to directly;
    renaming over it would destroy it."""
    pipe = tmp_path / "out.svg"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(pipe, "through the pipe")
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert pipe.is_fifo()


def test_a_long_file_name_still_works(tmp_path: Path) -> None:
    """The temporary file's name does not grow with the target's, so any valid name can be used."""
    target = tmp_path / ("a" * 246 + ".svg")
    write_atomic(target, "x")
    assert target.read_text() == "x"


def test_a_temporary_left_by_a_crashed_run_is_stepped_over(tmp_path: Path) -> None:
    """A temporary file of an earlier run with this process's id (it crashed before renaming) is
    neither reused nor removed: the write takes the next free name and leaves only its target."""
    left = tmp_path / f".argmap-{os.getpid()}-0.tmp"
    left.write_text("an earlier run's")
    os.symlink(tmp_path / "elsewhere", tmp_path / f".argmap-{os.getpid()}-1.tmp")
    write_atomic(tmp_path / "out.svg", "x")
    assert (tmp_path / "out.svg").read_text() == "x"
    assert left.read_text() == "an earlier run's"
    assert not (tmp_path / "elsewhere").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["out.svg", left.name, f".argmap-{os.getpid()}-1.tmp"]
    )


def test_a_missing_folder_is_a_one_line_error(tmp_path: Path) -> None:
    """Writing into a folder that does not exist names the file and the reason."""
    target = tmp_path / "nowhere" / "out.svg"
    with pytest.raises(OutputError, match=r"out\.svg: cannot write: No such file or directory"):
        write_atomic(target, "x")


def test_write_new_refuses_to_replace_or_to_write_a_folder(tmp_path: Path) -> None:
    """A new map never replaces a file without being told to, nor lands on a folder."""
    mine = tmp_path / "mine.yaml"
    mine.write_text("my work")
    with pytest.raises(OutputError, match="already exists"):
        write_new(mine, "starter")
    assert mine.read_text() == "my work"
    with pytest.raises(OutputError, match="is a directory"):
        write_new(tmp_path, "starter")
