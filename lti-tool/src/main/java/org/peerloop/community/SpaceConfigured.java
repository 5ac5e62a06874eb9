package org.peerloop.community;

/**
 * A facilitator saved a space's settings: fired inside the transaction, so observers that act on it
 * afterwards (forming cohorts from LMS groups) observe it after success.
 */
public record SpaceConfigured(long spaceId) {}
