// The login page: keep the nonce in the platform's storage, then continue to the platform.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("peerloop-login").textContent);
  function next() {
    window.location.replace(data.authUrl);
  }
  window.PeerLoopStorage.put(data.target, data.origin, data.key, data.value).then(next, next);
})();
