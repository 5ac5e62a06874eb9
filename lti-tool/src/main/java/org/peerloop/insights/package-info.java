/**
 * The analytics facilitators read: gathers a space's or a cohort's facts for a period from the
 * database and hands them to {@link org.peerloop.analytics} for the metrics.
 */
package org.peerloop.insights;
