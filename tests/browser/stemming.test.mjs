// The browser's stemmer (`stem` of samling.js) against Snowball's test vocabularies and
// their expected stems (tests/fixtures/snowball), every word, with the rules a build writes
// into each language's search index: Danish, Swedish, Norwegian (Bokmål and Nynorsk) and
// Finnish. src/search.rs checks the build's stemmer against the same lists. No browser is
// needed: samling.js runs in a bare context of node:vm.
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import vm from "node:vm";
import { exampleCopy, repository } from "./lib.mjs";
import { buildSite } from "./site.mjs";

// The languages of the lists, and the site's languages that use each.
const LISTS = {
  danish: ["da"],
  swedish: ["sv"],
  norwegian: ["nb", "nn"],
  finnish: ["fi"],
};

let source, site;

before(() => {
  // The example site has da, sv and nb; Finnish and Nynorsk are added for their indexes.
  source = exampleCopy();
  const config = join(source, "config.toml");
  const added =
    '\n[[languages]]\ncode = "fi"\nname = "Suomi"\n\n[[languages]]\ncode = "nn"\nname = "Norsk nynorsk"\n';
  writeFileSync(config, readFileSync(config, "utf8") + added);
  site = buildSite(source);
});

after(() => rmSync(source, { recursive: true, force: true }));

/** samling.js's `window.samling`, in a context with only what the file needs to load. */
function samlingScript() {
  const context = { document: { addEventListener() {} }, TextEncoder };
  context.window = context;
  vm.createContext(context);
  const file = join(repository, "themes/default/static/samling.js");
  vm.runInContext(readFileSync(file, "utf8"), context, { filename: file });
  assert.equal(typeof context.samling?.stem, "function", "samling.js exposes window.samling.stem");
  return context.samling;
}

/** The index the search page of `lang` loads: `window.samlingIndex`. */
function indexOf(lang) {
  const context = {};
  context.window = context;
  vm.createContext(context);
  vm.runInContext(readFileSync(join(site, lang, "search/index.js"), "utf8"), context);
  return context.samlingIndex;
}

/** A list's words and their expected stems; throws if the list is missing. */
function snowballList(language) {
  const dir = join(repository, "tests/fixtures/snowball", language);
  const lines = (name) => readFileSync(join(dir, name), "utf8").split("\n").filter((l) => l !== "");
  const words = lines("voc.txt");
  const expected = lines("output.txt");
  assert.equal(words.length, expected.length, `${language}: voc.txt and output.txt differ in length`);
  assert.ok(words.length > 10000, `${language}: only ${words.length} words`);
  return words.map((word, n) => [word, expected[n]]);
}

for (const [language, codes] of Object.entries(LISTS)) {
  for (const lang of codes) {
    test(`stemming: ${lang} in the browser is Snowball's ${language}, every word`, () => {
      const { stem } = samlingScript();
      const index = indexOf(lang);
      assert.equal(index.lang, lang);
      assert.ok(index.rules, `${lang}: the index carries no stemming rules`);
      const pairs = snowballList(language);
      const differing = [];
      for (const [word, expected] of pairs) {
        const got = stem(word, index.rules);
        if (got !== expected) differing.push(`${word}: expected ${expected}, got ${got}`);
      }
      assert.deepEqual(
        differing.slice(0, 20),
        [],
        `${lang}: ${differing.length} of ${pairs.length} words stem otherwise than Snowball's`,
      );
    });
  }
}

test("stemming: a language without an algorithm is searched as typed", () => {
  const { stem } = samlingScript();
  assert.equal(stem("kommunerne", null), "kommunerne");
});
