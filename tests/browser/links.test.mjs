// Every href and src of the built example site and of a generated 200-session site resolves:
// a relative (or root-relative) link to a file of the output, a #fragment to an id or a name
// in the page it points to. Absolute http(s) links, mailto: and the like are not followed.
// The same check as `lychee --offline --include-fragments` (which agrees on the example site),
// without the 6½ minutes `cargo install --locked lychee` takes on a 2-core CI machine.
import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { buildExample, buildGenerated, filesUnder } from "./site.mjs";

const ATTRIBUTE = /\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const ANCHOR = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

function decode(text) {
  return text
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

function brokenLinks(dir) {
  const anchors = new Map();
  const anchorsOf = (file) => {
    if (!anchors.has(file)) {
      const html = readFileSync(join(dir, file), "utf8");
      anchors.set(file, new Set([...html.matchAll(ANCHOR)].map((m) => decode(m[1] ?? m[2]))));
    }
    return anchors.get(file);
  };
  const broken = [];
  let links = 0;
  for (const file of filesUnder(dir)) {
    const html = readFileSync(join(dir, file), "utf8");
    // The page's own address, in the output as served from its root.
    const base = new URL(file, "http://site.invalid/");
    for (const match of html.matchAll(ATTRIBUTE)) {
      const link = decode(match[1] ?? match[2]);
      if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith("//")) continue;
      links++;
      const url = new URL(link, base);
      let target = decodeURIComponent(url.pathname).replace(/^\//, "");
      const path = join(dir, target);
      if (existsSync(path) && statSync(path).isDirectory()) target = join(target, "index.html");
      if (!existsSync(join(dir, target))) {
        broken.push(`${file}: ${link} (no file ${target})`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith(".html") && !anchorsOf(target).has(fragment)) {
        broken.push(`${file}: ${link} (no id "${fragment}" in ${target})`);
      }
    }
  }
  return { broken, links };
}

function check(dir) {
  const started = Date.now();
  const { broken, links } = brokenLinks(dir);
  console.log(`links: ${links} in ${filesUnder(dir).length} pages checked in ${Date.now() - started} ms`);
  assert.ok(links > 0, "no link found");
  assert.deepEqual(broken, [], `${broken.length} broken links:\n${broken.join("\n")}`);
}

test("every link of the example site resolves", () => {
  check(buildExample());
});

test("every link of a generated 200-session site resolves", () => {
  check(buildGenerated());
});
