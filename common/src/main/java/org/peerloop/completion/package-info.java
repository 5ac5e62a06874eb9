/**
 * Who completed what in a course, as the LMS reports it (a bridge's events, or its backstop), and
 * the rule that follows: a post-course space that opens on completion opens for a learner once they
 * completed the module the space is attached to (or the course, when it names none).
 */
package org.peerloop.completion;
