/**
 * Participation grades to the LMS gradebook through LTI Assignment and Grade Services 2.0: the line
 * item found or created per placed link, each member's score worked out by the space's formula
 * ({@link org.peerloop.space.Grading}), queued, sent once per change, paced per platform, and
 * logged for facilitators.
 */
package org.peerloop.grading;
