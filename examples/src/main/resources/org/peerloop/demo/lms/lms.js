// The demo LMS's side of LTI Client-Side postMessages: frame resizing and Platform Storage
// (lti.capabilities, lti.put_data, lti.get_data), answered to the tool frame. Storage is kept per
// tool origin in this page's sessionStorage, never shared between origins.
(function () {
  "use strict";
  var frame = document.getElementById("tool-frame");
  var supported = [
    { subject: "lti.capabilities" },
    { subject: "lti.put_data" },
    { subject: "lti.get_data" },
    { subject: "lti.frameResize" }
  ];

  function storageKey(origin, key) {
    return "lti-storage|" + origin + "|" + key;
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!frame || event.source !== frame.contentWindow || !data || typeof data.subject !== "string") {
      return;
    }
    var reply = { message_id: data.message_id };
    switch (data.subject) {
      case "lti.frameResize":
        if (typeof data.height === "number" && data.height > 0) {
          frame.style.height = Math.min(Math.ceil(data.height), 5000) + "px";
        }
        return;
      case "lti.capabilities":
        reply.subject = "lti.capabilities.response";
        reply.supported_messages = supported;
        break;
      case "lti.put_data":
        reply.subject = "lti.put_data.response";
        reply.key = data.key;
        reply.value = data.value;
        sessionStorage.setItem(storageKey(event.origin, data.key), String(data.value));
        break;
      case "lti.get_data":
        reply.subject = "lti.get_data.response";
        reply.key = data.key;
        reply.value = sessionStorage.getItem(storageKey(event.origin, data.key));
        break;
      default:
        reply.subject = data.subject + ".response";
        reply.error = { code: "unsupported_subject", message: "Not supported" };
    }
    event.source.postMessage(reply, event.origin);
  });
})();
