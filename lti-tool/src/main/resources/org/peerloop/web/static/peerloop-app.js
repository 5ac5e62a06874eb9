// The page's start and its routes: sign in with the launch, find the module's space and the
// person's cohort, then show the view the address names (#/, #/thread/7, #/best-of, #/manage/…).
(function () {
  "use strict";
  var PL = window.PeerLoop;
  var h = PL.h;
  var t = PL.t;
  var app = document.getElementById("app");
  var notice = document.getElementById("notice");
  var live = document.getElementById("live");
  var nav = document.getElementById("nav");

  PL.state = { me: null, space: null, cohort: null, cohorts: null, facilitator: false, reviewer: false };

  /** Says something to screen readers without moving focus. */
  PL.announce = function (text) {
    live.textContent = "";
    setTimeout(function () {
      live.textContent = text;
    }, 50);
  };

  /** Shows a problem as a sentence, with a retry when trying again can help. */
  PL.notice = function (problem, retry) {
    if (PL.sessionOver(problem)) {
      return sessionEnded();
    }
    var canRetry = retry && (!problem || problem.reason === "network" || !problem.status || problem.status >= 500);
    PL.show(notice, 
      h("p", {}, PL.sentence(problem)),
      canRetry
        ? h(
            "button",
            {
              type: "button",
              onclick: function () {
                notice.hidden = true;
                retry();
              }
            },
            t("common.retry")
          )
        : null,
      h(
        "button",
        {
          type: "button",
          class: "quiet",
          onclick: function () {
            notice.hidden = true;
            PL.resize();
          }
        },
        t("common.dismiss")
      )
    );
    notice.setAttribute("data-reason", (problem && problem.reason) || "unexpected");
    notice.hidden = false;
    PL.resize();
  };

  function sessionEnded() {
    nav.hidden = true;
    notice.hidden = true;
    PL.show(app, 
      h("h2", {}, t("session.endedHeading")),
      h("p", {}, t("session.ended"))
    );
    app.setAttribute("data-state", "ended");
    PL.resize();
  }

  /** Shows the view at a path; the same path again renders it afresh. */
  PL.go = function (path) {
    if (location.hash === "#/" + path) {
      PL.route();
    } else {
      location.hash = "#/" + path;
    }
  };

  PL.mentionable = function (cohort) {
    return (cohort ? cohort.members : [])
      .map(function (m) {
        return m.person.name;
      })
      .filter(function (name) {
        return name !== PL.state.me.name;
      });
  };

  /** Cohorts come in pages: a large space has thousands. */
  PL.COHORT_PAGE = 50;

  /** The first page of the space's cohorts, for facilitators. */
  PL.loadCohorts = function () {
    return PL.api("v1/spaces/" + PL.state.space.id + "/cohorts?limit=" + PL.COHORT_PAGE).then(function (cohorts) {
      PL.state.cohorts = cohorts;
      var current = PL.state.cohort;
      PL.state.cohort =
        cohorts.filter(function (c) {
          return current && c.id === current.id;
        })[0] ||
        cohorts[0] ||
        null;
      PL.state.mentionable = PL.mentionable(PL.state.cohort);
      return cohorts;
    });
  };

  var ROUTES = [
    { pattern: /^thread\/(\d+)$/, view: "thread", needs: "cohort" },
    { pattern: /^best-of$/, view: "bestOf", tab: "best-of", needs: "space" },
    { pattern: /^manage\/settings$/, view: "settings", tab: "manage/settings", facilitator: true },
    { pattern: /^manage\/cohorts$/, view: "cohorts", tab: "manage/cohorts", facilitator: true, needs: "space" },
    { pattern: /^manage\/review$/, view: "review", tab: "manage/review", reviewer: true, needs: "space" },
    { pattern: /^manage\/flags$/, view: "flags", tab: "manage/flags", facilitator: true, needs: "space" },
    { pattern: /^manage\/lms$/, view: "lmsSync", tab: "manage/lms", facilitator: true, needs: "space" },
    { pattern: /^manage\/insights$/, view: "insights", tab: "manage/insights", facilitator: true, needs: "space" },
    { pattern: /^notifications$/, view: "notifications", tab: "notifications", needs: "space" },
    { pattern: /^$/, view: "home", tab: "", needs: "space" }
  ];

  PL.renderNav = function () {
    var s = PL.state;
    var tabs = [];
    if (s.space) {
      tabs.push(["", s.facilitator ? t("nav.discussion") : t("nav.cohort")], ["best-of", t("nav.bestOf")]);
    }
    if (s.facilitator) {
      tabs.push(["manage/settings", t("nav.settings")]);
      if (s.space) {
        tabs.push(["manage/cohorts", t("nav.cohorts")]);
        if (s.space.moderation === "EXPERT_REVIEW") {
          tabs.push(["manage/review", t("nav.review")]);
        } else {
          tabs.push(["manage/flags", t("nav.flags")]);
        }
        tabs.push(["manage/insights", t("nav.insights")]);
        tabs.push(["manage/lms", t("nav.lms")]);
      }
    } else if (s.reviewer && s.space && s.space.moderation === "EXPERT_REVIEW") {
      tabs.push(["manage/review", t("nav.review")]);
    }
    if (s.space) {
      tabs.push(["notifications", t("nav.notifications")]);
    }
    PL.show(nav, 
      h(
        "ul",
        {},
        tabs.map(function (tab) {
          return h("li", {}, h("a", { href: "#/" + tab[0], "data-tab": tab[0] }, tab[1]));
        })
      )
    );
    nav.hidden = tabs.length < 2;
    if (s.space) {
      PL.refreshUnread();
    }
  };

  function markTab(tab) {
    Array.prototype.forEach.call(nav.querySelectorAll("a"), function (link) {
      if (link.getAttribute("data-tab") === tab) {
        link.setAttribute("aria-current", "page");
      } else {
        link.removeAttribute("aria-current");
      }
    });
  }

  function noSpace() {
    PL.show(app, h("h2", {}, t("space.missingHeading")), h("p", {}, t("space.missing")));
    return Promise.resolve("no-space");
  }

  PL.route = function () {
    var path = location.hash.replace(/^#\/?/, "");
    var route =
      ROUTES.filter(function (r) {
        return r.pattern.test(path);
      })[0] || ROUTES[ROUTES.length - 1];
    var s = PL.state;
    var allowed = (!route.facilitator || s.facilitator) && (!route.reviewer || s.facilitator || s.reviewer);
    var name = allowed ? route.view : "home";
    var rendering;
    if (!s.space && (route.needs || !allowed)) {
      if (s.facilitator) {
        name = "settings";
        rendering = PL.views.settings(app);
      } else {
        name = "no-space";
        rendering = noSpace();
      }
    } else if (name === "home" && (!s.cohort || s.cohort.chooseTopics)) {
      // A first visit, or the roster placed them before they came: they choose topics first.
      name = s.facilitator ? "home" : "topics";
      rendering = s.facilitator ? PL.views.home(app) : PL.views.topics(app);
    } else if (route.needs === "cohort" && !s.cohort) {
      name = "topics";
      rendering = PL.views.topics(app);
    } else {
      var match = route.pattern.exec(path);
      rendering = PL.views[name](app, match && match[1]);
    }
    markTab(allowed ? route.tab : "");
    app.setAttribute("data-view", name);
    return Promise.resolve(rendering).then(
      function () {
        app.setAttribute("data-state", "ready");
        if (!app.hasAttribute("data-first-view-ms")) {
          // From the start of the launch request to a usable view; read by the browser tests.
          app.setAttribute("data-first-view-ms", String(Math.round(performance.now())));
        }
        PL.resize();
      },
      function (problem) {
        app.setAttribute("data-state", "error");
        PL.show(app, h("p", {}, h("a", { href: "#/", class: "back" }, t("thread.back"))));
        PL.notice(problem, PL.route);
      }
    );
  };

  PL.views.chooseCohort = function (view) {
    PL.show(view, h("h2", {}, t("nav.discussion")), h("p", { class: "empty" }, t("cohorts.none")));
    return Promise.resolve();
  };

  /** A deep linking launch: the designer picks what to place in the course, nothing else. */
  function placement() {
    app.setAttribute("data-view", "placement");
    return PL.views.placement(app).then(function () {
      app.setAttribute("data-state", "ready");
      PL.resize();
    });
  }

  function load() {
    return PL.api("session").then(function (me) {
      PL.state.me = me;
      PL.state.facilitator = me.roles.indexOf("FACILITATOR") >= 0 || me.roles.indexOf("ADMIN") >= 0;
      document.getElementById("signed-in-as").textContent = t("app.signedInAs", { name: me.name });
      if (me.courseTitle) {
        // A SharePoint page's frame starts without its course: the session names it.
        document.getElementById("course-title").textContent = me.courseTitle;
      }
      if (me.roles.indexOf("ADMIN") >= 0) {
        consoleButton();
      }
      return PL.state.deepLinking ? placement() : loadSpace();
    });
  }

  /**
   * An LMS administrator opens PeerLoop's console in a new tab: a one-minute ticket in the
   * address's fragment (never sent to a server or in a Referer) signs them in there.
   */
  function consoleButton() {
    var open = h("button", { type: "button", class: "quiet", id: "open-console" }, t("app.openConsole"));
    open.addEventListener("click", function () {
      var tab = window.open("", "_blank");
      PL.api("admin/session/ticket", { method: "POST" }).then(
        function (granted) {
          if (tab) {
            tab.opener = null;
            tab.location = granted.url;
          }
        },
        function (problem) {
          if (tab) {
            tab.close();
          }
          PL.notice(problem);
        }
      );
    });
    document.getElementById("signed-in-as").after(open);
  }

  function loadSpace() {
    return PL.api("v1/space")
      .catch(function (problem) {
        if (problem.status === 404) {
          return null;
        }
        throw problem;
      })
      .then(function (space) {
        PL.state.space = space;
        if (!space) {
          return null;
        }
        if (PL.state.facilitator) {
          return PL.loadCohorts();
        }
        return PL.api("v1/spaces/" + space.id + "/my-cohort").then(
          function (cohort) {
            PL.state.cohort = cohort;
            PL.state.mentionable = PL.mentionable(cohort);
            PL.state.reviewer = cohort.members.some(function (m) {
              return m.person.id === PL.state.me.personId && m.role === "EXPERT_REVIEWER";
            });
          },
          function (problem) {
            if (problem.status !== 404) {
              throw problem;
            }
          }
        );
      })
      .then(function () {
        PL.renderNav();
        window.addEventListener("hashchange", function () {
          notice.hidden = true;
          PL.route();
        });
        return PL.route();
      });
  }

  if (window.ResizeObserver) {
    new ResizeObserver(PL.resize).observe(document.body);
  }

  PL.bind()
    .then(function () {
      PL.keepFresh(function (problem) {
        if (PL.sessionOver(problem)) {
          sessionEnded();
        }
      });
      return load();
    })
    .catch(function (problem) {
      app.setAttribute("data-state", "error");
      app.setAttribute("data-reason", (problem && problem.reason) || "unexpected");
      if (PL.sessionOver(problem)) {
        return sessionEnded();
      }
      PL.show(app, h("p", { class: "refusal" }, PL.sentence(problem)));
      PL.notice(problem, function () {
        location.reload();
      });
    });
})();
