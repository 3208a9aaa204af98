"""The domain the actions are called with."""
from pathlib import Path
from typing import Any, Dict

import pytest
from rasa.shared.core.domain import Domain

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    """The domain as the Rasa server sends it to the action server."""
    return Domain.load(str(ROOT / "domain.yml")).as_dict()
