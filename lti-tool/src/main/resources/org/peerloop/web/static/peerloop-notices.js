// The member's notifications: who mentioned them, replied to their threads, reviewed or endorsed
// their posts. The tab shows how many are unread; opening the list marks them read.
(function () {
  "use strict";
  var PL = window.PeerLoop;
  var h = PL.h;
  var t = PL.t;

  /** Puts the unread count on the tab (and in its accessible name). */
  function showUnread(unread) {
    var link = document.querySelector('#nav a[data-tab="notifications"]');
    if (link) {
      link.textContent = unread ? t("nav.notificationsUnread", { count: PL.number(unread) }) : t("nav.notifications");
    }
  }

  PL.refreshUnread = function () {
    return PL.api("v1/notifications").then(function (notices) {
      showUnread(notices.unread);
      return notices;
    }, function () {
      return null;
    });
  };

  function item(notice) {
    var opened = notice.kind === "SPACE_OPENED";
    var words = opened
      ? t("notice.SPACE_OPENED", { module: notice.detail || t("notice.theCourse") })
      : t("notice." + notice.kind, { actor: notice.actor || "?", title: notice.title || t("notice.untitled") });
    var prompt = notice.kind === "NEW_PROMPT";
    var target = notice.threadId ? "#/thread/" + notice.threadId : prompt || opened ? "#/" : null;
    var parts = [
      notice.read ? null : h("strong", { class: "badge" }, t("notice.new")),
      target ? h("a", { href: target }, words) : h("span", {}, words),
      " ",
      h("span", { class: "hint" }, PL.dateTime(notice.at))
    ];
    if (notice.detail && prompt) {
      parts.push(h("ul", {}, notice.detail.split("\n").map(function (text) {
        return h("li", {}, text);
      })));
    } else if (notice.detail && !opened) {
      parts.push(h("p", {}, [h("strong", {}, t("notice.reason")), " " + notice.detail]));
    }
    return h("li", { class: notice.read ? "notice" : "notice unread", "data-kind": notice.kind }, parts);
  }

  /** The member's choice of e-mails: the digest's rhythm, and mentions and reviews at once. */
  function mailForm(choice) {
    var digest = h(
      "select",
      { id: PL.id("digest") },
      ["WEEKLY", "DAILY", "OFF"].map(function (value) {
        return h("option", { value: value, selected: value === choice.digest }, t("notice.digest." + value));
      })
    );
    var atOnce = h("input", { type: "checkbox", id: PL.id("at-once"), checked: choice.atOnce });
    var status = h("p", { class: "hint", role: "status" });
    return h(
      "form",
      {
        class: "mail-choice",
        onsubmit: function (e) {
          e.preventDefault();
          PL.api("v1/notifications/mail", { method: "PUT", body: { digest: digest.value, atOnce: atOnce.checked } }).then(function () {
            status.textContent = t("notice.saved");
          }, PL.notice);
        }
      },
      [
        h("h3", {}, t("notice.mailHeading")),
        h("div", { class: "field" }, [h("label", { for: digest.id }, t("notice.digest")), digest]),
        h("div", { class: "field check" }, [atOnce, h("label", { for: atOnce.id }, t("notice.atOnce"))]),
        h("div", { class: "actions" }, [h("button", { type: "submit", class: "quiet" }, t("notice.save"))]),
        status
      ]
    );
  }

  PL.views.notifications = function (view) {
    return Promise.all([PL.api("v1/notifications"), PL.api("v1/notifications/mail")]).then(function (answers) {
      var notices = answers[0];
      PL.show(
        view,
        h("h2", {}, t("notice.heading")),
        notices.items.length
          ? h("ul", { class: "notices" }, notices.items.map(item))
          : h("p", { class: "empty" }, t("notice.none")),
        mailForm(answers[1])
      );
      PL.resize();
      if (notices.unread) {
        // Seen now: read on the server too, while the list keeps its "new" marks until next time.
        return PL.api("v1/notifications/read", { method: "POST", body: { ids: [] } }).then(function (after) {
          showUnread(after.unread);
        }, PL.notice);
      }
    }, PL.notice);
  };
})();
