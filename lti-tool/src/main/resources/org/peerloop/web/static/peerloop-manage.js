// The facilitator's views: the space's settings, its cohorts and members, the expert-review
// queue and the flags members raised.
(function () {
  "use strict";
  var PL = window.PeerLoop;
  var h = PL.h;
  var t = PL.t;

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /** An instant as a datetime-local value in the browser's time zone. */
  function localValue(iso) {
    if (!iso) {
      return "";
    }
    var d = new Date(iso);
    return (
      d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + "T" + pad(d.getHours()) + ":" + pad(d.getMinutes())
    );
  }

  function field(name, label, control, hint) {
    var errorId = PL.id("error");
    var hintId = hint ? PL.id("hint") : null;
    control.setAttribute("aria-describedby", (hintId ? hintId + " " : "") + errorId);
    return h("div", { class: "field", "data-field": name }, [
      h("label", { for: control.id }, label),
      hint ? h("p", { class: "hint", id: hintId }, hint) : null,
      control,
      h("p", { class: "field-error", id: errorId, role: "alert" })
    ]);
  }

  function choice(type, name, value, label, checked) {
    var id = PL.id(name);
    return h("span", { class: "choice" }, [
      h("input", { type: type, name: name, id: id, value: value, checked: checked }),
      h("label", { for: id }, label)
    ]);
  }

  function showErrors(form, problem) {
    Array.prototype.forEach.call(form.querySelectorAll(".field-error"), function (e) {
      e.textContent = "";
    });
    var shown = false;
    (problem.errors || []).forEach(function (error) {
      var name = String(error.field || "").replace(/^.*\./, "").replace(/\[\d+\]$/, "");
      var target = form.querySelector('[data-field="' + name + '"] .field-error');
      if (target) {
        target.textContent = error.message;
        shown = true;
      }
    });
    if (!shown) {
      PL.notice(problem);
    } else {
      var first = form.querySelector(".field-error:not(:empty)");
      first.parentNode.querySelector("input, textarea, select").focus();
    }
  }

  function promptRow(prompt) {
    var textId = PL.id("prompt-text");
    var dateId = PL.id("prompt-date");
    var row = h("li", { class: "prompt-row" }, [
      h("label", { for: textId }, t("settings.promptText")),
      h("textarea", { id: textId, rows: "2", maxlength: "1000", class: "prompt-text" }, prompt.text || ""),
      h("label", { for: dateId }, t("settings.promptDate")),
      h("input", { id: dateId, type: "date", class: "prompt-date", value: prompt.dueOn || "" }),
      h(
        "button",
        {
          type: "button",
          class: "quiet danger",
          onclick: function () {
            row.remove();
            PL.resize();
          }
        },
        t("settings.removePrompt")
      )
    ]);
    return row;
  }

  /** A space's settings form; its submit hands the request body to {@code onSubmit}. */
  PL.settingsForm = function (space, options) {
    var grading = space.grading || { enabled: false, maximum: 100, thread: 3, reply: 2, rating: 1, story: 5, fullMarks: 20 };
    var title = h("input", { id: PL.id("title"), type: "text", maxlength: "512", required: true, value: space.title });
    var opens = h("input", { id: PL.id("opens"), type: "datetime-local", value: localValue(space.opensAt) });
    var closes = h("input", { id: PL.id("closes"), type: "datetime-local", value: localValue(space.closesAt) });
    var size = h("input", { id: PL.id("size"), type: "number", min: "3", max: "200", value: String(space.targetSize) });
    var topics = h("textarea", { id: PL.id("topics"), rows: "4" }, (space.topics || []).join("\n"));
    var onCompletion = h("input", { type: "checkbox", id: PL.id("completion"), checked: space.opensOnCompletion });
    var ratings = h("input", { type: "checkbox", id: PL.id("ratings"), checked: space.ratingsEnabled });
    var graded = h("input", { type: "checkbox", id: PL.id("graded"), checked: grading.enabled });
    var points = {};
    ["maximum", "thread", "reply", "rating", "story", "fullMarks"].forEach(function (name) {
      points[name] = h("input", {
        id: PL.id("grade-" + name),
        type: "number",
        min: name === "maximum" || name === "fullMarks" ? "1" : "0",
        max: name === "maximum" ? "1000" : name === "fullMarks" ? "10000" : "100",
        value: String(grading[name])
      });
    });
    var prompts = h("ol", { class: "prompt-rows" }, (space.prompts || []).map(promptRow));
    var form = h(
      "form",
      {
        class: "settings",
        novalidate: true,
        onsubmit: function (e) {
          e.preventDefault();
          submit();
        }
      },
      [
        options.heading ? h("h2", {}, options.heading) : null,
        field("title", t("settings.title"), title),
        h("fieldset", { "data-field": "phase", class: "field" }, [
          h("legend", {}, t("settings.phase")),
          choice("radio", "phase", "pre-course", t("phase.PRE_COURSE"), space.phase === "PRE_COURSE"),
          choice("radio", "phase", "post-course", t("phase.POST_COURSE"), space.phase === "POST_COURSE"),
          h("p", { class: "field-error", role: "alert" })
        ]),
        field("opensAt", t("settings.opensAt"), opens, t("settings.timeZone", { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })),
        field("closesAt", t("settings.closesAt"), closes, t("settings.closesHint")),
        h("div", { class: "field check", "data-field": "opensOnCompletion" }, [
          onCompletion,
          h("label", { for: onCompletion.id }, t("settings.opensOnCompletion")),
          h("p", { class: "field-error", role: "alert" })
        ]),
        field("targetSize", t("settings.targetSize"), size, t("settings.targetSizeHint")),
        h("fieldset", { "data-field": "grouping", class: "field" }, [
          h("legend", {}, t("settings.grouping")),
          choice("radio", "grouping", "topics", t("grouping.TOPICS"), space.grouping !== "LMS_GROUPS"),
          choice("radio", "grouping", "lms-groups", t("grouping.LMS_GROUPS"), space.grouping === "LMS_GROUPS"),
          h("p", { class: "field-error", role: "alert" })
        ]),
        field("topics", t("settings.topics"), topics, t("settings.topicsHint")),
        h("fieldset", { "data-field": "moderation", class: "field" }, [
          h("legend", {}, t("settings.moderation")),
          choice("radio", "moderation", "open", t("moderation.OPEN"), space.moderation !== "EXPERT_REVIEW"),
          choice("radio", "moderation", "expert-review", t("moderation.EXPERT_REVIEW"), space.moderation === "EXPERT_REVIEW"),
          h("p", { class: "field-error", role: "alert" })
        ]),
        h("div", { class: "field check", "data-field": "ratingsEnabled" }, [
          ratings,
          h("label", { for: ratings.id }, t("settings.ratings")),
          h("p", { class: "field-error", role: "alert" })
        ]),
        h("fieldset", { "data-field": "grading", class: "field" }, [
          h("legend", {}, t("settings.grading")),
          h("div", { class: "check" }, [graded, h("label", { for: graded.id }, t("settings.gradingOn"))]),
          field("maximum", t("settings.gradeMaximum"), points.maximum),
          h("details", {}, [
            h("summary", {}, t("settings.gradeFormula")),
            h("p", { class: "hint" }, t("settings.gradeFormulaHint")),
            field("thread", t("settings.pointsThread"), points.thread),
            field("reply", t("settings.pointsReply"), points.reply),
            field("rating", t("settings.pointsRating"), points.rating),
            field("story", t("settings.pointsStory"), points.story),
            field("fullMarks", t("settings.pointsFull"), points.fullMarks)
          ]),
          h("p", { class: "field-error", role: "alert" })
        ]),
        h("fieldset", { "data-field": "prompts", class: "field" }, [
          h("legend", {}, t("settings.prompts")),
          prompts,
          h(
            "button",
            {
              type: "button",
              class: "quiet",
              onclick: function () {
                var row = promptRow({});
                prompts.append(row);
                row.querySelector("textarea").focus();
                PL.resize();
              }
            },
            t("settings.addPrompt")
          ),
          h("p", { class: "field-error", role: "alert" })
        ]),
        h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, options.submitLabel))
      ]
    );

    function checked(name) {
      var input = form.querySelector('input[name="' + name + '"]:checked');
      return input ? input.value : null;
    }

    function number(input) {
      return input.value === "" ? null : Number(input.value);
    }

    function submit() {
      if (!title.value.trim()) {
        return showErrors(form, { errors: [{ field: "title", message: t("form.required") }] });
      }
      var body = {
        title: title.value.trim(),
        phase: checked("phase"),
        opensAt: opens.value ? new Date(opens.value).toISOString() : null,
        closesAt: closes.value ? new Date(closes.value).toISOString() : null,
        opensOnCompletion: onCompletion.checked,
        targetSize: size.value ? Number(size.value) : null,
        grouping: checked("grouping"),
        moderation: checked("moderation"),
        ratingsEnabled: ratings.checked,
        grading: {
          enabled: graded.checked,
          maximum: number(points.maximum),
          thread: number(points.thread),
          reply: number(points.reply),
          rating: number(points.rating),
          story: number(points.story),
          fullMarks: number(points.fullMarks)
        },
        topics: topics.value
          .split("\n")
          .map(function (line) {
            return line.trim();
          })
          .filter(Boolean),
        prompts: Array.prototype.map
          .call(prompts.children, function (row) {
            return {
              text: row.querySelector(".prompt-text").value.trim(),
              dueOn: row.querySelector(".prompt-date").value || null
            };
          })
          .filter(function (prompt) {
            return prompt.text;
          })
      };
      options.onSubmit(body).catch(function (problem) {
        showErrors(form, problem);
      });
    }

    return form;
  };

  /** A new space's settings, as a designer starts them. */
  PL.newSpace = function () {
    return {
      title: PL.state.me.courseTitle || "",
      phase: "PRE_COURSE",
      targetSize: 17,
      grouping: "TOPICS",
      moderation: "OPEN",
      ratingsEnabled: true,
      topics: [],
      prompts: []
    };
  };

  /**
   * The module chosen in the settings, while the settings view shows one: the form's one Save
   * attaches it too, so no choice is left unsaved behind a second button.
   */
  var moduleChoice = null;

  /** Attaches the chosen module when it changed; resolves to what to announce, or null. */
  function attachChosenModule(space) {
    var choice = moduleChoice;
    if (!choice || choice.select.value === choice.attached) {
      return Promise.resolve(null);
    }
    return PL.api("v1/spaces/" + space.id + "/lms-module", {
      method: "PUT",
      body: { moduleId: choice.select.value ? Number(choice.select.value) : null }
    }).then(function (saved) {
      PL.state.space = saved;
      return saved.lmsModuleName ? t("module.saved", { module: saved.lmsModuleName }) : t("module.savedNone");
    });
  }

  /**
   * The LMS module the space is attached to, chosen from the real course (read live through the
   * platform's Moodle bridge): a post-course space that opens on completion opens for each
   * learner when they complete it. Saved with the settings form's Save.
   */
  function moduleSection(space) {
    moduleChoice = null;
    var status = h("p", { class: "hint", role: "status" });
    var section = h("section", { class: "lms-module", "aria-labelledby": "lms-module-title" }, [
      h("h3", { id: "lms-module-title" }, t("module.heading")),
      h("p", { class: "hint" }, t(space.opensOnCompletion ? "module.hintCompletion" : "module.hint")),
      status
    ]);
    status.textContent = t("module.loading");
    PL.api("v1/spaces/" + space.id + "/lms-outline").then(
      function (outline) {
        status.textContent = "";
        var id = PL.id("module");
        var groups = [];
        var current = null;
        outline.modules.forEach(function (m) {
          if (m.modname === "subsection") {
            return;
          }
          if (!current || current.label !== m.section) {
            current = { label: m.section, options: [] };
            groups.push(current);
          }
          var name = (m.depth ? "\u2014 " : "") + m.name + (m.thisActivity ? " " + t("module.thisActivity") : "");
          current.options.push(
            h("option", { value: String(m.id), selected: outline.attachedModuleId === m.id }, m.tracksCompletion ? name : name + " " + t("module.noCompletion"))
          );
        });
        var select = h(
          "select",
          { id: id },
          [h("option", { value: "", selected: outline.attachedModuleId == null }, t("module.none"))].concat(
            groups.map(function (g) {
              return h("optgroup", { label: g.label }, g.options);
            })
          )
        );
        moduleChoice = {
          select: select,
          attached: outline.attachedModuleId == null ? "" : String(outline.attachedModuleId)
        };
        if (space.lmsModuleName) {
          status.textContent = t("module.saved", { module: space.lmsModuleName });
        }
        section.insertBefore(h("div", { class: "field" }, [h("label", { for: id }, t("module.label")), select]), status);
        PL.resize();
      },
      function (problem) {
        status.textContent = problem && problem.reason === "bridge-not-configured" ? t("module.noBridge") : PL.sentence(problem);
        PL.resize();
      }
    );
    return section;
  }

  /**
   * The SharePoint pages that open this space too: one space, two doors, the same cohorts and
   * posts. The PeerLoop web part on a page shows its owner the three ids entered here; the request
   * then waits until someone who can edit the page enters its code in the web part.
   */
  function sharePointSection(space) {
    var status = h("p", { class: "hint", role: "status" });
    var list = h("ul", { class: "sharepoint-page-list" });
    var awaiting = h("ul", { class: "sharepoint-awaiting-list" });
    var issued = h("div", { class: "sharepoint-code", "aria-live": "polite" });
    var section = h("section", { class: "sharepoint-pages", "aria-labelledby": "sharepoint-title" }, [
      h("h3", { id: "sharepoint-title" }, t("sharepoint.heading")),
      h("p", { class: "hint" }, t("sharepoint.hint")),
      list,
      awaiting
    ]);

    function takeOff(tenantId, siteId, pageId, done) {
      var path = [tenantId, siteId, pageId].map(encodeURIComponent).join("/");
      PL.api("v1/spaces/" + space.id + "/sharepoint-pages/" + path, { method: "DELETE" }).then(function () {
        status.textContent = t(done);
        issued.textContent = "";
        load();
      }, function (problem) {
        status.textContent = PL.sentence(problem);
      });
    }

    function input(name, label, hint) {
      return field(name, label, h("input", { id: PL.id(name), name: name, type: "text", autocomplete: "off", spellcheck: "false" }), hint);
    }

    function render(pages) {
      list.textContent = "";
      awaiting.textContent = "";
      pages.sites.forEach(function (site) {
        site.pages
          .filter(function (page) {
            return page.spaceId === space.id;
          })
          .forEach(function (page) {
            var who = site.audience === "GROUP" ? t("sharepoint.group", { group: site.groupId }) : t("sharepoint.organisation");
            var roster = site.syncError
              ? t("sharepoint.rosterFailed")
              : site.audience === "GROUP" && site.syncedAt
                ? PL.tn("sharepoint.rosterRead", site.membersSeen)
                : site.audience === "GROUP"
                  ? t("sharepoint.rosterPending")
                  : "";
            list.append(
              h("li", {}, [
                h("span", {}, t("sharepoint.page", { site: site.siteId, page: page.pageId }) + " " + who + (roster ? " " + roster : "")),
                " ",
                h(
                  "button",
                  {
                    type: "button",
                    class: "quiet",
                    onclick: function () {
                      takeOff(site.tenantId, site.siteId, page.pageId, "sharepoint.removed");
                    }
                  },
                  t("sharepoint.remove")
                )
              ])
            );
          });
      });
      if (!list.children.length) {
        list.append(h("li", { class: "hint" }, t("sharepoint.none")));
      }
      pages.awaiting.forEach(function (claim) {
        awaiting.append(
          h("li", {}, [
            h("span", {}, t("sharepoint.page", { site: claim.siteId, page: claim.pageId }) + " " + t("sharepoint.awaiting", { until: PL.dateTime(claim.expiresAt) })),
            " ",
            h(
              "button",
              {
                type: "button",
                class: "quiet",
                onclick: function () {
                  takeOff(claim.tenantId, claim.siteId, claim.pageId, "sharepoint.withdrawn");
                }
              },
              t("sharepoint.withdraw")
            )
          ])
        );
      });
      PL.resize();
    }

    function load() {
      PL.api("v1/spaces/" + space.id + "/sharepoint-pages").then(render, function (problem) {
        status.textContent = PL.sentence(problem);
      });
    }

    var group = input("groupId", t("sharepoint.groupId"), t("sharepoint.groupIdHint"));
    var audience = h("fieldset", { class: "field", "data-field": "audience" }, [
      h("legend", {}, t("sharepoint.audience")),
      choice("radio", "audience", "ORGANISATION", t("sharepoint.audienceOrganisation"), true),
      choice("radio", "audience", "GROUP", t("sharepoint.audienceGroup"), false),
      h("p", { class: "field-error", role: "alert" })
    ]);
    var nestedBox = h("input", { type: "checkbox", id: PL.id("nestedGroups"), name: "nestedGroups" });
    var nested = h("div", { class: "field check", "data-field": "nestedGroups" }, [
      nestedBox,
      h("label", { for: nestedBox.id }, t("sharepoint.nestedGroups"))
    ]);
    var form = h(
      "form",
      {
        class: "sharepoint-form",
        onsubmit: function (e) {
          e.preventDefault();
          var value = function (name) {
            return form.querySelector('[name="' + name + '"]').value.trim();
          };
          var byGroup = form.querySelector('[name="audience"]:checked').value === "GROUP";
          PL.api("v1/spaces/" + space.id + "/sharepoint-pages", {
            method: "PUT",
            body: {
              tenantId: value("tenantId"),
              siteId: value("siteId"),
              pageId: value("pageId"),
              audience: byGroup ? "GROUP" : "ORGANISATION",
              groupId: byGroup ? value("groupId") : null,
              nestedGroups: byGroup && nestedBox.checked
            }
          }).then(function (claim) {
            Array.prototype.forEach.call(form.querySelectorAll(".field-error"), function (error) {
              error.textContent = "";
            });
            form.reset();
            status.textContent = "";
            issued.textContent = "";
            issued.append(
              h("p", {}, t("sharepoint.requested", { until: PL.dateTime(claim.expiresAt) })),
              h("p", { class: "code" }, h("code", {}, claim.code))
            );
            load();
          }, function (problem) {
            status.textContent = "";
            if (problem && problem.errors && problem.errors.length) {
              showErrors(form, problem);
            } else {
              status.textContent = PL.sentence(problem);
            }
          });
        }
      },
      [
        input("tenantId", t("sharepoint.tenantId")),
        input("siteId", t("sharepoint.siteId")),
        input("pageId", t("sharepoint.pageId")),
        audience,
        group,
        nested,
        h("div", { class: "actions" }, h("button", { type: "submit", class: "quiet" }, t("sharepoint.save")))
      ]
    );
    section.append(form, status, issued);
    load();
    return section;
  }

  /** Everything a designer sets for the module's space. */
  PL.views.settings = function (view) {
    var form = PL.settingsForm(PL.state.space || PL.newSpace(), {
      heading: PL.state.space ? t("settings.heading") : t("settings.createHeading"),
      submitLabel: t("settings.save"),
      onSubmit: function (body) {
        return PL.api("v1/space", { method: "PUT", body: body }).then(function (saved) {
          PL.state.space = saved;
          return attachChosenModule(saved).then(function (attached) {
            PL.announce(attached ? t("settings.saved") + " " + attached : t("settings.saved"));
            PL.renderNav();
            PL.views.settings(view);
          });
        });
      }
    });
    PL.show(
      view,
      form,
      PL.state.space ? moduleSection(PL.state.space) : null,
      PL.state.space ? sharePointSection(PL.state.space) : null
    );
    return Promise.resolve();
  };

  /** The cohort a facilitator reads and writes in, chosen from all of the space's cohorts. */
  PL.cohortPicker = function (view) {
    var cohorts = PL.state.cohorts || [];
    if (!cohorts.length) {
      return h("p", { class: "note" }, t("cohorts.none"));
    }
    var id = PL.id("cohort");
    var select = h(
      "select",
      {
        id: id,
        onchange: function () {
          PL.state.cohort = cohorts.filter(function (c) {
            return String(c.id) === select.value;
          })[0];
          PL.state.mentionable = PL.mentionable(PL.state.cohort);
          PL.views.home(view);
        }
      },
      cohorts.map(function (cohort) {
        return h(
          "option",
          { value: String(cohort.id), selected: PL.state.cohort && PL.state.cohort.id === cohort.id },
          t("cohort.heading", { number: cohort.number }) + " · " + PL.tn("cohort.people", cohort.members.length)
        );
      })
    );
    return h("div", { class: "filter picker" }, [h("label", { for: id }, t("cohorts.show")), select]);
  };

  /** Cohorts and their members; a facilitator can move a member, with a reason for the audit. */
  PL.views.cohorts = function (view) {
    return PL.loadCohorts().then(function (cohorts) {
      function moveForm(member, from) {
        var selectId = PL.id("target");
        var reasonId = PL.id("reason");
        var select = h(
          "select",
          { id: selectId },
          cohorts
            .filter(function (c) {
              return c.id !== from.id;
            })
            .map(function (c) {
              return h("option", { value: String(c.id) }, t("cohort.heading", { number: c.number }));
            })
        );
        var reason = h("input", { id: reasonId, type: "text", maxlength: "500" });
        return h(
          "form",
          {
            class: "move",
            onsubmit: function (e) {
              e.preventDefault();
              PL.api("v1/members/" + member.id + "/move", {
                method: "POST",
                body: { cohortId: Number(select.value), reason: reason.value.trim() || null }
              }).then(function () {
                PL.announce(t("cohorts.moved", { name: member.person.name }));
                PL.views.cohorts(view);
              }, PL.notice);
            }
          },
          [
            h("label", { for: selectId }, t("cohorts.moveTo", { name: member.person.name })),
            select,
            h("label", { for: reasonId }, t("cohorts.reason")),
            reason,
            h("button", { type: "submit" }, t("cohorts.move"))
          ]
        );
      }
      function section(cohort) {
        var headingId = PL.id("cohort");
        return h("section", { class: "cohort", "aria-labelledby": headingId }, [
          h("h3", { id: headingId }, t("cohort.heading", { number: cohort.number }) + " · " + PL.tn("cohort.people", cohort.members.length)),
          h("table", {}, [
            h("thead", {}, h("tr", {}, [
              h("th", { scope: "col" }, t("cohorts.name")),
              h("th", { scope: "col" }, t("cohorts.topics")),
              h("th", { scope: "col" }, t("cohorts.role")),
              h("th", { scope: "col" }, t("cohorts.actions"))
            ])),
            h(
              "tbody",
              {},
              cohort.members.map(function (member) {
                var cell = h("td", {});
                if (cohorts.length > 1) {
                  cell.append(
                    h(
                      "button",
                      {
                        type: "button",
                        class: "quiet",
                        onclick: function () {
                          PL.show(cell, moveForm(member, cohort));
                          cell.querySelector("select").focus();
                          PL.resize();
                        }
                      },
                      t("cohorts.move")
                    )
                  );
                }
                if (PL.state.space.moderation === "EXPERT_REVIEW" && member.role !== "FACILITATOR") {
                  var reviewer = member.role === "EXPERT_REVIEWER";
                  cell.append(
                    h(
                      "button",
                      {
                        type: "button",
                        class: "quiet",
                        onclick: function () {
                          PL.api("v1/members/" + member.id + "/role", {
                            method: "PUT",
                            body: { role: reviewer ? "learner" : "expert-reviewer" }
                          }).then(function () {
                            PL.announce(t("cohorts.roleChanged", { name: member.person.name }));
                            PL.views.cohorts(view);
                          }, PL.notice);
                        }
                      },
                      reviewer ? t("cohorts.makeLearner") : t("cohorts.makeReviewer")
                    )
                  );
                }
                return h("tr", {}, [
                  h("th", { scope: "row" }, member.person.name),
                  h("td", {}, (member.topics || []).join(", ")),
                  h("td", {}, t("role." + member.role)),
                  cell
                ]);
              })
            )
          ])
        ]);
      }
      var list = h("div", { class: "cohort-list" }, cohorts.map(section));
      var more = h(
        "button",
        {
          type: "button",
          class: "quiet",
          hidden: cohorts.length < PL.COHORT_PAGE,
          onclick: function () {
            var last = cohorts[cohorts.length - 1];
            PL.api("v1/spaces/" + PL.state.space.id + "/cohorts?after=" + last.number + "&limit=" + PL.COHORT_PAGE).then(function (page) {
              page.forEach(function (cohort) {
                cohorts.push(cohort);
                list.append(section(cohort));
              });
              more.hidden = page.length < PL.COHORT_PAGE;
              PL.resize();
            }, PL.notice);
          }
        },
        t("cohorts.more")
      );
      PL.show(
        view,
        h("h2", {}, t("cohorts.heading")),
        cohorts.length ? null : h("p", { class: "empty" }, t("cohorts.none")),
        list,
        more
      );
    });
  };

  /** Held posts: approve, or reject with the reason the author will read. */
  PL.views.review = function (view) {
    return PL.api("v1/spaces/" + PL.state.space.id + "/review-queue").then(function (posts) {
      function decide(post, decision, reason) {
        return PL.api("v1/posts/" + post.id + "/review", {
          method: "POST",
          body: { decision: decision, reason: reason || null }
        }).then(function () {
          PL.announce(decision === "approve" ? t("review.approved") : t("review.rejected"));
          PL.views.review(view);
        }, PL.notice);
      }
      PL.show(view, 
        h("h2", {}, t("review.heading")),
        posts.length ? null : h("p", { class: "empty" }, t("review.empty")),
        posts.map(function (post) {
          var card = PL.postCard(post, { level: "reply" });
          var reasonId = PL.id("reason");
          var errorId = PL.id("error");
          var reason = h("textarea", { id: reasonId, rows: "3", maxlength: "1000", "aria-describedby": errorId });
          var error = h("p", { class: "field-error", id: errorId, role: "alert" });
          card.append(
            h("div", { class: "decision" }, [
              h("button", { type: "button", class: "primary", onclick: function () { decide(post, "approve"); } }, t("review.approve")),
              h(
                "form",
                {
                  class: "reject",
                  novalidate: true,
                  onsubmit: function (e) {
                    e.preventDefault();
                    if (!reason.value.trim()) {
                      error.textContent = t("review.reasonRequired");
                      reason.setAttribute("aria-invalid", "true");
                      reason.focus();
                      return;
                    }
                    decide(post, "reject", reason.value.trim());
                  }
                },
                [h("label", { for: reasonId }, t("review.reason")), reason, error, h("button", { type: "submit" }, t("review.reject"))]
              )
            ])
          );
          return card;
        })
      );
    });
  };

  /** Posts members flagged: keep them (close the flags) or delete them. */
  PL.views.flags = function (view) {
    return PL.api("v1/spaces/" + PL.state.space.id + "/flags").then(function (flags) {
      var byPost = {};
      var order = [];
      flags.forEach(function (flag) {
        if (!byPost[flag.postId]) {
          byPost[flag.postId] = { post: flag.post, reasons: [] };
          order.push(flag.postId);
        }
        byPost[flag.postId].reasons.push(flag);
      });
      PL.show(view, 
        h("h2", {}, t("flags.heading")),
        order.length ? null : h("p", { class: "empty" }, t("flags.empty")),
        order.map(function (postId) {
          var entry = byPost[postId];
          var card = PL.postCard(entry.post, { level: "reply" });
          card.append(
            h("p", { class: "meta" }, PL.tn("flags.count", entry.reasons.length)),
            h(
              "ul",
              { class: "flag-reasons" },
              entry.reasons.map(function (flag) {
                return h("li", {}, [flag.reason || t("flags.noReason"), " · ", PL.dateTime(flag.flaggedAt)]);
              })
            ),
            h("div", { class: "actions" }, [
              h(
                "button",
                {
                  type: "button",
                  onclick: function () {
                    PL.api("v1/posts/" + postId + "/flags/resolution", { method: "POST" }).then(function () {
                      PL.announce(t("flags.kept"));
                      PL.views.flags(view);
                    }, PL.notice);
                  }
                },
                t("flags.keep")
              ),
              h(
                "button",
                {
                  type: "button",
                  class: "danger",
                  onclick: function () {
                    PL.api("v1/posts/" + postId + "?reason=" + encodeURIComponent(t("flags.deleteReason")), { method: "DELETE" }).then(function () {
                      PL.announce(t("flags.deleted"));
                      PL.views.flags(view);
                    }, PL.notice);
                  }
                },
                t("flags.delete")
              )
            ])
          );
          return card;
        })
      );
    });
  };
})();
