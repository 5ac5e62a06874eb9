// LTI Dynamic Registration 1.0 §3.6: tell the platform's page the registration is finished, so
// it closes the window or iframe it opened for it (Moodle's tool_configure_controller listens).
(function () {
  "use strict";
  var platformWindow = window.opener || (window.parent !== window ? window.parent : null);
  if (platformWindow) {
    platformWindow.postMessage({ subject: "org.imsglobal.lti.close" }, "*");
  }
})();
