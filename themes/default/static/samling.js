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

  /* ---- Stemming: the rules come with the index, from the same data as the build's. ---- */

  function stem(word, rules) {
    if (!rules) {
      return word;
    }
    var w = Array.from(word);
    var vowel = function (c) { return rules.vowels.indexOf(c) >= 0; };
    var r1 = w.length;
    for (var i = 1; i < w.length; i++) {
      if (!vowel(w[i]) && vowel(w[i - 1])) {
        r1 = i + 1;
        break;
      }
    }
    r1 = Math.max(r1, 3);
    var endsInR1 = function (suffix) {
      var s = Array.from(suffix);
      if (w.length < s.length || w.length - s.length < r1) {
        return false;
      }
      for (var j = 0; j < s.length; j++) {
        if (w[w.length - s.length + j] !== s[j]) {
          return false;
        }
      }
      return true;
    };
    var replace = function (suffix, by) {
      w.length -= Array.from(suffix).length;
      Array.prototype.push.apply(w, Array.from(by));
    };
    var longest = function (list) {
      var best = null;
      for (var k = 0; k < list.length; k++) {
        if (endsInR1(list[k][0]) && (!best || Array.from(list[k][0]).length > Array.from(best[0]).length)) {
          best = list[k];
        }
      }
      return best;
    };
    var main = longest(rules.main.concat([["s", ""]]));
    if (main) {
      if (main[0] === "s") {
        var before = w.length >= 2 ? w[w.length - 2] : null;
        var remove = before !== null && (rules.s_ending.indexOf(before) >= 0 ||
          (before === "k" && rules.s_after_consonant_k && w.length >= 3 && !vowel(w[w.length - 3])));
        if (remove) {
          w.pop();
        }
      } else {
        replace(main[0], main[1]);
      }
    }
    var pairs = function () {
      for (var p = 0; p < rules.pairs.length; p++) {
        if (endsInR1(rules.pairs[p])) {
          w.pop();
          return;
        }
      }
    };
    pairs();
    if (rules.igst && w.slice(-4).join("") === "igst") {
      w.length -= 2;
    }
    var other = longest(rules.other);
    if (other) {
      replace(other[0], other[1]);
      if (rules.repeat_pairs && other[1] === "") {
        pairs();
      }
    }
    if (rules.undouble && w.length >= 2 && w.length - 1 >= r1 && !vowel(w[w.length - 1]) &&
        w[w.length - 1] === w[w.length - 2]) {
      w.pop();
    }
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
  });
})();
