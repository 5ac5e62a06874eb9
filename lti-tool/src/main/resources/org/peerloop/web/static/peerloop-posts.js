// Posts as people see them, the composer that writes them, and what one can do to a post:
// rate, reply, flag, edit, delete, and for facilitators endorse, pin and collect.
(function () {
  "use strict";
  var PL = window.PeerLoop;
  var h = PL.h;
  var t = PL.t;
  var KINDS = ["discussion", "question", "applied-story"];
  var EDIT_WINDOW_MS = 30 * 60 * 1000;

  function kindCode(kind) {
    return String(kind || "DISCUSSION").toLowerCase().replace(/_/g, "-");
  }

  /** The text of sanitized HTML, for an excerpt; DOMParser documents run no script. */
  function plainText(html) {
    return new DOMParser().parseFromString(html || "", "text/html").body.textContent.trim();
  }

  PL.excerpt = function (html, length) {
    var text = plainText(html);
    return text.length > length ? text.slice(0, length - 1).trimEnd() + "…" : text;
  };

  function isMine(post) {
    return post.author && post.author.id === PL.state.me.personId;
  }

  function badges(post) {
    var list = [];
    if (post.pinned) {
      list.push(h("span", { class: "badge pinned" }, t("post.pinned")));
    }
    if (post.endorsed) {
      list.push(h("span", { class: "badge endorsed" }, t("post.endorsed")));
    }
    if (post.bestOf) {
      list.push(h("span", { class: "badge best" }, t("post.bestOf")));
    }
    if (post.threadId == null) {
      list.push(h("span", { class: "badge kind" }, t("kind." + kindCode(post.kind))));
    }
    if (post.status === "HELD") {
      list.push(h("span", { class: "badge held" }, t("post.held")));
    } else if (post.status === "REJECTED") {
      list.push(h("span", { class: "badge rejected" }, t("post.rejected")));
    }
    return list.length ? h("p", { class: "badges" }, list) : null;
  }

  function meta(post) {
    return h("p", { class: "meta" }, [
      h("span", { class: "author" }, post.author.name),
      " · ",
      h("time", { datetime: post.createdAt }, PL.dateTime(post.createdAt)),
      post.editedAt ? " · " + t("post.edited") : null
    ]);
  }

  function ratingSummary(post) {
    var rating = post.rating || { count: 0 };
    return h(
      "span",
      { class: "rating-summary" },
      rating.count
        ? PL.tn("rating.summary", rating.count, { mean: PL.number(rating.mean, 1) })
        : t("rating.none")
    );
  }

  /** Five radio buttons: arrow keys choose, a screen reader hears "3 stars, 2 of 5". */
  function ratingControl(post, onRated) {
    var name = PL.id("stars");
    var legendId = PL.id("legend");
    var inputs = [];
    var labels = [];
    function show(value) {
      labels.forEach(function (label, i) {
        label.classList.toggle("on", i < value);
      });
    }
    var stars = [1, 2, 3, 4, 5].map(function (value) {
      var id = name + "-" + value;
      var input = h("input", {
        type: "radio",
        name: name,
        id: id,
        value: String(value),
        checked: post.rating && post.rating.mine === value,
        onchange: function () {
          show(value);
          PL.api("v1/posts/" + post.id + "/rating", { method: "PUT", body: { stars: value } }).then(
            onRated,
            PL.notice
          );
        }
      });
      var label = h("label", { for: id }, [
        h("span", { "aria-hidden": "true" }, "★"),
        h("span", { class: "visually-hidden" }, PL.tn("rating.stars", value))
      ]);
      inputs.push(input);
      labels.push(label);
      return [input, label];
    });
    show((post.rating && post.rating.mine) || 0);
    return h("fieldset", { class: "stars", "aria-labelledby": legendId }, [
      h("legend", { id: legendId }, t("rating.yours")),
      stars
    ]);
  }

  function toggle(post, path, on, labelOn, labelOff, onChange) {
    return h(
      "button",
      {
        type: "button",
        class: "quiet",
        "aria-pressed": on ? "true" : "false",
        onclick: function () {
          PL.api("v1/posts/" + post.id + "/" + path, { method: on ? "DELETE" : "PUT" }).then(
            onChange,
            PL.notice
          );
        }
      },
      on ? labelOn : labelOff
    );
  }

  function reviewNote(post) {
    if (post.status === "HELD") {
      return h("p", { class: "note" }, t("post.heldNote"));
    }
    if (post.status === "REJECTED" && post.review) {
      return h("div", { class: "note rejected", role: "note" }, [
        h("p", {}, t("post.rejectedNote", { date: PL.dateTime(post.review.decidedAt) })),
        h("blockquote", {}, post.review.reason || "")
      ]);
    }
    return null;
  }

  function story(post) {
    if (!post.appliedWhat && !post.appliedResult) {
      return null;
    }
    return h("dl", { class: "story" }, [
      h("dt", {}, t("composer.appliedWhat")),
      h("dd", {}, post.appliedWhat || ""),
      h("dt", {}, t("composer.appliedResult")),
      h("dd", {}, post.appliedResult || "")
    ]);
  }

  function tags(post) {
    if (!post.tags || !post.tags.length) {
      return null;
    }
    return h(
      "ul",
      { class: "tags", "aria-label": t("post.tags") },
      post.tags.map(function (tag) {
        return h("li", {}, "#" + tag);
      })
    );
  }

  /** A small inline form that asks for a sentence before doing something. */
  function inlineAsk(question, required, submitLabel, onSubmit) {
    var id = PL.id("ask");
    var field = h("textarea", { id: id, rows: "2", maxlength: "500", required: required });
    var error = h("p", { class: "field-error", role: "alert" });
    var form = h(
      "form",
      {
        class: "inline-ask",
        novalidate: true,
        onsubmit: function (e) {
          e.preventDefault();
          if (required && !field.value.trim()) {
            error.textContent = t("form.required");
            field.setAttribute("aria-invalid", "true");
            field.focus();
            return;
          }
          onSubmit(field.value.trim(), form);
        }
      },
      [
        h("label", { for: id }, question),
        field,
        error,
        h("div", { class: "actions" }, [
          h("button", { type: "submit" }, submitLabel),
          h(
            "button",
            {
              type: "button",
              class: "quiet",
              onclick: function () {
                form.remove();
                PL.resize();
              }
            },
            t("common.cancel")
          )
        ])
      ]
    );
    setTimeout(function () {
      field.focus();
    });
    return form;
  }

  function actions(post, options, card) {
    var list = [];
    var facilitator = PL.state.facilitator;
    var published = post.status === "PUBLISHED";
    var space = PL.state.space;
    if (options.onReply && published) {
      list.push(h("button", { type: "button", class: "quiet", onclick: options.onReply }, t("post.reply")));
    }
    var editable =
      isMine(post) &&
      (post.status === "REJECTED" || Date.now() - Date.parse(post.createdAt) < EDIT_WINDOW_MS);
    if (editable && space.open) {
      list.push(
        h(
          "button",
          {
            type: "button",
            class: "quiet",
            onclick: function () {
              var form = PL.composer({
                cohortId: post.cohortId,
                post: post,
                onDone: options.onChange,
                onCancel: function () {
                  form.remove();
                }
              });
              card.appendChild(form);
              PL.resize();
            }
          },
          post.status === "REJECTED" ? t("post.revise") : t("post.edit")
        )
      );
    }
    if (
      published &&
      !isMine(post) &&
      !facilitator &&
      space.moderation === "OPEN" &&
      space.open
    ) {
      list.push(
        h(
          "button",
          {
            type: "button",
            class: "quiet",
            onclick: function () {
              card.appendChild(
                inlineAsk(t("flag.question"), false, t("flag.submit"), function (reason, form) {
                  PL.api("v1/posts/" + post.id + "/flags", {
                    method: "POST",
                    body: { reason: reason || null }
                  }).then(function () {
                    form.replaceWith(h("p", { class: "note", role: "status" }, t("flag.done")));
                  }, PL.notice);
                })
              );
            }
          },
          t("post.flag")
        )
      );
    }
    if (facilitator && published) {
      list.push(toggle(post, "endorsement", post.endorsed, t("post.unendorse"), t("post.endorse"), options.onChange));
      if (post.threadId == null) {
        list.push(toggle(post, "pin", post.pinned, t("post.unpin"), t("post.pin"), options.onChange));
      }
      list.push(toggle(post, "best-of", post.bestOf, t("post.removeBest"), t("post.addBest"), options.onChange));
    }
    if (isMine(post) || facilitator) {
      list.push(
        h(
          "button",
          {
            type: "button",
            class: "quiet danger",
            onclick: function () {
              card.appendChild(
                inlineAsk(t("delete.question"), false, t("delete.submit"), function (reason) {
                  var query = reason ? "?reason=" + encodeURIComponent(reason) : "";
                  PL.api("v1/posts/" + post.id + query, { method: "DELETE" }).then(
                    options.onDeleted,
                    PL.notice
                  );
                })
              );
            }
          },
          t("post.delete")
        )
      );
    }
    return list.length ? h("div", { class: "post-actions" }, list) : null;
  }

  /**
   * A post. options: level ("list" | "thread" | "reply"), onChange(post), onDeleted(), onReply().
   */
  PL.postCard = function (post, options) {
    var level = options.level;
    var titleText = post.title || (level === "list" ? PL.excerpt(post.bodyHtml, 90) : null);
    var titleId = PL.id("post-title");
    var heading = null;
    if (level === "list") {
      heading = h("h3", { id: titleId }, h("a", { href: "#/thread/" + post.id }, titleText || t("post.untitled")));
    } else if (level === "thread") {
      heading = h("h2", { id: titleId, tabindex: "-1" }, titleText || t("post.untitled"));
    }
    var card = h("article", {
      class: "post " + level + (post.status !== "PUBLISHED" ? " unpublished" : ""),
      "data-post": String(post.id),
      "aria-labelledby": heading ? titleId : null,
      "aria-label": heading ? null : t("post.replyBy", { name: post.author.name })
    });
    var rating = PL.state.space.ratingsEnabled && post.status === "PUBLISHED";
    var footer = h("div", { class: "post-footer" }, [
      rating ? ratingSummary(post) : null,
      level === "list" ? h("span", { class: "replies" }, PL.tn("post.replies", post.replyCount)) : null
    ]);
    var canRate = rating && level !== "list" && !isMine(post) && PL.state.space.open;
    card.append(
      badges(post) || "",
      heading || "",
      meta(post),
      level === "list" ? h("p", { class: "excerpt" }, post.title ? PL.excerpt(post.bodyHtml, 220) : "") : PL.sanitizedBody(post.bodyHtml),
      story(post) || "",
      tags(post) || "",
      reviewNote(post) || "",
      footer,
      canRate
        ? ratingControl(post, function (updated) {
            footer.firstChild.replaceWith(ratingSummary(updated));
          })
        : "",
      level === "list" ? "" : actions(post, options, card) || ""
    );
    return card;
  };

  // ---- composer ----------------------------------------------------------------------------------

  function fieldError(form, field, message) {
    var target = form.querySelector('[data-field="' + field + '"]');
    if (!target) {
      return false;
    }
    var error = target.querySelector(".field-error");
    error.textContent = message;
    var control = target.querySelector("input, textarea, select, [contenteditable]");
    if (control) {
      control.setAttribute("aria-invalid", "true");
    }
    return true;
  }

  function clearErrors(form) {
    Array.prototype.forEach.call(form.querySelectorAll(".field-error"), function (e) {
      e.textContent = "";
    });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (e) {
      e.removeAttribute("aria-invalid");
    });
  }

  function field(name, label, control) {
    var errorId = PL.id("error");
    control.setAttribute("aria-describedby", errorId);
    return h("div", { class: "field", "data-field": name }, [
      h("label", { for: control.id }, label),
      control,
      h("p", { class: "field-error", id: errorId, role: "alert" })
    ]);
  }

  /**
   * The form that starts a thread, replies, or edits. options: cohortId, replyTo (a thread id),
   * post (when editing), promptId, onDone(post), onCancel().
   */
  PL.composer = function (options) {
    var editing = options.post || null;
    var reply = options.replyTo != null || (editing && editing.threadId != null);
    var key = PL.clientKey();
    var kind = kindCode(editing ? editing.kind : "discussion");
    var title = h("input", {
      id: PL.id("title"),
      type: "text",
      maxlength: "200",
      value: editing ? editing.title || "" : ""
    });
    var what = h("textarea", { id: PL.id("what"), rows: "3", maxlength: "2000" });
    var result = h("textarea", { id: PL.id("result"), rows: "3", maxlength: "2000" });
    what.value = editing ? editing.appliedWhat || "" : "";
    result.value = editing ? editing.appliedResult || "" : "";
    var storyFields = h("div", { class: "story-fields", hidden: kind !== "applied-story" }, [
      field("appliedWhat", t("composer.appliedWhat"), what),
      field("appliedResult", t("composer.appliedResult"), result)
    ]);
    var prompts = PL.state.space.prompts || [];
    var promptSelect = h(
      "select",
      { id: PL.id("prompt") },
      [h("option", { value: "" }, t("composer.noPrompt"))].concat(
        prompts.map(function (prompt) {
          return h(
            "option",
            { value: String(prompt.id), selected: options.promptId === prompt.id },
            prompt.text
          );
        })
      )
    );
    var editor = PL.editor({
      label: reply ? t("composer.replyLabel") : t("composer.bodyLabel"),
      members: PL.state.mentionable || [],
      tags: function () {
        return PL.state.knownTags || [];
      },
      html: editing ? editing.bodyHtml : "",
      placeholder: reply ? t("composer.replyPlaceholder") : t("composer.bodyPlaceholder")
    });
    var kindName = PL.id("kind");
    var kindGroup = h("fieldset", { class: "kinds" }, [
      h("legend", {}, t("composer.kind")),
      KINDS.map(function (code) {
        var id = kindName + "-" + code;
        return h("span", { class: "choice" }, [
          h("input", {
            type: "radio",
            name: kindName,
            id: id,
            value: code,
            checked: code === kind,
            onchange: function () {
              kind = code;
              storyFields.hidden = code !== "applied-story";
              PL.resize();
            }
          }),
          h("label", { for: id }, t("kind." + code))
        ]);
      })
    ]);
    var submit = h(
      "button",
      { type: "submit" },
      editing
        ? editing.status === "REJECTED"
          ? t("composer.resubmit")
          : t("composer.save")
        : reply
        ? t("composer.sendReply")
        : t("composer.post")
    );
    var bodyField = h("div", { class: "field", "data-field": "body" }, [
      editor.element,
      h("p", { class: "field-error", role: "alert" })
    ]);
    var form = h(
      "form",
      {
        class: "composer",
        novalidate: true,
        "aria-label": editing ? t("composer.editing") : reply ? t("composer.replyLabel") : t("composer.newThread"),
        onsubmit: function (e) {
          e.preventDefault();
          send();
        }
      },
      [
        reply ? null : kindGroup,
        reply ? null : field("title", t("composer.title"), title),
        bodyField,
        reply ? null : storyFields,
        reply || !prompts.length ? null : field("promptId", t("composer.prompt"), promptSelect),
        PL.state.space.moderation === "EXPERT_REVIEW"
          ? h("p", { class: "hint" }, t("composer.reviewed"))
          : null,
        h("div", { class: "actions" }, [
          submit,
          options.onCancel
            ? h("button", { type: "button", class: "quiet", onclick: options.onCancel }, t("common.cancel"))
            : null
        ])
      ]
    );

    function send() {
      clearErrors(form);
      var invalid = false;
      if (!editor.text()) {
        fieldError(form, "body", t("form.required"));
        invalid = true;
      }
      if (!reply && kind === "applied-story") {
        if (!what.value.trim()) {
          invalid = fieldError(form, "appliedWhat", t("form.required")) || invalid;
        }
        if (!result.value.trim()) {
          invalid = fieldError(form, "appliedResult", t("form.required")) || invalid;
        }
      }
      if (invalid) {
        var first = form.querySelector("[aria-invalid]");
        if (first) {
          first.focus();
        }
        return;
      }
      var body = {
        kind: reply ? "discussion" : kind,
        title: reply ? null : title.value.trim() || null,
        body: editor.html(),
        appliedWhat: !reply && kind === "applied-story" ? what.value.trim() : null,
        appliedResult: !reply && kind === "applied-story" ? result.value.trim() : null,
        replyTo: options.replyTo == null ? null : options.replyTo,
        promptId: !reply && promptSelect.value ? Number(promptSelect.value) : null,
        clientKey: key
      };
      submit.disabled = true;
      var call = editing
        ? PL.api("v1/posts/" + editing.id, { method: "PUT", body: body })
        : PL.api("v1/cohorts/" + options.cohortId + "/posts", { method: "POST", body: body });
      call
        .then(function (post) {
          key = PL.clientKey();
          editor.clear();
          title.value = "";
          what.value = "";
          result.value = "";
          options.onDone(post);
        })
        .catch(function (problem) {
          var shown = false;
          (problem.errors || []).forEach(function (error) {
            shown = fieldError(form, error.field, error.message) || shown;
          });
          if (!shown) {
            // The same client key on a retry never makes a second post.
            PL.notice(problem, send);
          }
        })
        .then(function () {
          submit.disabled = false;
        });
    }

    return form;
  };
})();
