package org.peerloop.lti.deeplinking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeepLinkingTicketTest {
  private static final byte[] SECRET =
      "a secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private static DeepLinkingTicket at(Instant now) {
    return new DeepLinkingTicket(SECRET, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static final DeepLinkingRequest REQUEST =
      new DeepLinkingRequest(
          3,
          "deployment-1",
          11,
          12,
          "https://moodle.example.edu/mod/lti/contentitem_return.php?course=14&id=3&sesskey=abc",
          List.of("ltiResourceLink"),
          true,
          false,
          true,
          "Add an activity",
          null);

  @Test
  void carriesTheRequestThereAndBack() {
    assertEquals(REQUEST, at(NOW).redeem(at(NOW).issue(REQUEST)).orElseThrow());
  }

  @Test
  void anExpiredOrAlteredTicketIsRefused() {
    String ticket = at(NOW).issue(REQUEST);
    assertTrue(at(NOW.plus(DeepLinkingTicket.LIFETIME).plusSeconds(1)).redeem(ticket).isEmpty());
    String[] parts = ticket.split("\\.");
    String altered =
        parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "xx." + parts[2];
    assertTrue(at(NOW).redeem(altered).isEmpty());
    assertTrue(at(NOW).redeem("not a ticket").isEmpty());
  }

  @Test
  void onlyResourceLinkRequestsCanBeAnswered() {
    assertTrue(REQUEST.acceptsResourceLinks());
    DeepLinkingRequest filesOnly =
        new DeepLinkingRequest(
            3, "d", 1, 1, "https://x", List.of("file", "html"), false, false, true, null, null);
    assertFalse(filesOnly.acceptsResourceLinks());
  }
}
