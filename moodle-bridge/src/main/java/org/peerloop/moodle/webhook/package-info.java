/**
 * The events the {@code local_peerloop} Moodle plugin sends to {@code POST /moodle/events}: how
 * they are signed ({@link org.peerloop.moodle.webhook.WebhookSignature}) and what they say ({@link
 * org.peerloop.moodle.webhook.MoodleEvent}). Both sides share the test vectors in {@code
 * src/test/resources/moodle/webhook-signature-vectors.json}.
 */
package org.peerloop.moodle.webhook;
