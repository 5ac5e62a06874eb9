// Insights for facilitators: a space's or cohort's participation over a period, as PRODUCT.md
// defines it. Every chart is an SVG with a title and description, and its numbers are in a table.
(function () {
  "use strict";
  var PL = window.PeerLoop;
  var h = PL.h;
  var t = PL.t;
  var SVG = "http://www.w3.org/2000/svg";

  var SEGMENTS = ["creators", "contributors", "consumers", "nonParticipants"];

  function svg(tag, attrs, children) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) {
      node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      node.append(c);
    });
    return node;
  }

  function percent(value) {
    return PL.number(value * 100, 0) + " %";
  }

  /** The four segments as one bar, each part as wide as its share of the roster. */
  function segmentBar(report) {
    var total = report.roster || 1;
    var x = 0;
    var titleId = PL.id("bar-title");
    var descId = PL.id("bar-desc");
    var parts = SEGMENTS.map(function (name) {
      var width = (report.segments[name] / total) * 100;
      var rect = svg("rect", { x: x + "%", y: "0", width: width + "%", height: "24", class: "segment-" + name });
      x += width;
      return rect;
    });
    var description = SEGMENTS.map(function (name) {
      return t("insights.segment." + name) + " " + PL.number(report.segments[name]);
    }).join(", ");
    return svg(
      "svg",
      { class: "segment-bar", role: "img", width: "100%", height: "24", "aria-labelledby": titleId + " " + descId },
      [svg("title", { id: titleId }, [t("insights.segments")]), svg("desc", { id: descId }, [description])].concat(parts)
    );
  }

  function segmentTable(report) {
    return h("table", { class: "figures" }, [
      h("thead", {}, h("tr", {}, [h("th", { scope: "col" }, t("insights.segment")), h("th", { scope: "col" }, t("insights.people"))])),
      h(
        "tbody",
        {},
        SEGMENTS.map(function (name) {
          return h("tr", {}, [
            h("th", { scope: "row" }, [h("span", { class: "swatch segment-" + name, "aria-hidden": "true" }), t("insights.segment." + name)]),
            h("td", {}, PL.number(report.segments[name]))
          ]);
        })
      )
    ]);
  }

  function figures(report) {
    var rows = [
      ["insights.engagement", percent(report.engagementRate)],
      ["insights.reach", percent(report.reach)],
      ["insights.topShare", percent(report.topTenPercentShare)],
      ["insights.gini", PL.number(report.gini, 2)],
      ["insights.replyRatio", percent(report.replyPostRatio)],
      ["insights.reciprocity", percent(report.reciprocity)],
      ["insights.answered", report.questions ? percent(report.questionsAnswered) : "–"],
      [
        "insights.firstReply",
        report.medianFirstReplySeconds === null || report.medianFirstReplySeconds === undefined
          ? "–"
          : t("insights.hours", { hours: PL.number(report.medianFirstReplySeconds / 3600, 1) })
      ]
    ];
    return h(
      "dl",
      { class: "figures-list" },
      rows.map(function (row) {
        return h("div", {}, [h("dt", {}, t(row[0])), h("dd", { "data-figure": row[0] }, row[1])]);
      })
    );
  }

  function goTo(report) {
    if (!report.goToPeople.length) {
      return h("p", { class: "empty" }, t("insights.noGoTo"));
    }
    return h("div", {}, [
      h(
        "ol",
        { class: "go-to-list" },
        report.goToPeople.map(function (p) {
          return h("li", {}, [p.name || "?", " ", h("span", { class: "hint" }, t("insights.helped", { count: PL.number(p.helpReceived) }))]);
        })
      ),
      report.goToByTopic.length
        ? h(
            "ul",
            { class: "by-topic" },
            report.goToByTopic.map(function (topic) {
              return h("li", {}, [h("strong", {}, topic.topic), ": " + topic.names.join(", ")]);
            })
          )
        : null
    ]);
  }

  function membersTable(report) {
    var columns = ["name", "segment", "persona", "threads", "replies", "ratingsGiven", "egoNetwork"];
    return h("div", { class: "table-scroll" }, h("table", {}, [
      h(
        "thead",
        {},
        h("tr", {}, columns.map(function (c) {
          return h("th", { scope: "col" }, t("insights.column." + c));
        }))
      ),
      h(
        "tbody",
        {},
        report.members.map(function (m) {
          return h("tr", {}, [
            h("th", { scope: "row" }, m.name || "?"),
            h("td", {}, t("insights.segment." + segmentKey(m.segment))),
            h("td", {}, t("persona." + m.persona)),
            h("td", {}, PL.number(m.threads)),
            h("td", {}, PL.number(m.replies)),
            h("td", {}, PL.number(m.ratingsGiven)),
            h("td", {}, PL.number(m.egoNetwork))
          ]);
        })
      )
    ]));
  }

  function segmentKey(segment) {
    return {
      CREATOR: "creators",
      CONTRIBUTOR: "contributors",
      CONSUMER: "consumers",
      NON_PARTICIPANT: "nonParticipants"
    }[segment];
  }

  function section(id, heading, content) {
    return h("section", { class: "insight", "aria-labelledby": id }, [h("h3", { id: id }, heading)].concat(content));
  }

  PL.views.insights = function (view) {
    var space = PL.state.space;
    var from = h("input", { type: "date", id: PL.id("from") });
    var to = h("input", { type: "date", id: PL.id("to") });
    var cohort = h(
      "select",
      { id: PL.id("cohort") },
      [h("option", { value: "" }, t("insights.allCohorts"))].concat(
        (PL.state.cohorts || []).map(function (c) {
          return h("option", { value: String(c.id) }, t("cohort.heading", { number: c.number }));
        })
      )
    );
    var body = h("div", { "aria-live": "polite" });

    function query() {
      var params = [];
      if (from.value) {
        params.push("from=" + from.value);
      }
      if (to.value) {
        params.push("to=" + to.value);
      }
      if (cohort.value) {
        params.push("cohortId=" + cohort.value);
      }
      return params.length ? "?" + params.join("&") : "";
    }

    function load() {
      return PL.api("v1/spaces/" + space.id + "/analytics" + query()).then(function (report) {
        PL.show(
          body,
          section("insights-segments", t("insights.segments"), [segmentBar(report), segmentTable(report)]),
          section("insights-figures", t("insights.figures"), [figures(report)]),
          section("insights-goto", t("insights.goTo"), [h("p", { class: "hint" }, t("insights.goToHint")), goTo(report)]),
          section("insights-members", t("insights.members"), [membersTable(report)])
        );
        PL.resize();
      }, PL.notice);
    }

    var download = h(
      "button",
      {
        type: "button",
        class: "quiet",
        onclick: function () {
          PL.api("v1/spaces/" + space.id + "/analytics/members.csv" + query(), { accept: "text/csv" }).then(function (csv) {
            var link = h("a", { href: URL.createObjectURL(new Blob([csv], { type: "text/csv" })), download: "peerloop-members.csv" });
            document.body.append(link);
            link.click();
            link.remove();
          }, PL.notice);
        }
      },
      t("insights.downloadCsv")
    );

    var form = h(
      "form",
      {
        class: "period",
        onsubmit: function (e) {
          e.preventDefault();
          load();
        }
      },
      [
        h("div", { class: "field" }, [h("label", { for: from.id }, t("insights.from")), from]),
        h("div", { class: "field" }, [h("label", { for: to.id }, t("insights.to")), to]),
        h("div", { class: "field" }, [h("label", { for: cohort.id }, t("insights.cohort")), cohort]),
        h("div", { class: "actions" }, [h("button", { type: "submit", class: "primary" }, t("insights.show")), download])
      ]
    );
    PL.show(view, h("h2", {}, t("insights.heading")), form, body);
    return load();
  };
})();
