// The learner's views: choosing topics on the first visit, the cohort home (phase, people,
// agenda, threads), a thread with its replies, and the space's best-of.
(function () {
  "use strict";
  var PL = window.PeerLoop;
  var h = PL.h;
  var t = PL.t;
  var SORTS = ["newest", "top-rated", "unanswered"];

  function phaseBanner(space, cohort) {
    var dates = [];
    if (space.opensAt) {
      dates.push(t("space.opens", { date: PL.dateTime(space.opensAt) }));
    }
    if (space.closesAt) {
      dates.push(t("space.closes", { date: PL.dateTime(space.closesAt) }));
    }
    if (space.opensOnCompletion) {
      dates.push(space.lmsModuleName ? t("space.opensOnCompletionOf", { module: space.lmsModuleName }) : t("space.opensOnCompletion"));
    }
    var members = cohort ? cohort.members : [];
    return h("section", { class: "phase", "aria-labelledby": "space-title" }, [
      h("p", { class: "badge phase-" + space.phase.toLowerCase() }, t("phase." + space.phase)),
      h("h2", { id: "space-title" }, space.title),
      dates.length ? h("p", { class: "dates" }, dates.join(" · ")) : null,
      space.open ? null : h("p", { class: "note", role: "status" }, t("space.notOpen")),
      cohort
        ? h("details", { class: "people" }, [
            h(
              "summary",
              {},
              t("cohort.heading", { number: cohort.number }) + " · " + PL.tn("cohort.people", members.length)
            ),
            h(
              "ul",
              { class: "member-list" },
              members.map(function (member) {
                return h("li", {}, [
                  member.person.name,
                  member.role === "EXPERT_REVIEWER"
                    ? h("span", { class: "badge" }, t("role.EXPERT_REVIEWER"))
                    : null,
                  member.topics && member.topics.length
                    ? h("span", { class: "topics" }, member.topics.join(", "))
                    : null
                ]);
              })
            )
          ])
        : null
    ]);
  }

  function agenda(space, onDiscuss) {
    if (!space.prompts || !space.prompts.length) {
      return null;
    }
    return h("section", { class: "agenda", "aria-labelledby": "agenda-title" }, [
      h("h2", { id: "agenda-title" }, t("agenda.heading")),
      h(
        "ol",
        {},
        space.prompts.map(function (prompt) {
          return h("li", {}, [
            h("p", {}, prompt.text),
            prompt.dueOn ? h("p", { class: "meta" }, t("agenda.due", { date: PL.day(prompt.dueOn) })) : null,
            h(
              "button",
              {
                type: "button",
                class: "quiet",
                onclick: function () {
                  onDiscuss(prompt);
                }
              },
              t("agenda.discuss")
            )
          ]);
        })
      )
    ]);
  }

  function rememberTags(threads) {
    var known = PL.state.knownTags || [];
    threads.forEach(function (post) {
      (post.tags || []).forEach(function (tag) {
        if (known.indexOf(tag) < 0) {
          known.push(tag);
        }
      });
    });
    PL.state.knownTags = known.sort();
  }

  /** The threads of a cohort with their sort, filters and "show more". */
  function threadList(cohortId, filters) {
    var list = h("div", { class: "thread-list", "aria-live": "polite", "aria-busy": "true" });
    var more = h("button", { type: "button", class: "quiet", hidden: true }, t("threads.more"));
    var cursor = null;

    function load(append) {
      var query = ["sort=" + filters.sort];
      if (filters.kind) {
        query.push("kind=" + filters.kind);
      }
      if (filters.tag) {
        query.push("tag=" + encodeURIComponent(filters.tag));
      }
      if (filters.prompt) {
        query.push("prompt=" + filters.prompt);
      }
      if (append && cursor) {
        query.push("cursor=" + encodeURIComponent(cursor));
      }
      list.setAttribute("aria-busy", "true");
      return PL.api("v1/cohorts/" + cohortId + "/threads?" + query.join("&")).then(function (page) {
        rememberTags(page.threads);
        var cards = page.threads.map(function (post) {
          return PL.postCard(post, { level: "list" });
        });
        if (append) {
          list.append.apply(list, cards);
        } else if (cards.length) {
          list.replaceChildren.apply(list, cards);
        } else {
          PL.show(list, h("p", { class: "empty" }, t("threads.empty")));
        }
        cursor = page.nextCursor || null;
        more.hidden = !cursor;
        list.setAttribute("aria-busy", "false");
        PL.resize();
      }, PL.notice);
    }

    more.addEventListener("click", function () {
      load(true);
    });
    return { element: h("div", {}, [list, more]), load: load };
  }

  function filterBar(filters, onChange) {
    var tabs = h(
      "div",
      { class: "sorts", role: "group", "aria-label": t("threads.sort") },
      SORTS.map(function (sort) {
        return h(
          "button",
          {
            type: "button",
            class: "tab",
            "aria-pressed": filters.sort === sort ? "true" : "false",
            onclick: function (e) {
              filters.sort = sort;
              Array.prototype.forEach.call(tabs.children, function (b) {
                b.setAttribute("aria-pressed", b === e.currentTarget ? "true" : "false");
              });
              onChange();
            }
          },
          t("sort." + sort)
        );
      })
    );
    var kindId = PL.id("kind-filter");
    var kind = h(
      "select",
      {
        id: kindId,
        onchange: function () {
          filters.kind = kind.value || null;
          onChange();
        }
      },
      [h("option", { value: "" }, t("threads.allKinds"))].concat(
        ["discussion", "question", "applied-story"].map(function (code) {
          return h("option", { value: code }, t("kind." + code));
        })
      )
    );
    var tagId = PL.id("tag-filter");
    var listId = PL.id("tags");
    var tag = h("input", {
      id: tagId,
      type: "search",
      list: listId,
      // A tag is at most 50 characters (and its #); the server says so too.
      maxlength: "51",
      placeholder: "#",
      onchange: function () {
        filters.tag = tag.value.replace(/^#/, "").trim() || null;
        onChange();
      }
    });
    var datalist = h("datalist", { id: listId });
    tag.addEventListener("focus", function () {
      datalist.replaceChildren.apply(
        datalist,
        (PL.state.knownTags || []).map(function (known) {
          return h("option", { value: known });
        })
      );
    });
    return h("div", { class: "filters" }, [
      tabs,
      h("span", { class: "filter" }, [h("label", { for: kindId }, t("threads.kind")), kind]),
      h("span", { class: "filter" }, [h("label", { for: tagId }, t("threads.tag")), tag, datalist])
    ]);
  }

  /** The cohort home: who, what to discuss, and the conversation. */
  PL.views.home = function (view) {
    var space = PL.state.space;
    var cohort = PL.state.cohort;
    if (!cohort) {
      return PL.views.chooseCohort(view);
    }
    var filters = { sort: "newest", kind: null, tag: null, prompt: null };
    var threads = threadList(cohort.id, filters);
    var composerSlot = h("div", { class: "composer-slot" });
    var promptNote = h("p", { class: "note", hidden: true, role: "status" });

    function openComposer(prompt) {
      var form = PL.composer({
        cohortId: cohort.id,
        promptId: prompt ? prompt.id : null,
        onDone: function (post) {
          PL.show(composerSlot, startButton);
          PL.announce(post.status === "HELD" ? t("composer.sentForReview") : t("composer.posted"));
          threads.load(false);
        },
        onCancel: function () {
          PL.show(composerSlot, startButton);
          startButton.focus();
          PL.resize();
        }
      });
      PL.show(composerSlot, form);
      var first = form.querySelector("input, [contenteditable]");
      if (first) {
        first.focus();
      }
      PL.resize();
    }

    var startButton = h(
      "button",
      {
        type: "button",
        class: "primary",
        onclick: function () {
          openComposer(null);
        }
      },
      t("threads.start")
    );
    composerSlot.append(space.open ? startButton : "");

    function discuss(prompt) {
      filters.prompt = prompt.id;
      promptNote.hidden = false;
      PL.show(promptNote, 
        t("threads.forPrompt", { prompt: PL.excerpt(prompt.text, 80) }) + " ",
        h(
          "button",
          {
            type: "button",
            class: "quiet",
            onclick: function () {
              filters.prompt = null;
              promptNote.hidden = true;
              threads.load(false);
            }
          },
          t("threads.allPrompts")
        )
      );
      threads.load(false);
      if (space.open) {
        openComposer(prompt);
      }
    }

    PL.show(view, 
      phaseBanner(space, PL.state.facilitator ? null : cohort),
      PL.state.facilitator ? PL.cohortPicker(view) : goToPeople(cohort),
      agenda(space, discuss),
      h("section", { class: "discussion", "aria-labelledby": "threads-title" }, [
        h("h2", { id: "threads-title" }, t("threads.heading")),
        composerSlot,
        filterBar(filters, function () {
          threads.load(false);
        }),
        promptNote,
        threads.element
      ])
    );
    return threads.load(false);
  };

  /**
   * The people of the cohort others turn to (replies and ratings they draw, the bridges they make):
   * names only, filled in when known; nothing is shown while there are none.
   */
  function goToPeople(cohort) {
    var section = h("p", { class: "go-to", hidden: true });
    PL.api("v1/cohorts/" + cohort.id + "/go-to-people").then(
      function (found) {
        if (found.names.length) {
          PL.show(section, t("cohort.goToPeople", { names: found.names.join(", ") }));
          section.hidden = false;
          PL.resize();
        }
      },
      function () {
        // A hint, not the page's purpose: without it the cohort home is complete.
      }
    );
    return section;
  }

  /** A thread with its replies and the reply composer. */
  PL.views.thread = function (view, postId) {
    return PL.api("v1/posts/" + postId).then(function (found) {
      function reload() {
        return PL.views.thread(view, postId);
      }
      var replySlot = h("div", { class: "reply-slot" });
      var replyForm = null;
      function focusReply() {
        if (replyForm) {
          replyForm.querySelector("[contenteditable]").focus();
        }
      }
      if (PL.state.space.open && found.thread.status === "PUBLISHED" && PL.state.cohort) {
        replyForm = PL.composer({
          cohortId: PL.state.cohort.id,
          replyTo: found.thread.id,
          onDone: function (post) {
            PL.announce(post.status === "HELD" ? t("composer.sentForReview") : t("composer.replied"));
            reload();
          }
        });
        replySlot.append(replyForm);
      }
      var common = {
        onChange: reload,
        onDeleted: function () {
          PL.go("");
        }
      };
      PL.show(view, 
        h("p", {}, h("a", { href: "#/", class: "back" }, t("thread.back"))),
        PL.postCard(found.thread, Object.assign({ level: "thread", onReply: focusReply }, common)),
        h("section", { class: "replies", "aria-labelledby": "replies-title" }, [
          h("h3", { id: "replies-title" }, PL.tn("post.replies", found.replies.length)),
          found.replies.map(function (reply) {
            return PL.postCard(reply, {
              level: "reply",
              onChange: reload,
              onDeleted: reload,
              onReply: focusReply
            });
          }),
          replySlot
        ])
      );
      var heading = view.querySelector("h2");
      if (heading && document.activeElement === document.body) {
        heading.focus();
      }
    });
  };

  /** The first visit: up to three topics, then the cohort that fits. */
  PL.views.topics = function (view) {
    var space = PL.state.space;
    var error = h("p", { class: "field-error", role: "alert" });
    var boxes = space.topics.map(function (topic) {
      var id = PL.id("topic");
      var box = h("input", { type: "checkbox", id: id, value: topic });
      box.addEventListener("change", function () {
        var chosen = boxes.filter(function (b) {
          return b.input.checked;
        });
        boxes.forEach(function (b) {
          b.input.disabled = !b.input.checked && chosen.length >= 3;
        });
        error.textContent = "";
      });
      return { input: box, element: h("li", { class: "choice" }, [box, h("label", { for: id }, topic)]) };
    });
    if (space.waitingForCompletion) {
      PL.show(view, phaseBanner(space, null), h("p", { class: "note", role: "status" },
        space.lmsModuleName ? t("space.waitingFor", { module: space.lmsModuleName }) : t("space.waitingForCourse")));
      return Promise.resolve();
    }
    function join(topics) {
      return PL.api("v1/spaces/" + space.id + "/membership", { method: "POST", body: { topics: topics } }).then(
        function (cohort) {
          PL.state.cohort = cohort;
          PL.state.mentionable = PL.mentionable(cohort);
          PL.announce(t("topics.joined", { number: cohort.number }));
          PL.go("");
        },
        PL.notice
      );
    }
    if (!space.topics.length) {
      return join([]);
    }
    PL.show(view, 
      phaseBanner(space, null),
      h(
        "form",
        {
          class: "topics",
          novalidate: true,
          onsubmit: function (e) {
            e.preventDefault();
            join(
              boxes
                .filter(function (b) {
                  return b.input.checked;
                })
                .map(function (b) {
                  return b.input.value;
                })
            );
          }
        },
        [
          h("fieldset", {}, [
            h("legend", {}, h("h2", {}, t("topics.heading"))),
            h("p", { class: "hint" }, t("topics.hint")),
            PL.state.cohort ? h("p", { class: "hint" }, t("topics.placed", { number: PL.state.cohort.number })) : null,
            h(
              "ul",
              { class: "choices" },
              boxes.map(function (b) {
                return b.element;
              })
            ),
            error
          ]),
          h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, t("topics.join")))
        ]
      )
    );
    return Promise.resolve();
  };

  /** The space's best-of: the knowledge to keep after the course. */
  PL.views.bestOf = function (view) {
    var space = PL.state.space;
    return PL.api("v1/spaces/" + space.id + "/best-of").then(function (best) {
      function download(name, type, content) {
        var link = h("a", { href: URL.createObjectURL(new Blob([content], { type: type })), download: name });
        document.body.appendChild(link);
        link.click();
        link.remove();
      }
      var exports = h("div", { class: "actions" }, [
        h(
          "button",
          {
            type: "button",
            class: "quiet",
            onclick: function () {
              PL.api("v1/spaces/" + space.id + "/best-of.html", { accept: "text/html" }).then(function (html) {
                download("best-of.html", "text/html", html);
              }, PL.notice);
            }
          },
          t("best.exportHtml")
        ),
        h(
          "button",
          {
            type: "button",
            class: "quiet",
            onclick: function () {
              download("best-of.json", "application/json", JSON.stringify(best, null, 2));
            }
          },
          t("best.exportJson")
        )
      ]);
      PL.show(view, 
        h("h2", {}, t("best.heading")),
        h("p", { class: "hint" }, t("best.hint")),
        best.posts.length ? exports : null,
        best.posts.length
          ? best.posts.map(function (post) {
              return PL.postCard(post, {
                level: "thread",
                onChange: function () {
                  PL.views.bestOf(view);
                },
                onDeleted: function () {
                  PL.views.bestOf(view);
                }
              });
            })
          : h("p", { class: "empty" }, t("best.empty"))
      );
    });
  };
})();
