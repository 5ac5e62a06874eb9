// The administration console: first-run setup, sign-in (local, or from an LMS administrator's
// launch), then registrations, the tool's values per LMS, keys, refused launches, the self-test and
// the audit log. The console session token is kept in this tab's sessionStorage and sent as a
// bearer credential; no cookie exists, so no other site can make the browser act here.
(function () {
  "use strict";
  var PL = window.PeerLoop;
  var h = PL.h;
  var t = PL.t;
  var data = JSON.parse(document.getElementById("peerloop-launch").textContent);
  var app = document.getElementById("app");
  var nav = document.getElementById("nav");
  var notice = document.getElementById("notice");
  var who = document.getElementById("signed-in-as");
  var STORE = "peerloop-admin";

  // The third value marks the views of the server itself, which an administrator of one LMS
  // platform does not see (the API refuses them too).
  var VIEWS = [
    ["registrations", "console.nav.registrations", false],
    ["add", "console.nav.add", true],
    ["values", "console.nav.values", false],
    ["keys", "console.nav.keys", true],
    ["launches", "console.nav.launches", false],
    ["self-test", "console.nav.selfTest", true],
    ["audit", "console.nav.audit", false]
  ];
  var local = false;

  // ---- session -------------------------------------------------------------------------------

  function remember(granted) {
    sessionStorage.setItem(STORE, JSON.stringify(granted));
    PL.useToken(granted.token, granted.expiresAt);
    local = granted.kind !== "platform";
    who.textContent = t("console.signedInAs", { name: granted.actor });
    who.setAttribute("data-kind", local ? "local" : "platform");
    who.appendChild(h("br"));
    who.appendChild(h("span", { class: "hint" }, t(local ? "console.kind.local" : "console.kind.platform")));
    PL.onToken = function (token, expiresAt) {
      granted.token = token;
      granted.expiresAt = expiresAt;
      sessionStorage.setItem(STORE, JSON.stringify(granted));
    };
    PL.keepFresh(signOut, "admin/session/refresh");
  }

  function restored() {
    try {
      var granted = JSON.parse(sessionStorage.getItem(STORE) || "null");
      return granted && Date.parse(granted.expiresAt) > Date.now() ? granted : null;
    } catch (e) {
      return null;
    }
  }

  function signOut() {
    sessionStorage.removeItem(STORE);
    PL.useToken(null, null);
    who.textContent = "";
    nav.hidden = true;
    location.hash = "";
    start();
  }

  // ---- page parts ----------------------------------------------------------------------------

  function show(view) {
    app.setAttribute("data-view", view);
    app.setAttribute("data-state", "ready");
    var heading = app.querySelector("h2");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  }

  function say(problem) {
    notice.hidden = false;
    notice.textContent = typeof problem === "string" ? problem : PL.sentence(problem);
    notice.setAttribute("data-reason", (problem && problem.reason) || "");
  }

  function quiet() {
    notice.hidden = true;
    notice.textContent = "";
  }

  function field(name, label, attrs, hint) {
    var id = "f-" + name;
    var hintId = id + "-hint";
    var errorId = id + "-error";
    return h("div", { class: "field", "data-field": name }, [
      h("label", { for: id }, label),
      hint ? h("p", { class: "hint", id: hintId }, hint) : null,
      h(
        "input",
        Object.assign(
          { id: id, name: name, "aria-describedby": (hint ? hintId + " " : "") + errorId },
          attrs || {}
        )
      ),
      h("p", { class: "field-error", id: errorId, hidden: true })
    ]);
  }

  function showFieldProblems(form, problems) {
    form.querySelectorAll(".field").forEach(function (f) {
      var input = f.querySelector("input, select");
      var error = f.querySelector(".field-error");
      var mine = problems.filter(function (p) {
        return p.field === f.getAttribute("data-field");
      });
      input.removeAttribute("aria-invalid");
      error.hidden = mine.length === 0;
      error.textContent = mine
        .map(function (p) {
          var words = PL.has("console.check." + p.reason) ? t("console.check." + p.reason) : "";
          return (words ? words + " " : "") + (p.detail || "");
        })
        .join(" ");
      if (mine.length) {
        input.setAttribute("aria-invalid", "true");
      }
    });
    var first = form.querySelector("[aria-invalid='true']");
    if (first) {
      first.focus();
    }
  }

  function table(caption, headers, rows) {
    return h("table", { class: "console-table" }, [
      h("caption", {}, caption),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          headers.map(function (label) {
            return h("th", { scope: "col" }, label);
          })
        )
      ),
      h("tbody", {}, rows)
    ]);
  }

  function button(label, onclick, attrs) {
    return h("button", Object.assign({ type: "button", onclick: onclick }, attrs || {}), label);
  }

  function refusalWords(code) {
    return PL.has("refusal." + code) ? t("refusal." + code) : code;
  }

  function fixWords(code) {
    return PL.has("console.fix." + code) ? t("console.fix." + code) : t("console.fix.default");
  }

  // ---- sign-in -------------------------------------------------------------------------------

  function setupView(token) {
    var form = h("form", { class: "settings", novalidate: true }, [
      h("h2", {}, t("console.setup.heading")),
      h("p", {}, t("console.setup.lead")),
      field("username", t("console.username"), { type: "text", autocomplete: "username", required: true }),
      field(
        "password",
        t("console.password"),
        { type: "password", autocomplete: "new-password", required: true, minlength: 12 },
        t("console.password.hint")
      ),
      h("button", { type: "submit", class: "primary" }, t("console.setup.create"))
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      quiet();
      PL.api("admin/session/setup", {
        method: "POST",
        body: { token: token, username: form.username.value, password: form.password.value }
      }).then(
        function (granted) {
          history.replaceState(null, "", location.pathname + location.search + "#/registrations");
          remember(granted);
          route();
        },
        function (problem) {
          if (problem.errors) {
            showFieldProblems(form, problem.errors);
          }
          say(problem);
        }
      );
    });
    PL.show(app, form);
    show("setup");
  }

  function signInView(setupPending) {
    var form = h("form", { class: "settings", novalidate: true }, [
      h("h2", {}, t("console.signIn.heading")),
      setupPending ? h("p", { class: "hint" }, t("console.signIn.setupPending")) : null,
      field("username", t("console.username"), { type: "text", autocomplete: "username", required: true }),
      field("password", t("console.password"), {
        type: "password",
        autocomplete: "current-password",
        required: true
      }),
      h("button", { type: "submit", class: "primary" }, t("console.signIn.button")),
      h("p", { class: "hint" }, t("console.signIn.lms"))
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      quiet();
      PL.api("admin/session", {
        method: "POST",
        body: { username: form.username.value, password: form.password.value }
      }).then(function (granted) {
        remember(granted);
        location.hash = "#/registrations";
        route();
      }, say);
    });
    PL.show(app, form);
    show("sign-in");
  }

  // ---- registrations -------------------------------------------------------------------------

  function statusButton(platform, status, label) {
    return button(label, function () {
      quiet();
      PL.api("admin/platforms/" + platform.id + "/status", {
        method: "PUT",
        body: { status: status }
      }).then(registrations, say);
    });
  }

  function consoleEntryButton(platform) {
    var allowed = platform.consoleFromLms;
    return button(
      t(allowed ? "console.consoleEntry.off" : "console.consoleEntry.on"),
      function () {
        quiet();
        PL.api("admin/platforms/" + platform.id + "/console-entry", {
          method: "PUT",
          body: { allowed: !allowed }
        }).then(registrations, say);
      },
      { "data-console-entry": allowed ? "on" : "off" }
    );
  }

  function registrations() {
    return PL.api("admin/registrations").then(function (list) {
      var rows = list.map(function (p) {
        // Approving, disabling and letting an LMS's administrators in are the server's decisions:
        // an administrator of one platform sees their registration without them.
        var actions = [];
        if (local) {
          if (p.status === "PENDING") {
            actions.push(statusButton(p, "ACTIVE", t("console.approve")));
          }
          if (p.status !== "DISABLED") {
            actions.push(statusButton(p, "DISABLED", t("console.disable")));
          } else {
            actions.push(statusButton(p, "ACTIVE", t("console.enable")));
          }
          actions.push(consoleEntryButton(p));
        }
        return h("tr", { "data-platform": String(p.id), "data-status": p.status }, [
          h("td", {}, [h("strong", {}, p.issuer), h("br"), h("span", { class: "hint" }, p.productFamily)]),
          h("td", {}, h("code", {}, p.clientId)),
          h("td", {}, p.deploymentIds.join(", ")),
          h("td", { class: "status" }, t("console.status." + p.status)),
          h("td", {}, p.lastLaunchAt ? PL.dateTime(p.lastLaunchAt) : t("console.never")),
          h(
            "td",
            {},
            p.lastRefusal
              ? h("a", { href: "#/launches/" + p.id }, [
                  refusalWords(p.lastRefusal.reason),
                  " (" + PL.dateTime(p.lastRefusal.at) + ")"
                ])
              : "—"
          ),
          h("td", { class: "actions" }, actions)
        ]);
      });
      PL.show(
        app,
        h("h2", {}, t("console.registrations.heading")),
        list.length
          ? table(
              t("console.registrations.caption"),
              [
                t("console.col.platform"),
                t("console.col.clientId"),
                t("console.col.deployments"),
                t("console.col.status"),
                t("console.col.lastLaunch"),
                t("console.col.lastError"),
                t("console.col.actions")
              ],
              rows
            )
          : h("p", { class: "empty" }, t("console.registrations.none"))
      );
      show("registrations");
    });
  }

  function addView() {
    var families = ["moodle", "canvas", "brightspace", "blackboard", "sakai", "other"];
    var family = h(
      "select",
      { id: "f-productFamily", name: "productFamily" },
      families.map(function (f) {
        return h("option", { value: f }, t("console.family." + f));
      })
    );
    var form = h("form", { class: "settings", novalidate: true }, [
      h("h2", {}, t("console.add.heading")),
      h("p", {}, t("console.add.lead")),
      h("div", { class: "field", "data-field": "productFamily" }, [
        h("label", { for: "f-productFamily" }, t("console.add.family")),
        family,
        h("p", { class: "field-error", hidden: true })
      ]),
      field("issuer", t("console.add.issuer"), { type: "url", required: true }, t("console.add.issuer.hint")),
      field("clientId", t("console.add.clientId"), { type: "text", required: true }),
      field("authLoginUrl", t("console.add.authLoginUrl"), { type: "url", required: true }),
      field("authTokenUrl", t("console.add.authTokenUrl"), { type: "url", required: true }),
      field("jwksUrl", t("console.add.jwksUrl"), { type: "url", required: true }),
      field(
        "deploymentIds",
        t("console.add.deploymentIds"),
        { type: "text", required: true },
        t("console.add.deploymentIds.hint")
      ),
      h("button", { type: "submit", class: "primary" }, t("console.add.submit"))
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      quiet();
      var values = {
        issuer: form.issuer.value.trim(),
        clientId: form.clientId.value.trim(),
        authLoginUrl: form.authLoginUrl.value.trim(),
        authTokenUrl: form.authTokenUrl.value.trim(),
        jwksUrl: form.jwksUrl.value.trim(),
        deploymentIds: form.deploymentIds.value
          .split(",")
          .map(function (d) {
            return d.trim();
          })
          .filter(Boolean)
      };
      PL.api("admin/platforms/check", { method: "POST", body: values })
        .then(function (checked) {
          showFieldProblems(form, checked.problems);
          if (checked.problems.length) {
            say(t("console.add.problems"));
            return null;
          }
          values.productFamily = family.value;
          return PL.api("admin/platforms", { method: "POST", body: values }).then(function () {
            location.hash = "#/registrations";
          });
        })
        .catch(function (problem) {
          if (problem.errors) {
            showFieldProblems(form, problem.errors);
          }
          say(problem);
        });
    });
    PL.show(app, form);
    show("add");
    return Promise.resolve();
  }

  // ---- the tool's values, per LMS --------------------------------------------------------------

  function copyRow(label, value) {
    var id = PL.id("value");
    return h("div", { class: "copy-row" }, [
      h("dt", { id: id }, label),
      h("dd", {}, [
        h("code", { "aria-labelledby": id }, value),
        " ",
        button(t("console.copy"), function (event) {
          navigator.clipboard.writeText(value).then(function () {
            event.target.textContent = t("console.copied");
          });
        }, { "aria-label": t("console.copyWhat", { what: label }) })
      ])
    ]);
  }

  function valuesView() {
    return PL.api(data.base + "lti/config.json", { absolute: true }).then(function (c) {
      var launch = c.target_link_uri;
      var sections = [
        [
          "Moodle",
          t("console.values.moodle"),
          [
            [t("console.values.registrationUrl"), c.dynamic_registration_url],
            ["Tool URL", launch],
            ["Public key type: Keyset URL", c.jwks_uri],
            ["Initiate login URL", c.oidc_initiation_url],
            ["Redirection URI(s)", c.redirect_uris.join("\n")]
          ]
        ],
        [
          "Canvas",
          t("console.values.canvas"),
          [["Developer key JSON (Paste JSON)", JSON.stringify(c.canvas, null, 2)]]
        ],
        [
          "Brightspace",
          t("console.values.brightspace"),
          [
            ["Domain", "https://" + c.domain],
            ["Redirect URLs", c.redirect_uris.join(", ")],
            ["OpenID Connect Login URL", c.oidc_initiation_url],
            ["Target Link URI", launch],
            ["Keyset URL", c.jwks_uri]
          ]
        ],
        [
          "Blackboard",
          t("console.values.blackboard"),
          [
            ["Domain(s)", c.domain],
            ["Login Initiation URL", c.oidc_initiation_url],
            ["Tool Redirect URL(s)", c.redirect_uris.join(", ")],
            ["Tool JWKS URL", c.jwks_uri],
            ["Target Link URI", launch]
          ]
        ]
      ];
      PL.show(
        app,
        h("h2", {}, t("console.values.heading")),
        h("p", {}, t("console.values.lead")),
        sections.map(function (s) {
          return h("section", { class: "lms-values", "data-lms": s[0].toLowerCase() }, [
            h("h3", {}, s[0]),
            h("p", { class: "hint" }, s[1]),
            h(
              "dl",
              {},
              s[2].map(function (pair) {
                return copyRow(pair[0], pair[1]);
              })
            )
          ]);
        })
      );
      show("values");
    });
  }

  // ---- keys ----------------------------------------------------------------------------------

  function age(iso) {
    var days = Math.floor((Date.now() - Date.parse(iso)) / 86400000);
    return PL.tn("console.keys.age", days);
  }

  function keysView() {
    return PL.api("admin/keys").then(function (keys) {
      var now = Date.now();
      var rows = keys.map(function (k) {
        var waiting = Date.parse(k.activatesAt) > now;
        var state = k.signing ? "signing" : waiting ? "waiting" : "replaced";
        return h("tr", { "data-kid": k.kid, "data-key": state }, [
          h("td", {}, h("code", {}, k.kid)),
          h("td", {}, t("console.keys." + state)),
          h("td", {}, [PL.dateTime(k.createdAt), " (" + age(k.createdAt) + ")"]),
          h("td", {}, PL.dateTime(k.activatesAt)),
          h(
            "td",
            { class: "actions" },
            state === "replaced"
              ? button(t("console.keys.retire"), function () {
                  quiet();
                  PL.api("admin/keys/" + encodeURIComponent(k.kid) + "/retire", { method: "POST" }).then(
                    keysView,
                    say
                  );
                })
              : null
          )
        ]);
      });
      PL.show(
        app,
        h("h2", {}, t("console.keys.heading")),
        h("p", {}, t("console.keys.lead")),
        table(
          t("console.keys.caption"),
          [
            t("console.col.kid"),
            t("console.col.role"),
            t("console.col.created"),
            t("console.col.activates"),
            t("console.col.actions")
          ],
          rows
        ),
        button(
          t("console.keys.rotate"),
          function () {
            quiet();
            PL.api("admin/keys/rotate", { method: "POST" }).then(keysView, say);
          },
          { class: "primary" }
        ),
        secretsSection()
      );
      show("keys");
    });
  }

  // The secrets of the tool's own tokens: rotated with overlap, so the section only informs.
  function secretsSection() {
    var section = h("section", { id: "token-secrets" }, [
      h("h3", {}, t("console.secrets.heading")),
      h("p", {}, t("console.secrets.lead"))
    ]);
    PL.api("admin/keys/secrets").then(function (versions) {
      var rows = versions.map(function (v) {
        return h("tr", { "data-secret": v.purpose + "/" + v.kid, "data-signing": String(v.signing) }, [
          h("td", {}, v.purpose),
          h("td", {}, h("code", {}, v.kid)),
          h("td", {}, PL.dateTime(v.createdAt)),
          h("td", {}, PL.dateTime(v.activatesAt)),
          h("td", {}, v.signing ? t("console.keys.signing") : "")
        ]);
      });
      section.appendChild(
        table(
          t("console.secrets.caption"),
          [
            t("console.secrets.purpose"),
            t("console.col.kid"),
            t("console.col.created"),
            t("console.col.activates"),
            t("console.col.role")
          ],
          rows
        )
      );
      section.appendChild(
        button(t("console.secrets.rotate"), function () {
          quiet();
          PL.api("admin/keys/secrets/rotate", { method: "POST" }).then(keysView, say);
        })
      );
    }, say);
    return section;
  }

  // ---- refused launches ----------------------------------------------------------------------

  function launchesView(platformId) {
    return PL.api("admin/launches/refused" + (platformId ? "?platform=" + platformId : "")).then(
      function (list) {
        PL.show(
          app,
          h("h2", {}, t("console.launches.heading")),
          h("p", {}, t("console.launches.lead")),
          list.length
            ? h(
                "ol",
                { class: "diagnoses" },
                list.map(function (r) {
                  return h("li", { class: "diagnosis", "data-reason": r.reason }, [
                    h("h3", {}, refusalWords(r.reason)),
                    h("p", { class: "fix" }, [h("strong", {}, t("console.launches.fix") + " "), fixWords(r.reason)]),
                    h("dl", {}, [
                      h("dt", {}, t("console.launches.when")),
                      h("dd", {}, PL.dateTime(r.at)),
                      h("dt", {}, t("console.launches.platform")),
                      h("dd", {}, r.issuer || "—"),
                      h("dt", {}, t("console.launches.clientId")),
                      h("dd", {}, r.clientId || "—"),
                      h("dt", {}, t("console.launches.deployment")),
                      h("dd", {}, r.deploymentId || "—"),
                      h("dt", {}, t("console.launches.code")),
                      h("dd", {}, h("code", {}, r.reason)),
                      h("dt", {}, t("console.launches.detail")),
                      h("dd", {}, r.detail || "—")
                    ])
                  ]);
                })
              )
            : h("p", { class: "empty" }, t("console.launches.none"))
        );
        show("launches");
      }
    );
  }

  // ---- self-test -----------------------------------------------------------------------------

  function selfTestView() {
    var results = h("div", { "aria-live": "polite" });
    function run() {
      quiet();
      PL.show(results, h("p", { class: "status" }, t("console.selfTest.running")));
      return PL.api("admin/self-test", { method: "POST" }).then(function (checks) {
        PL.show(
          results,
          h(
            "ul",
            { class: "checks" },
            checks.map(function (c) {
              return h("li", { class: c.ok ? "check ok" : "check failed", "data-check": c.check }, [
                h("strong", {}, (c.ok ? "✓ " : "✗ ") + t(c.ok ? "console.selfTest.ok" : "console.selfTest.failed")),
                " " + t("console.check.name." + c.check) + " — " + c.target,
                h("br"),
                h("span", { class: "hint" }, c.detail || ""),
                c.ok ? null : h("p", { class: "fix" }, fixWords(c.reason))
              ]);
            })
          )
        );
      }, say);
    }
    PL.show(
      app,
      h("h2", {}, t("console.selfTest.heading")),
      h("p", {}, t("console.selfTest.lead")),
      button(t("console.selfTest.run"), run, { class: "primary" }),
      results
    );
    show("self-test");
    return Promise.resolve();
  }

  // ---- audit ---------------------------------------------------------------------------------

  function auditView() {
    return PL.api("admin/audit?limit=200").then(function (entries) {
      var download = button(t("console.audit.download"), function () {
        PL.api("admin/audit.csv", { accept: "text/csv" }).then(function (csv) {
          var link = h("a", {
            href: URL.createObjectURL(new Blob([csv], { type: "text/csv" })),
            download: "peerloop-audit.csv"
          });
          document.body.appendChild(link);
          link.click();
          link.remove();
        }, say);
      });
      PL.show(
        app,
        h("h2", {}, t("console.audit.heading")),
        download,
        entries.length
          ? table(
              t("console.audit.caption"),
              [t("console.col.when"), t("console.col.who"), t("console.col.what"), t("console.col.outcome")],
              entries.map(function (e) {
                return h("tr", {}, [
                  h("td", {}, PL.dateTime(e.at)),
                  h("td", {}, e.actor),
                  h("td", {}, h("code", {}, e.action)),
                  h("td", {}, String(e.outcome))
                ]);
              })
            )
          : h("p", { class: "empty" }, t("console.audit.none"))
      );
      show("audit");
    });
  }

  // ---- routes --------------------------------------------------------------------------------

  function renderNav(current) {
    nav.hidden = false;
    PL.show(
      nav,
      h("ul", {}, [
        VIEWS.filter(function (v) {
          return local || !v[2];
        }).map(function (v) {
          return h(
            "li",
            {},
            h("a", { href: "#/" + v[0], "aria-current": v[0] === current ? "page" : null }, t(v[1]))
          );
        }),
        h("li", {}, button(t("console.signOut"), signOut))
      ])
    );
  }

  function route() {
    var path = location.hash.replace(/^#\/?/, "") || "registrations";
    var parts = path.split("/");
    var name = parts[0];
    renderNav(name);
    app.setAttribute("data-state", "loading");
    var views = {
      registrations: registrations,
      add: addView,
      values: valuesView,
      keys: keysView,
      launches: function () {
        return launchesView(parts[1]);
      },
      "self-test": selfTestView,
      audit: auditView
    };
    return (views[name] || registrations)().catch(function (problem) {
      if (problem.status === 401) {
        signOut();
        return;
      }
      app.setAttribute("data-state", "error");
      say(problem);
    });
  }

  function start() {
    var hash = location.hash;
    var setup = /^#setup=([\w-]+)$/.exec(hash);
    var ticket = /^#ticket=([\w.-]+)$/.exec(hash);
    if (setup) {
      setupView(setup[1]);
      return;
    }
    if (ticket) {
      // The ticket is used once; it must not stay in the address bar or the history.
      history.replaceState(null, "", location.pathname + location.search);
      PL.api("admin/session/redeem", { method: "POST", body: { ticket: ticket[1] } }).then(function (granted) {
        remember(granted);
        route();
      }, function (problem) {
        say(problem);
        signInState();
      });
      return;
    }
    var granted = restored();
    if (granted) {
      remember(granted);
      route();
      return;
    }
    signInState();
  }

  function signInState() {
    PL.api("admin/session/state").then(
      function (state) {
        signInView(state.setupPending);
      },
      function () {
        signInView(false);
      }
    );
  }

  window.addEventListener("hashchange", function () {
    if (restored()) {
      quiet();
      route();
    }
  });

  start();
})();
