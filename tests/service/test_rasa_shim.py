"""service/rasa_shim.py: pinned to Rasa 3.6.21's internals, and the same answers as Rasa's own check."""
import copy
from typing import Any, Dict, List, Optional, Tuple

import pytest
import rasa
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

from service import rasa_shim


@pytest.fixture
def rasa_original():
    """Rasa's own function, whatever state a server start in this process left the class in."""
    rasa_shim.uninstall()
    yield RemoteAction._validate_action_result
    rasa_shim.uninstall()


def action() -> RemoteAction:
    return RemoteAction("action_analyze_case", EndpointConfig("http://127.0.0.1:1/webhook"))


def test_rasa_internals_the_shim_replaces_are_unchanged(rasa_original) -> None:
    """Fails when Rasa is upgraded or its function changes: re-check the shim against the new source, then update
    RASA_VERSION / ORIGINAL_SOURCE_SHA256 (or drop the shim if Rasa fixed it)."""
    assert rasa.__version__ == rasa_shim.RASA_VERSION
    assert rasa_shim.source_sha256(rasa_original) == rasa_shim.ORIGINAL_SOURCE_SHA256
    assert rasa_shim.why_not_patchable() is None
    schema = RemoteAction.action_response_format_spec()
    assert set(schema["properties"]) == {"events", "responses"}


def test_install_patches_once_and_uninstall_restores(rasa_original) -> None:
    assert not rasa_shim.installed()
    assert rasa_shim.install() is True
    patched = RemoteAction._validate_action_result
    assert rasa_shim.installed() and patched is not rasa_original
    assert rasa_shim.install() is True and RemoteAction._validate_action_result is patched
    rasa_shim.uninstall()
    assert RemoteAction._validate_action_result is rasa_original


def test_refuses_another_rasa_version(rasa_original, monkeypatch, caplog) -> None:
    monkeypatch.setattr(rasa, "__version__", "3.6.22")
    assert rasa_shim.install() is False
    assert RemoteAction._validate_action_result is rasa_original
    assert "3.6.22" in caplog.text


def test_refuses_a_changed_function(rasa_original, monkeypatch) -> None:
    monkeypatch.setattr(rasa_shim, "ORIGINAL_SOURCE_SHA256", "0" * 64)
    assert rasa_shim.install() is False
    assert RemoteAction._validate_action_result is rasa_original


BOT_MESSAGE = {"recipient_id": "rest:x", "text": "Variant 1 ...", "custom": {"type": "recommendation",
               "recommendations": [{"procedure": "US axilla", "category": "Usually Appropriate"}] * 8}}
VALID: List[Dict[str, Any]] = [
    {},
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "case", "value": {"tumor_size_cm": 3.0, "side": "left"}},
                {"event": "slot", "name": "requested_slot", "value": None},
                {"event": "active_loop", "name": None},
                {"event": "followup", "name": "action_listen"},
                {"event": "bot", "text": "Which side?", "data": {"custom": {"type": "question"}}}],
     "responses": [BOT_MESSAGE, {"text": "hello"}, {"response": "utter_greet"}]},
    {"events": [{"event": "restart"}, {"event": "reset_slots"}, {"event": "session_started"}]},
    {"events": [{"event": "user", "text": "3 cm", "parse_data": {"intent": {"name": "inform", "confidence": 0.9},
                                                                 "entities": []}}]},
    {"unknown_key": 1, "responses": []},
]
INVALID: List[Dict[str, Any]] = [
    {"events": {}},
    {"events": "slot"},
    {"responses": {"text": "hi"}},
    {"responses": ["hi"]},
    {"events": [{"event": "no_such_event"}]},
    {"events": [{"name": "case"}]},
    {"events": [{"event": "slot", "value": 1}]},
    {"events": [{"event": "slot", "name": 3, "value": 1}]},
    {"events": [{"event": "user", "text": 5}]},
    {"events": [{"event": "bot", "text": "x"}, {"event": "slot", "name": None, "value": 1}]},
    {"events": [{"event": "followup_action"}], "responses": [1]},
]


def outcome(validate, payload: Dict[str, Any]) -> Tuple[bool, Optional[Tuple[Any, ...]]]:
    try:
        return validate(action(), copy.deepcopy(payload)), None
    except ValidationError as error:
        return False, (error.message, tuple(error.path), tuple(error.schema_path), error.validator,
                       error.instance)


@pytest.mark.parametrize("payload", VALID + INVALID, ids=[f"valid-{i}" for i in range(len(VALID))]
                         + [f"invalid-{i}" for i in range(len(INVALID))])
def test_the_shim_answers_as_rasa_does(rasa_original, payload: Dict[str, Any]) -> None:
    shim = rasa_shim.make_validate_action_result()
    expected = outcome(rasa_original, payload)
    assert outcome(shim, payload) == expected
    assert expected[0] is (payload in VALID)
    if expected[1]:
        assert "Failed to validate Action server response from API" in expected[1][0]


def test_a_subclass_with_its_own_schema_keeps_rasas_check(rasa_original) -> None:
    class Strict(RemoteAction):
        @staticmethod
        def action_response_format_spec() -> Dict[str, Any]:
            return {"type": "object", "required": ["events"]}

    shim = rasa_shim.make_validate_action_result()
    strict = Strict("action_x", EndpointConfig("http://127.0.0.1:1/webhook"))
    with pytest.raises(ValidationError):
        shim(strict, {"responses": []})


def test_the_channels_install_it_in_a_rasa_server(rasa_original, monkeypatch) -> None:
    """Every channel runs service.turns.install() when the server creates it (and at each turn): with Rasa's
    action module loaded, as in a Rasa server, that installs the shim."""
    from service import turns

    monkeypatch.setattr(rasa_shim, "_tried", False)
    turns.install()
    assert rasa_shim.installed()
