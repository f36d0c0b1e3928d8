/* orgcheck report: the lazy org tree. Data comes from the JSON block as column
   arrays; nodes are built with createElement/textContent only (never innerHTML),
   and a person's reports are rendered when they are first expanded. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  /* folded tables print in full */
  window.addEventListener("beforeprint", function () {
    var folded = document.querySelectorAll("details.rest");
    for (var k = 0; k < folded.length; k++) { folded[k].open = true; }
  });
  var src = document.getElementById("org-data");
  var rootEl = document.getElementById("tree-root");
  if (!src || !rootEl) { return; }
  /* integer columns come packed (treedata.pack): w base-64 digits a value, plus o;
     a mostly-zero column gives its non-zero values and their positions (i) only */
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var DIG = new Int32Array(128);
  for (var d = 0; d < 64; d++) { DIG[DIGITS.charCodeAt(d)] = d; }
  function unpack(c) {
    var w = c.w, s = c.d, k = s.length / w, out = new Int32Array(k), j = 0, v, e, q;
    for (q = 0; q < k; q++) {
      for (v = 0, e = 0; e < w; e++) { v = v * 64 + DIG[s.charCodeAt(j++)]; }
      out[q] = v + c.o;
    }
    if (!c.i) { return out; }
    var at = unpack(c.i), full = new Int32Array(c.n);
    for (q = 0; q < k; q++) { full[at[q]] = out[q]; }
    return full;
  }
  var D = JSON.parse(src.textContent);
  var P = unpack(D.p), T = unpack(D.t), L = unpack(D.l), F = unpack(D.f), S = unpack(D.s);
  var TT = D.T, C = D.c, B = D.b;
  var n = P.length, CHUNK = 200, MAX_HITS = 50;
  /* names: one string cut at a separator no name holds (a list if none was free) */
  var N = D.ns === null ? D.n : (n ? D.n.split(D.ns) : []);
  var SEV = [[1, "error", "\u25A0"], [2, "warning", "\u25B2"], [4, "info", "\u25CF"]];

  var start = new Int32Array(n + 1), kids = new Int32Array(n), i;
  for (i = 0; i < n; i++) { if (P[i] >= 0) { start[P[i] + 1]++; } }
  for (i = 0; i < n; i++) { start[i + 1] += start[i]; }
  var fill = start.slice(0, n), roots = [];
  for (i = 0; i < n; i++) { if (P[i] >= 0) { kids[fill[P[i]]++] = i; } else { roots.push(i); } }

  function bySize(a, b) { return (S[b] - S[a]) || (N[a] < N[b] ? -1 : N[a] > N[b] ? 1 : a - b); }
  function childrenOf(i) {
    return Array.prototype.slice.call(kids.subarray(start[i], start[i + 1])).sort(bySize);
  }
  roots.sort(bySize);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function plural(k, word) { return k.toLocaleString() + " " + word + (k === 1 ? "" : "s"); }

  var nodes = {};  /* position -> li, for people already rendered */
  function makeNode(i) {
    var li = el("li", "node"), row = el("div", "node-row"), has = start[i + 1] > start[i];
    li.id = "p-" + i; li.setAttribute("role", "treeitem"); li.dataset.i = i;
    var tog = el("button", "tog", has ? "\u25B8" : "\u00B7");
    tog.type = "button"; tog.disabled = !has;
    tog.setAttribute("aria-label", has ? "Show reports" : "No reports");
    if (has) { li.setAttribute("aria-expanded", "false"); }
    row.appendChild(tog);
    var slot = row.appendChild(el("span", "slot"));
    if (L[i] > 0) { slot.appendChild(el("span", "badge", B[L[i]])); }
    row.appendChild(el("span", "nm", N[i] || "(no name)"));
    row.appendChild(el("span", "tt", TT[T[i]]));
    if (has) {
      var direct = start[i + 1] - start[i];
      row.appendChild(el("span", "meta", plural(direct, "report") + " \u00B7 " + S[i].toLocaleString() + " in org"));
    }
    for (var k = 0; k < SEV.length; k++) {
      if (F[i] & SEV[k][0]) {
        var mk = el("span", "mk sev-" + SEV[k][1], SEV[k][2]);
        mk.title = SEV[k][1] + ": " + (C[String(i)] || "");
        row.appendChild(mk);
      }
    }
    if (C[String(i)]) { row.appendChild(el("span", "mk", C[String(i)])); }
    if (F[i] & 8) { row.appendChild(el("span", "mk sev-error", "on a reporting cycle")); }
    li.appendChild(row);
    nodes[i] = li;
    return li;
  }

  function renderMore(ul, list, upto) {
    var shown = Number(ul.dataset.shown || 0), stop = Math.min(list.length, Math.max(upto, shown + CHUNK));
    var btn = ul.querySelector(":scope > li.more-li");
    if (btn) { ul.removeChild(btn); }
    var frag = document.createDocumentFragment();
    for (var k = shown; k < stop; k++) { frag.appendChild(makeNode(list[k])); }
    ul.appendChild(frag);
    ul.dataset.shown = stop;
    if (stop < list.length) {
      var li = el("li", "more-li"), b = el("button", "more-btn", "Show " + Math.min(CHUNK, list.length - stop) + " more of " + plural(list.length - stop, "person").replace("persons", "people"));
      b.type = "button";
      b.addEventListener("click", function () { renderMore(ul, list, 0); });
      li.appendChild(b); ul.appendChild(li);
    }
  }

  function groupOf(li) {
    var ul = li.querySelector(":scope > ul");
    if (!ul) {
      ul = el("ul"); ul.setAttribute("role", "group");
      ul._list = childrenOf(Number(li.dataset.i));
      renderMore(ul, ul._list, 0);
      li.appendChild(ul);
    }
    return ul;
  }
  function setOpen(li, open) {
    if (!li.hasAttribute("aria-expanded")) { return; }
    var ul = open ? groupOf(li) : li.querySelector(":scope > ul");
    if (ul) { ul.hidden = !open; }
    li.setAttribute("aria-expanded", open ? "true" : "false");
    li.querySelector(".tog").textContent = open ? "\u25BE" : "\u25B8";
  }

  rootEl._list = roots;
  renderMore(rootEl, roots, 0);
  if (roots.length && nodes[roots[0]]) { setOpen(nodes[roots[0]], true); }

  rootEl.addEventListener("click", function (ev) {
    var tog = ev.target.closest(".tog");
    if (!tog || tog.disabled) { return; }
    var li = tog.closest("li.node");
    setOpen(li, li.getAttribute("aria-expanded") !== "true");
  });

  /* make sure person i is rendered: open every ancestor, paging far enough */
  function reveal(i) {
    var chain = [], j = i, guard = 0;
    while (j >= 0 && guard++ < n) { chain.push(j); j = P[j]; }
    chain.reverse();
    var ul = rootEl;
    for (var k = 0; k < chain.length; k++) {
      var p = chain[k];
      if (!nodes[p]) { renderMore(ul, ul._list, ul._list.indexOf(p) + 1); }
      if (k < chain.length - 1) { setOpen(nodes[p], true); ul = nodes[p].querySelector(":scope > ul"); }
    }
    var old = rootEl.querySelectorAll(".node-row.chain, .node-row.hit");
    for (k = 0; k < old.length; k++) { old[k].classList.remove("chain", "hit"); }
    for (k = 0; k < chain.length; k++) { nodes[chain[k]].firstChild.classList.add("chain"); }
    var row = nodes[i].firstChild;
    row.classList.add("hit");
    row.scrollIntoView({ block: "center" });
  }

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest("a.person");
    if (!a) { return; }
    ev.preventDefault();
    document.getElementById("tree").scrollIntoView();
    reveal(Number(a.dataset.pos));
  });

  var lowNames = null, lowTitles = null, timer = 0;
  var input = document.getElementById("tree-search"), out = document.getElementById("tree-results");
  function search() {
    var q = input.value.trim().toLowerCase();
    out.textContent = "";
    if (q.length < 2) { return; }
    if (!lowNames) { lowNames = N.map(function (s) { return String(s).toLowerCase(); }); lowTitles = TT.map(function (s) { return String(s).toLowerCase(); }); }
    var titleHit = lowTitles.map(function (t) { return t.indexOf(q) >= 0; });
    var hits = [], total = 0;
    for (var k = 0; k < n; k++) {
      if (lowNames[k].indexOf(q) >= 0 || titleHit[T[k]]) { total++; if (hits.length < MAX_HITS) { hits.push(k); } }
    }
    out.appendChild(el("p", "", total ? (total > hits.length ? total.toLocaleString() + " matches; the first " + hits.length + " are listed." : plural(total, "match").replace("matchs", "matches") + ".") : "No one matches."));
    if (!hits.length) { return; }
    var ul = el("ul");
    hits.forEach(function (k) {
      var li = el("li"), b = el("button", "hit-btn", (N[k] || "(no name)") + " \u2014 " + TT[T[k]]);
      b.type = "button"; b.dataset.pos = k;
      b.addEventListener("click", function () { reveal(k); });
      li.appendChild(b); ul.appendChild(li);
    });
    out.appendChild(ul);
  }
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 120); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { clearTimeout(timer); search(); var first = out.querySelector(".hit-btn"); if (first) { first.click(); } }
  });

  document.getElementById("tree-expand").addEventListener("click", function () {
    roots.slice(0, CHUNK).forEach(function (r) {
      setOpen(nodes[r], true);
      childrenOf(r).slice(0, CHUNK).forEach(function (c) { if (nodes[c]) { setOpen(nodes[c], true); } });
    });
  });
  document.getElementById("tree-collapse").addEventListener("click", function () {
    var open = rootEl.querySelectorAll('li[aria-expanded="true"]');
    for (var k = 0; k < open.length; k++) { setOpen(open[k], false); }
  });

  var m = /^#p-(\d+)$/.exec(location.hash);
  if (m && Number(m[1]) < n) { reveal(Number(m[1])); }
})();
