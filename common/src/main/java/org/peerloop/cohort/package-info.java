/**
 * Cohorts: the groups members meet in inside a space, formed by shared topics of interest, by LMS
 * group, or by hand. {@link org.peerloop.cohort.CohortPlanner} is the grouping, free of storage.
 */
package org.peerloop.cohort;
