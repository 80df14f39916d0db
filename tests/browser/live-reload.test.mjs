// `samling serve` in a real browser: the open page follows the files it is built from, with
// no action of the test in the browser.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { edit, exampleCopy, launchBrowser, serve } from "./lib.mjs";

const SESSION = "content/fremtidens-offentlige-sektor/politisk-debat.da.md";
const PAGE = "da/fremtidens-offentlige-sektor/politisk-debat/";
const WAIT = { timeout: 20000 };

let browser, server, root, page;

before(async () => {
  root = exampleCopy();
  server = await serve(root);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 500 } });
  // Where the reader is when the page is first shown: a place reached by scrolling later
  // is lost if a second rebuild reloads the page on the way.
  await page.addInitScript(() =>
    document.addEventListener("DOMContentLoaded", () => (window.shownAt = window.scrollY)),
  );
  await page.goto(server.url + PAGE);
});

after(async () => {
  await browser?.close();
  server?.stop();
});

test("a saved edit shows in the open page, at the same scroll position", async () => {
  assert.match(await page.locator("h1").textContent(), /Skillevej/);
  // Instantly: the theme scrolls smoothly, and a reading mid-way would not be where the
  // reader ends up.
  await page.evaluate(() => window.scrollTo({ top: 400, behavior: "instant" }));
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 100, `the page scrolls (${scrolled})`);

  edit(root, SESSION, "Skillevej", "Vejskel");
  await page.waitForFunction(
    () =>
      document.querySelector("h1").textContent.includes("Vejskel") && window.shownAt !== undefined,
    null,
    WAIT,
  );
  const shownAt = await page.evaluate(() => window.shownAt);
  assert.ok(Math.abs(shownAt - scrolled) < 5, `shown at ${shownAt}, not at once at ${scrolled}`);
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 5, scrolled, WAIT);
});

test("a stylesheet edit applies without reloading the page", async () => {
  await page.evaluate(() => (window.notReloaded = true));
  edit(root, "themes/default/static/samling.css", "h1 {", "h1 { outline: 3px solid rgb(1, 2, 3);");
  await page.waitForFunction(
    () => getComputedStyle(document.querySelector("h1")).outlineColor === "rgb(1, 2, 3)",
    null,
    WAIT,
  );
  assert.equal(await page.evaluate(() => window.notReloaded), true);
});

test("a build error shows over the page, and the fix removes it", async () => {
  edit(root, SESSION, "title = ", "titel = ");
  const overlay = page.locator("#samling-error");
  await overlay.waitFor({ state: "visible", ...WAIT });
  const text = await overlay.textContent();
  assert.match(text, /politisk-debat\.da\.md:2:1/);
  assert.match(text, /unknown field `titel`/);
  // The last good page is still there under it.
  assert.match(await page.locator("h1").textContent(), /Vejskel/);

  edit(root, SESSION, "titel = ", "title = ");
  await overlay.waitFor({ state: "detached", ...WAIT });
  assert.match(await page.locator("h1").textContent(), /Vejskel/);
});
