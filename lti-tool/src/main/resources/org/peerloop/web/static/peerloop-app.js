// The tool page inside the LMS iframe. It holds the session token in memory only, sends it as a
// bearer credential on every API call, refreshes it while the page is open, and tells the LMS its
// height. No cookie is read or written.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("peerloop-launch").textContent);
  var token = data.token || null;
  var expiresAt = data.expiresAt || null;
  var app = document.getElementById("app");

  function asJson(response) {
    return response.json().then(function (body) {
      if (!response.ok) {
        throw body;
      }
      return body;
    }, function () {
      throw { reason: "unreadable-response", detail: "HTTP " + response.status };
    });
  }

  function api(path, options) {
    options = options || {};
    var headers = options.headers || {};
    headers.Authorization = "Bearer " + token;
    headers.Accept = "application/json";
    return fetch(data.apiBase + path, {
      method: options.method || "GET",
      headers: headers,
      body: options.body,
      credentials: "omit"
    }).then(asJson);
  }

  // With platform storage, the launch is only ours once this browser shows the nonce it kept.
  function bind() {
    if (token) {
      return Promise.resolve();
    }
    return window.PeerLoopStorage.get(data.target, data.origin, data.key)
      .then(function (value) {
        return fetch(data.bindUrl, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ ticket: data.ticket, value: value || null }),
          credentials: "omit"
        }).then(asJson);
      }, function () {
        return fetch(data.bindUrl, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ ticket: data.ticket, value: null }),
          credentials: "omit"
        }).then(asJson);
      })
      .then(function (granted) {
        token = granted.token;
        expiresAt = granted.expiresAt;
      });
  }

  function scheduleRefresh() {
    var left = Date.parse(expiresAt) - Date.now();
    setTimeout(refresh, Math.max(5000, Math.floor(left * 2 / 3)));
  }

  function refresh() {
    api("session/refresh", { method: "POST" }).then(function (fresh) {
      token = fresh.token;
      expiresAt = fresh.expiresAt;
      scheduleRefresh();
    }, showError);
  }

  function text(tag, value, className) {
    var element = document.createElement(tag);
    element.textContent = value;
    if (className) {
      element.className = className;
    }
    return element;
  }

  function render(me) {
    document.getElementById("course-title").textContent = me.courseTitle || "PeerLoop";
    document.getElementById("signed-in-as").textContent = "Signed in as " + me.name;
    app.replaceChildren(
      text("p", "Welcome, " + me.name + ". Your cohort space opens here.", "status"),
      text("p", "Your role in this course: " + me.roles.join(", ").toLowerCase() + ".", "who")
    );
    app.setAttribute("data-state", "ready");
    resize();
  }

  function showError(problem) {
    var reason = (problem && problem.reason) || "unexpected";
    app.replaceChildren(
      text("p", (problem && problem.detail) || "PeerLoop could not open.", "refusal"),
      text("p", "Reason code: " + reason, "code")
    );
    app.setAttribute("data-state", "error");
    app.setAttribute("data-reason", reason);
    resize();
  }

  // LTI Client-Side postMessages: lti.frameResize lets the LMS size the iframe to the content.
  function resize() {
    if (window.parent && window.parent !== window) {
      window.parent.postMessage(
        { subject: "lti.frameResize", height: document.documentElement.scrollHeight }, "*");
    }
  }

  if (window.ResizeObserver) {
    new ResizeObserver(resize).observe(document.body);
  }

  window.PeerLoop = {
    api: api,
    token: function () {
      return token;
    }
  };

  bind()
    .then(function () {
      scheduleRefresh();
      return api("session");
    })
    .then(render, showError);
})();
