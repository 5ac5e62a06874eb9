/**
 * Participation grades on their way to the LMS gradebook (LTI Assignment and Grade Services 2.0):
 * the last score the platform accepted per link and person, and a log facilitators read. No HTTP or
 * LTI inside.
 */
package org.peerloop.grades;
