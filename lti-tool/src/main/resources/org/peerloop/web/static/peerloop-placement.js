// Deep Linking's picker: a designer adding PeerLoop to a course module chooses a new cohort space
// (with its settings) or one the course already has, and the signed choice is posted back to the LMS.
(function () {
  "use strict";
  var PL = window.PeerLoop;
  var h = PL.h;
  var t = PL.t;

  /** Posts the LMS's deep linking response the way platforms expect it: a form field named JWT. */
  function returnToLms(placed) {
    var form = h("form", { method: "post", action: placed.returnUrl, hidden: true }, [
      h("input", { type: "hidden", name: "JWT", value: placed.jwt })
    ]);
    document.body.append(form);
    PL.announce(t("placement.returning"));
    form.submit();
  }

  function place(body) {
    body.ticket = PL.state.deepLinking;
    return PL.api("v1/placements", { method: "POST", body: body }).then(returnToLms);
  }

  /** How many of the course's spaces a page of the list shows; "Show more" brings the next. */
  var PAGE = 50;

  function spacesPage(search, after) {
    var query = ["limit=" + PAGE];
    if (search) {
      query.push("q=" + encodeURIComponent(search));
    }
    if (after) {
      query.push("after=" + after);
    }
    return PL.api("v1/course/spaces?" + query.join("&"));
  }

  /**
   * The course's spaces, newest first, a page at a time, with a search by title: a course with
   * years of spaces can still place its oldest.
   */
  function existing(first) {
    var list = h("ul", { class: "space-choices" });
    var more = h("button", { type: "button", class: "quiet", hidden: true }, t("placement.more"));
    var empty = h("p", { class: "empty", hidden: true }, t("placement.noSpaces"));
    var searchId = PL.id("space-search");
    var search = h("input", { id: searchId, type: "search", maxlength: "200" });
    var last = null;
    function show(spaces, append) {
      if (!append) {
        list.textContent = "";
      }
      spaces.forEach(function (space) {
        list.appendChild(choice(space));
      });
      last = spaces.length ? spaces[spaces.length - 1].id : last;
      more.hidden = spaces.length < PAGE;
      empty.hidden = append || spaces.length > 0;
      PL.resize();
    }
    more.addEventListener("click", function () {
      spacesPage(search.value.trim(), last).then(function (spaces) {
        show(spaces, true);
      }, PL.notice);
    });
    search.addEventListener("change", function () {
      last = null;
      spacesPage(search.value.trim(), null).then(function (spaces) {
        show(spaces, false);
      }, PL.notice);
    });
    show(first, false);
    return h("div", {}, [
      h("div", { class: "filter" }, [h("label", { for: searchId }, t("placement.search")), search]),
      empty,
      list,
      more
    ]);
  }

  function choice(space) {
    return h("li", {}, [
          h("span", { class: "space-title" }, space.title),
          " ",
          h("span", { class: "hint" }, t("phase." + space.phase)),
          " ",
          h(
            "button",
            {
              type: "button",
              class: "quiet",
              "data-space": String(space.id),
              onclick: function (e) {
                e.target.disabled = true;
                place({ spaceId: space.id }).catch(function (problem) {
                  e.target.disabled = false;
                  PL.notice(problem);
                });
              }
            },
            t("placement.useThis", { title: space.title })
          )
        ]);
  }

  PL.views.placement = function (view) {
    if (!PL.state.facilitator) {
      PL.show(view, h("h2", {}, t("placement.heading")), h("p", { class: "refusal" }, t("placement.facilitatorsOnly")));
      return Promise.resolve();
    }
    return spacesPage("", null).then(function (spaces) {
      var form = PL.settingsForm(PL.newSpace(), {
        heading: null,
        submitLabel: t("placement.create"),
        onSubmit: function (body) {
          return place({ settings: body });
        }
      });
      PL.show(
        view,
        h("h2", {}, t("placement.heading")),
        h("p", { class: "hint" }, t("placement.intro")),
        h("section", { "aria-labelledby": "placement-new" }, [h("h3", { id: "placement-new" }, t("placement.new")), form]),
        h("section", { "aria-labelledby": "placement-existing" }, [
          h("h3", { id: "placement-existing" }, t("placement.existing")),
          existing(spaces)
        ])
      );
    });
  };
})();
