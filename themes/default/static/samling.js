/* samling: search, the star of "my programme", and its calendar file. Written for samling
   (MIT OR Apache-2.0, like samling itself); no library, no request to another host. The
   site works without this file: it only adds what needs a browser's help. */
(function () {
  "use strict";

  var STORE = "samling-starred";

  function starred() {
    try {
      var list = JSON.parse(localStorage.getItem(STORE) || "[]");
      return Array.isArray(list) ? list.filter(function (u) { return typeof u === "string"; }) : [];
    } catch (e) {
      return [];
    }
  }

  function store(list) {
    try {
      localStorage.setItem(STORE, JSON.stringify(list));
    } catch (e) { /* private mode: the choice lasts as long as the page */ }
  }

  /* ---- The star: an accessible toggle on every session that has a uid. ---- */

  function updateStars(uid, on) {
    var buttons = document.querySelectorAll("button.star");
    for (var i = 0; i < buttons.length; i++) {
      if (buttons[i].getAttribute("data-star") === uid) {
        buttons[i].setAttribute("aria-pressed", on ? "true" : "false");
      }
    }
  }

  function toggle(uid) {
    var list = starred();
    var at = list.indexOf(uid);
    if (at >= 0) {
      list.splice(at, 1);
    } else {
      list.push(uid);
    }
    store(list);
    updateStars(uid, at < 0);
    document.dispatchEvent(new CustomEvent("samling-starred"));
  }

  function addStars(root) {
    var label = document.body.getAttribute("data-star-label") || "";
    var chosen = starred();
    var items = root.querySelectorAll("[data-uid]");
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      var uid = item.getAttribute("data-uid");
      var heading = item.querySelector("h1, h2, h3, h4, h5, h6, .session-title");
      if (!heading || item.querySelector("button.star")) {
        continue;
      }
      var title = (item.getAttribute("data-title") || heading.textContent).trim();
      var button = document.createElement("button");
      button.type = "button";
      button.className = "star";
      // Not `data-uid`: that marks the sessions a star is added to.
      button.setAttribute("data-star", uid);
      button.setAttribute("aria-label", label + ": " + title);
      button.setAttribute("aria-pressed", chosen.indexOf(uid) >= 0 ? "true" : "false");
      var icon = document.createElement("span");
      icon.setAttribute("aria-hidden", "true");
      button.appendChild(icon);
      button.addEventListener("click", function (event) {
        toggle(event.currentTarget.getAttribute("data-star"));
      });
      // Beside the title, not in it: a heading's name stays the title alone.
      heading.parentNode.insertBefore(button, heading);
    }
  }

  /* ---- Stemming: Snowball's algorithms as data, which come with the index (`rules`, written
     by src/search.rs). This runs them as the build does, Snowball's commands in backward
     mode on the word's letters, so a query is stemmed as the index was. A command is an
     array, its name first: ["seq", c1, c2], ["eq", "ig"], ["suffix", "p1", branch…], a
     branch [strings, action or null], a string "s" or ["s", condition routine]. ---- */

  function stem(word, rules) {
    if (!rules) {
      return word;
    }
    var w = Array.from(word);
    var vowel = function (ch) { return rules.vowels.indexOf(ch) >= 0; };
    // Snowball's `gopast v gopast non-v` from `from`: where the region after it starts.
    var past = function (from) {
      var i = from;
      while (i < w.length && !vowel(w[i])) { i++; }
      for (i++; i < w.length && vowel(w[i]); i++) { /* the vowels */ }
      return i < w.length ? i + 1 : null;
    };
    var first = past(0);
    var second = first === null ? null : past(first);
    var marks = { p1: first === null ? w.length : first, p2: second === null ? w.length : second };
    if (w.length >= rules.r1_min) {
      marks.p1 = Math.max(marks.p1, rules.r1_min);
    }
    // The cursor c moves from the end towards limit; the slice is bra..ket.
    var c = w.length, limit = 0, bra = 0, ket = w.length;
    var booleans = {}, strings = {};
    // The cursor as its distance from the end, which deletions behind it keep.
    var saved = function () { return w.length - c; };
    var restore = function (at) { c = w.length - at; };
    var endsWith = function (letters) {
      if (c - limit < letters.length) {
        return false;
      }
      for (var i = 0; i < letters.length; i++) {
        if (w[c - letters.length + i] !== letters[i]) {
          return false;
        }
      }
      c -= letters.length;
      return true;
    };
    var letterBefore = function (wanted) {
      if (c > limit && wanted(w[c - 1])) {
        c--;
        return true;
      }
      return false;
    };
    var replace = function (by) {
      var length = w.length;
      w.splice.apply(w, [bra, ket - bra].concat(by));
      if (c >= ket) {
        c += w.length - length;
      } else if (c > bra) {
        c = bra;
      }
      ket = bra + by.length;
    };
    // Snowball's among: the longest string before the cursor whose condition holds (the
    // cursor goes before it); { action } of its branch, or null.
    var find = function (branches) {
      var at = c, found = [];
      branches.forEach(function (branch) {
        branch[0].forEach(function (entry) {
          var s = typeof entry === "string" ? entry : entry[0];
          var letters = Array.from(s);
          c = at;
          if (endsWith(letters)) {
            found.push({ n: letters.length, condition: typeof entry === "string" ? null : entry[1], action: branch[1] });
          }
        });
      });
      c = at;
      found.sort(function (a, b) { return b.n - a.n; });
      for (var i = 0; i < found.length; i++) {
        c = at - found[i].n;
        var holds = !found[i].condition || run(rules.routines[found[i].condition]);
        c = at - found[i].n;
        if (holds) {
          return found[i];
        }
      }
      return null;
    };
    var act = function (found) { return found !== null && (found.action === null || run(found.action)); };
    var run = function (op) {
      var i, at, holds, old;
      switch (op[0]) {
        case "seq":
          for (i = 1; i < op.length; i++) {
            if (!run(op[i])) {
              return false;
            }
          }
          return true;
        case "do":
          at = saved();
          run(op[1]);
          restore(at);
          return true;
        case "try":
          at = saved();
          if (!run(op[1])) {
            restore(at);
          }
          return true;
        case "or":
          at = saved();
          for (i = 1; i < op.length; i++) {
            restore(at);
            if (run(op[i])) {
              return true;
            }
          }
          return false;
        case "and":
          at = saved();
          for (i = 1; i < op.length; i++) {
            restore(at);
            if (!run(op[i])) {
              return false;
            }
          }
          return true;
        case "not":
        case "test":
          at = saved();
          holds = run(op[1]);
          restore(at);
          return op[0] === "not" ? !holds : holds;
        case "eq": return endsWith(Array.from(op[1]));
        case "in": return letterBefore(function (ch) { return op[1].indexOf(ch) >= 0; });
        case "out": return letterBefore(function (ch) { return op[1].indexOf(ch) < 0; });
        case "next": return letterBefore(function () { return true; });
        case "atlimit": return c === limit;
        case "[": ket = c; return true;
        case "]": bra = c; return true;
        case "delete": replace([]); return true;
        case "<-": replace(Array.from(op[1])); return true;
        case "setlimit":
        case "suffix":
          if (c < marks[op[1]]) {
            return false;
          }
          old = limit;
          limit = marks[op[1]];
          if (op[0] === "setlimit") {
            holds = run(op[2]);
            limit = old;
            return holds;
          }
          ket = c;
          holds = find(op.slice(2));
          limit = old;
          if (holds === null) {
            return false;
          }
          bra = c;
          return act(holds);
        case "among": return act(find(op.slice(1)));
        case "call": return run(rules.routines[op[1]]);
        case "atmark": return marks[op[1]] <= c;
        case "set": booleans[op[1]] = true; return true;
        case "is": return booleans[op[1]] === true;
        case "->": strings[op[1]] = w.slice(bra, ket); return true;
        case "eqs": return endsWith(strings[op[1]] || []);
        case "goto":
          for (;;) {
            at = saved();
            holds = run(op[1]);
            restore(at);
            if (holds) {
              return true;
            }
            if (c <= limit) {
              return false;
            }
            c--;
          }
        default:
          throw new Error("samling: no stemming command " + op[0]);
      }
    };
    run(rules.steps);
    return w.join("");
  }

  function words(text) {
    return text.toLowerCase().split(/[^\p{Alphabetic}\p{N}]+/u).filter(function (x) { return x; });
  }

  function postings(index, term) {
    var gaps = index.terms[term];
    var out = [];
    var n = 0;
    if (!gaps) {
      return out;
    }
    for (var i = 0; i < gaps.length; i++) {
      n += gaps[i];
      out.push(n);
    }
    return out;
  }

  var sortedTerms = null;

  /* Documents matching every word of `query`; the last word also as the start of a word,
     for results while typing. */
  function search(index, query) {
    var ws = words(query);
    if (!ws.length) {
      return [];
    }
    if (!sortedTerms) {
      sortedTerms = Object.keys(index.terms).sort();
    }
    var result = null;
    for (var i = 0; i < ws.length; i++) {
      var s = stem(ws[i], index.rules);
      var found = {};
      postings(index, s).forEach(function (d) { found[d] = true; });
      if (i === ws.length - 1 && ws[i].length >= 3) {
        var lo = 0, hi = sortedTerms.length;
        while (lo < hi) {
          var mid = (lo + hi) >> 1;
          if (sortedTerms[mid] < s) { lo = mid + 1; } else { hi = mid; }
        }
        for (var t = lo; t < sortedTerms.length && sortedTerms[t].indexOf(s) === 0; t++) {
          postings(index, sortedTerms[t]).forEach(function (d) { found[d] = true; });
        }
      }
      if (result === null) {
        result = found;
      } else {
        for (var d in result) {
          if (!found[d]) {
            delete result[d];
          }
        }
      }
    }
    return Object.keys(result).map(Number).sort(function (a, b) { return a - b; });
  }

  function rootPath() {
    return document.body.getAttribute("data-root") || "";
  }

  /* A document of the index: k kind, t title, f folder (in strings) and s rest of its
     address, l language if not the index's, d parts of its line; sessions: u uid, a start
     (UTC), m minutes, y date (all day), o room and venue, x status. */
  function address(index, doc) {
    return index.strings[doc.f] + doc.s;
  }

  function detail(index, doc) {
    return (doc.d || []).map(function (i) { return index.strings[i]; }).join(" · ");
  }

  // A list item for a document of the index: its linked title and a line under it; a
  // session carries its uid and title, so that it gets a star.
  function docItem(index, doc, className, metaText) {
    var li = document.createElement("li");
    li.className = className;
    if (doc.u) {
      li.setAttribute("data-uid", doc.u);
      li.setAttribute("data-title", doc.t);
    }
    var heading = document.createElement("h2");
    heading.className = "session-title";
    heading.appendChild(docLink(index, doc));
    li.appendChild(heading);
    var meta = document.createElement("p");
    meta.className = "session-meta";
    meta.textContent = metaText;
    li.appendChild(meta);
    return li;
  }

  function docLink(index, doc) {
    var a = document.createElement("a");
    a.href = rootPath() + address(index, doc);
    a.textContent = doc.t;
    if (doc.l) {
      a.setAttribute("hreflang", doc.l);
      a.setAttribute("lang", doc.l);
    }
    return a;
  }

  function setupSearch(page) {
    var index = window.samlingIndex;
    var form = page.querySelector("form");
    var input = page.querySelector("input[type=search]");
    var status = page.querySelector("[role=status]");
    var list = page.querySelector(".search-results");
    if (!index || !form || !input || !status || !list) {
      return;
    }
    var kinds = {
      s: page.getAttribute("data-kind-session"),
      p: page.getAttribute("data-kind-speaker"),
      t: page.getAttribute("data-kind-theme"),
      m: page.getAttribute("data-kind-meeting"),
      i: page.getAttribute("data-kind-item")
    };
    var run = function () {
      var query = input.value.trim();
      list.textContent = "";
      if (!query) {
        status.textContent = "";
        return;
      }
      var found = search(index, query);
      status.textContent = (page.getAttribute("data-results") || "").replace("{count}", String(found.length));
      found.slice(0, 200).forEach(function (n) {
        var doc = index.docs[n];
        var line = detail(index, doc);
        list.appendChild(docItem(index, doc, "search-result", kinds[doc.k] + (line ? " · " + line : "")));
      });
      addStars(list);
    };
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
      var url = new URL(location.href);
      url.searchParams.set("q", input.value.trim());
      history.replaceState(null, "", url.href);
    });
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 150);
    });
    var q = new URL(location.href).searchParams.get("q");
    if (q) {
      input.value = q;
      run();
    }
  }

  /* ---- My programme: the starred sessions, their .ics, and a link that carries them. ---- */

  function icsText(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n");
  }

  var encoder = new TextEncoder();

  /* RFC 5545 3.1: lines of at most 75 octets, continued after CRLF and a space, never
     inside a UTF-8 character. */
  function fold(line) {
    var out = [];
    var current = "";
    var octets = 0;
    Array.from(line).forEach(function (ch) {
      var n = encoder.encode(ch).length;
      if (octets + n > 75) {
        out.push(current);
        current = " ";
        octets = 1;
      }
      current += ch;
      octets += n;
    });
    out.push(current);
    return out.join("\r\n");
  }

  function nextDay(yyyymmdd) {
    var d = new Date(Date.UTC(+yyyymmdd.slice(0, 4), +yyyymmdd.slice(4, 6) - 1, +yyyymmdd.slice(6, 8) + 1));
    return d.toISOString().slice(0, 10).replace(/-/g, "");
  }

  /* 20251113T081500Z plus `minutes`, in the same form. */
  function addMinutes(stamp, minutes) {
    var t = Date.UTC(+stamp.slice(0, 4), +stamp.slice(4, 6) - 1, +stamp.slice(6, 8),
      +stamp.slice(9, 11), +stamp.slice(11, 13), +stamp.slice(13, 15)) + minutes * 60000;
    return new Date(t).toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  }

  function calendar(index, docs, name) {
    var lang = index.lang;
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//samling//my programme//" + lang.toUpperCase(),
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:" + icsText(name)
    ];
    docs.forEach(function (doc) {
      if (!doc.a && !doc.y) {
        return;
      }
      lines.push("BEGIN:VEVENT");
      lines.push("UID:" + doc.u);
      lines.push("DTSTAMP:" + stamp);
      if (doc.a) {
        lines.push("DTSTART:" + doc.a);
        if (doc.m) {
          lines.push("DTEND:" + addMinutes(doc.a, doc.m));
        }
      } else {
        lines.push("DTSTART;VALUE=DATE:" + doc.y);
        lines.push("DTEND;VALUE=DATE:" + nextDay(doc.y));
      }
      lines.push("SUMMARY:" + icsText(doc.t));
      var place = (doc.o || []).map(function (i) { return index.strings[i]; }).join(", ");
      if (place) {
        lines.push("LOCATION:" + icsText(place));
      }
      lines.push("URL:" + new URL(rootPath() + address(index, doc), location.href).href);
      if (doc.x === "cancelled") {
        lines.push("STATUS:CANCELLED");
      } else if (doc.x === "tentative") {
        lines.push("STATUS:TENTATIVE");
      } else {
        lines.push("STATUS:CONFIRMED");
      }
      lines.push("END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  function setupMyProgramme(page) {
    var index = window.samlingIndex;
    var list = page.querySelector(".my-sessions");
    var empty = page.querySelector(".my-empty");
    var tools = page.querySelector(".my-tools");
    var download = page.querySelector(".my-download");
    var share = page.querySelector(".my-share");
    if (!index || !list || !empty || !tools || !download || !share) {
      return;
    }
    var byUid = {};
    var position = {};
    index.docs.forEach(function (doc, n) {
      if (doc.u) {
        byUid[doc.u] = doc;
        position[doc.u] = n;
      }
    });
    // A shared link (#s=uid,uid) adds its sessions to this browser's choice.
    var match = /^#s=([0-9a-f,-]*)$/.exec(location.hash);
    if (match) {
      var list0 = starred();
      match[1].split(",").forEach(function (uid) {
        if (uid && byUid[uid] && list0.indexOf(uid) < 0) {
          list0.push(uid);
        }
      });
      store(list0);
    }
    var chosen = [];
    var render = function () {
      chosen = starred().map(function (uid) { return byUid[uid]; }).filter(Boolean);
      chosen.sort(function (a, b) {
        var x = a.a || a.y || "~", y = b.a || b.y || "~";
        return x < y ? -1 : x > y ? 1 : position[a.u] - position[b.u];
      });
      list.textContent = "";
      chosen.forEach(function (doc) {
        list.appendChild(docItem(index, doc, "session" + (doc.x ? " status-" + doc.x : ""), detail(index, doc)));
      });
      addStars(list);
      empty.hidden = chosen.length > 0;
      tools.hidden = chosen.length === 0;
      var here = new URL(location.href);
      here.hash = "s=" + chosen.map(function (d) { return d.u; }).join(",");
      share.href = here.href;
    };
    download.addEventListener("click", function () {
      var text = calendar(index, chosen, page.getAttribute("data-calendar-name") || "");
      var url = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
      var a = document.createElement("a");
      a.href = url;
      a.download = page.getAttribute("data-file-name") || "programme.ics";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    });
    document.addEventListener("samling-starred", render);
    render();
  }

  /* ---- Registration: past its deadline (the reader's own day, as YYYY-MM-DD) the link gives
     way to the line saying it closed. The build cannot know the day the page is read. ---- */

  function today() {
    var d = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  function closeRegistrations(root, day) {
    var all = root.querySelectorAll(".registration[data-deadline]");
    for (var i = 0; i < all.length; i++) {
      var closed = day > all[i].getAttribute("data-deadline");
      all[i].querySelector(".registration-open").hidden = closed;
      all[i].querySelector(".registration-closed").hidden = !closed;
    }
  }

  window.samling = { stem: stem, words: words, search: search, calendar: calendar, fold: fold };

  document.addEventListener("DOMContentLoaded", function () {
    var needsScript = document.querySelectorAll(".needs-script");
    for (var i = 0; i < needsScript.length; i++) {
      needsScript[i].hidden = false;
    }
    var without = document.querySelectorAll(".without-script");
    for (var j = 0; j < without.length; j++) {
      without[j].hidden = true;
    }
    var searchPage = document.querySelector(".search-page");
    if (searchPage) {
      setupSearch(searchPage);
    }
    var mine = document.querySelector(".my-programme");
    if (mine) {
      setupMyProgramme(mine);
    }
    addStars(document);
    closeRegistrations(document, today());
  });
})();
