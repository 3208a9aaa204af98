"""Helpers of the robustness tests: the REST webhook, raw or JSON, and the valid case that must work after."""
import json
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # scripts/ is a namespace package at the project root (also when run as `pytest`)
    sys.path.insert(0, str(ROOT))

VALID_CASE = "58F, new 3 cm IDC left breast, palpable 1.5 cm left axillary node, no treatment yet"
VALID_VARIANT = "axilla-6"


def post(url: str, body: Any = None, raw: Optional[bytes] = None) -> Tuple[int, Any]:
    """POSTs a JSON body (or raw bytes) to the REST webhook; the status and the decoded answer."""
    data = raw if raw is not None else json.dumps(body).encode()
    request = urllib.request.Request(f"{url}/webhooks/rest/webhook", data=data,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e:
        text = e.read()
        try:
            return e.code, json.loads(text or b"null")
        except ValueError:
            return e.code, text.decode(errors="replace")


def customs(messages: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    return [m["custom"] for m in messages if isinstance(m.get("custom"), dict)]
