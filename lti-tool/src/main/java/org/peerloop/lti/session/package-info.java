/**
 * The session after a launch: a short-lived signed token the page sends as a bearer credential, so
 * nothing inside the LMS iframe depends on a cookie.
 */
package org.peerloop.lti.session;
