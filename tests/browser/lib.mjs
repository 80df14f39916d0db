// Shared by the browser tests: Debian's chromium through playwright-core, a copy of the
// example site, and `samling serve` on a free port.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const repository = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The samling binary: $SAMLING, or the release build of this checkout. */
export const samling = process.env.SAMLING ?? join(repository, "target/release/samling");

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A copy of the example site in a new temporary folder. */
export function exampleCopy() {
  const dir = mkdtempSync(join(tmpdir(), "samling-browser-"));
  for (const entry of ["config.toml", "content", "locales", "static", "themes"]) {
    cpSync(join(repository, entry), join(dir, entry), { recursive: true });
  }
  return dir;
}

/** Saves as editors do: into a temporary file, renamed over the old one. */
export function save(root, path, text) {
  const target = join(root, path);
  const temporary = join(dirname(target), `.${Date.now()}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, target);
}

export function edit(root, path, from, to) {
  const text = readFileSync(join(root, path), "utf8");
  if (!text.includes(from)) throw new Error(`${path} does not contain ${from}`);
  save(root, path, text.replace(from, to));
}

/** Starts `samling serve` on a free port; resolves to { url, stop }. */
export function serve(root, ...args) {
  const child = spawn(samling, ["serve", "--root", root, "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not start:\n${output}`)), 30000);
    child.on("exit", (code) => fail(new Error(`serve exited with ${code}:\n${output}`)));
    child.stdout.on("data", (data) => {
      output += data;
      const match = output.match(/Serving on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        done({ url: match[1], stop: () => child.kill(), output: () => output });
      }
    });
  });
}
