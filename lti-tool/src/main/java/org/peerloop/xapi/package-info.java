/**
 * Activity as xAPI 1.0.3 statements: built from the activity log, exported as a file for a space,
 * and pushed to each platform's Learning Record Store in batches with retries.
 */
package org.peerloop.xapi;
