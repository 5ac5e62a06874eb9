/**
 * Posts of a cohort: thread starts and replies, sanitized rich text, mentions and tags, edits with
 * history, soft deletion, and peer ratings.
 */
package org.peerloop.post;
