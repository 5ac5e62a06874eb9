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

  /**
   * The interaction network on a circle: a dot per person (larger for more help received, ringed
   * for go-to people), a line per pair who exchanged (thicker for more). A small network names
   * everyone, a large one its go-to people only. The same ties are listed in a table.
   */
  function networkPicture(report) {
    var network = report.network;
    if (!network.people.length) {
      return [h("p", { class: "empty" }, t("insights.noNetwork"))];
    }
    var size = 320;
    var centre = size / 2;
    var radius = centre - 40;
    var place = {};
    var names = {};
    network.people.forEach(function (p, i) {
      var angle = (2 * Math.PI * i) / network.people.length - Math.PI / 2;
      place[p.personId] = { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle) };
      names[p.personId] = p.name || "?";
    });
    var pairs = {};
    network.ties.forEach(function (tie) {
      var key = Math.min(tie.from, tie.to) + "-" + Math.max(tie.from, tie.to);
      var pair = pairs[key] || (pairs[key] = { a: tie.from, b: tie.to, weight: 0, directions: 0 });
      pair.weight += tie.replies + tie.ratings;
      pair.directions += 1;
    });
    var heaviest = Math.max.apply(null, Object.keys(pairs).map(function (k) { return pairs[k].weight; }).concat([1]));
    var lines = Object.keys(pairs).map(function (k) {
      var pair = pairs[k];
      return svg("line", {
        x1: place[pair.a].x.toFixed(1),
        y1: place[pair.a].y.toFixed(1),
        x2: place[pair.b].x.toFixed(1),
        y2: place[pair.b].y.toFixed(1),
        "stroke-width": (1 + (3 * pair.weight) / heaviest).toFixed(1),
        class: pair.directions > 1 ? "tie two-way" : "tie"
      });
    });
    // A small network names everyone; a larger one only its go-to people, or the names collide.
    var labelled = network.people.length <= 12;
    var mostHelp = Math.max.apply(null, network.people.map(function (p) { return p.helpReceived; }).concat([1]));
    var dots = [];
    network.people.forEach(function (p) {
      var at = place[p.personId];
      var r = 4 + 6 * Math.sqrt(p.helpReceived / mostHelp);
      dots.push(svg("circle", { cx: at.x.toFixed(1), cy: at.y.toFixed(1), r: r.toFixed(1), class: p.goTo ? "person go-to-person" : "person" }, [
        svg("title", {}, [names[p.personId]])
      ]));
      if (p.goTo || labelled) {
        var right = at.x >= centre;
        dots.push(svg("text", { x: (at.x + (right ? r + 3 : -r - 3)).toFixed(1), y: (at.y + 4).toFixed(1), "text-anchor": right ? "start" : "end", class: "person-name" }, [names[p.personId]]));
      }
    });
    var titleId = PL.id("network-title");
    var descId = PL.id("network-desc");
    var goTo = network.people.filter(function (p) { return p.goTo; }).map(function (p) { return names[p.personId]; });
    var description = t("insights.networkDesc", { people: PL.number(network.people.length), ties: PL.number(Object.keys(pairs).length) }) +
      (goTo.length ? " " + t("insights.networkGoTo", { names: goTo.join(", ") }) : "");
    var picture = svg(
      "svg",
      { class: "network", role: "img", viewBox: "0 0 " + size + " " + size, width: "100%", "aria-labelledby": titleId + " " + descId },
      [svg("title", { id: titleId }, [t("insights.network")]), svg("desc", { id: descId }, [description])].concat(lines, dots)
    );
    var table = h("details", {}, [
      h("summary", {}, t("insights.networkTable")),
      h("div", { class: "table-scroll" }, h("table", {}, [
        h("thead", {}, h("tr", {}, [
          h("th", { scope: "col" }, t("insights.giver")),
          h("th", { scope: "col" }, t("insights.receiver")),
          h("th", { scope: "col" }, t("insights.column.replies")),
          h("th", { scope: "col" }, t("insights.ratings"))
        ])),
        h("tbody", {}, network.ties.map(function (tie) {
          return h("tr", {}, [
            h("th", { scope: "row" }, names[tie.from]),
            h("td", {}, names[tie.to]),
            h("td", {}, PL.number(tie.replies)),
            h("td", {}, PL.number(tie.ratings))
          ]);
        }))
      ]))
    ]);
    var parts = [h("p", { class: "hint" }, t("insights.networkHint")), picture, table];
    if (network.peopleInNetwork > network.people.length) {
      parts.splice(1, 0, h("p", { class: "hint" }, t("insights.networkShown", { shown: PL.number(network.people.length), total: PL.number(network.peopleInNetwork) })));
    }
    return parts;
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

  /** Active people per week as bars, with the same numbers in a table. */
  function weeklyChart(report) {
    var weeks = report.weeks;
    if (!weeks.length) {
      return [h("p", { class: "empty" }, t("insights.noWeeks"))];
    }
    var most = Math.max.apply(null, weeks.map(function (w) { return w.activePeople; }).concat([1]));
    var width = 100 / weeks.length;
    var titleId = PL.id("weeks-title");
    var descId = PL.id("weeks-desc");
    var bars = weeks.map(function (w, i) {
      var height = (w.activePeople / most) * 100;
      return svg("rect", {
        x: i * width + 0.5 + "%",
        y: 100 - height + "%",
        width: Math.max(width - 1, 0.5) + "%",
        height: height + "%",
        class: "week-bar"
      });
    });
    var description = weeks.map(function (w) {
      return t("insights.weekOf", { day: PL.day(w.start.substring(0, 10)) }) + ": " + PL.number(w.activePeople);
    }).join("; ");
    var chart = svg(
      "svg",
      { class: "week-chart", role: "img", width: "100%", height: "80", "aria-labelledby": titleId + " " + descId },
      [svg("title", { id: titleId }, [t("insights.weeks")]), svg("desc", { id: descId }, [description])].concat(bars)
    );
    var table = h("details", {}, [
      h("summary", {}, t("insights.weeksTable")),
      h("table", {}, [
        h("thead", {}, h("tr", {}, [
          h("th", { scope: "col" }, t("insights.week")),
          h("th", { scope: "col" }, t("insights.activePeople")),
          h("th", { scope: "col" }, t("insights.posts")),
          h("th", { scope: "col" }, t("insights.storiesWeek")),
          h("th", { scope: "col" }, t("insights.taggedWeek"))
        ])),
        h("tbody", {}, weeks.map(function (w) {
          return h("tr", {}, [
            h("th", { scope: "row" }, PL.day(w.start.substring(0, 10))),
            h("td", {}, PL.number(w.activePeople)),
            h("td", {}, PL.number(w.posts)),
            h("td", {}, PL.number(w.stories)),
            h("td", {}, PL.number(w.tagged))
          ]);
        }))
      ])
    ]);
    return [chart, table];
  }

  function postList(posts, empty, withStory) {
    if (!posts.length) {
      return h("p", { class: "empty" }, empty);
    }
    return h(
      "ul",
      { class: "post-lines" },
      posts.map(function (p) {
        return h("li", {}, [
          h("a", { href: "#/thread/" + p.postId }, p.title || t("insights.untitled")),
          " ",
          h("span", { class: "hint" }, p.author + " · " + PL.dateTime(p.at)),
          withStory && p.appliedWhat ? h("p", {}, [h("strong", {}, t("insights.applied")), " " + p.appliedWhat]) : null,
          withStory && p.appliedResult ? h("p", {}, [h("strong", {}, t("insights.result")), " " + p.appliedResult]) : null
        ]);
      })
    );
  }

  function continuity(report) {
    if (!report.continuity) {
      return [h("p", { class: "hint" }, t("insights.continuityNone"))];
    }
    return [h("dl", { class: "figures-list" }, [
      h("div", {}, [h("dt", {}, t("insights.fourWeeks")), h("dd", {}, percent(report.continuity.fourWeeks))]),
      h("div", {}, [h("dt", {}, t("insights.eightWeeks")), h("dd", {}, percent(report.continuity.eightWeeks))])
    ])];
  }

  function tags(report) {
    if (!report.tags.length) {
      return h("p", { class: "empty" }, t("insights.noTags"));
    }
    return h("ul", { class: "tag-counts" }, report.tags.map(function (tag) {
      return h("li", {}, "#" + tag.tag + " · " + PL.tn("insights.threads", tag.threads));
    }));
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
      [h("option", { value: "" }, t("insights.allCohorts")), h("option", { value: "course" }, t("insights.wholeCourse"))].concat(
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
      if (cohort.value && cohort.value !== "course") {
        params.push("cohortId=" + cohort.value);
      }
      return params.length ? "?" + params.join("&") : "";
    }

    /** The whole course, or this space (all its cohorts or one). */
    function scopePath() {
      return cohort.value === "course" ? "v1/course" : "v1/spaces/" + space.id;
    }

    function load() {
      return PL.api(scopePath() + "/analytics" + query()).then(function (report) {
        PL.show(
          body,
          section("insights-segments", t("insights.segments"), [segmentBar(report), segmentTable(report)]),
          section("insights-figures", t("insights.figures"), [figures(report)]),
          section("insights-weeks", t("insights.weeks"), weeklyChart(report)),
          section("insights-goto", t("insights.goTo"), [h("p", { class: "hint" }, t("insights.goToHint")), goTo(report)]),
          section("insights-network", t("insights.network"), networkPicture(report)),
          section("insights-unanswered", t("insights.unanswered"), [postList(report.unansweredQuestions, t("insights.noUnanswered"), false)]),
          section("insights-stories", t("insights.stories"), [postList(report.appliedStories, t("insights.noStories"), true), tags(report)]),
          section("insights-continuity", t("insights.continuity"), continuity(report)),
          section("insights-members", t("insights.members"), [membersTable(report)])
        );
        PL.resize();
      }, PL.notice);
    }

    /** A button that fetches a file of the API with the session and hands it to the browser. */
    function download(label, path, type, fileName) {
      return h(
        "button",
        {
          type: "button",
          class: "quiet",
          onclick: function () {
            PL.api(path() + query(), { accept: type }).then(function (content) {
              var text = typeof content === "string" ? content : JSON.stringify(content);
              var link = h("a", { href: URL.createObjectURL(new Blob([text], { type: type })), download: fileName });
              document.body.append(link);
              link.click();
              link.remove();
            }, PL.notice);
          }
        },
        label
      );
    }
    var downloads = [
      download(t("insights.downloadCsv"), function () { return scopePath() + "/analytics/members.csv"; }, "text/csv", "peerloop-members.csv"),
      download(t("insights.downloadEvents"), function () { return "v1/spaces/" + space.id + "/analytics/events.csv"; }, "text/csv", "peerloop-events.csv"),
      download(t("insights.downloadXapi"), function () { return "v1/spaces/" + space.id + "/analytics/xapi.json"; }, "application/json", "peerloop-xapi.json")
    ];

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
        h("div", { class: "actions" }, [h("button", { type: "submit", class: "primary" }, t("insights.show"))].concat(downloads))
      ]
    );
    PL.show(view, h("h2", {}, t("insights.heading")), form, body);
    return load();
  };
})();
