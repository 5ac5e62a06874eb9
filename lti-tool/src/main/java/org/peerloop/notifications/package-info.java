/**
 * Notifications for members: the in-app list, and e-mail from the outbox through the configured
 * mail server (Jakarta Mail), each mail in its member's language.
 */
package org.peerloop.notifications;
