"""A speed shim for Rasa 3.6.21: validate action-server responses with a JSON-schema validator built once.

Rasa 3.6's `RemoteAction._validate_action_result` calls `jsonschema.validate(result, schema)` on every
action-server response. `jsonschema.validate` first checks the schema itself against its meta-schema and
builds a new validator, every call: for our recommendation-sized responses that was most of a turn's CPU in the
Rasa server (py-spy: 37% of its busy time). Here the validator class is chosen, the schema checked and the
validator built once, for the same schema (`RemoteAction.action_response_format_spec()`), and each response is
validated as `jsonschema.validate` does it: the best-matching error, if any, raised with Rasa's own message
suffix appended. Nothing else in Rasa changes.

The patch is pinned: `install()` patches only when `rasa.__version__` is 3.6.21 and the source of the function it
replaces hashes to the value it was written against; otherwise it leaves Rasa as it is and logs a warning (so an
upgrade of Rasa is slower, never wrong). tests/service/test_rasa_shim.py fails when either changes.

Where it is installed: `service.turns.install()`, which every channel of the project runs when the Rasa server
creates it from credentials.yml and again at each turn, calls `install_if_loaded()`: it patches once Rasa's
action module is loaded (in a Rasa server it always is by then) and never imports Rasa itself, so that importing
a channel elsewhere (unit tests, the action server) does not load TensorFlow.
"""
import hashlib
import inspect
import logging
import sys
from typing import Any, Callable, Dict, Optional, Text

logger = logging.getLogger(__name__)

RASA_VERSION = "3.6.21"
# sha256 of inspect.getsource(RemoteAction._validate_action_result) in Rasa 3.6.21.
ORIGINAL_SOURCE_SHA256 = "f8cdb4be6812396167ced74161b2ccd65c5ea676ad86d7d359d8c322d9d8dc42"

_original: Optional[Callable[..., bool]] = None
_tried = False


def source_sha256(function: Callable[..., Any]) -> str:
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()


def why_not_patchable() -> Optional[str]:
    """None when the installed Rasa is the one this shim was written for, else why not."""
    import rasa
    from rasa.core.actions.action import RemoteAction

    if rasa.__version__ != RASA_VERSION:
        return f"rasa {rasa.__version__} is not {RASA_VERSION}"
    function = _original or RemoteAction._validate_action_result
    digest = source_sha256(function)
    if digest != ORIGINAL_SOURCE_SHA256:
        return f"RemoteAction._validate_action_result changed (source sha256 {digest})"
    return None


def make_validate_action_result() -> Callable[[Any, Dict[Text, Any]], bool]:
    """A replacement for `RemoteAction._validate_action_result` with its validator built once."""
    from jsonschema import ValidationError
    from jsonschema.exceptions import best_match
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    spec = RemoteAction.action_response_format_spec
    schema = spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    original = _original or RemoteAction._validate_action_result

    def _validate_action_result(self: Any, result: Dict[Text, Any]) -> bool:
        if type(self).action_response_format_spec is not spec:  # a subclass with its own schema: Rasa's way
            return original(self, result)
        error = best_match(validator.iter_errors(result))
        if error is None:
            return True
        assert isinstance(error, ValidationError)
        error.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error

    _validate_action_result.__doc__ = "Rasa's check with a validator built once (service/rasa_shim.py)."
    _validate_action_result.axilla_shim = True  # type: ignore[attr-defined]
    return _validate_action_result


def installed() -> bool:
    from rasa.core.actions.action import RemoteAction

    return getattr(RemoteAction._validate_action_result, "axilla_shim", False)


def install() -> bool:
    """Patches Rasa if it is the pinned version (idempotent); True when the shim is in place."""
    global _original
    from rasa.core.actions.action import RemoteAction

    if installed():
        return True
    reason = why_not_patchable()
    if reason:
        logger.warning("Not installing the action-response validation shim (service/rasa_shim.py): %s.", reason)
        return False
    _original = RemoteAction._validate_action_result
    RemoteAction._validate_action_result = make_validate_action_result()  # type: ignore[assignment,unused-ignore]
    logger.info("Rasa %s: action responses validated with a validator built once (service/rasa_shim.py).",
                RASA_VERSION)
    return True


def install_if_loaded() -> None:
    """`install()` once Rasa's action module has been imported by someone else (tried once per process)."""
    global _tried
    if not _tried and "rasa.core.actions.action" in sys.modules:
        _tried = True
        install()


def uninstall() -> None:
    """Puts Rasa's own function back (for tests)."""
    from rasa.core.actions.action import RemoteAction

    if _original is not None:
        RemoteAction._validate_action_result = _original  # type: ignore[assignment,unused-ignore]
