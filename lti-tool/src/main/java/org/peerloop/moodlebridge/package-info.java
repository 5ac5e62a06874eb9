/**
 * The Moodle bridge inside the tool: IT sets a platform's bridge (site, web service token, webhook
 * secret); the plugin's completion events and the periodic backstop record completions and open
 * post-course spaces for the learners who completed; facilitators attach spaces to modules from the
 * real course outline; Moodle groups seed cohorts. The Moodle protocol itself is the {@code
 * peerloop-moodle-bridge} library's ({@code org.peerloop.moodle}).
 */
package org.peerloop.moodlebridge;
