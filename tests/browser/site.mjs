// Shared by the checks of the built site: the output of `samling build` (what is published,
// not what `samling serve` shows) for the example site and a generated 200-session site, and
// a tiny static HTTP server for a built folder.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { repository, samling } from "./lib.mjs";

// The temporary folders of this test file, removed when it ends.
const temporary = [];
process.on("exit", () => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function temporaryFolder(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

function build(root, output, extra = []) {
  execFileSync(samling, ["build", "--root", root, "--output-dir", output, ...extra], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return output;
}

/** Builds the example site of this checkout (at `baseUrl` if given); returns the output
 * folder. */
export function buildExample(baseUrl) {
  const dir = temporaryFolder("samling-site-");
  return build(repository, join(dir, "public"), baseUrl ? ["--base-url", baseUrl] : []);
}

/** Builds the site at `root` (a copy of the example, say); returns the output folder. */
export function buildSite(root) {
  return build(root, join(temporaryFolder("samling-site-"), "public"));
}

/** Generates a site of `sessions` sessions and builds it (at `baseUrl` if given); returns
 * the output folder. */
export function buildGenerated(sessions = 200, baseUrl) {
  const dir = temporaryFolder("samling-generated-");
  const source = join(dir, "site");
  const generator = join(repository, "target/release/examples/gen-programme");
  const args = ["--sessions", String(sessions), "--out", source];
  if (existsSync(generator)) {
    execFileSync(generator, args, { stdio: ["ignore", "pipe", "inherit"] });
  } else {
    execFileSync("cargo", ["run", "--release", "--example", "gen-programme", "--", ...args], {
      cwd: repository,
      stdio: ["ignore", "pipe", "inherit"],
    });
  }
  return build(source, join(dir, "public"), baseUrl ? ["--base-url", baseUrl] : []);
}

/** Every file under `dir` whose name ends with `ending`, as paths relative to `dir`. */
export function filesUnder(dir, ending = ".html") {
  const found = [];
  const walk = (relative) => {
    for (const name of readdirSync(join(dir, relative))) {
      const path = relative ? `${relative}/${name}` : name;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else if (name.endsWith(ending)) found.push(path);
    }
  };
  walk("");
  return found.sort();
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".ics": "text/calendar; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves a built folder on 127.0.0.1, as a static host would (404.html for a missing
 * page); resolves to { url, stop }. */
export function serveStatic(dir) {
  const server = createServer((request, response) => {
    let path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) && file !== dir) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(dir, "404.html");
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    response.writeHead(status, { "content-type": type });
    response.end(readFileSync(file));
  });
  return new Promise((done) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      done({ url: `http://127.0.0.1:${port}/`, stop: () => server.close() });
    });
  });
}
