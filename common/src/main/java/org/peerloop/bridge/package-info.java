/**
 * Bridges to an LMS beyond LTI: a platform's Moodle site (its web service token and webhook secret,
 * sealed), the events taken from it (each once), and the state of the completion backstop. What the
 * events mean lives in {@code org.peerloop.completion}.
 */
package org.peerloop.bridge;
