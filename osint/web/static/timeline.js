// The topic page's timeline: every figure on a time axis, a crosshair and tooltip on hover, the
// provenance card on click, and the log-clock slider. Data comes from the page's
// <script type="application/json" id="timeline-data"> (the JSON twin of this very URL); the
// card from /api/figures/ID. Report text only ever enters the page as textContent.
(function () {
  "use strict";
  const SVG = "http://www.w3.org/2000/svg";
  const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];
  const W = 820, H = 400, M = { left: 64, right: 20, top: 18, bottom: 36 }, ARROW = 34;

  function el(tag, attrs, parent) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (parent) parent.appendChild(node);
    return node;
  }
  function html(tag, text, parent, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    if (parent) parent.appendChild(node);
    return node;
  }
  const time = (s) => Date.parse(s.slice(0, 23) + "Z");
  const num = (v) => (v === null || v === undefined ? "?" : Number(v).toLocaleString("en-US"));
  const short = (s) => (s ? s.slice(0, 10) + " " + s.slice(11, 16) + "Z" : "unknown");
  function bounds(f) {
    if (f.low === null && f.high !== null) return "≤ " + num(f.high);
    if (f.high === null && f.low !== null) return "≥ " + num(f.low);
    return f.low === f.high ? num(f.low) : num(f.low) + "–" + num(f.high);
  }
  function middle(f) {
    const finite = [f.low, f.high].filter((v) => v !== null && v !== undefined);
    return finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : null;
  }

  const source = document.getElementById("timeline-data");
  const chart = document.getElementById("chart");
  if (!source || !chart) return;
  const data = JSON.parse(source.textContent);
  const tooltip = document.getElementById("tooltip");
  const cardBox = document.getElementById("card");

  // -- scales --------------------------------------------------------------------------------
  const figures = data.steps.map((s) => ({ ...s, kind: "step" }))
    .concat((data.superseded || []).map((s) => ({ ...s, kind: "superseded", claimant: s.attribution || "no one named" })));
  const times = figures.map((f) => time(f.effective_at)).concat(data.running_estimate.map((r) => time(r.at)));
  const values = figures.flatMap((f) => [f.low, f.high]).filter((v) => v !== null && v !== undefined);
  let t0 = Math.min(...times), t1 = Math.max(...times);
  if (!isFinite(t0)) { t0 = Date.now() - 864e5; t1 = Date.now(); }
  const tpad = Math.max((t1 - t0) * 0.05, 36e5 * 12);
  t0 -= tpad; t1 += tpad;
  // value axis from 0 to a round number above the highest bound, in round steps
  const top = Math.max(1, ...values) * 1.1;
  const magnitude = Math.pow(10, Math.floor(Math.log10(top / 5)));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * magnitude).find((k) => top / k <= 6);
  const v0 = Math.min(0, ...values), v1 = Math.ceil(top / step) * step;
  const x = (t) => M.left + ((t - t0) / (t1 - t0)) * (W - M.left - M.right);
  const y = (v) => H - M.bottom - ((v - v0) / (v1 - v0)) * (H - M.top - M.bottom);
  const claimants = [...new Set(figures.map((f) => f.claimant))];
  const colour = (name) => PALETTE[claimants.indexOf(name) % PALETTE.length];

  // -- drawing -------------------------------------------------------------------------------
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `figures of ${data.topic} over time` });
  chart.appendChild(svg);
  const axis = el("g", { class: "axis" }, svg);
  el("line", { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom }, axis);
  el("line", { x1: M.left, x2: M.left, y1: M.top, y2: H - M.bottom }, axis);
  for (let v = v0; v <= v1 + step / 2; v += step) {
    el("line", { x1: M.left - 4, x2: W - M.right, y1: y(v), y2: y(v), "stroke-opacity": v > v0 ? 0.35 : 1 }, axis);
    el("text", { x: M.left - 8, y: y(v) + 4, "text-anchor": "end" }, axis).textContent = num(Math.round(v));
  }
  // time axis: UTC midnights, every so many days that about six fit
  const DAY = 864e5;
  const every = Math.max(1, Math.ceil((t1 - t0) / DAY / 6));
  for (let t = Math.ceil(t0 / DAY) * DAY; t <= t1; t += every * DAY) {
    el("line", { x1: x(t), x2: x(t), y1: H - M.bottom, y2: H - M.bottom + 4 }, axis);
    el("text", { x: x(t), y: H - M.bottom + 18, "text-anchor": "middle" }, axis).textContent = new Date(t).toISOString().slice(0, 10);
  }
  // the running current estimate: a step line through each asserted figure
  const run = data.running_estimate.filter((r) => middle(r) !== null);
  if (run.length) {
    let d = "";
    run.forEach((r, i) => {
      const px = x(time(r.at)), py = y(middle(r));
      d += (i ? ` H${px.toFixed(1)} V${py.toFixed(1)}` : `M${px.toFixed(1)},${py.toFixed(1)}`);
    });
    d += ` H${W - M.right}`;
    el("path", { d, class: "estimate" }, svg);
  }
  const crossV = el("line", { class: "crosshair", y1: M.top, y2: H - M.bottom, visibility: "hidden" }, svg);
  const crossH = el("line", { class: "crosshair", x1: M.left, x2: W - M.right, visibility: "hidden" }, svg);

  const marks = [];
  for (const f of figures) {
    const c = colour(f.claimant);
    const hollow = !!f.hedged;
    const fill = hollow ? "#fff" : c;
    const g = el("g", { class: "mark" + (f.kind === "superseded" ? " superseded" : ""), tabindex: 0, role: "button", "data-figure": f.figure_id, "data-kind": f.mark, "aria-label": `${f.text}, ${f.claimant}, ${f.source_id}, ${short(f.effective_at)}` }, svg);
    const px = x(time(f.effective_at));
    let py;
    if (f.denied) {
      py = y(middle(f));
      el("path", { class: "shape", d: `M${px - 6},${py - 6} L${px + 6},${py + 6} M${px - 6},${py + 6} L${px + 6},${py - 6}`, stroke: c, "stroke-width": 2.5 }, g);
    } else if (f.mark === "range") {
      const a = y(f.low), b = y(f.high);
      py = (a + b) / 2;
      el("path", { class: "shape", d: `M${px},${a} V${b} M${px - 5},${a} H${px + 5} M${px - 5},${b} H${px + 5}`, stroke: c, "stroke-width": 3, fill: "none", "stroke-dasharray": hollow ? "4 2" : "" }, g);
    } else if (f.mark === "upper" || f.mark === "lower") {
      const bound = f.mark === "upper" ? f.high : f.low;
      const dir = f.mark === "upper" ? 1 : -1; // "up to" points down, "more than" up
      py = y(bound);
      el("line", { x1: px, x2: px, y1: py, y2: py + dir * ARROW, stroke: c, "stroke-width": 2 }, g);
      const tip = py + dir * ARROW;
      el("path", { class: "shape", d: `M${px - 6},${tip - dir * 8} L${px + 6},${tip - dir * 8} L${px},${tip} Z`, fill, stroke: c, "stroke-width": 2 }, g);
      el("circle", { class: "shape", cx: px, cy: py, r: 5, fill, stroke: c, "stroke-width": 2 }, g);
    } else {
      py = y(f.low);
      el("circle", { class: "shape", cx: px, cy: py, r: 6, fill, stroke: c, "stroke-width": 2 }, g);
    }
    el("rect", { x: px - 10, y: py - 12, width: 20, height: 24, fill: "transparent" }, g); // a target you can hit
    marks.push({ f, g, px, py });
    g.addEventListener("mouseenter", (e) => show(f, e.clientX, e.clientY));
    g.addEventListener("mouseleave", hide);
    g.addEventListener("click", () => openCard(f.figure_id));
    g.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); openCard(f.figure_id); } });
  }

  // -- hover: crosshair and tooltip ----------------------------------------------------------
  function show(f, cx, cy) {
    tooltip.replaceChildren();
    html("strong", `${f.text} (${bounds(f)})`, tooltip);
    html("div", `${f.denied ? "denied by" : "claimed by"} ${f.claimant}`, tooltip);
    html("div", `${f.source_id} · ${short(f.effective_at)}`, tooltip);
    html("div", f.kind === "superseded" ? "superseded by a later revision" : `${f.change}${f.hedged ? " · hedged" : ""}`, tooltip);
    tooltip.hidden = false;
    tooltip.style.left = `${Math.min(cx + 14, window.innerWidth - 330)}px`;
    tooltip.style.top = `${cy + 14}px`;
  }
  function hide() { tooltip.hidden = true; }
  svg.addEventListener("mousemove", (e) => {
    const box = svg.getBoundingClientRect();
    const sx = ((e.clientX - box.left) / box.width) * W, sy = ((e.clientY - box.top) / box.height) * H;
    if (sx < M.left || sx > W - M.right || sy < M.top || sy > H - M.bottom) { crossV.setAttribute("visibility", "hidden"); crossH.setAttribute("visibility", "hidden"); return; }
    let near = null, best = 28;
    for (const m of marks) { const d = Math.hypot(m.px - sx, m.py - sy); if (d < best) { best = d; near = m; } }
    const cx = near ? near.px : sx, cy = near ? near.py : sy;
    crossV.setAttribute("x1", cx); crossV.setAttribute("x2", cx); crossH.setAttribute("y1", cy); crossH.setAttribute("y2", cy);
    crossV.setAttribute("visibility", "visible"); crossH.setAttribute("visibility", "visible");
    if (near) show(near.f, e.clientX, e.clientY); else hide();
  });
  svg.addEventListener("mouseleave", () => { hide(); crossV.setAttribute("visibility", "hidden"); crossH.setAttribute("visibility", "hidden"); });

  // -- the provenance card ---------------------------------------------------------------------
  function select(id) {
    for (const m of marks) m.g.classList.toggle("selected", m.f.figure_id === id);
  }
  function renderCard(c) {
    const f = c.figure;
    const body = html("div", null, null, "card-body");
    body.dataset.figure = f.figure_id;
    const h = html("h2", `${f.text} `, body);
    html("span", `(${c.bounds})`, h, "muted");
    const q = html("blockquote", "“" + c.sentence_parts[0], body, "sentence");
    html("mark", c.sentence_parts[1], q);
    q.appendChild(document.createTextNode(c.sentence_parts[2] + "”"));
    const dl = html("dl", null, body);
    const row = (name, value, cls) => { html("dt", name, dl); return html("dd", value, dl, cls); };
    row("claimed by", c.claimant, "claimant");
    for (const line of c.judged || []) row("judged", line, "judged");
    row("change", (c.change || (f.superseded_at !== null ? "superseded" : "—")) + (c.corroboration ? ` · ${c.corroboration} independent source(s)` : ""));
    row("hedged", f.hedged ? "yes" : "no");
    const rep = row("report", null);
    const a = html("a", f.title || f.item_key, rep, "report-title");
    a.href = "/reports/" + encodeURIComponent(f.stream_id);
    rep.appendChild(document.createTextNode(` (revision ${f.revision} of ${c.revisions.length})`));
    const u = row("url", null);
    if (f.url && /^https?:\/\//i.test(f.url.trim())) {
      const link = html("a", f.url, u); link.href = f.url.trim(); link.rel = "noopener noreferrer nofollow";
    } else html("span", f.url || "—", u, "inert");
    row("source", `${f.source_id} (${c.source.reports} report(s))`);
    row("published", short(f.published_at));
    row("observed", short(f.observed_at));
    row("log position", `${c.event.position} · figure ${f.figure_id}`);
    html("code", c.event.hash, row("event hash", null), "hash");
    const ul = html("ul", null, body, "checks");
    for (const check of c.checks) {
      const li = html("li", null, ul, check.ok ? "ok" : "fail");
      html("span", check.ok ? "✓" : "✗", li, "mark");
      li.appendChild(document.createTextNode(` ${check.name}: ${check.detail}`));
    }
    html("p", c.ok ? "every link checks out" : "a link of this chain FAILS its check", body, (c.ok ? "ok" : "fail") + " verdict");
    const p = html("p", null, body);
    const perm = html("a", "Permalink to this figure", p); perm.href = "/figures/" + encodeURIComponent(f.figure_id);
    cardBox.replaceChildren(body);
  }
  async function openCard(id) {
    select(id);
    const url = new URL(window.location.href);
    url.searchParams.set("figure", id);
    history.replaceState(null, "", url);
    const hidden = document.querySelector("#filters input[name=figure]");
    if (hidden) hidden.value = id;
    cardBox.setAttribute("aria-busy", "true");
    try {
      const response = await fetch("/api/figures/" + encodeURIComponent(id), { headers: { Accept: "application/json" }, credentials: "same-origin" });
      const body = await response.json();
      if (!response.ok) { cardBox.replaceChildren(html("p", body.error || `error ${response.status}`, null, "error")); return; }
      renderCard(body);
    } finally { cardBox.removeAttribute("aria-busy"); }
  }
  if (data.filters.figure) select(data.filters.figure);

  // -- the log clock ---------------------------------------------------------------------------
  const slider = document.getElementById("as-of-slider");
  const label = document.getElementById("as-of-label");
  const asOf = document.getElementById("as-of");
  const moments = data.moments;
  const labelFor = (i) => (i >= moments.length ? "now" : `as of ${short(moments[i].observed_at)} (log position ${moments[i].position})`);
  if (slider && moments.length) {
    let start = moments.length;
    if (data.cutoff.as_of) {
      start = 0;
      moments.forEach((m, i) => { if (m.observed_at <= data.cutoff.as_of) start = i; });
    }
    slider.value = String(start);
    label.textContent = data.cutoff.as_of ? `as of ${short(data.cutoff.as_of)} (log position ${data.cutoff.position})` : "now";
    slider.addEventListener("input", () => { label.textContent = labelFor(Number(slider.value)); });
    slider.addEventListener("change", () => {
      const i = Number(slider.value);
      asOf.value = i >= moments.length ? "" : moments[i].observed_at;
      slider.form.requestSubmit();
    });
  } else if (slider) slider.disabled = true;
})();

// Filter forms: leave empty fields out of the URL, so a permalink holds only what was chosen.
document.addEventListener("submit", (e) => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "get") return;
  e.preventDefault();
  const url = new URL(form.action, window.location.href);
  for (const [k, v] of new FormData(form)) if (v !== "") url.searchParams.append(k, v);
  window.location.assign(url);
});
