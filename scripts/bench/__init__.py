"""`make bench`: the assistant measured side by side with a stock Rasa 3.6 assistant (see __main__.py)."""
