"""Helpers for the server tests: free loopback ports, waiting for the servers, the REST channel."""
import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict, List

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 300  # seconds: both servers load TensorFlow and the model








def say(url: str, sender: str, text: str) -> List[Dict[str, Any]]:
    """One message through the REST channel; the bot's messages."""
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(f"{url}/webhooks/rest/webhook", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read() or b"[]")
