/**
 * Cohort spaces: what a designer attaches to a course module, with its phase, window, target cohort
 * size, topics, prompts, moderation mode and ratings.
 */
package org.peerloop.space;
