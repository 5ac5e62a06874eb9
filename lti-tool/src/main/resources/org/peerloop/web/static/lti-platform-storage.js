// LTI Client-Side postMessages and Platform Storage (1EdTech "lti-cs-oidc"): talk to the LMS
// frame that keeps data for the tool, so a launch can be tied to this browser without cookies.
// Shared by the login page and the tool page; exposes window.PeerLoopStorage.
(function () {
  "use strict";
  var TIMEOUT_MS = 2000;

  function frameNamed(name) {
    if (!window.parent || window.parent === window) {
      return null;
    }
    if (!name || name === "_parent") {
      return window.parent;
    }
    try {
      return window.parent.frames[name] || null;
    } catch (e) {
      return null;
    }
  }

  function ask(target, origin, message, responseSubject) {
    return new Promise(function (resolve, reject) {
      var id = "peerloop-" + Math.random().toString(36).slice(2) + Date.now().toString(36);
      message.message_id = id;
      var timer = setTimeout(function () {
        window.removeEventListener("message", onMessage);
        reject(new Error("no answer to " + message.subject));
      }, TIMEOUT_MS);
      function onMessage(event) {
        var data = event.data;
        if (!data || data.message_id !== id || data.subject !== responseSubject) {
          return;
        }
        if (origin !== "*" && event.origin !== origin) {
          return;
        }
        clearTimeout(timer);
        window.removeEventListener("message", onMessage);
        if (data.error) {
          reject(new Error(data.error.code || "storage error"));
        } else {
          resolve(data);
        }
      }
      window.addEventListener("message", onMessage);
      target.postMessage(message, origin);
    });
  }

  // The platform says which subjects it understands and where to send them (lti.capabilities);
  // platforms that predate it (Brightspace) answer the older org.imsglobal.lti.* names.
  function discover(targetName, origin) {
    var parent = frameNamed("_parent");
    var fallback = { frame: frameNamed(targetName), prefix: "lti." };
    if (!parent) {
      return Promise.resolve(fallback);
    }
    return ask(parent, origin, { subject: "lti.capabilities" }, "lti.capabilities.response")
      .then(function (answer) {
        var found = null;
        (answer.supported_messages || []).forEach(function (m) {
          if (m.subject === "lti.put_data" || m.subject === "org.imsglobal.lti.put_data") {
            found = {
              frame: frameNamed(m.frame || targetName),
              prefix: m.subject.indexOf("org.imsglobal.") === 0 ? "org.imsglobal.lti." : "lti."
            };
          }
        });
        return found || fallback;
      })
      .catch(function () {
        return fallback;
      });
  }

  function put(targetName, origin, key, value) {
    return discover(targetName, origin).then(function (where) {
      if (!where.frame) {
        throw new Error("no storage frame");
      }
      return ask(where.frame, origin,
        { subject: where.prefix + "put_data", key: key, value: value },
        where.prefix + "put_data.response");
    });
  }

  function get(targetName, origin, key) {
    return discover(targetName, origin).then(function (where) {
      if (!where.frame) {
        throw new Error("no storage frame");
      }
      return ask(where.frame, origin, { subject: where.prefix + "get_data", key: key },
        where.prefix + "get_data.response").then(function (answer) {
        return answer.value;
      });
    });
  }

  window.PeerLoopStorage = { put: put, get: get };
})();
