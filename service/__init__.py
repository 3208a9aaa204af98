"""Service concerns of the assistant: authenticated channel, action-server guard, log privacy, retention."""
