"""Rasa SDK actions: thin adapters between the conversation and the core (bot/)."""
