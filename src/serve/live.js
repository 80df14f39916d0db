// samling serve: reloads this page when its file changes, swaps stylesheets in place, and
// shows build errors over the page until they are fixed. Injected by `serve` only.
(() => {
  "use strict";
  const script = document.currentScript;
  const base = script.dataset.base;
  const page = script.dataset.page;
  const generation = Number(script.dataset.generation);
  const scrollKey = "samling-scroll:" + location.pathname;

  // Back where the reader was before the reload, if the page is still there.
  const saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    const [x, y] = JSON.parse(saved);
    // Instantly: the theme may scroll smoothly, and a reload is no move of the reader's.
    window.scrollTo({ left: x, top: y, behavior: "instant" });
  }

  function reload() {
    sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
    location.reload();
  }

  function swapStylesheets() {
    const stamp = Date.now();
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set("samling", stamp);
      const fresh = link.cloneNode();
      fresh.href = url.href;
      // Remove the old sheet only once the new one applies: no flash of unstyled page.
      fresh.addEventListener("load", () => link.remove());
      fresh.addEventListener("error", () => link.remove());
      link.after(fresh);
    }
  }

  let overlay = null;
  function showError(message) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "samling-error";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText =
        "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:1.5rem;" +
        "background:rgba(20,20,20,.95);color:#fff;font:14px/1.5 ui-monospace,monospace;";
      const title = document.createElement("h2");
      title.style.cssText = "margin:0 0 1rem;color:#ff8080;font:bold 16px/1.4 sans-serif;";
      title.textContent = "samling: the last change did not build; showing the last good site";
      const text = document.createElement("pre");
      text.style.cssText = "margin:0;white-space:pre-wrap;";
      overlay.append(title, text);
      document.body.append(overlay);
    }
    overlay.querySelector("pre").textContent = message;
  }
  function hideError() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  // The page it is for: the server makes the pages open in browsers first.
  const events = new EventSource(base + "__samling/events?page=" + encodeURIComponent(page));
  // On connecting (and reconnecting): reload if a build finished since this page loaded.
  events.addEventListener("hello", (e) => {
    if (JSON.parse(e.data).generation !== generation) reload();
  });
  events.addEventListener("built", (e) => {
    const files = JSON.parse(e.data).files;
    hideError();
    const named = (f) => f === "*" || f === page;
    // Files that are neither pages nor data a page shows: images, scripts, fonts.
    const asset = (f) => !/\.(html|css|xml|txt|ics|json)$/.test(f);
    if (page === "" || page === "404.html" ? files.length > 0 : files.some(named) || files.some(asset)) {
      reload();
    } else if (files.some((f) => f.endsWith(".css"))) {
      swapStylesheets();
    }
  });
  events.addEventListener("failed", (e) => showError(JSON.parse(e.data).message));
})();
