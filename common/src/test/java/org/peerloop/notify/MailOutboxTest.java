package org.peerloop.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An outbox mail's life: claimed, then sent, retried after growing waits, or given up. */
class MailOutboxTest {
  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  private static MailOutbox mail() {
    return new MailOutbox(1, null, "ada@example.edu", T0);
  }

  @Test
  void failuresWaitLongerEachTimeThenGiveUp() {
    MailOutbox m = mail();
    m.claim(T0, T0.plusSeconds(120));
    m.failed("421 busy", T0);
    assertEquals(MailStatus.PENDING, m.status());
    assertEquals(T0.plus(Duration.ofMinutes(1)), m.nextAttemptAt());
    assertNull(m.claimedUntil());
    m.claim(T0, T0.plusSeconds(120));
    m.failed("421 busy", T0);
    assertEquals(T0.plus(Duration.ofMinutes(2)), m.nextAttemptAt());
    for (int i = 2; i < MailOutbox.MAX_ATTEMPTS; i++) {
      m.claim(T0, T0.plusSeconds(120));
      m.failed("421 busy", T0);
    }
    assertEquals(MailStatus.FAILED, m.status());
    assertEquals(MailOutbox.MAX_ATTEMPTS, m.attempts());
    assertEquals("421 busy", m.lastError());
  }

  @Test
  void aRefusalEndsItAndASendingMarksItSent() {
    MailOutbox refused = mail();
    refused.claim(T0, T0.plusSeconds(120));
    refused.refused("550 no such user");
    assertEquals(MailStatus.FAILED, refused.status());

    MailOutbox sent = mail();
    sent.claim(T0, T0.plusSeconds(120));
    sent.sent(T0.plusSeconds(1));
    assertEquals(MailStatus.SENT, sent.status());
    assertEquals(T0.plusSeconds(1), sent.sentAt());
    assertEquals(1, sent.attempts());
  }
}
