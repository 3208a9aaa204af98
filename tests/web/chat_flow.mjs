// Drives the chat page in headless Chromium (Debian's, through playwright-core) against a running assistant.
// Usage: node tests/web/chat_flow.mjs <page url> <artifacts dir>
// Prints a one-line JSON report {ok, checks: [{name, ok, detail}]} on stdout; exit status 0 only when every check passed.
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";

const require = createRequire(new URL("../../web/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const [pageUrl, artifacts] = process.argv.slice(2);
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const REPLY_TIMEOUT = 60_000;
const FULL_CASE = "58F, new 3 cm IDC left breast, palpable 1.5 cm left axillary node, no treatment yet";
const INCOMPLETE_CASE = "62F, newly diagnosed IDC right breast, no treatment yet";
const XSS = ["<img src=x onerror=alert(1)>", "<script>alert(1)</script>"];
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
    for (const flow of [() => desktopFlow(context, dialogs), () => phoneFlow(browser, dialogs, errors), () => embedFlow(context)]) {
      try {
        await flow();
      } catch (err) {
        check(`flow ran to the end`, false, String(err.stack || err).split("\n").slice(0, 3).join(" | "));
      }
      // Without a first answer over socket.io the other flows could only time out too.
      if (!checks.some((c) => c.name === "case answered with a recommendation card" && c.ok)) break;
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
