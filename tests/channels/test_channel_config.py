"""How the channels start from the environment: off when unset, a start-up error when half set."""
import os
import subprocess
import urllib.error
import urllib.request
from typing import Dict

import pytest
import rasa.shared.utils.io
from channel_harness import BIN, CREDENTIALS, PROJECT, STARTUP_S, start
from rasa.core.channels.botframework import MICROSOFT_OAUTH2_PATH, MICROSOFT_OAUTH2_URL
from rasa.shared.exceptions import InvalidConfigException
from servers import free_port, wait_until_up

from channels.config import ChannelOff
from channels.slack import SlackInput
from channels.teams import TeamsInput, token_url

CHANNEL_VARIABLES = ("SLACK_", "TEAMS_")


def without_channel_variables() -> Dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(CHANNEL_VARIABLES)}


@pytest.fixture
def no_channel_variables(monkeypatch):
    for name in os.environ:
        if name.startswith(CHANNEL_VARIABLES):
            monkeypatch.delenv(name)


def test_the_projects_credentials_turn_the_channels_on_from_the_environment():
    """The tests run the channels with the entries of the project's credentials.yml."""
    project = rasa.shared.utils.io.read_config_file(PROJECT / "credentials.yml")
    wanted = rasa.shared.utils.io.read_yaml(CREDENTIALS)
    assert {name: project.get(name, "missing") for name in wanted} == wanted


def test_the_tenant_goes_into_the_token_endpoint():
    assert token_url("https://login.microsoftonline.com", "contoso-id") == \
        "https://login.microsoftonline.com/contoso-id/oauth2/v2.0/token"
    # "botframework.com" is the endpoint Rasa's own connector uses: the multi-tenant behaviour.
    assert token_url(MICROSOFT_OAUTH2_URL, "botframework.com") == f"{MICROSOFT_OAUTH2_URL}/{MICROSOFT_OAUTH2_PATH}"


@pytest.mark.parametrize("channel", [SlackInput, TeamsInput])
def test_a_channel_without_its_variables_is_off(no_channel_variables, channel):
    assert isinstance(channel.from_credentials(None), ChannelOff)


@pytest.mark.parametrize("channel, variables, missing", [
    (SlackInput, {"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET"),
    (SlackInput, {"SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"),
    (TeamsInput, {"TEAMS_APP_ID": "a", "TEAMS_APP_PASSWORD": "p"}, "TEAMS_TENANT_ID"),
])
def test_a_half_configured_channel_does_not_start(no_channel_variables, monkeypatch, channel, variables, missing):
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(InvalidConfigException, match=missing):
        channel.from_credentials(None)


# What `rasa run` does before it loads the model: the channels of the credentials file, on a Sanic app.
SERVE_CHANNELS = """
import sys
from rasa.core import run
port = int(sys.argv[2])
app = run.configure_app(run.create_http_input_channels(None, sys.argv[1]), enable_api=False, port=port)
app.run(host="127.0.0.1", port=port, access_log=False)
"""


def test_the_server_starts_with_the_channels_off_and_they_refuse_everything(tmp_path):
    """`make run` on a machine without Slack or Teams: the same credentials.yml, the webhooks closed."""
    (tmp_path / "credentials.yml").write_text(CREDENTIALS)
    port = free_port()
    server = start([str(BIN / "python"), "-c", SERVE_CHANNELS, str(tmp_path / "credentials.yml"), str(port)],
                   without_channel_variables(), tmp_path / "server.log")
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", server, tmp_path / "server.log")
        for channel in ("slack", "teams"):
            request = urllib.request.Request(f"http://127.0.0.1:{port}/webhooks/{channel}/webhook",
                                             data=b"{}", headers={"Content-Type": "application/json"})
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(request, timeout=30)
            assert refused.value.code == 503
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_server_refuses_to_start_without_the_signing_secret(tmp_path):
    (tmp_path / "credentials.yml").write_text(CREDENTIALS)
    run = subprocess.run(
        [str(BIN / "rasa"), "run", "--interface", "127.0.0.1", "--port", str(free_port()),
         "--credentials", str(tmp_path / "credentials.yml")],
        cwd=PROJECT, env={**without_channel_variables(), "SLACK_BOT_TOKEN": "xoxb-1"},
        capture_output=True, text=True, timeout=STARTUP_S)
    assert run.returncode != 0
    assert "SLACK_SIGNING_SECRET" in run.stdout + run.stderr
