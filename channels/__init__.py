"""Slack and Microsoft Teams for the assistant, built on Rasa 3.6's own connectors.

`channels.slack.SlackInput` and `channels.teams.TeamsInput` go in credentials.yml; each reads its secrets
from the environment (docs/slack.md, docs/teams.md). The actions stay channel-agnostic: they send text plus
the contract's `custom` payload, and the output channels here turn that payload into Block Kit or an
Adaptive Card (render_slack.py, render_teams.py: pure functions).
"""
