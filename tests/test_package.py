"""What a user downloads: the source distribution and the wheel hold the licence, the package
index shows a description that reads well without the repository around it, and files that
running the README's examples writes never get into a distribution."""

from __future__ import annotations

import re
import shutil
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LEFT_OUT = shutil.ignore_patterns(".git", ".venv", "*_cache", ".hypothesis", "__pycache__", "out")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[str], str]:
    """The names in a source distribution and in a wheel built from a copy of the project in
    which the README's examples have been run, and the wheel's metadata."""
    hatchling = pytest.importorskip("hatchling.builders.sdist")
    from hatchling.builders.wheel import WheelBuilder

    project = tmp_path_factory.mktemp("project") / "argmap"
    shutil.copytree(ROOT, project, ignore=LEFT_OUT)
    for junk in ("maps/tutorial.svg", "tutorial.png", "tutorial.gv", "mymap.argmap.yaml"):
        (project / junk).write_text("written by an example\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("dist")
    (sdist,) = hatchling.SdistBuilder(str(project)).build(directory=str(out))
    (wheel,) = WheelBuilder(str(project)).build(directory=str(out), versions=["standard"])
    with tarfile.open(sdist) as archive:
        in_sdist = [name.split("/", 1)[1] for name in archive.getnames() if "/" in name]
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = archive.namelist()
        (metadata,) = [n for n in in_wheel if n.endswith(".dist-info/METADATA")]
        return in_sdist, in_wheel, archive.read(metadata).decode()


def test_the_licence_is_in_the_repository_and_both_distributions(
    built: tuple[list[str], list[str], str],
) -> None:
    """The MIT licence, under the project's name, ships with the sources and with the wheel."""
    in_sdist, in_wheel, metadata = built
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n\nCopyright (c) 2026 the argmap authors\n")
    assert "LICENSE" in in_sdist
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in in_wheel)
    assert "License-Expression: MIT" in metadata


def test_files_the_examples_write_stay_out_of_the_source_distribution(
    built: tuple[list[str], list[str], str],
) -> None:
    """Pictures and starter maps written by the README's commands are not packaged; the code,
    tests, example maps and their committed pictures, and the editor configurations the tests
    drive, are."""
    in_sdist, _, _ = built
    for junk in ("maps/tutorial.svg", "tutorial.png", "tutorial.gv", "mymap.argmap.yaml"):
        assert junk not in in_sdist
    for wanted in (
        "src/argmap/cli/__init__.py",
        "tests/test_package.py",
        "maps/tutorial.argmap.yaml",
        "editors/neovim/argmap.lua",
        "editors/vscode/package.json",
    ):
        assert wanted in in_sdist
    assert "maps/china-russia-central-asia.png" in in_sdist
    assert not [name for name in in_sdist if "__pycache__" in name or name.startswith(".venv")]


def test_the_package_index_description_needs_no_repository(
    built: tuple[list[str], list[str], str],
) -> None:
    """The description the index shows is DESCRIPTION.md: no picture and no link that only works
    inside the repository, and its example map is one argmap reads, with the thesis it names."""
    from argmap.analysis import check
    from argmap.load import loads

    _, _, metadata = built
    message = Parser().parsestr(metadata)
    description = message.get_payload()
    assert isinstance(description, str)
    assert description.strip() == (ROOT / "DESCRIPTION.md").read_text(encoding="utf-8").strip()
    targets = re.findall(r"\]\(([^)]*)\)", description)
    assert all(target.startswith("https://") for target in targets), targets
    assert message["Description-Content-Type"] == "text/markdown"
    assert message["Author"] == "the argmap authors"
    assert "Programming Language :: Python :: 3.11" in message.get_all("Classifier", [])
    (example,) = re.findall(r"```yaml\n(.*?)```", description, re.DOTALL)
    assert [verdict.thesis for verdict in check(loads(example)).verdicts] == ["close-centre"]
