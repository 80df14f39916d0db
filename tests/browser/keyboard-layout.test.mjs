// Keyboard use and layout of the built example site in Chromium: the skip link comes first
// and shows, Tab reaches the language switcher and Enter follows it, focus is visible; a
// programme fits a 360 px screen. Screenshots go to tests/browser/artifacts/ (not committed).
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { launchBrowser } from "./lib.mjs";
import { buildExample, serveStatic } from "./site.mjs";

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "artifacts");
const SESSION = "da/fremtidens-offentlige-sektor/politisk-debat/";
const SESSION_SV = "sv/fremtidens-offentlige-sektor/politisk-debat/";
const PROGRAMME = "da/fremtidens-offentlige-sektor/";

let browser, site;

before(async () => {
  site = await serveStatic(buildExample());
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  site?.stop();
});

/** What the focused element is, where it is, and how its focus shows. */
function focused(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return {
      tag: element.tagName,
      className: element.className,
      lang: element.getAttribute("lang"),
      inSwitcher: !!element.closest(".language-switcher"),
      box: { top: box.top, left: box.left, bottom: box.bottom, right: box.right },
      viewport: { width: innerWidth, height: innerHeight },
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      boxShadow: style.boxShadow,
    };
  });
}

function visibleFocus(state) {
  return (state.outlineStyle !== "none" && state.outlineWidth > 0) || state.boxShadow !== "none";
}

test("keyboard: skip link first and visible, Tab to Swedish in the switcher, Enter", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(site.url + SESSION);

  await page.keyboard.press("Tab");
  const first = await focused(page);
  assert.equal(first.className, "skip-link", `first focus: ${JSON.stringify(first)}`);
  const { box, viewport } = first;
  assert.ok(
    box.top >= 0 && box.left >= 0 && box.bottom <= viewport.height && box.right <= viewport.width,
    `the focused skip link is on screen: ${JSON.stringify(first)}`,
  );
  assert.ok(visibleFocus(first), `the skip link shows focus: ${JSON.stringify(first)}`);

  let state;
  for (let presses = 0; presses < 10; presses++) {
    await page.keyboard.press("Tab");
    state = await focused(page);
    if (state.inSwitcher && state.lang === "sv") break;
  }
  assert.ok(state.inSwitcher && state.lang === "sv", `Tab reaches Swedish: ${JSON.stringify(state)}`);
  assert.ok(visibleFocus(state), `the focused link shows focus: ${JSON.stringify(state)}`);

  // samling's links name index.html (so that the site also reads from disk): the same page.
  const swedish = (url) => url.toString().replace(/index\.html$/, "") === site.url + SESSION_SV;
  await Promise.all([page.waitForURL(swedish, { timeout: 10000 }), page.keyboard.press("Enter")]);
  assert.ok(swedish(page.url()), page.url());
  assert.equal(await page.locator("html").getAttribute("lang"), "sv");
  await page.close();
});

test("layout: session titles have one size at every heading level, above the text under them", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const sizes = [];
  // A meeting series and a conference with themes (titles at h4 under their day), and a
  // speaker's page (titles at h3).
  for (const address of [PROGRAMME, "da/samverkan-i-offentlig-sektor/", "da/speakers/bjarne-corydon/"]) {
    await page.goto(site.url + address);
    sizes.push(...(await page.evaluate(() =>
      [...document.querySelectorAll("main li.session")].map((item) => {
        const px = (element) => (element ? parseFloat(getComputedStyle(element).fontSize) : 0);
        const title = item.querySelector(".session-title");
        const under = [".session-meta", ".speakers", ".session-summary"].map((s) => px(item.querySelector(s)));
        return { level: title.tagName, title: px(title), under: Math.max(...under) };
      }),
    )));
  }
  await page.close();
  const levels = new Set(sizes.map((s) => s.level));
  assert.ok(levels.size >= 2, `titles at several heading levels: ${[...levels]}`);
  assert.equal(new Set(sizes.map((s) => s.title)).size, 1, JSON.stringify(sizes));
  for (const s of sizes) assert.ok(s.title > s.under, `a title of ${s.title} px over text of ${s.under} px`);
});

test("layout: a programme at 360 px, 1280 px and in print", async () => {
  const started = Date.now();
  const narrow = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await narrow.goto(site.url + PROGRAMME);
  await narrow.screenshot({ path: join(ARTIFACTS, "programme-360.png"), fullPage: true });
  const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling at 360 px: scrollWidth is ${width}`);
  await narrow.close();

  const wide = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await wide.goto(site.url + PROGRAMME);
  await wide.screenshot({ path: join(ARTIFACTS, "programme-1280.png"), fullPage: true });
  await wide.emulateMedia({ media: "print" });
  await wide.screenshot({ path: join(ARTIFACTS, "programme-print.png"), fullPage: true });
  await wide.close();
  console.log(`layout: 3 screenshots in ${Date.now() - started} ms`);
});

// The example's programmes: a meeting series, a conference with themes, a course, an annual
// meeting, in the languages they are written in.
const PROGRAMMES = [
  PROGRAMME,
  "sv/samverkan-i-offentlig-sektor/",
  "nb/samverkan-i-offentlig-sektor/",
  "da/kommunestyret-2030/",
  "da/bkf-aarsmoede-2018/",
];

test("reading: a programme's sessions in time order, the first within 1.5 screens of a phone", async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  for (const address of PROGRAMMES) {
    await page.goto(site.url + address);
    const facts = await page.evaluate(() => {
      const items = [...document.querySelectorAll("main .schedule li.session")];
      return {
        first: items.length ? items[0].getBoundingClientRect().top + scrollY : null,
        order: items.map((item) => {
          const day = item.closest(".day")?.querySelector("time")?.getAttribute("datetime") ?? "";
          const time = item.querySelector(".session-time")?.textContent ?? "";
          const start = time.match(/(\d{1,2})[.:](\d{2})/);
          return { day, start: start ? start[1].padStart(2, "0") + ":" + start[2] : "", title: item.querySelector(".session-title").textContent };
        }),
      };
    });
    assert.ok(facts.order.length > 0, `${address} lists sessions`);
    const keys = facts.order.map((s) => s.day + " " + s.start);
    assert.deepEqual(keys, [...keys].sort(), `${address} in time order: ${JSON.stringify(facts.order)}`);
    assert.ok(facts.first <= 1.5 * 740, `${address}: the first session starts at ${facts.first} px on a 360 × 740 screen`);
  }
  await page.close();
});

test("registration: past its deadline the link gives way to the closed line; without the script both stay readable", async () => {
  // The example's meeting series closed its registration on 11 September 2025.
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(site.url + PROGRAMME);
  const shown = (selector) => page.locator(selector).isVisible();
  assert.equal(await shown(".registration-link"), false, "the link is hidden after the deadline");
  assert.equal(await shown(".registration-closed"), true, "the closed line is shown");
  assert.match(await page.locator(".registration-closed").textContent(), /11\. september 2025/);
  await page.close();

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const plain = await context.newPage();
  await plain.goto(site.url + PROGRAMME);
  assert.equal(await plain.locator(".registration-link").isVisible(), true, "without the script the link stays");
  assert.match(await plain.locator(".registration-deadline").textContent(), /senest .*11\. september 2025/);
  await context.close();
});
