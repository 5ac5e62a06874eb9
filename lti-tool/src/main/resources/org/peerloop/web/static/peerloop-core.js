// The shared parts of the page inside the LMS iframe: words in the person's language, building
// DOM safely, dates and numbers for their locale and time zone, and the API with the session token.
// The token lives in memory only and travels as a bearer credential; no cookie is read or written.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("peerloop-launch").textContent);
  var messages = window.PeerLoopMessages || {};
  var locale = supported(data.locale) || "en";
  var token = data.token || null;
  var expiresAt = data.expiresAt || null;
  var refreshTimer = null;

  var PL = (window.PeerLoop = { locale: locale, views: {} });

  function supported(tag) {
    if (!tag) {
      return null;
    }
    try {
      return Intl.getCanonicalLocales(String(tag).replace(/_/g, "-"))[0];
    } catch (e) {
      return null;
    }
  }

  // ---- words -----------------------------------------------------------------------------------

  function fill(text, vars) {
    return !vars
      ? text
      : text.replace(/\{(\w+)\}/g, function (whole, name) {
          return Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole;
        });
  }

  /** The message for a key in the page's language; the key itself shows a missing message. */
  PL.t = function (key, vars) {
    return fill(Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : key, vars);
  };

  /** Whether a message exists, for keys built from server codes. */
  PL.has = function (key) {
    return Object.prototype.hasOwnProperty.call(messages, key);
  };

  var plurals = new Intl.PluralRules(locale);

  /** A counted message: "key.one", "key.other", … chosen by the language's plural rules. */
  PL.tn = function (key, count, vars) {
    var all = Object.assign({ count: PL.number(count) }, vars || {});
    var exact = key + "." + plurals.select(count);
    return PL.t(PL.has(exact) ? exact : key + ".other", all);
  };

  // ---- formats ---------------------------------------------------------------------------------

  var dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  // A due date is a calendar day, the same for everyone: formatted in UTC so it never shifts.
  var day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });

  PL.dateTime = function (iso) {
    return iso ? dateTime.format(new Date(iso)) : "";
  };
  PL.day = function (isoDate) {
    return isoDate ? day.format(new Date(isoDate + "T00:00:00Z")) : "";
  };
  PL.number = function (value, digits) {
    return new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits || 0,
      maximumFractionDigits: digits || 0
    }).format(value);
  };

  // ---- DOM -------------------------------------------------------------------------------------

  function add(element, child) {
    if (child == null || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) {
        add(element, c);
      });
    } else if (typeof child === "string" || typeof child === "number") {
      element.appendChild(document.createTextNode(String(child)));
    } else {
      element.appendChild(child);
    }
  }

  /**
   * An element: attributes (on* become listeners; true/false toggle boolean attributes), then
   * children as text or elements. Text is always text: user content never becomes markup here.
   */
  PL.h = function (tag, attrs, children) {
    var element = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value == null || value === false) {
        return;
      }
      if (name.slice(0, 2) === "on" && typeof value === "function") {
        element.addEventListener(name.slice(2), value);
      } else if (name === "class") {
        element.className = value;
      } else if (name === "value") {
        element.value = value;
      } else {
        element.setAttribute(name, value === true ? "" : String(value));
      }
    });
    add(element, children);
    return element;
  };

  /** Replaces an element's content; null and false children are skipped. */
  PL.show = function (element) {
    element.replaceChildren();
    add(element, Array.prototype.slice.call(arguments, 1));
    return element;
  };

  /**
   * A post's body: HTML the server produced with its allow-list sanitizer, the only markup from
   * users the page ever inserts.
   */
  PL.sanitizedBody = function (html) {
    var body = PL.h("div", { class: "post-body" });
    body.innerHTML = html || "";
    return body;
  };

  var uniqueIds = 0;
  PL.id = function (prefix) {
    uniqueIds += 1;
    return (prefix || "pl") + "-" + uniqueIds;
  };

  /** A key that makes a retried post creation idempotent. */
  PL.clientKey = function () {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map
      .call(bytes, function (b) {
        return ("0" + b.toString(16)).slice(-2);
      })
      .join("");
  };

  // LTI Client-Side postMessages: lti.frameResize lets the LMS size the iframe to the content.
  PL.resize = function () {
    if (window.parent && window.parent !== window) {
      window.parent.postMessage(
        { subject: "lti.frameResize", height: document.documentElement.scrollHeight },
        "*"
      );
    }
  };

  // ---- API -------------------------------------------------------------------------------------

  function problemOf(response) {
    return response.json().then(
      function (body) {
        body.status = body.status || response.status;
        throw body;
      },
      function () {
        // PeerLoop answers every refusal with problem JSON; one without comes from in front of it
        // (a proxy, or the web server's limit on a request line or headers, which answers a
        // too-long address with a bare 400): say what that means.
        var tooLarge = [400, 413, 414, 431].indexOf(response.status) >= 0;
        throw { status: response.status, reason: tooLarge ? "request-too-large" : "unreadable-response" };
      }
    );
  }

  function answer(response) {
    if (!response.ok) {
      return problemOf(response);
    }
    if (response.status === 204) {
      return null;
    }
    var type = response.headers.get("Content-Type") || "";
    return type.indexOf("json") >= 0 ? response.json() : response.text();
  }

  /** Calls the API; rejects with its problem JSON, or {reason: "network"} when unreachable. */
  PL.api = function (path, options) {
    options = options || {};
    var headers = { Accept: options.accept || "application/json" };
    if (token) {
      headers.Authorization = "Bearer " + token;
    }
    var body = options.body;
    if (body !== undefined && typeof body !== "string") {
      body = JSON.stringify(body);
      headers["Content-Type"] = "application/json";
    }
    return fetch((options.absolute ? "" : data.apiBase) + path, {
      method: options.method || "GET",
      headers: headers,
      body: body,
      credentials: "omit"
    }).then(answer, function () {
      throw { reason: "network" };
    });
  };

  // With platform storage, the launch is only ours once this browser shows the nonce it kept.
  PL.bind = function () {
    if (token) {
      PL.state.deepLinking = data.deepLinking || null;
      return Promise.resolve();
    }
    if (data.awaitSession) {
      return awaitSession(data.awaitSession.origins || []);
    }
    function redeem(value) {
      return PL.api(data.bindUrl, {
        method: "POST",
        absolute: true,
        body: { ticket: data.ticket, value: value || null }
      });
    }
    return window.PeerLoopStorage.get(data.target, data.origin, data.key)
      .then(redeem, function () {
        return redeem(null);
      })
      .then(function (granted) {
        token = granted.token;
        expiresAt = granted.expiresAt;
        PL.state.deepLinking = granted.deepLinking || null;
      });
  };

  /**
   * On a SharePoint page the web part holds the session: it posts it once this page says it is
   * ready. Only the parent window, from an origin IT allowed (SharePoint's own hosts), may hand it
   * over, so no other page can slip its own session into this one.
   */
  function awaitSession(origins) {
    function allowed(origin) {
      return origins.some(function (pattern) {
        if (pattern.indexOf("://*.") < 0) {
          return origin === pattern;
        }
        var scheme = pattern.split("://*.")[0] + "://";
        var suffix = "." + pattern.split("://*.")[1];
        return origin.indexOf(scheme) === 0 && origin.length > (scheme + suffix).length &&
          origin.slice(-suffix.length) === suffix && origin.slice(scheme.length, -suffix.length).indexOf("/") < 0;
      });
    }
    return new Promise(function (resolve) {
      window.addEventListener("message", function listen(event) {
        var m = event.data;
        if (event.source !== window.parent || !allowed(event.origin) || !m ||
            m.subject !== "peerloop.session" || typeof m.token !== "string") {
          return;
        }
        window.removeEventListener("message", listen);
        token = m.token;
        expiresAt = m.expiresAt;
        PL.state.deepLinking = null;
        resolve();
      });
      if (window.parent !== window) {
        window.parent.postMessage({ subject: "peerloop.ready" }, "*");
      }
    });
  }

  /** Keeps the token fresh while the page is open; the server ends sessions 12 h after launch. */
  PL.keepFresh = function (onEnded, refreshPath) {
    clearTimeout(refreshTimer);
    var left = Date.parse(expiresAt) - Date.now();
    refreshTimer = setTimeout(function () {
      PL.api(refreshPath || "session/refresh", { method: "POST" }).then(function (fresh) {
        token = fresh.token;
        expiresAt = fresh.expiresAt;
        if (PL.onToken) {
          PL.onToken(token, expiresAt);
        }
        PL.keepFresh(onEnded, refreshPath);
      }, onEnded);
    }, Math.max(5000, Math.floor((left * 2) / 3)));
  };

  /** Takes a token the page obtained itself (the console's sign-in); null signs out. */
  PL.useToken = function (newToken, newExpiresAt) {
    token = newToken;
    expiresAt = newExpiresAt;
    if (!newToken) {
      clearTimeout(refreshTimer);
    }
  };

  /** A plain sentence for a problem, in the page's language. */
  PL.sentence = function (problem) {
    var reason = (problem && problem.reason) || "unexpected";
    if (PL.has("error." + reason)) {
      return PL.t("error." + reason);
    }
    var status = (problem && problem.status) || 0;
    if (status === 404) {
      return PL.t("error.not-found");
    }
    if (status === 403) {
      return PL.t("error.forbidden");
    }
    if (status === 409) {
      return PL.t("error.conflict");
    }
    if (status >= 400 && status < 500) {
      return PL.t("error.invalid");
    }
    return PL.t("error.unexpected");
  };

  /** Whether the problem means the person must open the activity again from the course. */
  PL.sessionOver = function (problem) {
    return !!problem && problem.status === 401;
  };
})();
