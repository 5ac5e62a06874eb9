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

  function existing(spaces) {
    if (!spaces.length) {
      return h("p", { class: "empty" }, t("placement.noSpaces"));
    }
    return h(
      "ul",
      { class: "space-choices" },
      spaces.map(function (space) {
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
      })
    );
  }

  PL.views.placement = function (view) {
    if (!PL.state.facilitator) {
      PL.show(view, h("h2", {}, t("placement.heading")), h("p", { class: "refusal" }, t("placement.facilitatorsOnly")));
      return Promise.resolve();
    }
    return PL.api("v1/course/spaces").then(function (spaces) {
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
