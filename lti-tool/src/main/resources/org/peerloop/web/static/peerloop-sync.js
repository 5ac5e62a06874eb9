// What the LMS's services bring, for facilitators: the course roster's synchronisation (progress,
// counts, "update now") and the space's participation grades with their log.
(function () {
  "use strict";
  var PL = window.PeerLoop;
  var h = PL.h;
  var t = PL.t;

  /** Polls a running synchronisation once a second, for at most two minutes. */
  var POLL_MS = 1000;
  var POLL_LIMIT = 120;

  function rosterSummary(sync) {
    if (!sync) {
      return [h("p", { class: "empty", "data-roster": "none" }, t("sync.rosterNever"))];
    }
    var lines = [
      h("p", { "data-roster": sync.status }, [
        h("strong", {}, t("sync.status." + sync.status)),
        sync.finishedAt ? " · " + PL.dateTime(sync.finishedAt) : ""
      ]),
      h("p", {}, t("sync.counts", {
        pages: PL.number(sync.pages),
        seen: PL.number(sync.membersSeen),
        added: PL.number(sync.membersAdded),
        left: PL.number(sync.membersLeft),
        changed: PL.number(sync.rolesChanged)
      }))
    ];
    if (sync.error) {
      lines.push(h("p", { class: "field-error" }, t("sync.error", { error: sync.error })));
    }
    return lines;
  }

  function running(sync) {
    return sync && (sync.status === "QUEUED" || sync.status === "RUNNING");
  }

  function rosterSection() {
    var body = h("div", { "aria-live": "polite" });
    var buttons = [
      h("button", { type: "button", class: "primary", "data-mode": "changes" }, t("sync.rosterNow")),
      h("button", { type: "button", class: "quiet", "data-mode": "full" }, t("sync.rosterFull"))
    ];
    function render(sync) {
      PL.show(body, rosterSummary(sync));
      buttons.forEach(function (b) {
        b.disabled = running(sync);
      });
      PL.resize();
    }
    function poll(count) {
      return PL.api("v1/course/roster-sync").then(function (sync) {
        render(sync);
        if (running(sync) && count < POLL_LIMIT) {
          setTimeout(function () {
            poll(count + 1);
          }, POLL_MS);
        }
      });
    }
    buttons.forEach(function (button) {
      button.onclick = function () {
        button.disabled = true;
        PL.api("v1/course/roster-sync?mode=" + button.getAttribute("data-mode"), { method: "POST" }).then(
          function (sync) {
            render(sync);
            poll(0);
          },
          function (problem) {
            button.disabled = false;
            PL.notice(problem);
          }
        );
      };
    });
    var headingId = PL.id("roster");
    var section = h("section", { class: "sync", "aria-labelledby": headingId }, [
      h("h3", { id: headingId }, t("sync.rosterHeading")),
      h("p", { class: "hint" }, t("sync.rosterHint")),
      body,
      h("div", { class: "actions" }, buttons)
    ]);
    return { element: section, load: poll(0) };
  }

  function gradesTable(grades) {
    if (!grades.scores.length) {
      return h("p", { class: "empty" }, t("sync.gradesNone"));
    }
    return h("table", {}, [
      h("thead", {}, h("tr", {}, [
        h("th", { scope: "col" }, t("cohorts.name")),
        h("th", { scope: "col" }, t("sync.score")),
        h("th", { scope: "col" }, t("sync.state"))
      ])),
      h(
        "tbody",
        {},
        grades.scores.map(function (s) {
          return h("tr", { "data-grade": s.status }, [
            h("td", {}, s.name),
            h("td", {}, t("sync.scoreOf", { score: PL.number(s.score, 2), maximum: PL.number(s.maximum) })),
            h("td", {}, [t("sync.grade." + s.status), s.error ? h("span", { class: "hint" }, " · " + s.error) : null])
          ]);
        })
      )
    ]);
  }

  function gradesLog(grades) {
    if (!grades.log.length) {
      return null;
    }
    return h("details", {}, [
      h("summary", {}, t("sync.log")),
      h(
        "ul",
        { class: "sync-log" },
        grades.log.slice(0, 30).map(function (line) {
          return h("li", {}, [
            PL.dateTime(line.at),
            " · ",
            t("sync.grade." + line.outcome),
            line.person ? " · " + line.person : "",
            line.score !== null && line.score !== undefined ? " · " + PL.number(line.score, 2) : "",
            line.detail ? " · " + line.detail : ""
          ]);
        })
      )
    ]);
  }

  function gradesSection(spaceId) {
    var body = h("div", { "aria-live": "polite" });
    var send = h("button", { type: "button", class: "primary" }, t("sync.gradesNow"));
    function render(grades) {
      PL.show(body, gradesTable(grades), gradesLog(grades));
      PL.resize();
    }
    function load() {
      return PL.api("v1/spaces/" + spaceId + "/grades").then(function (grades) {
        render(grades);
        return grades;
      });
    }
    send.onclick = function () {
      send.disabled = true;
      PL.api("v1/spaces/" + spaceId + "/grades/sync", { method: "POST" }).then(
        function () {
          PL.announce(t("sync.gradesQueued"));
          var polls = 0;
          (function again() {
            load().then(function (grades) {
              var pending = grades.scores.some(function (s) {
                return s.status === "PENDING";
              });
              if ((pending || !grades.scores.length) && ++polls < 10) {
                setTimeout(again, POLL_MS);
              } else {
                send.disabled = false;
              }
            });
          })();
        },
        function (problem) {
          send.disabled = false;
          PL.notice(problem);
        }
      );
    };
    var headingId = PL.id("grades");
    var section = h("section", { class: "sync", "aria-labelledby": headingId }, [
      h("h3", { id: headingId }, t("sync.gradesHeading")),
      h("p", { class: "hint" }, t("sync.gradesHint")),
      body,
      h("div", { class: "actions" }, send)
    ]);
    return { element: section, load: load() };
  }

  PL.views.lmsSync = function (view) {
    var roster = rosterSection();
    var parts = [h("h2", {}, t("sync.heading")), roster.element];
    var loads = [roster.load];
    var grading = PL.state.space && PL.state.space.grading;
    if (grading && grading.enabled) {
      var grades = gradesSection(PL.state.space.id);
      parts.push(grades.element);
      loads.push(grades.load);
    }
    PL.show(view, parts);
    return Promise.all(loads);
  };
})();
