// LTI Dynamic Registration 1.0 §3.6: tell the platform's page the registration is finished, so
// it closes the window or iframe it opened for it (Moodle's tool_configure_controller listens).
// Only when the person clicks Close: Moodle closes its frame the moment it hears the message, and
// the page says first whether the registration is active or waits for an approval.
(function () {
  "use strict";
  var platformWindow = window.opener || (window.parent !== window ? window.parent : null);
  var close = document.getElementById("close-registration");
  if (!close) {
    return;
  }
  close.addEventListener("click", function () {
    if (platformWindow) {
      platformWindow.postMessage({ subject: "org.imsglobal.lti.close" }, "*");
    } else {
      window.close();
    }
  });
})();
