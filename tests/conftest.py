from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "samples" / "nl-2021-12-biden-poetin.txt"


def shared_data(*parts: str) -> Path:
    """Path under ../shared/data, or skip the test with the reason when it is not there."""
    path = SHARED.joinpath("data", *parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/data/{'/'.join(parts)} (the shared corpora are not present)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from grotius import load

    return load("nl")


@pytest.fixture(scope="session")
def sample_doc(nlp):
    from grotius.ingest.readers import read_dated_article

    document = read_dated_article(SAMPLE)
    return document, nlp(document.text)
