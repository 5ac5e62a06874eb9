/**
 * The social core as the API uses it: spaces, cohorts and discussion for the caller of a session,
 * each operation one transaction, every lookup scoped to the caller's platform and course.
 */
package org.peerloop.community;
