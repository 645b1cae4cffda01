/*
 * The dashboard's pages, drawn from the marts of one publication (assets/data.js, written by
 * `ccft site`). Figures are the marts' own rows; where a page adds rows up (service areas into a
 * report group), a sum holding a suppressed figure ("c") is "c" too, so nothing the public release
 * hides can be worked out from the site. Filters (financial year, service area) live in the address's
 * fragment, so a link keeps them.
 */
(function () {
  "use strict";
  var D = window.CCFT_DATA, C = window.CcftCharts, el = C.el;
  var PAGE = document.body.getAttribute("data-page");

  function rows(mart) {
    var m = D.marts[mart];
    if (!m) { return []; }
    var order = ["financial_year", "month", "calendar_year", "quarter"].filter(function (c) { return m.columns.indexOf(c) >= 0; });
    return m.rows.map(function (r) {
      var o = {};
      m.columns.forEach(function (c, i) { o[c] = r[i]; });
      return o;
    }).sort(function (a, b) {
      for (var i = 0; i < order.length; i++) {
        if (a[order[i]] < b[order[i]]) { return -1; }
        if (a[order[i]] > b[order[i]]) { return 1; }
      }
      return 0;
    });
  }

  function has(mart) { return !!D.marts[mart]; }

  /** Adds figures up: "c" if any is "c", null if none is a number. */
  function sum(values) {
    var total = null, hidden = false;
    values.forEach(function (v) {
      if (v === "c") { hidden = true; } else if (typeof v === "number") { total = (total || 0) + v; }
    });
    return hidden ? "c" : total;
  }

  function unique(list) { return list.filter(function (v, i) { return list.indexOf(v) === i; }); }

  function filters() {
    var out = { fy: D.meta.default_year, area: "all" };
    (location.hash || "").replace(/^#/, "").split("&").forEach(function (kv) {
      var p = kv.split("=");
      if (p[0] === "fy" && D.meta.years.indexOf(decodeURIComponent(p[1])) >= 0) { out.fy = decodeURIComponent(p[1]); }
      if (p[0] === "area" && p[1]) { out.area = decodeURIComponent(p[1]); }
    });
    return out;
  }

  /** A code's name as readers know it (reference data code_names, service areas, themes). */
  function name(column, code) {
    var list = (D.meta.names || {})[column] || {};
    return list[code] || ((D.meta.names || {}).measure || {})[code] || code;
  }

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  /** 2023-04 as "April 2023"; 2023-04-06 as "6 April 2023". */
  function ukDate(v) {
    var m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(String(v || ""));
    if (!m) { return v; }
    return (m[3] ? parseInt(m[3], 10) + " " : "") + MONTHS[parseInt(m[2], 10) - 1] + " " + m[1];
  }
  function shortMonth(v) {
    var m = /^(\d{4})-(\d{2})/.exec(String(v || ""));
    return m ? MONTHS[parseInt(m[2], 10) - 1].slice(0, 3) + " " + m[1] : v;
  }

  /** The page's answer to its question, in one sentence, first on the page. */
  function lead(main, text) { el("p", { "class": "lead" }, main, text); }

  /** Says, under a section the service-area filter does not change, that it does not. */
  function wholeService(s, f) {
    if (f.area !== "all") {
      el("p", { "class": "note filter-note" }, s, "This section is for every service area: the service-area filter (" +
        areaName(f.area) + ") does not apply to it.");
    }
  }

  function figure(v, kind) { return C.format(v, kind); }

  function areaName(code) {
    var a = D.meta.service_areas.filter(function (s) { return s.code === code; })[0];
    return a ? a.name : code;
  }

  function section(parent, title, intro) {
    var s = el("section", { "aria-labelledby": "h-" + title.replace(/\W+/g, "-").toLowerCase() }, parent);
    el("h2", { id: "h-" + title.replace(/\W+/g, "-").toLowerCase() }, s, title);
    if (intro) { el("p", {}, s, intro); }
    return s;
  }

  function byYear(list, fy) { return list.filter(function (r) { return r.financial_year === fy; }); }
  function byArea(list, area) { return area === "all" ? list : list.filter(function (r) { return r.service_area === area; }); }
  function previousYear(fy) {
    var y = parseInt(fy.slice(0, 4), 10) - 1;
    return y + "-" + String((y + 1) % 100).padStart(2, "0");
  }

  var MEASURES = [
    ["compliments", "Compliments"], ["enquiries_general", "Enquiries: general"],
    ["enquiries_councillor", "Enquiries: councillors"], ["enquiries_mp", "Enquiries: MPs"],
    ["statutory_stage1", "Statutory complaints: stage 1"], ["statutory_stage2", "Statutory complaints: stage 2"],
    ["statutory_stage3", "Statutory complaints: stage 3"], ["corporate_stage1", "Corporate complaints: stage 1"],
    ["corporate_stage2", "Corporate complaints: stage 2"], ["corporate_stage3", "Corporate complaints: stage 3"],
    ["lgo_enquiries", "Local Government Ombudsman enquiries"]];

  function overview(main, f) {
    var glance = byYear(rows("at_a_glance"), f.fy);
    var summary = byYear(rows("complaints_summary"), f.fy)[0] || {};
    var compl = glance.filter(function (g) { return g.measure === "compliments"; })[0] || {};
    lead(main, "In " + f.fy + " the service received " + figure(summary.received) + " complaints (" +
      figure((byYear(rows("complaints_summary"), previousYear(f.fy))[0] || {}).received) + " the year before) and " +
      figure(compl.value) + " compliments.");
    var s = section(main, "At a Glance " + f.fy, "Feedback received in the year, with the year before in brackets.");
    wholeService(s, f);
    var dl = el("ul", { "class": "tiles" }, s);
    MEASURES.forEach(function (m) {
      var r = glance.filter(function (g) { return g.measure === m[0]; })[0] || {};
      var li = el("li", { "class": "tile" }, dl);
      el("span", { "class": "tile-label" }, li, m[1]);
      el("span", { "class": "tile-value", "data-measure": m[0] }, li, C.format(r.value) +
        (r.previous_year_value === null || r.previous_year_value === undefined ? "" : " (" + C.format(r.previous_year_value) + ")"));
    });
    C.bars(s, { title: "At a Glance " + f.fy + " and " + previousYear(f.fy), key: "at_a_glance", mart: "at_a_glance",
      categoryLabel: "Measure", categories: MEASURES.map(function (m) { return m[1]; }),
      series: [
        { name: f.fy, values: MEASURES.map(function (m) { return (glance.filter(function (g) { return g.measure === m[0]; })[0] || {}).value; }) },
        { name: previousYear(f.fy), values: MEASURES.map(function (m) { return (glance.filter(function (g) { return g.measure === m[0]; })[0] || {}).previous_year_value; }) }] });
  }

  function feedback(main, f) {
    var q = byYear(rows("feedback_by_quarter"), f.fy);
    var kinds = [["Compliments", "compliments"], ["MP enquiries", "enquiries_mp"], ["Councillor enquiries", "enquiries_councillor"],
      ["General enquiries", "enquiries_general"], ["Statutory stage 1", "statutory_stage1"], ["Corporate stage 1", "corporate_stage1"]];
    var total = function (m) { return sum(q.filter(function (x) { return x.measure === m; }).map(function (x) { return x.records; })); };
    lead(main, "In " + f.fy + " the service received " + figure(total("compliments")) + " compliments and " +
      figure(sum(["enquiries_mp", "enquiries_councillor", "enquiries_general"].map(total))) + " enquiries.");
    var s = section(main, "Graph 1: feedback by quarter, " + f.fy);
    wholeService(s, f);
    C.bars(s, { title: "Feedback received by quarter and kind, " + f.fy, key: "graph1", mart: "feedback_by_quarter",
      categoryLabel: "Quarter", categories: ["Apr to Jun", "Jul to Sep", "Oct to Dec", "Jan to Mar"],
      series: kinds.map(function (k) {
        return { name: k[0], values: [1, 2, 3, 4].map(function (n) {
          var r = q.filter(function (x) { return x.quarter === n && x.measure === k[1]; })[0];
          return r ? r.records : 0;
        }) };
      }) });
    var o = byYear(rows("other_feedback"), f.fy);
    var s2 = section(main, "Other feedback, " + f.fy);
    wholeService(s2, f);
    C.bars(s2, { title: "Other feedback received, " + f.fy + " (and " + previousYear(f.fy) + ")", key: "other_feedback",
      mart: "other_feedback", categoryLabel: "Kind", categories: o.map(function (r) { return name("measure", r.kind); }),
      series: [{ name: f.fy, values: o.map(function (r) { return r.received; }) },
        { name: previousYear(f.fy), values: o.map(function (r) { return r.previous_year_value; }) }] });
    var c = byArea(byYear(rows("compliments_by_service_area"), f.fy), f.area);
    var s3 = section(main, "Compliments by service area, " + f.fy);
    C.bars(s3, { title: "Compliments received by service area, " + f.fy, key: "compliments", mart: "compliments_by_service_area",
      categoryLabel: "Service area", categories: c.map(function (r) { return r.service_area_name; }),
      series: [{ name: "Compliments", values: c.map(function (r) { return r.compliments; }) }] });
  }

  function stageLabel(r) { return (r.procedure === "STATUTORY" ? "Statutory" : "Corporate") + " stage " + r.stage; }
  var STAGES = [["STATUTORY", 1], ["STATUTORY", 2], ["STATUTORY", 3], ["CORPORATE", 1], ["CORPORATE", 2], ["CORPORATE", 3]];

  function byStage(list, column) {
    return STAGES.map(function (st) {
      return sum(list.filter(function (r) { return r.procedure === st[0] && r.stage === st[1]; }).map(function (r) { return r[column]; }));
    });
  }

  /**
   * The public's figures by stage over every service area, as the statistics tables publish them
   * (one-way totals, exact), rather than added up on the page from protected detail; null where the
   * site has no such table (staff sites add up their exact marts).
   */
  var STATS_BY_STAGE = "statistics_by_stage_and_service_area";
  function publishedByStage(fy, figure) {
    if (!has(STATS_BY_STAGE)) { return null; }
    var period = fy.slice(0, 4) + fy.slice(5, 7);
    var all = rows(STATS_BY_STAGE).filter(function (r) {
      return r.time_period === period && r.service_area === "Total" && r.send_service === "Total";
    });
    return STAGES.map(function (st) {
      var r = all.filter(function (x) {
        return x.procedure.toUpperCase() === st[0] && x.stage === "Stage " + st[1];
      })[0];
      var v = r ? r[figure] : null;
      return v === "c" ? "c" : (v === null || v === undefined || v === "x" ? null : Number(v));
    });
  }

  /** A column of a mart by stage; the public figure it is (complaints_...) read as published. */
  function stageFigures(list, column, figure, f) {
    return (f.area === "all" && publishedByStage(f.fy, figure)) || byStage(list, column);
  }

  function complaints(main, f) {
    var areaNote = f.area === "all" ? "every service area" : areaName(f.area);
    var yearSummary = byYear(rows("complaints_summary"), f.fy)[0] || {};
    lead(main, "Of the " + figure(yearSummary.concluded) + " complaints answered in " + f.fy + ", " +
      figure(yearSummary.outside_timescale_share, "share") + " were answered after their deadline and " +
      figure(yearSummary.upheld_share, "share") + " were upheld in full (every service area).");
    var out = byArea(byYear(rows("complaint_outcomes"), f.fy), f.area);
    var s = section(main, "Outcomes, " + f.fy, "Complaints answered in the year (" + areaNote + "), by outcome.");
    C.bars(s, { title: "Complaint outcomes by stage, " + f.fy + " (" + areaNote + ")", key: "outcomes", mart: "complaint_outcomes",
      categoryLabel: "Stage", stacked: true, categories: STAGES.map(function (st) { return stageLabel({ procedure: st[0], stage: st[1] }); }),
      series: [["Upheld", "upheld"], ["Partially upheld", "partially_upheld"], ["Not upheld", "not_upheld"], ["Withdrawn", "withdrawn"]]
        .map(function (o) { return { name: o[0], values: stageFigures(out, o[1], "complaints_" + o[1], f) }; }) });
    var summary = byYear(rows("complaints_summary"), f.fy)[0];
    if (summary && f.area === "all") {
      C.bars(s, { title: "Complaints answered in " + f.fy + ", by outcome (every stage and service area)", key: "outcomes_year",
        mart: "complaints_summary", categoryLabel: "Outcome",
        categories: ["Upheld", "Partially upheld", "Not upheld", "Withdrawn"],
        series: [{ name: "Complaints", values: [summary.upheld, summary.partially_upheld, summary.not_upheld, summary.withdrawn] },
          { name: "Share", kind: "share", noChart: true, values: [summary.upheld_share, summary.partially_upheld_share,
            summary.not_upheld_share, summary.withdrawn_share] }] });
    }
    var t = byArea(byYear(rows("complaint_timeliness"), f.fy), f.area);
    var s2 = section(main, "Timeliness, " + f.fy, "Responses sent in the year (" + areaNote + "): how many, extended, and late.");
    C.bars(s2, { title: "Responses, extensions and late responses by stage, " + f.fy + " (" + areaNote + ")", key: "timeliness",
      mart: "complaint_timeliness", categoryLabel: "Stage",
      categories: STAGES.map(function (st) { return stageLabel({ procedure: st[0], stage: st[1] }); }),
      series: [["Responded", "responded", "complaints_concluded"], ["Extended", "extended", "complaints_extended"],
        ["Outside timescale", "outside_timescale", "complaints_outside_timescale"]]
        .map(function (o) { return { name: o[0], values: stageFigures(t, o[1], o[2], f) }; }) });
    if (summary && f.area === "all") {
      C.bars(s2, { title: "Responses sent in " + f.fy + ": extended and late (every stage and service area)", key: "timeliness_year",
        mart: "complaints_summary", categoryLabel: "Responses",
        categories: ["Responded", "Extended", "Outside timescale"],
        series: [{ name: "Complaints", values: [summary.concluded, summary.extended, summary.outside_timescale] },
          { name: "Share", kind: "share", noChart: true, values: [1, summary.extended_share, summary.outside_timescale_share] }] });
    }
    if (has("complaint_response_times")) {
      var rt = byYear(rows("complaint_response_times"), f.fy).filter(function (r) {
        return f.area === "all" ? r.breakdown === "procedure+stage" : r.breakdown === "service_area" && r.service_area === f.area;
      });
      C.bars(s2, { title: "Median working days to respond by stage, " + f.fy + " (" + areaNote + ")", key: "working_days",
        mart: "complaint_response_times", categoryLabel: "Stage", kind: "decimal",
        categories: rt.map(function (r) { return r.stage ? stageLabel(r) : "Every stage"; }), series: [{ name: "Median working days", values: rt.map(function (r) { return r.median_working_days; }) },
          { name: "90th percentile", values: rt.map(function (r) { return r.p90_working_days; }) }] });
    } else {
      el("p", { "class": "note" }, s2, "Working days to respond are published to council staff only.");
    }
    var sa = byYear(rows("service_area_complaints"), f.fy);
    var s3 = section(main, "Graph 3: complaints by service area, " + f.fy);
    wholeService(s3, f);
    C.bars(s3, { title: "Complaints received by service area, " + f.fy, key: "graph3", mart: "service_area_complaints",
      categoryLabel: "Service area", categories: sa.map(function (r) { return r.service_area_name; }),
      series: [{ name: "Complaints received", values: sa.map(function (r) { return r.received; }) }] });
    var tr = rows("complaint_stage_trends");
    var years = unique(tr.map(function (r) { return r.financial_year; })).sort().filter(function (y) { return y <= f.fy; }).slice(-6);
    var s4 = section(main, "Graph 5: six years of complaints by stage");
    wholeService(s4, f);
    C.lines(s4, { title: "Complaints received by stage, " + years[0] + " to " + years[years.length - 1], key: "graph5",
      mart: "complaint_stage_trends", categoryLabel: "Financial year", categories: years,
      series: STAGES.map(function (st) {
        return { name: stageLabel({ procedure: st[0], stage: st[1] }), values: years.map(function (y) {
          var r = tr.filter(function (x) { return x.financial_year === y && x.procedure === st[0] && x.stage === st[1]; })[0];
          return r ? r.received : null;
        }) };
      }) });
    var th = byYear(rows("complaint_themes"), f.fy);
    var s5 = section(main, "Complaint themes, " + f.fy);
    wholeService(s5, f);
    th = th.slice().sort(function (a, b) { return (typeof b.records === "number" ? b.records : -1) - (typeof a.records === "number" ? a.records : -1); });
    C.bars(s5, { title: "Complaints and enquiries by primary theme, " + f.fy, key: "themes", mart: "complaint_themes",
      categoryLabel: "Theme", categories: th.map(function (r) { return name("theme", r.theme); }),
      series: [{ name: "Records", values: th.map(function (r) { return r.records; }) },
        { name: "Share", kind: "share", noChart: true, values: th.map(function (r) { return r.share; }) }] });
    codePanel(main, f);
  }

  function send(main, f) {
    var y = rows("sat_complaints_vs_ehcp");
    var bench = rows("ehcp_benchmark").filter(function (r) { return r.measure === "share_within_20_weeks" && r.is_council; })
      .filter(function (r) { return String(r.calendar_year) <= f.fy.slice(0, 4); })
      .sort(function (a, c) { return a.calendar_year - c.calendar_year; });
    var newest = bench[bench.length - 1];
    lead(main, newest ? "New EHC plans issued within 20 weeks: " + figure(newest.value, "share") + " in " + newest.calendar_year +
      ", England " + figure(newest.england_value, "share") + (newest.rank === null ? "." : "; " + ordinal(newest.rank) +
      " of " + newest.councils_ranked + " councils.") : "No DfE figures for the plans issued within 20 weeks are held.");
    var s = section(main, "Graph 4: SAT complaints against EHC plans issued");
    wholeService(s, f);
    C.bars(s, { title: "SAT complaints and new EHC plans issued, by financial year", key: "graph4", mart: "sat_complaints_vs_ehcp",
      categoryLabel: "Financial year", categories: y.map(function (r) { return r.financial_year; }),
      series: [{ name: "SAT complaints", values: y.map(function (r) { return r.sat_complaints; }) },
        { name: "EHC plans issued", values: y.map(function (r) { return r.plans_issued; }) }] });
    C.lines(s, { title: "SAT complaints per 100 EHC plans issued, by financial year", key: "graph4_rate",
      mart: "sat_complaints_vs_ehcp", categoryLabel: "Financial year", kind: "decimal",
      categories: y.map(function (r) { return r.financial_year; }),
      series: [{ name: "Complaints per 100 plans", values: y.map(function (r) { return r.complaints_per_100_plans; }) }] });
    var m = rows("ehcp_monthly_performance");
    var s2 = section(main, "Month by month");
    C.lines(s2, { title: "SAT complaints per 100 EHC plans issued: each month and the rolling 12 months", key: "per100_monthly",
      mart: "ehcp_monthly_performance", categoryLabel: "Month", kind: "decimal", categories: m.map(function (r) { return shortMonth(r.month); }),
      series: [{ name: "Month", values: m.map(function (r) { return r.complaints_per_100_plans; }) },
        { name: "Rolling 12 months", values: m.map(function (r) { return r.complaints_per_100_plans_12m; }) }] });
    C.lines(s2, { title: "Share of new EHC plans issued within 20 weeks, each month", key: "within20_monthly",
      mart: "ehcp_monthly_performance", categoryLabel: "Month", kind: "share", categories: m.map(function (r) { return shortMonth(r.month); }),
      series: [{ name: "Within 20 weeks", values: m.map(function (r) { return r.share_within_20_weeks; }) }] });
    var s3 = section(main, "Statistical process control (Making Data Count)");
    if (has("spc_xmr")) {
      var spc = rows("spc_xmr");
      unique(spc.map(function (r) { return r.measure; })).forEach(function (measure) {
        var pts = spc.filter(function (r) { return r.measure === measure; })
          .map(function (r) { r.month_label = shortMonth(r.month); return r; });
        var kind = { xmr: "XmR chart", p_prime: "p′ chart", u_prime: "u′ chart" }[pts[0].chart] || "SPC chart";
        var judged = pts.filter(function (p) { return !p.in_progress; });
        C.xmr(s3, { title: pts[0].name + " (" + kind + ")", key: "xmr_" + measure, points: pts,
          improvement: pts[0].improvement, kind: pts[0].chart === "p_prime" ? "share" : "decimal",
          note: "Centre and limits from " + (judged.length ? judged[judged.length - 1].points : 0) +
            " complete months" + (pts[0].chart === "xmr" ? "" : ", with limits for each month by how many it counts") +
            ". A point outside the limits, a run on one side of the centre, a rising or falling trend, or two of" +
            " three points near a limit is special cause; the month in progress is shown but not judged." });
      });
    } else {
      el("p", { "class": "note" }, s3, "The monthly XmR charts are published to council staff only: each month's point comes from counts below the disclosure threshold.");
    }
    var b = rows("ehcp_benchmark");
    var s4 = section(main, "Against England, the region and every council (DfE SEN2)");
    var share = b.filter(function (r) { return r.measure === "share_within_20_weeks" && r.is_council; })
      .sort(function (a, c) { return a.calendar_year - c.calendar_year; });
    C.lines(s4, { title: "Share of new EHC plans issued within 20 weeks: " + D.meta.council + ", its region and England",
      key: "benchmark", mart: "ehcp_benchmark", categoryLabel: "Calendar year", kind: "share",
      categories: share.map(function (r) { return String(r.calendar_year); }),
      series: [{ name: D.meta.council, values: share.map(function (r) { return r.value; }) },
        { name: "Region", values: share.map(function (r) { return r.region_value; }) },
        { name: "England", values: share.map(function (r) { return r.england_value; }) },
        { name: "Rank", values: share.map(function (r) { return r.rank === null ? null : r.rank + " of " + r.councils_ranked; }) }] });
    var latest = share.length ? share[share.length - 1].calendar_year : null;
    var all = b.filter(function (r) { return r.measure === "share_within_20_weeks" && r.calendar_year === latest && r.value !== null; })
      .sort(function (a, c) { return (c.value - a.value) || a.la_name.localeCompare(c.la_name); });
    var me = all.filter(function (r) { return r.is_council; })[0];
    if (me) {
      var shown = all.slice(0, 10).concat(all.slice(-10)).filter(function (r) { return !r.is_council; });
      var lines = [{ label: D.meta.council + " (this council, " + ordinal(me.rank) + ")", value: me.value, colour: "#d4351c" },
        { label: "Region: " + (me.region_name || "region"), value: me.region_value, colour: "#505a5f" },
        { label: "England", value: me.england_value, colour: "#0b0c0c" }]
        .concat(shown.map(function (r) { return { label: r.la_name + " (" + ordinal(r.rank) + ")", value: r.value }; }));
      lines.sort(function (a, c) { return c.value - a.value; });
      el("p", {}, s4, D.meta.council + " ranked " + ordinal(me.rank) + " of " + me.councils_ranked + " councils in " + latest +
        ", with " + figure(me.value, "share") + " of new plans within 20 weeks, against " + figure(me.england_value, "share") +
        " in England. The chart shows it (in red) beside its region (grey), England (black), and the ten highest and ten lowest councils.");
      C.bars(s4, { title: "Share within 20 weeks, " + latest + ": this council, its region, England, and the highest and lowest ten",
        key: "benchmark_all", mart: "ehcp_benchmark", categoryLabel: "Council", kind: "share",
        categories: lines.map(function (r) { return r.label; }),
        series: [{ name: "Share within 20 weeks", values: lines.map(function (r) { return r.value; }),
          colours: lines.map(function (r) { return r.colour || "#1d70b8"; }) }] });
    }
  }

  function ordinal(n) {
    if (n === null || n === undefined) { return "–"; }
    var t = n % 100, u = n % 10;
    return n + (t >= 11 && t <= 13 ? "th" : u === 1 ? "st" : u === 2 ? "nd" : u === 3 ? "rd" : "th");
  }

  function ombudsman(main, f) {
    var oy = byYear(rows("ombudsman_year"), f.fy)[0] || {};
    lead(main, "In " + f.fy + " the Ombudsman decided " + figure(oy.decided) + " enquiries about the service and upheld " +
      figure(sum([oy.upheld, oy.partially_upheld])) + " of them in full or in part (every service area).");
    var c = byArea(byYear(rows("lgo_caseload"), f.fy), f.area);
    var s = section(main, "Caseload, " + f.fy);
    C.bars(s, { title: "Ombudsman enquiries by service area, " + f.fy, key: "lgo_caseload", mart: "lgo_caseload",
      categoryLabel: "Service area", categories: c.map(function (r) { return areaName(r.service_area); }),
      series: [["Carried in", "carried_in"], ["Received", "received"], ["Decided", "decided"], ["Open at year end", "open_at_year_end"]]
        .map(function (o) { return { name: o[0], values: c.map(function (r) { return r[o[1]]; }) }; }) });
    var o = byArea(byYear(rows("lgo_outcomes"), f.fy), f.area);
    var s2 = section(main, "Decisions by outcome, " + f.fy);
    C.bars(s2, { title: "Ombudsman decisions by outcome and service area, " + f.fy, key: "lgo_outcomes", mart: "lgo_outcomes",
      categoryLabel: "Service area", stacked: true, categories: o.map(function (r) { return areaName(r.service_area); }),
      series: [["Upheld", "upheld"], ["Partially upheld", "partially_upheld"], ["Not upheld", "not_upheld"], ["Outside remit", "outside_remit"]]
        .map(function (x) { return { name: x[0], values: o.map(function (r) { return r[x[1]]; }) }; }) });
    var t = byYear(rows("lgo_decisions_by_theme"), f.fy);
    var s3 = section(main, "Decisions by theme, " + f.fy);
    wholeService(s3, f);
    C.bars(s3, { title: "Ombudsman decisions by primary theme, " + f.fy, key: "lgo_themes", mart: "lgo_decisions_by_theme",
      categoryLabel: "Theme", categories: t.map(function (r) { return name("theme", r.theme); }),
      series: [{ name: "Decided", values: t.map(function (r) { return r.decided; }) }, { name: "Upheld", values: t.map(function (r) { return r.upheld; }) }] });
    var rp = byArea(byYear(rows("remedy_payments"), f.fy), f.area);
    var s4 = section(main, "Remedies, " + f.fy);
    var where = rp.map(function (r) { return (r.feedback_type === "LGO_ENQUIRY" ? "Ombudsman" : stageLabel(r)) + ", " + areaName(r.service_area); });
    C.bars(s4, { title: "Remedy payments made, " + f.fy, key: "remedies", mart: "remedy_payments", categoryLabel: "Where",
      categories: where, series: [{ name: "Payments", values: rp.map(function (r) { return r.payments; }) }] });
    C.bars(s4, { title: "Remedies paid in pounds, " + f.fy, key: "remedies_gbp", mart: "remedy_payments", categoryLabel: "Where",
      kind: "money", categories: where, series: [{ name: "Total paid", values: rp.map(function (r) { return r.total_gbp; }) }] });
  }

  /** The financial year a date falls in: 2022-09-01 is in 2022-23. */
  function yearOf(date) {
    var m = /^(\d{4})-(\d{2})/.exec(String(date || ""));
    if (!m) { return null; }
    var y = parseInt(m[1], 10) - (parseInt(m[2], 10) < 4 ? 1 : 0);
    return y + "-" + String((y + 1) % 100).padStart(2, "0");
  }

  var LEARNING_KINDS = ["TRAINING", "PROCESS_REVIEW", "SERVICE_IMPROVEMENT"];

  function learning(main, f) {
    var summary = byYear(rows("learning_summary"), f.fy);
    var total = function (column) { return sum(summary.map(function (r) { return r[column]; })); };
    lead(main, "In " + f.fy + " the service agreed " + figure(total("agreed")) + " changes because of complaints and has made " +
      figure(total("done")) + " of them, " + figure(total("done_on_time")) + " on time; " + figure(total("overdue")) +
      " are overdue (every service area).");
    var s = section(main, "What we agreed to change, " + f.fy,
      "Learning actions agreed from complaints in the year: training, a review of how something is done, or a change to the service.");
    wholeService(s, f);
    C.bars(s, { title: "Learning actions agreed in " + f.fy + ", by kind", key: "learning_summary", mart: "learning_summary",
      categoryLabel: "Kind", categories: LEARNING_KINDS.map(function (k) { return name("kind", k); }),
      series: [["Agreed", "agreed"], ["Done", "done"], ["Done on time", "done_on_time"], ["Overdue", "overdue"]]
        .map(function (o) {
          return { name: o[0], values: LEARNING_KINDS.map(function (k) {
            return sum(summary.filter(function (r) { return r.kind === k; }).map(function (r) { return r[o[1]]; }));
          }) };
        }) });
    var made = byArea(rows("learning_actions"), f.area).filter(function (r) { return yearOf(r.completed_date) === f.fy; });
    var passed = made.filter(function (r) { return typeof r.complaints_6_months_after === "number"; });
    var fell = passed.filter(function (r) { return r.complaints_6_months_after < r.complaints_6_months_before; });
    var done = made.filter(function (r) { return r.kind === "SERVICE_IMPROVEMENT"; })
      .sort(function (a, b) { return a.completed_date < b.completed_date ? -1 : a.completed_date > b.completed_date ? 1 : 0; });
    var s2 = section(main, "Did complaints of that kind fall afterwards?",
      "Of the " + figure(passed.length) + " actions completed in " + f.fy + " whose next 6 months have passed (" +
      (f.area === "all" ? "every service area" : areaName(f.area)) + "), " + figure(fell.length) +
      " were followed by fewer complaints about the same service and subject than in the 6 months before. " +
      "Below, each change to the service made in the year; \"Not yet\" means its 6 months after have not passed.");
    C.table(s2, { title: "Changes to the service made in " + f.fy + " and the complaints around them", key: "learning_actions",
      mart: "learning_actions", categoryLabel: "Service", standalone: true, open: true },
      done.map(function (r) { return areaName(r.service_area); }),
      [{ name: "Subject", values: done.map(function (r) { return name("theme", r.theme); }) },
        { name: "Made", values: done.map(function (r) { return ukDate(r.completed_date); }) },
        { name: "On time", values: done.map(function (r) { return r.done_on_time ? "Yes" : "No"; }) },
        { name: "Complaints in the 6 months before", values: done.map(function (r) { return r.complaints_6_months_before; }) },
        { name: "In the 6 months after", values: done.map(function (r) {
          return r.complaints_6_months_after === null || r.complaints_6_months_after === undefined ? "Not yet" : r.complaints_6_months_after;
        }) }]);
  }

  /** The Complaint Handling Code's timescales, on the Complaints page (staff and team only). */
  function codePanel(main, f) {
    if (!has("code_timeliness")) { return; }
    var c = byYear(rows("code_timeliness"), f.fy);
    var s = section(main, "The Complaint Handling Code, " + f.fy,
      "Complaints received in the year from the date the Ombudsman's Code applies: acknowledged within 5 working days, and " +
      "answered within the Code's timescale. Refused complaints are counted apart.");
    wholeService(s, f);
    C.bars(s, { title: "Complaints received in " + f.fy + " against the Code's timescales", key: "code_timeliness",
      mart: "code_timeliness", categoryLabel: "Stage", categories: c.map(stageLabel),
      series: [["Received", "received"], ["Refused", "refused"], ["Acknowledged in time", "acknowledged_in_time"],
        ["Answered in time", "responded_in_time"], ["Beyond the longest extension", "extended_beyond_limit"]]
        .map(function (o) { return { name: o[0], values: c.map(function (r) { return r[o[1]]; }) }; }) });
  }

  function team(main, f) {
    var due = byArea(rows("complaint_stages_due"), f.area);
    lead(main, figure(sum(due.filter(function (r) { return r.due === "OVERDUE"; }).map(function (r) { return r.stages; }))) +
      " open complaint stages were overdue on " + ukDate(D.meta.as_at) + " (" + (f.area === "all" ? "every service area" : areaName(f.area)) + ").");
    var s = section(main, "Open complaint stages at " + ukDate(D.meta.as_at), "Stages still open, by when their response is due.");
    var dues = ["OVERDUE", "DUE_THIS_WEEK", "DUE_LATER", "NO_DEADLINE"];
    C.bars(s, { title: "Open complaint stages by when they are due (" + (f.area === "all" ? "every service area" : areaName(f.area)) + ")",
      key: "stages_due", mart: "complaint_stages_due", categoryLabel: "Due", categories: dues.map(function (d) { return name("status", d); }),
      series: [{ name: "Open stages", values: dues.map(function (d) { return sum(due.filter(function (r) { return r.due === d; }).map(function (r) { return r.stages; })); }) }] });
    var cf = byArea(byYear(rows("commitment_followup"), f.fy), f.area);
    var s2 = section(main, "Commitments to complainants, " + f.fy);
    C.bars(s2, { title: "Commitments made in " + f.fy + " without an owner, without a date, or overdue", key: "commitments",
      mart: "commitment_followup", categoryLabel: "Service area", categories: cf.map(function (r) { return areaName(r.service_area); }),
      series: [["Made", "made"], ["Without an owner", "without_owner"], ["Without a due date", "without_due_date"], ["Open and overdue", "open_overdue"]]
        .map(function (o) { return { name: o[0], values: cf.map(function (r) { return r[o[1]]; }) }; }) });
    var ad = byArea(byYear(rows("adjustments_compliance"), f.fy), f.area);
    var s3 = section(main, "Reasonable adjustments, " + f.fy);
    C.bars(s3, { title: "Updates owed to complainants with adjustments, " + f.fy, key: "adjustments", mart: "adjustments_compliance",
      categoryLabel: "Service area", categories: ad.map(function (r) { return areaName(r.service_area); }),
      series: [["Sent late", "sent_late"], ["Not sent", "not_sent"], ["Adjustment not met", "adjustment_not_met"]]
        .map(function (o) { return { name: o[0], values: ad.map(function (r) { return r[o[1]]; }) }; }) });
    if (has("complaint_worklist")) {
      var w = byArea(rows("complaint_worklist"), f.area).filter(function (r) { return r.due === "OVERDUE"; });
      var s4 = section(main, "Overdue stages, by reference (complaints team only)");
      var cats = w.map(function (r) { return r.case_reference; });
      C.table(s4, { title: "Overdue complaint stages", key: "worklist", mart: "complaint_worklist", categoryLabel: "Case reference",
        standalone: true },
        cats, [{ name: "Stage", values: w.map(stageLabel) }, { name: "Service area", values: w.map(function (r) { return areaName(r.service_area); }) },
          { name: "Deadline", values: w.map(function (r) { return ukDate(r.deadline); }) },
          { name: "Working days left", values: w.map(function (r) { return r.working_days_left; }) },
          { name: "Acknowledge by (the Code)", values: w.map(function (r) { return r.acknowledgement_due ? ukDate(r.acknowledgement_due) : "–"; }) },
          { name: "Answer by (the Code)", values: w.map(function (r) { return r.code_response_due ? ukDate(r.code_response_due) : "–"; }) }]);
    }
  }

  function controls(f) {
    var form = document.getElementById("filters");
    var fy = form.querySelector("#fy"), area = form.querySelector("#area");
    D.meta.years.slice().reverse().forEach(function (y) { el("option", { value: y }, fy, y); });
    el("option", { value: "all" }, area, "Every service area");
    el("p", { "class": "note", id: "filter-scope" }, form,
      "The service area changes the figures broken down by service area; sections for the whole service say so.");
    D.meta.service_areas.forEach(function (s) { el("option", { value: s.code }, area, s.name); });
    fy.value = f.fy;
    area.value = f.area;
    function go() { location.hash = "fy=" + encodeURIComponent(fy.value) + "&area=" + encodeURIComponent(area.value); }
    fy.addEventListener("change", go);
    area.addEventListener("change", go);
  }

  function render() {
    var f = filters();
    var main = document.getElementById("content");
    main.textContent = "";
    ({ overview: overview, feedback: feedback, complaints: complaints, send: send, ombudsman: ombudsman, learning: learning,
      team: team })[PAGE](main, f);
    document.querySelectorAll("nav a").forEach(function (a) {
      a.setAttribute("href", a.getAttribute("href").replace(/#.*$/, "") + "#fy=" + encodeURIComponent(f.fy) + "&area=" + encodeURIComponent(f.area));
    });
  }

  controls(filters());
  window.addEventListener("hashchange", function () {
    var f = filters();
    document.getElementById("fy").value = f.fy;
    document.getElementById("area").value = f.area;
    render();
  });
  render();
})();
