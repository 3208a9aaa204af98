"""Custom Rasa graph components of this assistant."""
