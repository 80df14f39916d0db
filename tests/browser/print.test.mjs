// Programmes on paper: Chromium prints them to A4 PDFs, whose pages are counted. The
// example's 8-session Swedish conference fits one page; a generated 100-session programme at
// most five. The PDFs go to tests/browser/artifacts/ (not committed) to be looked at.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { launchBrowser } from "./lib.mjs";
import { buildExample, buildGenerated, serveStatic } from "./site.mjs";

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "artifacts");

let browser, example, generated;

before(async () => {
  example = await serveStatic(buildExample());
  generated = await serveStatic(buildGenerated(100));
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  example?.stop();
  generated?.stop();
});

/** Prints `url` as the browser's print dialog would (the page's own @page size) and
 * returns its number of pages, after checking how many sessions it lists. */
async function printed(url, name) {
  const page = await browser.newPage();
  await page.goto(url);
  const sessions = await page.locator("main .schedule li.session").count();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  await page.close();
  writeFileSync(join(ARTIFACTS, `${name}.pdf`), pdf);
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
  return { sessions, pages };
}

test("print: the 8-session conference on one A4 page", async () => {
  const { sessions, pages } = await printed(example.url + "sv/samverkan-i-offentlig-sektor/", "print-conference-sv");
  assert.equal(sessions, 8);
  assert.equal(pages, 1, `${pages} pages`);
});

test("print: a 100-session programme on at most five A4 pages", async () => {
  const home = await browser.newPage();
  await home.goto(generated.url + "da/");
  const href = await home.locator("main a[href*='/']").first().getAttribute("href");
  await home.close();
  const { sessions, pages } = await printed(new URL(href, generated.url + "da/").href, "print-generated-100");
  assert.equal(sessions, 100);
  assert.ok(pages >= 2 && pages <= 5, `${pages} pages`);
});
