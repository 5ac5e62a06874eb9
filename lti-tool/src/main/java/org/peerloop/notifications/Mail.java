package org.peerloop.notifications;

import java.net.URI;

/**
 * One e-mail ready to send: plain text and HTML of the same words, in {@code language}; the {@code
 * messageId} is stable per notification, so a mail sent again after a lost answer is recognisably
 * the same message (RFC 5322 §3.6.4); {@code unsubscribe} turns the member's e-mails off in one
 * click (RFC 8058).
 */
record Mail(
    String to,
    String subject,
    String text,
    String html,
    String language,
    String messageId,
    URI unsubscribe) {}
