// axe-core in Chromium finds no WCAG 2.1 A/AA violation on each kind of page of the built
// example site, and on a programme and a session of a generated 200-session site.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { launchBrowser } from "./lib.mjs";
import { buildExample, buildGenerated, filesUnder, serveStatic } from "./site.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const EXAMPLE = {
  "language chooser": "",
  "Danish home": "da/",
  "Swedish home": "sv/",
  "Norwegian home": "nb/",
  programme: "da/fremtidens-offentlige-sektor/",
  theme: "sv/samverkan-i-offentlig-sektor/arbetstiden/",
  session: "da/fremtidens-offentlige-sektor/politisk-debat/",
  speaker: "da/speakers/bjarne-corydon/",
  "speakers index": "da/speakers/",
  minutes: "nb/chefforum/2012-10-22/",
  "minutes, translated": "da/chefforum/2012-10-22/",
  agenda: "nb/chefforum/2012-11-01/",
  "meeting series": "nb/chefforum/",
  "accessibility statement": "da/tilgaengelighed/",
  "free page": "da/om-netvaerket/",
  timetable: "sv/samverkan-i-offentlig-sektor/timetable/2025-10-23/",
  "session with changes": "sv/fremtidens-offentlige-sektor/studietur-oeresund/",
  "programme's changes": "nb/fremtidens-offentlige-sektor/changes/",
  "programme without changes": "sv/samverkan-i-offentlig-sektor/changes/",
  "search with results": "da/search/?q=kommunerne",
  "my programme": "nb/my-programme/",
  "404 page": "no-such-page/",
};

let browser, example, generated, generatedDir;

before(async () => {
  example = await serveStatic(buildExample());
  generatedDir = buildGenerated();
  generated = await serveStatic(generatedDir);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  example?.stop();
  generated?.stop();
});

/** The first built page whose HTML contains `marker`, as a URL path. */
function firstWith(dir, marker) {
  const file = filesUnder(dir).find((path) => readFileSync(join(dir, path), "utf8").includes(marker));
  assert.ok(file, `no page contains ${marker}`);
  return file.replace(/index\.html$/, "");
}

async function axe(url, status = 200, width = 1280, runOnly = { type: "tag", values: TAGS }) {
  // axe is injected as an inline script, which the pages' Content-Security-Policy refuses:
  // it is the test's tool, not the site's.
  const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
  try {
    const response = await page.goto(url);
    assert.equal(response.status(), status, `${url} answers ${status}`);
    await page.addScriptTag({ path: AXE });
    const started = Date.now();
    const results = await page.evaluate((only) => window.axe.run(document, { runOnly: only }), runOnly);
    const violations = results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(" ")}: ${node.failureSummary}`),
    }));
    if (runOnly.type === "tag") assert.ok(results.passes.length > 0, `axe checked nothing on ${url}`);
    assert.deepEqual(violations, [], `${url}:\n${JSON.stringify(violations, null, 2)}`);
    if (runOnly.type === "tag") console.log(`axe: ${url} in ${Date.now() - started} ms, ${results.passes.length} rules passed`);
  } finally {
    await page.close();
  }
}

for (const [name, path] of Object.entries(EXAMPLE)) {
  test(`example site, ${name} (/${path}): no WCAG 2.1 AA violation`, async () => {
    await axe(example.url + path, path === "no-such-page/" ? 404 : 200);
  });
}

test("generated site, a programme, a session and a timetable day: no WCAG 2.1 AA violation", async () => {
  for (const marker of ['<article class="programme', '<article class="session-page', '<table class="timetable']) {
    await axe(generated.url + firstWith(generatedDir, marker));
  }
});

// Code blocks: highlighted colours of AA contrast, and on a narrow screen no long line that
// makes a scrolling region the keyboard cannot reach. Every generated session with code.
test("generated site, every session with code, at 360 px: no WCAG 2.1 AA violation", async () => {
  const pages = filesUnder(generatedDir).filter((path) =>
    readFileSync(join(generatedDir, path), "utf8").includes('<pre class="code'),
  );
  assert.ok(pages.length > 0, "the generated site has code blocks");
  for (const path of pages) {
    await axe(generated.url + path, 200, 360);
  }
});
