/**
 * The administration console's server side: administrators' sign-in (local accounts, or an LMS
 * administrator's launch), their short-lived console sessions, and the self-test.
 */
package org.peerloop.console;
