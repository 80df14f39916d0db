// The visitor's conference tools in Chromium: search with Danish stemming (the browser stems
// queries with the rules the index was built with), the star of "my programme" by mouse and
// keyboard, its .ics built in the browser (RFC 5545: CRLF, folded at 75 octets, UIDs of the
// sessions), the link that carries the choice to another browser, and the pages without
// JavaScript.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { launchBrowser } from "./lib.mjs";
import { buildExample, serveStatic } from "./site.mjs";

const PROGRAMME = "sv/samverkan-i-offentlig-sektor/";

let browser, site;

before(async () => {
  site = await serveStatic(buildExample());
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  site?.stop();
});

async function results(page) {
  await page.waitForFunction(() => document.querySelector(".search-status")?.textContent);
  return page.$$eval(".search-result .session-title a", (links) => links.map((a) => a.textContent));
}

test("search: a Danish inflected form finds its session", async () => {
  const page = await browser.newPage();
  try {
    // A search given in the address (the form's GET), as from a bookmark.
    // "kommunernes" (the municipalities', genitive plural) is not in the title "Fremtidens
    // kommuner": only the stem "kommun" is shared.
    await page.goto(site.url + "da/search/?q=kommunernes");
    const found = await results(page);
    assert.ok(found.includes("Fremtidens kommuner"), JSON.stringify(found));
    // One star on each session found, none nested.
    assert.equal(await page.locator(".search-result button.star button").count(), 0);
    assert.equal(
      await page.locator(".search-result[data-uid] button.star").count(),
      await page.locator(".search-result[data-uid]").count(),
    );
    // Two words, typed and sent with Enter: both must match.
    await page.fill("#search-query", "kommunernes kunstig");
    await page.press("#search-query", "Enter");
    assert.match(page.url(), /\?q=kommunernes\+kunstig$/);
    const both = await results(page);
    assert.ok(!both.includes("Fremtidens kommuner"), JSON.stringify(both));
    // Speakers are found by name.
    await page.fill("#search-query", "corydon");
    await page.press("#search-query", "Enter");
    assert.ok((await results(page)).includes("Bjarne Corydon"));
  } finally {
    await page.close();
  }
});

test("search: the browser stems every word of every title as the build did", async () => {
  const page = await browser.newPage();
  try {
    for (const lang of ["da", "sv", "nb"]) {
      await page.goto(`${site.url}${lang}/search/`);
      const missing = await page.evaluate(() => {
        const index = window.samlingIndex;
        const out = [];
        for (const doc of index.docs) {
          for (const word of window.samling.words(doc.t)) {
            const stem = window.samling.stem(word, index.rules);
            if (!index.terms[stem]) out.push(`${word} -> ${stem}`);
          }
        }
        return { out, docs: index.docs.length };
      });
      assert.ok(missing.docs > 10, `${lang}: ${missing.docs} documents`);
      assert.deepEqual(missing.out, [], `${lang}: stems the index does not have`);
    }
  } finally {
    await page.close();
  }
});

/** The lines of an iCalendar text, unfolded, after checking line ends and lengths. */
function unfold(text) {
  assert.ok(text.endsWith("\r\n"), "ends with CRLF");
  assert.ok(!/[^\r]\n/.test(text), "every line ends with CRLF");
  const raw = text.slice(0, -2).split("\r\n");
  for (const line of raw) {
    assert.ok(Buffer.byteLength(line, "utf8") <= 75, `longer than 75 octets: ${line}`);
    // Folding never splits a UTF-8 character: each line is valid UTF-8 on its own.
    assert.ok(!line.includes("\uFFFD"), line);
  }
  assert.ok(raw.some((line) => line.startsWith(" ")), "a long line was folded");
  return raw.join("\r\n").replace(/\r\n /g, "").split("\r\n");
}

test("my programme: two starred sessions, their .ics, and the link to another browser", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  let share;
  try {
    await page.goto(site.url + PROGRAMME);
    const items = page.locator("li.session[data-uid]");
    const first = items.nth(0), second = items.nth(2);
    const uids = [await first.getAttribute("data-uid"), await second.getAttribute("data-uid")];
    const titles = [
      (await first.locator(".session-title a").textContent()).trim(),
      (await second.locator(".session-title a").textContent()).trim(),
    ];
    // One by mouse, one by keyboard (focus, then Space).
    const star1 = first.locator("button.star");
    assert.equal(await star1.getAttribute("aria-pressed"), "false");
    assert.match(await star1.getAttribute("aria-label"), /^Spara i mitt program: /);
    await star1.click();
    assert.equal(await star1.getAttribute("aria-pressed"), "true");
    const star2 = second.locator("button.star");
    await star2.focus();
    await page.keyboard.press("Space");
    assert.equal(await star2.getAttribute("aria-pressed"), "true");

    await page.goto(site.url + "sv/my-programme/");
    const listed = await page.$$eval(".my-sessions li", (lis) => lis.map((li) => li.dataset.uid));
    assert.deepEqual([...listed].sort(), [...uids].sort());
    const shownTitles = await page.$$eval(".my-sessions .session-title a", (as) => as.map((a) => a.textContent));
    assert.deepEqual([...shownTitles].sort(), [...titles].sort());

    const [download] = await Promise.all([page.waitForEvent("download"), page.click(".my-download")]);
    assert.match(download.suggestedFilename(), /\.ics$/);
    const text = readFileSync(await download.path(), "utf8");
    const lines = unfold(text);
    assert.equal(lines[0], "BEGIN:VCALENDAR");
    assert.ok(lines.includes("VERSION:2.0"));
    assert.ok(lines.some((l) => l.startsWith("PRODID:")));
    assert.equal(lines.filter((l) => l === "BEGIN:VEVENT").length, 2);
    const icsUids = lines.filter((l) => l.startsWith("UID:")).map((l) => l.slice(4));
    assert.deepEqual([...icsUids].sort(), [...uids].sort());
    const summaries = lines.filter((l) => l.startsWith("SUMMARY:")).map((l) => l.slice(8).replace(/\\([,;\\])/g, "$1"));
    assert.deepEqual([...summaries].sort(), [...titles].sort());
    // In UTC, from the programme's zone (Europe/Stockholm, +02:00 in October).
    assert.ok(lines.includes("DTSTART:20251023T110000Z"), lines.join("\n"));
    assert.ok(lines.every((l) => !l.startsWith("DTSTAMP:") || /^DTSTAMP:\d{8}T\d{6}Z$/.test(l)));

    share = await page.getAttribute(".my-share", "href");
    assert.match(share, /#s=/);
  } finally {
    await context.close();
  }

  // A fresh browser (no stored choice) opens the link: the same two sessions.
  const phone = await browser.newContext({ viewport: { width: 360, height: 800 } });
  try {
    const page2 = await phone.newPage();
    await page2.goto(share);
    await page2.waitForSelector(".my-sessions li");
    const listed = await page2.$$eval(".my-sessions li", (lis) => lis.map((li) => li.dataset.uid));
    assert.equal(listed.length, 2);
    assert.ok(share.includes(listed[0]) && share.includes(listed[1]));
    // And the choice is now this browser's too: its stars are pressed on the programme.
    await page2.goto(site.url + PROGRAMME);
    const pressed = await page2.$$eval('button.star[aria-pressed="true"]', (bs) => bs.map((b) => b.dataset.star));
    assert.deepEqual([...pressed].sort(), [...listed].sort());
  } finally {
    await phone.close();
  }
});

test("without JavaScript: no star, and search and my programme say what they need", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(site.url + PROGRAMME);
    assert.equal(await page.locator("button.star").count(), 0);
    await page.goto(site.url + "da/search/");
    assert.ok(await page.isVisible("text=Søgningen kræver JavaScript"));
    assert.equal(await page.isVisible("#search-query"), false);
    assert.ok(await page.isVisible(".without-script a[href$='speakers/index.html']"));
    await page.goto(site.url + "nb/my-programme/");
    assert.ok(await page.isVisible("text=Mitt program krever JavaScript"));
  } finally {
    await context.close();
  }
});

test("timetable: a grid at 1280 px, a list in time order at 360 px and in print", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(site.url + "sv/samverkan-i-offentlig-sektor/timetable/2025-10-23/");
    const layout = () =>
      page.evaluate(() => {
        const cells = [...document.querySelectorAll(".timetable td[headers]")];
        return {
          display: getComputedStyle(cells[0]).display,
          tops: cells.map((c) => Math.round(c.getBoundingClientRect().top)),
          header: getComputedStyle(document.querySelector(".timetable thead")).display,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
    const grid = await layout();
    assert.equal(grid.display, "table-cell");
    assert.equal(new Set(grid.tops).size, 1, "parallel sessions side by side");
    await page.setViewportSize({ width: 360, height: 800 });
    const narrow = await layout();
    assert.equal(narrow.display, "block");
    assert.equal(narrow.header, "none");
    assert.ok(narrow.overflow <= 0, `scrolls sideways by ${narrow.overflow} px`);
    assert.deepEqual([...narrow.tops].sort((a, b) => a - b), narrow.tops, "one below the other, in order");
    assert.equal(new Set(narrow.tops).size, narrow.tops.length);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: "print" });
    const print = await layout();
    assert.equal(print.display, "block");
    assert.equal(print.header, "none");
  } finally {
    await page.close();
  }
});
