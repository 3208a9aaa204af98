"""pytest puts this folder on sys.path, so every test folder's harness can import tests/servers.py."""
