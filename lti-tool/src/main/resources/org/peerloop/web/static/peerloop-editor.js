// The rich-text composer: a small toolbar (the formats the server's sanitizer keeps), and
// completion of @mentions from the cohort's members and of #tags already used in the cohort.
// Completion follows the WAI-ARIA combobox pattern so it works from the keyboard and with a
// screen reader. Whatever is typed, the server sanitizes it again.
(function () {
  "use strict";
  var PL = window.PeerLoop;
  var h = PL.h;
  var t = PL.t;

  var FORMATS = [
    { key: "bold", command: "bold", label: "B" },
    { key: "italic", command: "italic", label: "I" },
    { key: "bullets", command: "insertUnorderedList", label: "•" },
    { key: "numbers", command: "insertOrderedList", label: "1." },
    { key: "quote", command: "formatBlock", value: "blockquote", label: "❝" },
    { key: "code", label: "</>" },
    { key: "link", label: "🔗" }
  ];

  var MENTION = /(?:^|[\s(])@([^\s@]*(?: [^\s@]*)?)$/;
  var TAG = /(?:^|[\s(])#([\p{L}\p{N}_-]*)$/u;

  function escapeText(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  /**
   * A composer. options: label (visible label text), members (names to mention), tags (known
   * tags), html (initial content). Returns {element, html(), text(), clear(), focus()}.
   */
  PL.editor = function (options) {
    var labelId = PL.id("editor-label");
    var listId = PL.id("suggestions");
    var hintId = PL.id("editor-hint");
    var area = h("div", {
      class: "editor",
      contenteditable: "true",
      role: "textbox",
      "aria-multiline": "true",
      "aria-labelledby": labelId,
      "aria-describedby": hintId,
      "aria-autocomplete": "list",
      "aria-controls": listId,
      "data-placeholder": options.placeholder || ""
    });
    area.innerHTML = options.html || "";
    var list = h("ul", { id: listId, role: "listbox", class: "suggestions", hidden: true });
    var linkInput = h("input", {
      type: "url",
      id: PL.id("link"),
      placeholder: "https://",
      "aria-label": t("editor.linkAddress")
    });
    var savedRange = null;
    var linkRow = h("div", { class: "link-row", hidden: true }, [
      linkInput,
      h("button", { type: "button", onclick: addLink }, t("editor.addLink")),
      h(
        "button",
        {
          type: "button",
          class: "quiet",
          onclick: function () {
            linkRow.hidden = true;
            area.focus();
          }
        },
        t("common.cancel")
      )
    ]);
    var toolbar = h(
      "div",
      { class: "toolbar", role: "toolbar", "aria-label": t("editor.formatting") },
      FORMATS.map(function (format) {
        return h(
          "button",
          {
            type: "button",
            title: t("editor." + format.key),
            "data-format": format.key,
            onmousedown: function (e) {
              e.preventDefault(); // keep the selection in the editor
            },
            onclick: function () {
              apply(format);
            }
          },
          [
            h("span", { "aria-hidden": "true" }, format.label),
            h("span", { class: "visually-hidden" }, t("editor." + format.key))
          ]
        );
      })
    );

    function apply(format) {
      area.focus();
      if (format.key === "link") {
        var selection = window.getSelection();
        savedRange = selection.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
        linkRow.hidden = false;
        linkInput.focus();
      } else if (format.key === "code") {
        var text = window.getSelection().toString() || " ";
        document.execCommand("insertHTML", false, "<code>" + escapeText(text) + "</code>");
      } else {
        document.execCommand(format.command, false, format.value || null);
      }
    }

    function addLink() {
      var url = linkInput.value.trim();
      if (!/^https?:\/\//i.test(url)) {
        linkInput.setAttribute("aria-invalid", "true");
        linkInput.focus();
        return;
      }
      linkInput.removeAttribute("aria-invalid");
      area.focus();
      var selection = window.getSelection();
      if (savedRange) {
        selection.removeAllRanges();
        selection.addRange(savedRange);
      }
      if (selection.isCollapsed) {
        document.execCommand(
          "insertHTML",
          false,
          '<a href="' + escapeText(url).replace(/"/g, "&quot;") + '">' + escapeText(url) + "</a>"
        );
      } else {
        document.execCommand("createLink", false, url);
      }
      linkInput.value = "";
      linkRow.hidden = true;
    }

    // ---- completion ----------------------------------------------------------------------------

    var active = -1;
    var choices = [];
    var pending = null; // {node, start, end, prefix}

    function candidates(before) {
      var match = MENTION.exec(before);
      if (match) {
        var query = match[1].toLowerCase();
        return {
          prefix: "@",
          query: match[1],
          items: (options.members || []).filter(function (name) {
            var lower = name.toLowerCase();
            return (
              lower.indexOf(query) === 0 ||
              lower.split(" ").some(function (word) {
                return word.indexOf(query) === 0;
              })
            );
          })
        };
      }
      match = TAG.exec(before);
      if (match) {
        var tag = match[1].toLowerCase();
        return {
          prefix: "#",
          query: match[1],
          items: (options.tags ? options.tags() : []).filter(function (known) {
            return known.indexOf(tag) === 0 && known !== tag;
          })
        };
      }
      return null;
    }

    function close() {
      list.hidden = true;
      PL.show(list);
      area.removeAttribute("aria-activedescendant");
      choices = [];
      active = -1;
      pending = null;
    }

    function highlight(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index >= 0) {
        area.setAttribute("aria-activedescendant", list.children[index].id);
      }
    }

    function suggest() {
      var selection = window.getSelection();
      if (!selection.rangeCount || !selection.isCollapsed) {
        return close();
      }
      var node = selection.anchorNode;
      if (!node || node.nodeType !== Node.TEXT_NODE || !area.contains(node)) {
        return close();
      }
      var offset = selection.anchorOffset;
      var found = candidates(node.data.slice(0, offset));
      if (!found || !found.items.length) {
        return close();
      }
      pending = {
        node: node,
        start: offset - found.query.length - 1,
        end: offset,
        prefix: found.prefix
      };
      choices = found.items.slice(0, 8);
      list.replaceChildren.apply(
        list,
        choices.map(function (choice, i) {
          return h(
            "li",
            {
              id: listId + "-" + i,
              role: "option",
              "aria-selected": "false",
              onmousedown: function (e) {
                e.preventDefault();
                pick(i);
              }
            },
            found.prefix + choice
          );
        })
      );
      list.hidden = false;
      highlight(0);
    }

    function pick(index) {
      if (!pending || !choices[index]) {
        return;
      }
      var range = document.createRange();
      range.setStart(pending.node, pending.start);
      range.setEnd(pending.node, pending.end);
      range.deleteContents();
      var inserted = document.createTextNode(pending.prefix + choices[index] + "\u00a0");
      range.insertNode(inserted);
      range.setStartAfter(inserted);
      range.collapse(true);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      close();
    }

    area.addEventListener("input", suggest);
    area.addEventListener("blur", function () {
      setTimeout(close, 150);
    });
    area.addEventListener("keydown", function (e) {
      if (list.hidden) {
        return;
      }
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        var step = e.key === "ArrowDown" ? 1 : -1;
        highlight((active + step + choices.length) % choices.length);
      } else if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        pick(active);
      } else if (e.key === "Escape") {
        e.preventDefault();
        close();
      }
    });
    // Pasted content arrives as plain text: formatting from elsewhere is not worth a surprise.
    area.addEventListener("paste", function (e) {
      e.preventDefault();
      var text = (e.clipboardData || window.clipboardData).getData("text/plain");
      document.execCommand("insertText", false, text);
    });

    var element = h("div", { class: "composer-field" }, [
      h("span", { id: labelId, class: "label" }, options.label),
      toolbar,
      linkRow,
      area,
      list,
      h("p", { id: hintId, class: "hint" }, t("editor.hint"))
    ]);

    return {
      element: element,
      area: area,
      html: function () {
        return area.innerHTML;
      },
      text: function () {
        return area.textContent.trim();
      },
      clear: function () {
        area.innerHTML = "";
        close();
      },
      focus: function () {
        area.focus();
      }
    };
  };
})();
