/*
 * ccft charts: the dashboard's own chart library, shipped with every site (no network, no dependency).
 * Each chart is an SVG figure with a text alternative, and its numbers as a table beside it: a figure
 * shown as "c" (suppressed) draws no bar or point, and says so in the table.
 */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  // GOV.UK colours with at least 4.5:1 contrast on white (WCAG 2.2 AA for text and graphics).
  var PALETTE = ["#1d70b8", "#00703c", "#4c2c92", "#d4351c", "#505a5f", "#912b88", "#6f4e37"];
  var IMPROVEMENT = "#1d70b8", CONCERN = "#b35c00", COMMON = "#505a5f";

  function el(tag, attrs, parent, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  function svg(tag, attrs, parent, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  function isNumber(v) { return typeof v === "number" && isFinite(v); }

  var WHOLE = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
  var ONE = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  /** A figure as a reader reads it: 1,234; 36.0%; £2,500; 4.5; c; –. */
  function format(v, kind) {
    if (v === "c") { return "c"; }
    if (v === null || v === undefined) { return "–"; }
    if (typeof v !== "number") { return String(v); }
    if (kind === "share") { return ONE.format(v * 100) + "%"; }
    if (kind === "decimal") { return ONE.format(v); }
    if (kind === "money") { return "£" + WHOLE.format(v); }
    return Number.isInteger(v) ? WHOLE.format(v) : ONE.format(v);
  }

  /** An axis label: whole numbers, percentages or pounds. */
  function tick(y, kind) {
    if (kind === "share") { return Math.round(y * 100) + "%"; }
    if (kind === "money") { return "£" + WHOLE.format(y); }
    return WHOLE.format(y) === String(y) || Number.isInteger(y) ? WHOLE.format(y) : String(+y.toFixed(2));
  }

  var seq = 0;

  /**
   * A figure: caption, the chart, and its numbers as a table. A series most of whose figures are
   * protected ("c") is not drawn (its bars or line would be mostly missing) and a line says so; the
   * table still has it.
   */
  function figure(parent, spec) {
    var id = "chart-" + (++seq);
    var fig = el("figure", { "class": "chart", "id": id }, parent);
    el("figcaption", { "id": id + "-caption" }, fig, spec.title);
    if (spec.note) { el("p", { "class": "note" }, fig, spec.note); }
    var left = spec.series.filter(function (s) {
      var hidden = s.values.filter(function (v) { return v === "c"; }).length;
      return !s.noChart && hidden * 2 > s.values.length;
    });
    left.forEach(function (s) { s.noChart = true; });
    if (left.length) {
      el("p", { "class": "note protected" }, fig, "Not drawn: " + left.map(function (s) { return s.name; }).join(", ") +
        (left.length === 1 ? " is" : " are") + " mostly too small to publish without risk of identifying someone " +
        "(shown as c in the table).");
    }
    var holder = el("div", { "class": "chart-body" }, fig);
    return { fig: fig, holder: holder, id: id };
  }

  /** The chart's numbers: one row per category, one column per series (a long table folds away). */
  function table(parent, spec, categories, series) {
    var holder = parent;
    if (categories.length > 15 && !spec.open) {
      holder = el("details", {}, parent);
      el("summary", {}, holder, (spec.standalone ? "All " : "The figures of this chart (") + categories.length + " rows" +
        (spec.standalone ? "" : ")"));
    }
    var wrap = el("div", { "class": "table-wrap" }, holder);
    var t = el("table", { "data-mart": spec.mart || "", "data-chart": spec.key || "" }, wrap);
    el("caption", {}, t, spec.title + (spec.tableNote ? " (" + spec.tableNote + ")" : ""));
    var head = el("tr", {}, el("thead", {}, t));
    el("th", { scope: "col" }, head, spec.categoryLabel || "");
    series.forEach(function (s) { el("th", { scope: "col" }, head, s.name); });
    var body = el("tbody", {}, t);
    categories.forEach(function (c, i) {
      var tr = el("tr", {}, body);
      el("th", { scope: "row" }, tr, c);
      series.forEach(function (s) {
        var v = s.values[i];
        el("td", { "data-value": v === null || v === undefined ? "" : String(v) }, tr, format(v, s.kind || spec.kind));
      });
    });
    return t;
  }

  function scale(max) {
    if (!(max > 0)) { return { max: 1, step: 1 }; }
    var raw = max / 4, mag = Math.pow(10, Math.floor(Math.log10(raw))), step = mag;
    [1, 2, 2.5, 5, 10].some(function (m) { step = m * mag; return step >= raw; });
    return { max: Math.ceil(max / step) * step, step: step };
  }

  function legend(parent, series) {
    if (series.length < 2) { return; }
    var ul = el("ul", { "class": "legend" }, parent);
    series.forEach(function (s, i) {
      var li = el("li", {}, ul);
      el("span", { "class": "swatch", style: "background:" + (s.colour || PALETTE[i % PALETTE.length]) }, li);
      li.appendChild(document.createTextNode(s.name));
    });
  }

  /**
   * Bars: categories along the bottom, one bar per series (grouped) or stacked; across the page, each
   * category's full name to its left, when the names are long.
   */
  function bars(parent, spec) {
    var f = figure(parent, spec);
    var cats = spec.categories, series = spec.series;
    var drawn = series.filter(function (s) { return !s.noChart; });
    var max = 0;
    cats.forEach(function (c, i) {
      var stackTotal = 0;
      drawn.forEach(function (s) {
        var v = s.values[i];
        if (isNumber(v)) { stackTotal += v; max = Math.max(max, spec.stacked ? stackTotal : v); }
      });
    });
    var sc = scale(max);
    var across = cats.some(function (c) { return String(c).length > 12; });
    var groups = spec.stacked ? 1 : Math.max(drawn.length, 1);
    var W = 720, T = 12, R = 16, L, B, H, plotW, plotH, band;
    if (across) {
      var longest = cats.reduce(function (m, c) { return Math.max(m, String(c).length); }, 0);
      L = Math.min(380, longest * 7 + 16);
      B = 40;
      band = Math.max(22, 16 * groups + 8);
      H = T + band * cats.length + B;
    } else {
      L = 56;
      B = 40;
      H = 300;
    }
    plotW = W - L - R;
    plotH = H - B - T;
    var root = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-labelledby": f.id + "-caption",
      "class": "svg-chart" + (across ? " across" : "") }, f.holder);
    if (across) {
      for (var x = 0; x <= sc.max + 1e-9; x += sc.step) {
        var px = L + plotW * x / sc.max;
        svg("line", { x1: px, x2: px, y1: T, y2: T + plotH, "class": "grid" }, root);
        svg("text", { x: px, y: T + plotH + 16, "text-anchor": x === 0 ? "start"
          : x + sc.step > sc.max + 1e-9 ? "end" : "middle", "class": "axis" }, root, tick(x, spec.kind));
      }
    } else {
      for (var y = 0; y <= sc.max + 1e-9; y += sc.step) {
        var py = T + plotH - plotH * y / sc.max;
        svg("line", { x1: L, x2: W - R, y1: py, y2: py, "class": "grid" }, root);
        svg("text", { x: L - 6, y: py + 4, "text-anchor": "end", "class": "axis" }, root, tick(y, spec.kind));
      }
    }
    band = across ? band : plotW / Math.max(cats.length, 1);
    var bw = Math.max(2, (band * 0.8) / groups);
    cats.forEach(function (c, i) {
      var start = across ? T + band * i + band * 0.1 : L + band * i + band * 0.1, base = 0;
      drawn.forEach(function (s, j) {
        var v = s.values[i];
        var at = spec.stacked ? start : start + bw * j;
        var colour = (s.colours && s.colours[i]) || s.colour || PALETTE[j % PALETTE.length];
        if (isNumber(v)) {
          var len = (across ? plotW : plotH) * v / sc.max, from = (across ? plotW : plotH) * base / sc.max;
          var r = across
            ? svg("rect", { x: L + from, y: at, width: Math.max(len, 0), height: spec.stacked ? band * 0.8 : bw - 1, fill: colour }, root)
            : svg("rect", { x: at, y: T + plotH - from - len, width: spec.stacked ? band * 0.8 : bw - 1,
              height: Math.max(len, 0), fill: colour }, root);
          svg("title", {}, r, c + ", " + s.name + ": " + format(v, s.kind || spec.kind));
          if (spec.stacked) { base += v; }
        } else if (v === "c") {
          svg("text", across
            ? { x: L + 4 + (spec.stacked ? 12 * j : 0), y: at + (spec.stacked ? band * 0.4 : bw / 2) + 4, "class": "suppressed" }
            : { x: at + (spec.stacked ? band * 0.4 : bw / 2), y: T + plotH - 4 - (spec.stacked ? 12 * j : 0),
              "text-anchor": "middle", "class": "suppressed" }, root, "c");
        }
      });
      if (across) {
        svg("text", { x: L - 6, y: T + band * i + band / 2 + 4, "text-anchor": "end", "class": "axis" }, root, c);
      } else {
        svg("text", { x: start + band * 0.4, y: H - B + 16, "text-anchor": "middle", "class": "axis" }, root, c);
      }
    });
    legend(f.fig, drawn);
    table(f.fig, spec, cats, series);
    return f.fig;
  }

  /** Lines over an ordered category (years, months), with optional extra reference lines. */
  function lines(parent, spec) {
    var f = figure(parent, spec);
    var cats = spec.categories, series = spec.series;
    var W = 720, H = 300, L = 64, B = 60, T = 12, R = 40;
    var max = 0;
    var drawn = series.filter(function (s) { return !s.noChart; });
    drawn.forEach(function (s) { s.values.forEach(function (v) { if (isNumber(v)) { max = Math.max(max, v); } }); });
    var sc = scale(max);
    var root = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-labelledby": f.id + "-caption",
      "class": "svg-chart" }, f.holder);
    var plotH = H - B - T, plotW = W - L - R;
    function X(i) { return L + (cats.length < 2 ? plotW / 2 : plotW * i / (cats.length - 1)); }
    function Y(v) { return T + plotH - plotH * v / sc.max; }
    for (var y = 0; y <= sc.max + 1e-9; y += sc.step) {
      svg("line", { x1: L, x2: W - R, y1: Y(y), y2: Y(y), "class": "grid" }, root);
      svg("text", { x: L - 6, y: Y(y) + 4, "text-anchor": "end", "class": "axis" }, root, tick(y, spec.kind));
    }
    var every = Math.max(1, Math.ceil(cats.length / 12));
    cats.forEach(function (c, i) {
      if (i % every === 0) {
        svg("text", { x: X(i), y: H - B + 16, "text-anchor": "middle", "class": "axis" }, root, c);
      }
    });
    (spec.events || []).forEach(function (e, i) {
      if (e) {
        var mark = svg("line", { x1: X(i), x2: X(i), y1: T, y2: T + plotH, "class": "event" }, root);
        svg("title", {}, mark, cats[i] + ": " + e);
      }
    });
    drawn.forEach(function (s, j) {
      var colour = s.colour || PALETTE[j % PALETTE.length], d = "";
      s.values.forEach(function (v, i) {
        if (isNumber(v)) { d += (d && isNumber(s.values[i - 1]) ? " L" : " M") + X(i) + " " + Y(v); }
      });
      svg("path", { d: d.trim(), fill: "none", stroke: colour, "stroke-width": s.width || 2.5,
        "stroke-dasharray": s.dash || "" }, root);
      if (!s.noPoints) {
        s.values.forEach(function (v, i) {
          if (isNumber(v)) {
            var p = svg("circle", { cx: X(i), cy: Y(v), r: 4, fill: (s.pointColours && s.pointColours[i]) || colour,
              stroke: colour, "stroke-width": 1.5 }, root);
            svg("title", {}, p, cats[i] + ", " + s.name + ": " + format(v, s.kind || spec.kind));
          }
        });
      }
    });
    legend(f.fig, drawn.filter(function (s) { return !s.noLegend; }));
    table(f.fig, spec, cats, series.filter(function (s) { return !s.noTable; }));
    return f.fig;
  }

  /**
   * A statistical process control chart in the NHS "Making Data Count" style: the points, the centre
   * line, the process limits (a step for each month on a p′ or u′ chart), the council's target, each
   * point coloured by its variation (special cause improvement blue, concern orange, common cause grey,
   * the month in progress hollow: not judged), the recorded changes marked, and the variation and
   * assurance icons of the latest complete month.
   */
  function xmr(parent, spec) {
    var pts = spec.points;
    var colours = pts.map(function (p) {
      return p.in_progress ? "#ffffff" : p.variation === "special_cause_improvement" ? IMPROVEMENT
        : p.variation === "special_cause_concern" ? CONCERN : COMMON;
    });
    var complete = pts.filter(function (p) { return !p.in_progress; });
    var last = complete[complete.length - 1] || {};
    var hasTarget = pts.some(function (p) { return isNumber(p.target); });
    var series = [
      { name: "Value", values: pts.map(function (p) { return p.value; }), colour: COMMON, pointColours: colours,
        noLegend: true },
      { name: "Centre line", values: pts.map(function (p) { return p.mean; }), colour: "#0b0c0c", width: 1.5,
        noPoints: true, noLegend: true },
      { name: "Upper process limit", values: pts.map(function (p) { return p.in_progress ? null : p.upper_process_limit; }), colour: "#505a5f",
        dash: "6 4", width: 1.5, noPoints: true, noLegend: true },
      { name: "Lower process limit", values: pts.map(function (p) { return p.in_progress ? null : p.lower_process_limit; }), colour: "#505a5f",
        dash: "6 4", width: 1.5, noPoints: true, noLegend: true }
    ];
    if (hasTarget) {
      series.push({ name: "Target", values: pts.map(function (p) { return p.target; }), colour: "#d4351c",
        dash: "2 3", width: 2, noPoints: true, noLegend: true });
    }
    series.push({ name: "Variation", values: pts.map(function (p) { return VARIATION[p.variation] || p.variation; }),
      noLegend: true, noChart: true });
    var fig = lines(parent, {
      title: spec.title, note: spec.note, key: spec.key, mart: "spc_xmr", kind: spec.kind, categoryLabel: "Month",
      categories: pts.map(function (p) { return p.month_label || p.month; }),
      series: series, events: pts.map(function (p) { return p.event; })
    });
    var key = el("ul", { "class": "legend" }, fig.querySelector(".chart-body").parentNode);
    fig.insertBefore(key, fig.querySelector(".chart-body").nextSibling);
    [["Special cause: improvement", IMPROVEMENT, "dot"], ["Special cause: concern", CONCERN, "dot"],
      ["Common cause", COMMON, "dot"], ["Month in progress (not judged)", COMMON, "hollow"],
      ["Centre line", "#0b0c0c", "line"], ["Process limits", "#505a5f", "dash"]]
      .concat(hasTarget ? [["Target", "#d4351c", "dash"]] : [])
      .forEach(function (k) {
        var li = el("li", {}, key);
        el("span", { "class": "swatch swatch-" + k[2], style: k[2] === "hollow" ? "border-color:" + k[1]
          : k[2] === "dot" ? "background:" + k[1] : "border-top-color:" + k[1] }, li);
        li.appendChild(document.createTextNode(k[0]));
      });
    var changes = pts.filter(function (p) { return p.event; });
    if (changes.length) {
      var ul = el("ul", { "class": "events" }, fig);
      changes.forEach(function (p) {
        el("li", {}, ul, (p.month_label || p.month) + ": " + p.event +
          (p.period_start === p.month ? " (limits recalculated from here)" : ""));
      });
    }
    var icons = el("div", { "class": "mdc-icons" }, fig, null);
    icon(icons, "Variation", last.variation === "special_cause_improvement" ? IMPROVEMENT
      : last.variation === "special_cause_concern" ? CONCERN : COMMON,
      last.variation === "special_cause_improvement" ? "special cause, improvement"
        : last.variation === "special_cause_concern" ? "special cause, concern" : "common cause",
      last.variation === "special_cause_improvement" ? (spec.improvement === "up" ? "H" : "L")
        : last.variation === "special_cause_concern" ? (spec.improvement === "up" ? "L" : "H") : "~");
    var assurance = ASSURANCE[last.assurance] || ASSURANCE.none;
    icon(icons, "Assurance", assurance[0], assurance[1], assurance[2]);
    return fig;
  }

  var VARIATION = {
    common_cause: "Common cause", special_cause_improvement: "Special cause: improvement",
    special_cause_concern: "Special cause: concern", period_in_progress: "Month in progress (not judged)"
  };
  var ASSURANCE = {
    consistent_pass: [IMPROVEMENT, "the target is met every month within these limits", "P"],
    consistent_fail: [CONCERN, "the target is missed every month within these limits", "F"],
    inconsistent: [COMMON, "the target is met in some months and missed in others", "?"],
    none: [COMMON, "the council has set no target for this measure", "–"]
  };

  function icon(parent, kind, colour, text, letter) {
    var box = el("div", { "class": "mdc-icon" }, parent);
    var s = svg("svg", { viewBox: "0 0 40 40", width: 40, height: 40, "aria-hidden": "true", focusable: "false" }, box);
    svg("circle", { cx: 20, cy: 20, r: 17, fill: "#fff", stroke: colour, "stroke-width": 4 }, s);
    svg("text", { x: 20, y: 26, "text-anchor": "middle", "font-size": 16, "font-weight": "bold", fill: colour }, s, letter);
    el("span", {}, box, kind + ": " + text);
  }

  window.CcftCharts = { bars: bars, lines: lines, xmr: xmr, table: table, format: format, el: el, palette: PALETTE };
})();
