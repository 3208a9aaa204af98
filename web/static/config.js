// Where the page finds Rasa. null: this page's host, port 5005. scripts/serve_web.py --rasa-url overrides this file.
window.AXILLA_CHAT_CONFIG = { rasaUrl: null };
