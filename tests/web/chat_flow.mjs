// Drives the chat page in headless Chromium (Debian's, through playwright-core) against a running assistant.
// Usage: node tests/web/chat_flow.mjs <page url> <artifacts dir>
// Prints a one-line JSON report {ok, checks: [{name, ok, detail}]} on stdout; exit status 0 only when every check passed.
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { createServer } from "node:http";
import { createServer as createTcpServer, connect as tcpConnect } from "node:net";
import { join } from "node:path";

const require = createRequire(new URL("../../web/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const [pageUrl, artifacts] = process.argv.slice(2);
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const REPLY_TIMEOUT = 60_000;
const FULL_CASE = "58F, new 3 cm IDC left breast, palpable 1.5 cm left axillary node, no treatment yet";
const INCOMPLETE_CASE = "62F, newly diagnosed IDC right breast, no treatment yet";
const XSS = ["<img src=x onerror=alert(1)>", "<script>alert(1)</script>"];
const SIZE_LATER_CASE = "45F, new IDC left breast, no palpable nodes, no treatment yet"; // then "3 cm": axilla-5
const ACTIONS_PID = Number(process.env.ACTIONS_PID || 0); // the action server, to stall it (SIGSTOP)
const STALL_WAIT = Number(process.env.STALL_WAIT_MS || 90_000);
const CATEGORIES = ["Usually Appropriate", "May Be Appropriate", "Usually Not Appropriate"];

const checks = [];
function check(name, ok, detail = "") {
  checks.push({ name, ok: Boolean(ok), detail: typeof detail === "string" ? detail : JSON.stringify(detail) });
}

/** The chat's shadow-root scoped helpers for one page. */
function chatOn(page) {
  const q = (sel, options) => page.locator(`.axilla-chat-host ${sel}`, options);
  return {
    q,
    input: q("textarea"),
    botMessages: q(".msg.bot"),
    async connected() {
      await q('.chat[data-state="connected"]').waitFor({ state: "attached", timeout: REPLY_TIMEOUT });
    },
    /** Sends `text` by typing and Enter; resolves with the assistant's new messages once they stop coming. */
    async say(text) {
      const before = await this.botMessages.count();
      await this.input.fill(text);
      await this.input.press("Enter");
      return this.newReplies(before);
    },
    async newReplies(before) {
      await page.waitForFunction(
        ([n]) => document.querySelector(".axilla-chat-host").shadowRoot.querySelectorAll(".msg.bot").length > n,
        [before], { timeout: REPLY_TIMEOUT });
      await page.waitForTimeout(700); // the rest of the same answer (socket.io sends one event per message)
      const all = await this.botMessages.all();
      return all.slice(before);
    },
    async lastOfType(type) {
      return q(`.msg.bot[data-type="${type}"]`).last();
    },
  };
}

async function types(messages) {
  return Promise.all(messages.map((m) => m.getAttribute("data-type")));
}

/** Deep activeElement: the focused element inside the widget's shadow root. */
async function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    return { tag: el.tagName.toLowerCase(), cls: el.className, outline: getComputedStyle(el).outlineStyle };
  });
}

async function desktopFlow(context, dialogs) {
  const page = await context.newPage();
  await page.goto(pageUrl);
  const chat = chatOn(page);
  await chat.connected();
  check("page connects to Rasa's socket.io channel", true);

  // A complete case: the recommendation card.
  let replies = await chat.say(FULL_CASE);
  check("case answered with a recommendation card", (await types(replies)).includes("recommendation"), await types(replies));
  const card = chat.q(".card").last();
  const variant = await card.getAttribute("data-variant");
  check("card shows variant axilla-6", variant === "axilla-6", variant);
  check("card has the variant title", (await card.locator(".variant-title").textContent()).trim().length > 10);
  const rows = await card.locator("tbody tr").all();
  const cats = await Promise.all(rows.map((r) => r.locator(".badge").textContent()));
  check("options listed with their ACR categories", rows.length > 0 && cats.every((c) => CATEGORIES.includes(c)), cats);
  const colours = {};
  for (const row of rows) {
    const cat = await row.locator(".badge").textContent();
    colours[cat] = await row.locator(".badge").evaluate((b) => getComputedStyle(b).backgroundColor);
  }
  check("categories coloured green / yellow / red", colourMatches(colours), colours);
  const firstCat = cats[0];
  check("best category first (US axilla usually appropriate)", firstCat === "Usually Appropriate" &&
    /US axilla/i.test(await rows[0].locator(".procedure").textContent()), firstCat);
  check("reasons shown", (await card.locator(".reasons li").count()) > 0);
  await card.screenshot({ path: join(artifacts, "card.png") });
  await page.screenshot({ path: join(artifacts, "desktop.png") });

  // Copy the order wording.
  const orderText = (await card.locator(".order-text").textContent()).trim();
  await card.locator("button.copy").click();
  await card.locator(".copied", { hasText: "Copied" }).waitFor({ timeout: 5000 });
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  check("copy button puts the order wording on the clipboard", orderText.length > 0 && clip === orderText, { clip, orderText });

  // A follow-up question about the same case.
  replies = await chat.say("why not MRI?");
  const faq = await types(replies);
  check("follow-up 'why not MRI?' answered as FAQ", faq.includes("faq"), faq);
  check("FAQ answer has text", faq.includes("faq") &&
    ((await chat.q('.msg.bot[data-type="faq"] .bubble').last().textContent()) || "").length > 20);

  // Markup in messages is text, never code.
  for (const text of XSS) {
    const before = await page.evaluate(() => ({
      scripts: document.querySelectorAll("script").length,
      shadowScripts: document.querySelector(".axilla-chat-host").shadowRoot.querySelectorAll("script, img").length,
    }));
    await chat.say(text);
    const shown = await chat.q(".msg.user .bubble").last().textContent();
    const after = await page.evaluate(() => ({
      scripts: document.querySelectorAll("script").length,
      imgs: document.querySelectorAll("img").length,
      shadowScripts: document.querySelector(".axilla-chat-host").shadowRoot.querySelectorAll("script, img").length,
    }));
    check(`"${text}" shows as text`, shown === text, shown);
    check(`"${text}" creates no element and runs nothing`,
      after.scripts === before.scripts && after.imgs === 0 && after.shadowScripts === before.shadowScripts,
      after);
  }
  await page.waitForTimeout(500);
  check("no dialog fired", dialogs.length === 0, dialogs);

  // The header's "New patient" button clears the case; the next case gets its own card.
  const n = await chat.botMessages.count();
  await chat.q("button", { hasText: "New patient" }).click();
  await chat.newReplies(n);
  replies = await chat.say(FULL_CASE);
  check("after \"New patient\" the case gets a card again", (await types(replies)).includes("recommendation"), await types(replies));
  await page.close();
}

function colourMatches(colours) {
  const rgb = (s) => (s.match(/\d+/g) || []).map(Number);
  const hue = { "Usually Appropriate": ([r, g, b]) => g > r && g > b, "May Be Appropriate": ([r, g, b]) => r > b && g > b,
    "Usually Not Appropriate": ([r, g, b]) => r > g && r > b };
  return Object.entries(colours).every(([cat, c]) => hue[cat](rgb(c))) && new Set(Object.values(colours)).size === Object.keys(colours).length;
}

/** Records the page's dialogs (an alert would be an XSS) and uncaught script errors. */
function watch(page, dialogs, errors) {
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  page.on("pageerror", (e) => errors.push(e.message));
}

async function phoneFlow(browser, dialogs, errors) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, hasTouch: true });
  const page = await context.newPage();
  watch(page, dialogs, errors);
  await page.goto(pageUrl);
  const chat = chatOn(page);
  await chat.connected();

  // Keyboard only: Tab to the message box, type, Enter.
  let target = null;
  for (let i = 0; i < 12 && !(target && target.tag === "textarea"); i++) {
    await page.keyboard.press("Tab");
    target = await focused(page);
  }
  check("message box reachable with Tab", target && target.tag === "textarea", target);
  const before = await chat.botMessages.count();
  await page.keyboard.type(INCOMPLETE_CASE);
  await page.keyboard.press("Enter");
  let replies = await chat.newReplies(before);
  let kinds = await types(replies);
  check("keyboard-only message sent and incomplete case asked a question", kinds.includes("question"), kinds);

  // Quick replies until the case is complete (size, then nodal status).
  const asked = [];
  for (let round = 0; round < 3 && kinds.includes("question"); round++) {
    const buttons = chat.q('.msg.bot[data-type="question"]').last().locator("button.reply");
    const titles = await buttons.allTextContents();
    asked.push(titles);
    const pick = titles.find((t) => /> 2 cm|node-positive|one side/.test(t)) || titles[0];
    const n = await chat.botMessages.count();
    await buttons.filter({ hasText: pick }).first().click();
    check(`quick reply "${pick}" sent as the user's message`, (await chat.q(".msg.user .bubble").last().textContent()) === pick);
    replies = await chat.newReplies(n);
    kinds = await types(replies);
  }
  check("questions offered quick replies", asked.length > 0 && asked.every((t) => t.length >= 2), asked);
  check("quick replies completed the case into a card", kinds.includes("recommendation"), { asked, kinds });
  const variant = await chat.q(".card").last().getAttribute("data-variant").catch(() => null);
  check("the card after \"> 2 cm\" and \"node-positive\" is variant axilla-6", variant === "axilla-6", variant);

  // Focus is visible on a keyboard-focused button.
  await chat.input.focus();
  await page.keyboard.press("Shift+Tab");
  const f = await focused(page);
  check("keyboard focus is visible", f && f.outline !== "none", f);

  const overflow = await page.evaluate(() => {
    const host = document.querySelector(".axilla-chat-host");
    const boxes = [...host.shadowRoot.querySelectorAll(".card, .bubble, .composer, table")].map((e) => e.getBoundingClientRect().right);
    return { scroll: document.documentElement.scrollWidth, widest: Math.max(0, ...boxes) };
  });
  check("360 px phone view: nothing wider than the screen", overflow.scroll <= 360 && overflow.widest <= 360, overflow);
  const lastCard = chat.q(".card").last();
  if (await lastCard.count()) await lastCard.evaluate((card) => card.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: join(artifacts, "phone.png") });
  await context.close();
}

/** Serves, from another origin on loopback, a page of another site carrying the widget with one script tag. */
async function intranetPage(widgetOrigin, rasaUrl) {
  const body = `<!doctype html><html><head><style>button { color: rgb(255, 0, 0) } p { font-family: serif }</style></head>
    <body><h1>Intranet</h1><p>Radiology department page.</p>
    <script src="${widgetOrigin}/widget.js" data-rasa-url="${rasaUrl}"></script></body></html>`;
  const server = createServer((req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(body));
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

async function embedFlow(context) {
  const config = await (await fetch(new URL("config.js", pageUrl))).text();
  const rasaUrl = JSON.parse(config.match(/\{.*\}/)[0]).rasaUrl;
  const server = await intranetPage(new URL(pageUrl).origin, rasaUrl);
  const page = await context.newPage();
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await embedChecks(page);
  } finally {
    await page.close();
    server.close();
  }
}

async function embedChecks(page) {
  const chat = chatOn(page);
  const launcher = chat.q("button.launcher");
  await launcher.waitFor();
  check("embedded with one script tag: launcher shown", await launcher.isVisible());
  const colour = await chat.q("button.launcher").evaluate((b) => getComputedStyle(b).color);
  check("host page styles do not reach the widget", colour !== "rgb(255, 0, 0)", colour);
  await launcher.click();
  check("launcher opens the panel", (await launcher.getAttribute("aria-expanded")) === "true" && await chat.q(".panel").isVisible());
  await chat.connected();
  const replies = await chat.say(FULL_CASE);
  check("embedded widget answers with the card", (await types(replies)).includes("recommendation"));
  await page.screenshot({ path: join(artifacts, "embedded.png") });
  await page.keyboard.press("Escape");
  check("Escape closes the panel", (await launcher.getAttribute("aria-expanded")) === "false");
  check("the widget leaves no global io behind", await page.evaluate(() => typeof window.io === "undefined"));
}


/** The conversation id this tab keeps in sessionStorage. */
async function storedConversation(page) {
  return page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith("axilla-chat:"));
    return key ? JSON.parse(sessionStorage.getItem(key)).conversationId : null;
  });
}

/** A reload keeps the conversation; a message over the limit is refused with the limit. */
async function reloadFlow(context) {
  const page = await context.newPage();
  await page.goto(pageUrl);
  const chat = chatOn(page);
  await chat.connected();
  const replies = await chat.say(FULL_CASE);
  check("reload flow: case answered with a card", (await types(replies)).includes("recommendation"));
  const before = await storedConversation(page);
  await page.reload();
  await chat.connected();
  await chat.q('.msg[data-type="notice-restored"]').waitFor({ state: "attached", timeout: REPLY_TIMEOUT });
  await chat.q('.card[data-variant="axilla-6"]').waitFor({ state: "attached", timeout: REPLY_TIMEOUT });
  const after = await storedConversation(page);
  check("a page reload keeps the server-issued conversation", before && before === after, { before, after });
  check("after a reload the last answer is fetched again from the server",
    (await chat.q('.card[data-variant="axilla-6"]').count()) === 1);
  const followUp = await types(await chat.say("why not MRI?"));
  check("after a reload the case goes on (follow-up answered)", followUp.includes("faq"), followUp);
  await page.screenshot({ path: join(artifacts, "reloaded.png") });

  const users = await chat.q(".msg.user").count();
  await chat.input.fill("x".repeat(5001));
  await chat.input.press("Enter");
  const notice = chat.q('.msg[data-type="notice-too-long"]');
  await notice.waitFor({ state: "attached", timeout: 5000 });
  const said = await notice.textContent();
  check("a message too long is refused with the limit", /5001/.test(said) && /5000/.test(said), said);
  check("a message too long is not sent and stays in the box",
    (await chat.q(".msg.user").count()) === users && (await chat.input.inputValue()).length === 5001);
  await chat.input.fill("");
  await page.close();
}

/** The action server stalled (SIGSTOP): the chat answers "temporarily unavailable", and the case goes on. */
async function stalledFlow(context) {
  if (!ACTIONS_PID) {
    check("a stalled action server: the web chat says 'temporarily unavailable'", false, "no ACTIONS_PID given");
    return;
  }
  const page = await context.newPage();
  await page.goto(pageUrl);
  const chat = chatOn(page);
  await chat.connected();
  const first = await types(await chat.say(SIZE_LATER_CASE));
  check("stalled flow: the case asks for the size", first.includes("question"), first);
  process.kill(ACTIONS_PID, "SIGSTOP");
  let stalled = [];
  try {
    const before = await chat.botMessages.count();
    await chat.input.fill("3 cm");
    await chat.input.press("Enter");
    await page.waitForFunction(
      ([n]) => document.querySelector(".axilla-chat-host").shadowRoot.querySelectorAll(".msg.bot").length > n,
      [before], { timeout: STALL_WAIT });
    stalled = (await chat.botMessages.all()).slice(before);
  } finally {
    process.kill(ACTIONS_PID, "SIGCONT");
  }
  const kinds = await types(stalled);
  const text = stalled.length ? await stalled[0].textContent() : "";
  check("a stalled action server: the web chat says 'temporarily unavailable'",
    kinds.includes("unavailable") && /temporarily unavailable/.test(text), { kinds, text });
  await page.screenshot({ path: join(artifacts, "unavailable.png") });
  const again = await chat.say("3 cm");
  const variant = await chat.q(".card").last().getAttribute("data-variant").catch(() => null);
  check("after the outage the case goes on with its facts (axilla-5)",
    (await types(again)).includes("recommendation") && variant === "axilla-5", variant);
  await page.close();
}

/** A TCP proxy in front of Rasa that can drop the answers, or refuse every connection for a while. */
async function flakyProxy(target) {
  const sockets = new Set();
  const state = { up: true, dropAnswers: false };
  const server = createTcpServer((client) => {
    if (!state.up) { client.destroy(); return; }
    const upstream = tcpConnect(target.port, target.hostname);
    client.pipe(upstream);
    upstream.on("data", (data) => { if (!state.dropAnswers) client.write(data); });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => {});
      s.on("close", () => { sockets.delete(s); client.destroy(); upstream.destroy(); });
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    state,
    cut() { state.up = false; for (const s of sockets) s.destroy(); },
    close() { for (const s of sockets) s.destroy(); server.close(); },
  };
}

/** Server unreachable: the widget says it retries; reconnected: the answer it missed is fetched again. */
async function reconnectFlow(context) {
  const config = await (await fetch(new URL("config.js", pageUrl))).text();
  const rasaUrl = new URL(JSON.parse(config.match(/\{.*\}/)[0]).rasaUrl);
  const proxy = await flakyProxy(rasaUrl);
  const server = await intranetPage(new URL(pageUrl).origin, proxy.url);
  const page = await context.newPage();
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const chat = chatOn(page);
    await chat.q("button.launcher").click();
    await chat.connected();
    proxy.state.dropAnswers = true; // the message gets through, its answer is lost on the way back
    await chat.input.fill(FULL_CASE);
    await chat.input.press("Enter");
    await page.waitForTimeout(5000);
    proxy.cut(); // then the server cannot be reached at all
    await chat.q('.msg[data-type="notice-unreachable"]').waitFor({ state: "attached", timeout: 20_000 });
    await page.waitForFunction(() => /retrying/.test(
      document.querySelector(".axilla-chat-host").shadowRoot.querySelector(".status").textContent), null, { timeout: 20_000 });
    const status = await chat.q(".status").textContent();
    const notice = await chat.q('.msg[data-type="notice-unreachable"]').textContent();
    check("server unreachable: the widget says so and that it is retrying", /retrying/i.test(status) && /Retrying/.test(notice), { status, notice });
    await page.screenshot({ path: join(artifacts, "unreachable.png") });
    check("no answer shown while the answers were lost", (await chat.q(".card").count()) === 0);
    proxy.state.dropAnswers = false;
    proxy.state.up = true;
    await chat.q('.msg[data-type="notice-reconnected"]').waitFor({ state: "attached", timeout: 30_000 });
    await chat.q('.card[data-variant="axilla-6"]').waitFor({ state: "attached", timeout: REPLY_TIMEOUT });
    check("reconnected: the answer that was lost is fetched again from the tracker",
      (await chat.q('.msg[data-type="notice-refetched"]').count()) === 1 && (await chat.q(".card").count()) === 1);
    await page.screenshot({ path: join(artifacts, "reconnected.png") });
  } finally {
    await page.close();
    server.close();
    proxy.close();
  }
}

// Hand-written payloads of issues 9 and 10, sent by a stand-in for Rasa's socket.io server (the page's
// websocket is routed to it: Engine.IO v4 / Socket.IO v5 frames).
const EVIDENCE_CARD = {
  type: "recommendation", status: "matched",
  variant: { id: "axilla-6", number: 6, topic: "Imaging of the Axilla", title: "Newly diagnosed breast cancer, palpable axillary lymph node, no neoadjuvant therapy" },
  facts: { age: 58, sex: "female", tumor_size_cm: 3, clinical_nodes: "positive", treatment: "none" },
  recommendations: [
    { procedure: "US axilla", category: "Usually Appropriate", rrl: "O", dose: "0 mSv", source: "acr-axilla-2022" },
    { procedure: "MRI breast without and with IV contrast", category: "May Be Appropriate", rrl: "O", dose: "0 mSv", source: "acr-axilla-2022" }],
  reasons: ["palpable axillary node"], assumptions: [], order_text: "US axilla (left), evaluate palpable node",
  evidence: {
    tumor_size_cm: [{ start: 8, end: 12, text: "3 cm" }],
    clinical_nodes: [{ start: 30, end: 52, text: "palpable left axillary", turn: 1, carried: true }],
  },
};
const UNPLACED_QUESTION = { type: "question", slot: "tumor_size_cm", facts: {}, missing: ["tumor_size_cm"],
  unplaced: [{ fact: "tumor_size_cm", start: 0, end: 4, text: "2 cm" }] };
const ORDER_CHECK = { type: "order_check", procedure: "MRI breast without and with IV contrast", category: "May Be Appropriate",
  variant: "axilla-6", rrl: "O", source: "acr-axilla-2022",
  alternatives: [{ procedure: "US axilla", category: "Usually Appropriate" }] };
const PAYLOADS = {
  "evidence": [{ text: "Variant 6", custom: EVIDENCE_CARD }],
  "plain card": [{ text: "Variant 6", custom: { ...EVIDENCE_CARD, evidence: undefined } }],
  "unplaced": [{ text: "How big is the tumour?", custom: UNPLACED_QUESTION }],
  "order check": [{ text: "An MRI is not the first test for this case.", custom: ORDER_CHECK }],
};

async function payloadFlow(context) {
  const page = await context.newPage();
  await page.routeWebSocket(/socket\.io/, (ws) => {
    ws.send('0{"sid":"standin","upgrades":[],"pingInterval":25000,"pingTimeout":60000,"maxPayload":1000000}');
    ws.onMessage((frame) => {
      const text = String(frame);
      if (text.startsWith("40")) ws.send('40{"sid":"standin-socket"}');
      else if (text.startsWith("42")) {
        const [event, data] = JSON.parse(text.slice(2));
        if (event === "session_request") ws.send('42' + JSON.stringify(["session_confirm", "standin-conversation"]));
        if (event === "user_uttered") for (const m of PAYLOADS[data.message] || []) ws.send('42' + JSON.stringify(["bot_uttered", m]));
      }
    });
  });
  await page.goto(pageUrl);
  const chat = chatOn(page);
  await chat.connected();

  await chat.say("evidence");
  const evidence = await chat.q(".card .evidence li").allTextContents();
  check("web: the words each deciding fact was read from are listed", evidence.includes("tumour 3 cm ← '3 cm'") &&
    evidence.some((t) => t.startsWith("clinical nodes positive ← 'palpable left axillary'") && t.endsWith("— from an earlier message")), evidence);
  check("web: the evidence words are highlighted", (await chat.q(".card .evidence mark").count()) === 2);
  await chat.q(".card").last().screenshot({ path: join(artifacts, "evidence.png") });
  await chat.say("plain card");
  check("web: no evidence shown when the payload has none", (await chat.q(".card").last().locator(".evidence").count()) === 0);

  await chat.say("unplaced");
  const unplaced = await chat.q('.msg.bot[data-type="question"] .unplaced li').allTextContents();
  check("web: words read but not placed are listed", unplaced.includes("'2 cm' (tumour)"), unplaced);

  await chat.say("order check");
  const check_ = chat.q(".order-check").last();
  const badge = check_.locator(".variant-title .badge");
  check("web: an order check shows the procedure, its rating in colour and the variant",
    (await check_.locator(".variant-title .procedure").textContent()) === ORDER_CHECK.procedure &&
    (await badge.textContent()) === "May Be Appropriate" && (await badge.getAttribute("class")).includes("cat-mba") &&
    (await check_.locator(".eyebrow").textContent()).includes("axilla-6"));
  const alternatives = await check_.locator(".alternatives li").allTextContents();
  check("web: an order check lists the alternatives, radiation and source",
    alternatives.length === 1 && alternatives[0].includes("US axilla") && alternatives[0].includes("Usually Appropriate") &&
    (await check_.locator(".details").textContent()) === "Radiation: O · Source: acr-axilla-2022", alternatives);
  await check_.screenshot({ path: join(artifacts, "order-check.png") });
  await page.close();
}

async function main() {
  mkdirSync(artifacts, { recursive: true });
  // Playwright gives every launch a fresh temporary --user-data-dir of its own.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const dialogs = [];
  const errors = [];
  try {
    // Tall enough for a whole card of eight options in the card screenshot.
    const context = await browser.newContext({ viewport: { width: 1100, height: 1500 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(pageUrl).origin });
    context.on("page", (p) => watch(p, dialogs, errors));
    const flows = [() => desktopFlow(context, dialogs), () => phoneFlow(browser, dialogs, errors), () => embedFlow(context),
      () => reloadFlow(context), () => reconnectFlow(context), () => stalledFlow(context), () => payloadFlow(context)];
    const only = (process.env.FLOWS || "").split(",").filter(Boolean).map(Number);
    for (const [i, flow] of flows.entries()) {
      if (only.length && !only.includes(i)) continue;
      try {
        await flow();
      } catch (err) {
        check(`flow ran to the end`, false, String(err.stack || err).split("\n").slice(0, 3).join(" | "));
      }
      // Without a first answer over socket.io the other flows could only time out too.
      if (i === 0 && !checks.some((c) => c.name === "case answered with a recommendation card" && c.ok)) break;
    }
    check("no script error on the pages", errors.length === 0, errors);
    check("no dialog fired anywhere", dialogs.length === 0, dialogs);
  } finally {
    await browser.close();
  }
  const ok = checks.every((c) => c.ok);
  process.stdout.write(JSON.stringify({ ok, checks }) + "\n");
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  process.stdout.write(JSON.stringify({ ok: false, checks, error: String(err.stack || err) }) + "\n");
  process.exit(1);
});
