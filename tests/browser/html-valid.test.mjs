// The built HTML of the example site and of a generated 200-session site is valid HTML, by
// the Nu HTML Checker (vnu-jar, run with java). A missing java or vnu.jar fails the test.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { buildExample, buildGenerated, filesUnder } from "./site.mjs";

const require = createRequire(import.meta.url);
const VNU = join(dirname(require.resolve("vnu-jar/package.json")), "build/dist/vnu.jar");

function vnu(dir) {
  assert.ok(existsSync(VNU), `${VNU} is missing: run npm ci in tests/browser`);
  const started = Date.now();
  const run = spawnSync("java", ["-jar", VNU, "--skip-non-html", "--errors-only", dir], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.ifError(run.error);
  console.log(`vnu: ${filesUnder(dir).length} HTML files in ${Date.now() - started} ms`);
  assert.equal(run.status, 0, `vnu found errors:\n${run.stdout}${run.stderr}`);
  assert.equal(run.stderr.trim(), "", `vnu found errors:\n${run.stderr}`);
}

test("the example site is valid HTML", () => {
  vnu(buildExample());
});

test("a generated 200-session site is valid HTML", () => {
  vnu(buildGenerated());
});
