/*
 * Chat widget of the axillary imaging assistant, talking to Rasa's socket.io channel.
 *
 * One script tag puts it on any page (launcher button + chat panel):
 *   <script src="http://HOST:8080/widget.js" data-rasa-url="http://HOST:5005"></script>
 * Options (data-* attributes of the tag): rasa-url (default: this script's host, port 5005, or
 * window.AXILLA_CHAT_CONFIG.rasaUrl), socket-path (default /socket.io), mode ("launcher" or "inline"),
 * target (CSS selector of the element an inline chat fills), title, token-url (default: "token" beside
 * this script, served by scripts/serve_web.py behind the hospital's single sign-on).
 *
 * The conversation is the server's: the token endpoint names it and signs a short-lived token for it, which
 * the socket.io channel checks on every (re)connection. Both are kept in sessionStorage, so a page reload
 * continues the conversation (the last answer is fetched again from the server); a reconnect after a lost
 * answer fetches it too. The widget says when a message is too long (and the limit), when the assistant
 * cannot be reached (and that it is retrying) and when it is back.
 *
 * Every text from the user or the assistant reaches the DOM through textContent / createElement only.
 */
(function () {
  "use strict";

  const script = document.currentScript;
  const BASE = new URL(".", script.src);
  const CATEGORY_CLASS = [
    ["usually not appropriate", "cat-una"],
    ["usually appropriate", "cat-ua"],
    ["may be appropriate", "cat-mba"],
  ];
  // Quick replies for a missing fact when the message brings no buttons of its own.
  const SLOT_REPLIES = {
    tumor_size_cm: ["≤ 2 cm", "> 2 cm"],
    clinical_nodes: ["node-positive", "node-negative"],
    axillary_lump: ["one side", "both sides"],
  };
  const DEFAULT_MAX_CHARS = 5000;
  const RETRY_MS = 3000;
  const EVIDENCE_LABELS = { tumor_size_cm: "tumour" };
  const FACT_LABELS = {
    sex: "sex", age: "age", diagnosis: "diagnosis", tumor_size_cm: "tumour (cm)", t_category: "T",
    clinical_nodes: "clinical nodes", node_finding: "node found by", axillary_lump: "axillary lump",
    treatment: "treatment", new_lump_during_treatment: "new lump during treatment",
    tumor_over_2cm: "tumour > 2 cm", distant_metastases: "distant metastases", encounter: "encounter",
    neoadjuvant_unclear: "chemotherapy (stage unclear)", cancer_history: "past breast cancer",
    cancer_named: "breast cancer named",
  };

  function config() {
    const data = script.dataset;
    const global = window.AXILLA_CHAT_CONFIG || {};
    return {
      rasaUrl: data.rasaUrl || global.rasaUrl || BASE.protocol + "//" + BASE.hostname + ":5005",
      socketPath: data.socketPath || global.socketPath || "/socket.io",
      mode: data.mode || global.mode || "launcher",
      target: data.target || global.target || null,
      title: data.title || global.title || "Axillary imaging assistant",
      tokenUrl: data.tokenUrl || global.tokenUrl || new URL("token", BASE).href,
    };
  }

  /** The conversation id and token of this tab, kept across reloads (sessionStorage: this tab only). */
  class Session {
    constructor(key) {
      this.key = "axilla-chat:" + key;
      let saved = {};
      try { saved = JSON.parse(window.sessionStorage.getItem(this.key) || "{}") || {}; } catch (_) { saved = {}; }
      this.conversationId = saved.conversationId || null;
      this.token = saved.token || null;
      this.maxChars = saved.maxChars || DEFAULT_MAX_CHARS;
      this.restored = Boolean(this.conversationId);
    }

    save() {
      try {
        window.sessionStorage.setItem(this.key, JSON.stringify(
          { conversationId: this.conversationId, token: this.token, maxChars: this.maxChars }));
      } catch (_) { /* storage off: the conversation lasts as long as the page */ }
    }

    forget() {
      this.conversationId = null;
      this.token = null;
      try { window.sessionStorage.removeItem(this.key); } catch (_) { /* nothing kept */ }
    }
  }

  function valueText(key, value) {
    if (value === null || value === undefined) return "";
    if (typeof value === "boolean") return value ? "yes" : "no";
    if (key === "tumor_size_cm" && typeof value === "number") return value + " cm";
    return String(value).replace(/_/g, " ");
  }

  /** "tumour 3 cm ← '3 cm'" for each deciding fact, from the recommendation's `evidence`; [] without it. */
  function evidenceLines(result) {
    const evidence = result && result.evidence;
    if (!evidence || typeof evidence !== "object") return [];
    const lines = [];
    for (const [key, spans] of Object.entries(evidence)) {
      const words = [].concat(spans || []).filter((s) => s && s.text);
      if (!words.length) continue;
      const label = (EVIDENCE_LABELS[key] || FACT_LABELS[key] || key.replace(/_/g, " "));
      const said = [label, valueText(key, (result.facts || {})[key])].filter(Boolean).join(" ");
      lines.push({
        fact: said,
        words: words.map((w) => "'" + w.text + "'").join(", "),
        carried: words.some((w) => w.carried),
      });
    }
    return lines;
  }

  /** createElement with attributes and children (strings become text nodes). */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "className") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of [].concat(children || [])) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  // --- the little markdown the assistant writes: **bold**, *italic*, `code`, bullet and numbered lines ---

  const INLINE = /\*\*(.+?)\*\*|__(.+?)__|\*(\S(?:.*?\S)?)\*|`([^`]+)`/g;

  function inline(text) {
    const out = document.createDocumentFragment();
    let last = 0;
    for (const m of text.matchAll(INLINE)) {
      out.append(text.slice(last, m.index));
      if (m[1] !== undefined || m[2] !== undefined) out.append(el("strong", { text: m[1] ?? m[2] }));
      else if (m[3] !== undefined) out.append(el("em", { text: m[3] }));
      else out.append(el("code", { text: m[4] }));
      last = m.index + m[0].length;
    }
    out.append(text.slice(last));
    return out;
  }

  const BULLET = /^\s*(?:[-*•])\s+/;
  const NUMBERED = /^\s*\d+[.)]\s+/;

  function markdown(text) {
    const out = document.createDocumentFragment();
    for (const para of String(text).trim().split(/\n\s*\n/)) {
      let list = null;
      let p = null;
      for (const line of para.split("\n")) {
        const kind = BULLET.test(line) ? "ul" : NUMBERED.test(line) ? "ol" : null;
        if (kind) {
          if (!list || list.tagName.toLowerCase() !== kind) out.append((list = el(kind)));
          list.append(el("li", {}, inline(line.replace(kind === "ul" ? BULLET : NUMBERED, ""))));
          p = null;
        } else if (line.trim()) {
          if (p) p.append(el("br"));
          else out.append((p = el("p")));
          p.append(inline(line.trim()));
          list = null;
        }
      }
    }
    return out;
  }

  // --- rendering the assistant's messages (custom payloads: shared/contract.md §2) ---

  function categoryClass(category) {
    const lower = String(category || "").toLowerCase();
    const hit = CATEGORY_CLASS.find(([prefix]) => lower.startsWith(prefix));
    return hit ? hit[1] : "cat-other";
  }

  function radiation(rec) {
    return [rec.rrl, rec.dose].filter(Boolean).join(" · ") || "—";
  }

  function factsLine(facts) {
    const parts = Object.entries(facts || {})
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([key, value]) => (FACT_LABELS[key] || key) + ": " + String(value).replace(/_/g, " "));
    return parts.length ? parts.join(" · ") : null;
  }

  function listSection(title, items, className) {
    if (!items || !items.length) return null;
    return el("section", { className }, [
      el("h4", { text: title }),
      el("ul", {}, items.map((item) => el("li", {}, inline(String(item))))),
    ]);
  }

  function optionsTable(recs) {
    const head = el("tr", {}, ["Procedure", "Category", "Radiation", "Source"].map((h) => el("th", { scope: "col", text: h })));
    const rows = recs.map((rec) =>
      el("tr", { className: categoryClass(rec.category) }, [
        el("td", { "data-label": "Procedure", className: "procedure", text: rec.procedure }),
        el("td", { "data-label": "Category" }, el("span", { className: "badge", text: rec.category })),
        el("td", { "data-label": "Radiation", className: "radiation", text: radiation(rec) }),
        el("td", { "data-label": "Source", className: "source", text: rec.source_text || rec.source || "—" }),
      ])
    );
    return el("table", { className: "options" }, [el("thead", {}, head), el("tbody", {}, rows)]);
  }

  /** A speech-bubble icon (an emoji may have no font on the machine). */
  function chatIcon() {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("class", "icon");
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z");
    svg.append(path);
    return svg;
  }

  /** Rasa's socket.io channel sends buttons as `quick_replies`; other shapes carry `buttons`. */
  function buttonsOf(message) {
    const buttons = [message.quick_replies, message.buttons].find((b) => Array.isArray(b) && b.length);
    return buttons || null;
  }

  function referTo(value) {
    if (!value) return null;
    const items = [].concat(value).map((v) => (typeof v === "string" ? v : v.title || v.topic || JSON.stringify(v)));
    return el("p", { className: "refer" }, ["See also: ", items.join("; ")]);
  }

  class Chat {
    constructor(cfg, root) {
      this.cfg = cfg;
      this.root = root;
      this.session = new Session(cfg.rasaUrl);
      this.sessionId = null;
      this.pending = [];
      this.connectedOnce = false;
      this.outage = false;
      this.build();
    }

    build() {
      const inline = this.cfg.mode === "inline";
      this.status = el("span", { className: "status", role: "status", text: "connecting…" });
      this.log = el("div", { className: "log", role: "log", "aria-live": "polite", "aria-label": "Conversation", tabindex: "0" });
      this.input = el("textarea", {
        id: "axilla-chat-input", rows: "1", autocomplete: "off", enterkeyhint: "send",
        placeholder: "Describe the case or ask a question…", onkeydown: (e) => this.onKey(e),
      });
      this.form = el("form", { className: "composer", onsubmit: (e) => { e.preventDefault(); this.sendTyped(); } }, [
        el("label", { for: "axilla-chat-input", className: "sr-only", text: "Message" }),
        this.input,
        el("button", { type: "submit", className: "send", text: "Send" }),
      ]);
      const actions = [el("button", { type: "button", className: "ghost", text: "New patient", onclick: () => this.send("new patient") })];
      if (!inline) actions.push(el("button", { type: "button", className: "ghost close", "aria-label": "Close chat", text: "✕", onclick: () => this.toggle(false) }));
      this.panel = el("div", { className: "panel", id: "axilla-chat-panel", role: inline ? "region" : "dialog", "aria-label": this.cfg.title }, [
        el("header", {}, [el("div", { className: "heading" }, [el("h2", { text: this.cfg.title }), this.status]), el("div", { className: "actions" }, actions)]),
        this.log,
        this.form,
        el("p", { className: "disclaimer", text: "Decision support from the ACR Appropriateness Criteria. It does not replace clinical judgement." }),
      ]);
      this.root.className = "chat " + (inline ? "inline" : "floating");
      this.root.dataset.state = "connecting";
      if (!inline) {
        this.launcher = el("button", {
          type: "button", className: "launcher", "aria-controls": "axilla-chat-panel", "aria-expanded": "false",
          onclick: () => this.toggle(),
        }, [chatIcon(), el("span", { className: "launcher-label", text: "Axilla imaging" })]);
        this.panel.hidden = true;
        this.panel.addEventListener("keydown", (e) => { if (e.key === "Escape") this.toggle(false); });
        this.root.append(this.launcher);
      }
      this.root.append(this.panel);
      this.add("bot", "welcome", el("div", { className: "bubble" }, markdown(
        "Describe the case, e.g. *58F, new 3 cm IDC left breast, palpable left axillary node, no treatment yet*, " +
        "and I'll give the ACR imaging recommendation for the axilla."
      )));
    }

    toggle(open) {
      const show = open === undefined ? this.panel.hidden : open;
      this.panel.hidden = !show;
      this.launcher.setAttribute("aria-expanded", String(show));
      (show ? this.input : this.launcher).focus();
    }

    onKey(event) {
      // Enter sends; Shift+Enter starts a new line.
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.sendTyped();
      }
    }

    /** A token for this tab's conversation (continuing it when there is one); null when tokens are off. */
    async freshToken() {
      const crossOrigin = new URL(this.cfg.tokenUrl, location.href).origin !== location.origin;
      const ask = (token) => fetch(this.cfg.tokenUrl, {
        method: "POST", headers: { "Content-Type": "application/json" },
        credentials: crossOrigin ? "include" : "same-origin", cache: "no-store",
        body: JSON.stringify(token ? { token } : {}),
      });
      let answer = await ask(this.session.token);
      if (answer.status === 403 && this.session.token) {
        // That conversation is over (expired, or another user's): a new one.
        this.session.forget();
        this.notice("restarted", "Your earlier conversation could not be continued; this is a new one.");
        answer = await ask(null);
      }
      if (answer.status === 404) return null; // a page server without tokens (an old one): open chat
      if (answer.status === 401) {
        this.setState("offline", "sign-in needed");
        this.notice("signin", "Please sign in to the hospital network again, then reload this page.");
        throw new Error("not signed in");
      }
      if (!answer.ok) throw new Error("token endpoint answered " + answer.status);
      const data = await answer.json();
      if (this.session.conversationId && data.conversation_id !== this.session.conversationId) this.session.restored = false;
      this.session.conversationId = data.conversation_id;
      this.session.token = data.token || null;
      this.session.maxChars = data.max_chars || DEFAULT_MAX_CHARS;
      this.session.save();
      return this.session.token;
    }

    connect(io) {
      const socket = io(this.cfg.rasaUrl, {
        path: this.cfg.socketPath, transports: ["websocket"],
        // Called before every (re)connection: a fresh token, since the server checks it on each.
        auth: (cb) => this.freshToken().then((token) => cb(token ? { token } : {}), () => cb({})),
      });
      this.socket = socket;
      socket.on("connect", () => socket.emit("session_request", { session_id: this.session.conversationId }));
      socket.on("session_confirm", (id) => this.onSession(typeof id === "string" ? id : id && id.session_id));
      socket.on("session_refused", () => {
        this.session.forget();
        this.notice("restarted", "This conversation could not be continued; a new one was started.");
      });
      socket.on("bot_uttered", (message) => this.onBot(message || {}));
      socket.on("message_refused", (info) => this.onRefused(info || {}));
      socket.on("last_answer", (data) => this.onLastAnswer((data && data.messages) || []));
      socket.on("disconnect", (reason) => {
        this.setState("offline", "offline, reconnecting…");
        this.lostConnection();
        // Closed by the server (a refused session): socket.io does not come back by itself.
        if (reason === "io server disconnect") setTimeout(() => socket.connect(), 500);
      });
      socket.on("connect_error", () => {
        this.setState("offline", "cannot reach the assistant, retrying…");
        this.lostConnection();
        // A refusal by the server (e.g. an expired token) is not retried by socket.io: retry with a new one.
        if (!socket.active) setTimeout(() => socket.connect(), RETRY_MS);
      });
    }

    lostConnection() {
      if (this.outage) return;
      this.outage = true;
      this.notice("unreachable", "The assistant cannot be reached right now. Retrying… Your conversation is kept.");
    }

    onSession(id) {
      this.sessionId = id;
      this.session.conversationId = id;
      this.session.save();
      this.setState("connected", "online");
      const reconnected = this.outage;
      const restored = !this.connectedOnce && this.session.restored;
      this.connectedOnce = true;
      this.outage = false;
      if (reconnected) this.notice("reconnected", "Reconnected.");
      if (restored) this.notice("restored", "Continuing your conversation from before the page was reloaded.");
      if (restored || (reconnected && this.root.dataset.waiting)) {
        this.refetch = restored ? "restored" : "reconnected";
        this.socket.emit("last_answer_request", {});
      }
      this.pending.splice(0).forEach((text) => this.emit(text));
    }

    onLastAnswer(messages) {
      const why = this.refetch;
      this.refetch = null;
      if (!why) return;
      if (!messages.length) {
        if (why === "reconnected") this.notice("lost", "Your last message got no answer: please send it again.");
        return;
      }
      this.notice("refetched", why === "restored" ? "The last answer:" : "Reconnected: the answer you missed, fetched again from the server:");
      messages.forEach((message) => this.onBot(message));
    }

    onRefused(info) {
      delete this.root.dataset.waiting;
      if (info.reason === "too_long") this.tooLong(info.length || 0, info.limit || this.session.maxChars);
    }

    tooLong(length, limit) {
      this.notice("too-long", "Message too long: " + length + " characters; the limit is " + limit +
        ". Please shorten it and send again.");
    }

    notice(kind, text) {
      this.add("notice", "notice-" + kind, el("div", { className: "note", role: "status", text }));
    }

    setState(state, label) {
      this.root.dataset.state = state;
      this.status.textContent = label;
    }

    sendTyped() {
      const text = this.input.value.trim();
      if (!text) return;
      if (text.length > this.session.maxChars) {
        this.tooLong(text.length, this.session.maxChars); // the text stays in the box, to shorten
        return;
      }
      this.input.value = "";
      this.send(text);
    }

    /** Shows `shown` as the user's message and sends `text` (a quick reply's payload) to Rasa. */
    send(text, shown) {
      this.add("user", "user", el("div", { className: "bubble" }, [shown || text]));
      this.root.dataset.waiting = "true";
      if (this.sessionId) this.emit(text);
      else this.pending.push(text);
    }

    emit(text) {
      if (this.socket.connected) this.socket.emit("user_uttered", { message: text, session_id: this.sessionId });
      else this.pending.push(text); // sent once the connection is back
    }

    onBot(message) {
      delete this.root.dataset.waiting;
      const custom = message.custom || null;
      const type = (custom && custom.type) || "text";
      const render = {
        recommendation: () => this.card(custom),
        question: () => this.question(message, custom),
        out_of_scope: () => this.outOfScope(message, custom),
        order_check: () => this.orderCheck(message, custom),
        unavailable: () => el("div", { className: "bubble unavailable", role: "alert" }, markdown(message.text || "The case analysis is temporarily unavailable.")),
      }[type];
      const body = render ? render() : this.textBody(message);
      if (body) this.add("bot", type, body);
      const replies = type === "question" ? null : buttonsOf(message);
      if (replies) this.add("bot", "replies", this.replies(replies));
    }

    textBody(message) {
      return message.text ? el("div", { className: "bubble" }, markdown(message.text)) : null;
    }

    question(message, custom) {
      const buttons = buttonsOf(message) || (SLOT_REPLIES[custom.slot] || []).map((title) => ({ title, payload: title }));
      const unplaced = [].concat(custom.unplaced || []).filter((u) => u && u.text)
        .map((u) => "'" + u.text + "'" + (u.fact ? " (" + (EVIDENCE_LABELS[u.fact] || FACT_LABELS[u.fact] || u.fact) + ")" : ""));
      return el("div", { className: "question" }, [this.textBody(message),
        listSection("Read but not placed", unplaced, "unplaced"),
        buttons.length ? this.replies(buttons) : null]);
    }

    orderCheck(message, check) {
      const alternatives = [].concat(check.alternatives || []).filter((a) => a && a.procedure);
      const variant = typeof check.variant === "object" && check.variant
        ? [check.variant.number && "Variant " + check.variant.number, check.variant.title || check.variant.id].filter(Boolean).join(": ")
        : check.variant;
      return el("article", { className: "card order-check", "data-procedure": check.procedure || "" }, [
        el("p", { className: "eyebrow", text: "Order check" + (variant ? " · " + variant : "") }),
        el("h3", { className: "variant-title" }, [
          el("span", { className: "procedure", text: check.procedure || "This order" }), " ",
          el("span", { className: "badge " + categoryClass(check.category), text: check.category || "not rated for this variant" }),
        ]),
        message.text ? el("div", { className: "bubble" }, markdown(message.text)) : null,
        el("p", { className: "details", text: [check.rrl && "Radiation: " + check.rrl, check.source && "Source: " + check.source].filter(Boolean).join(" · ") }),
        alternatives.length ? el("section", { className: "alternatives" }, [
          el("h4", { text: "Alternatives" }),
          el("ul", {}, alternatives.map((a) => el("li", { className: categoryClass(a.category) }, [
            el("span", { className: "procedure", text: a.procedure }), " — ",
            el("span", { className: "badge", text: a.category || "" }),
          ]))),
        ]) : null,
      ]);
    }

    evidence(result) {
      const lines = evidenceLines(result);
      if (!lines.length) return null;
      return el("section", { className: "evidence" }, [
        el("h4", { text: "Read from your words" }),
        el("ul", {}, lines.map((line) => el("li", {}, [
          line.fact + " ← ", el("mark", { text: line.words }), line.carried ? " — from an earlier message" : null,
        ]))),
      ]);
    }

    replies(buttons) {
      const group = el("div", { className: "quick-replies", role: "group", "aria-label": "Quick replies" });
      for (const button of buttons) {
        group.append(el("button", {
          type: "button", className: "reply", text: button.title,
          onclick: () => {
            group.querySelectorAll("button").forEach((b) => { b.disabled = true; });
            this.send(button.payload || button.title, button.title);
            this.input.focus();
          },
        }));
      }
      return group;
    }

    outOfScope(message, custom) {
      const text = message.text || "";
      const reasons = (custom.reasons || []).filter((reason) => !text.includes(reason));
      return el("div", { className: "bubble out-of-scope" }, [text ? markdown(text) : null, listSection("Why", reasons, "reasons")]);
    }

    card(result) {
      const variant = result.variant || {};
      const recs = result.recommendations || [];
      const order = result.order_text || "";
      const copied = el("span", { className: "copied", role: "status" });
      const noUA = result.has_usually_appropriate === false ||
        (result.has_usually_appropriate === undefined && !recs.some((r) => categoryClass(r.category) === "cat-ua"));
      return el("article", { className: "card", "data-variant": variant.id || "" }, [
        el("p", { className: "eyebrow", text: [variant.topic, variant.number && "Variant " + variant.number].filter(Boolean).join(" · ") }),
        el("h3", { className: "variant-title", text: variant.title || variant.id || "Recommendation" }),
        factsLine(result.facts) ? el("p", { className: "facts", text: factsLine(result.facts) }) : null,
        noUA ? el("p", { className: "no-ua", role: "note" }, [el("strong", { text: "No option is rated Usually Appropriate" }), " for this situation; weigh the options below with the clinical context."]) : null,
        recs.length ? optionsTable(recs) : el("p", { text: "No rated procedure for this variant." }),
        listSection("Why this variant", result.reasons, "reasons"),
        listSection("Assumed", result.assumptions, "assumptions"),
        this.evidence(result),
        referTo(result.refer_to),
        order ? el("div", { className: "order" }, [
          el("h4", { text: "Order wording" }),
          el("p", { className: "order-text", text: order }),
          el("button", { type: "button", className: "copy", text: "Copy order", onclick: () => this.copy(order, copied) }),
          copied,
        ]) : null,
      ]);
    }

    async copy(text, status) {
      try {
        await navigator.clipboard.writeText(text);
      } catch (_) {
        // The Clipboard API needs a secure context (https or localhost); fall back to a selection copy.
        const area = el("textarea", { className: "sr-only", readonly: true });
        area.value = text;
        this.root.append(area);
        area.select();
        const ok = document.execCommand("copy");
        area.remove();
        if (!ok) { status.textContent = "Copy failed: select the text and copy it."; return; }
      }
      status.textContent = "Copied";
    }

    add(who, type, body) {
      const row = el("div", { className: "msg " + who, "data-type": type }, body);
      this.log.append(row);
      // Show a long answer (a card) from its top, without scrolling the host page.
      this.log.scrollTop = row.offsetTop - 8;
    }
  }

  /** Loads the vendored socket.io client without leaving a global `io` behind (the host page may have its own). */
  function loadSocketIo() {
    return new Promise((resolve, reject) => {
      const previous = Object.prototype.hasOwnProperty.call(window, "io") ? window.io : undefined;
      const tag = el("script", { src: new URL("vendor/socket.io.min.js", BASE).href });
      tag.onload = () => {
        const io = window.io;
        if (previous === undefined) delete window.io;
        else window.io = previous;
        resolve(io);
      };
      tag.onerror = () => reject(new Error("socket.io client not found: run `make web`"));
      document.head.append(tag);
    });
  }

  function mount(cfg) {
    const target = cfg.mode === "inline" && cfg.target && document.querySelector(cfg.target);
    const host = target || document.body.appendChild(el("div"));
    host.classList.add("axilla-chat-host");
    const shadow = host.attachShadow({ mode: "open" });
    const root = el("div");
    root.hidden = true; // until the stylesheet is in
    const css = el("link", { rel: "stylesheet", href: new URL("widget.css", BASE).href });
    css.onload = css.onerror = () => { root.hidden = false; };
    shadow.append(css, root);
    return new Chat(cfg, root);
  }

  function start() {
    const cfg = config();
    if (!cfg.rasaUrl) cfg.rasaUrl = BASE.protocol + "//" + BASE.hostname + ":5005";
    const chat = mount(cfg);
    loadSocketIo().then((io) => chat.connect(io), (err) => chat.setState("offline", err.message));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
