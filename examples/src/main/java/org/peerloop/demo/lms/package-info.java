/**
 * A small but real LTI 1.3 platform for the demo: its own RSA key and JWKS, an OpenID
 * configuration, a registration endpoint for LTI Dynamic Registration, an OIDC authentication
 * endpoint that signs id_tokens, and a course page that launches PeerLoop in an iframe from another
 * origin. It behaves like Moodle 4.x where Moodle's behaviour matters (form-posted login, 60-second
 * tokens, a plain-string audience, the registration answer's shape) and, unlike Moodle, offers LTI
 * Platform Storage so the cookieless binding is exercised in the browser.
 */
package org.peerloop.demo.lms;
