package org.peerloop.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.settings.Settings;

/**
 * Mails through a real SMTP server (GreenMail) on loopback: their shape, and a server that is down.
 */
class MailDeliveryTest {
  private final int port = freePort();
  private final GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
  private final MailDelivery delivery =
      new MailDelivery(
          new Settings.Smtp(
              "127.0.0.1",
              port,
              Settings.MailSecurity.NONE,
              Optional.empty(),
              Optional.empty(),
              "PeerLoop <peerloop@example.edu>"));

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Mail mail(String to) {
    return new Mail(
        to,
        "Ben Okafor te mencionó en Círculo",
        "Ben Okafor te mencionó:\n\n> <b>hola</b>",
        "<p>Ben Okafor te mencionó:</p><blockquote>&lt;b&gt;hola&lt;/b&gt;</blockquote>",
        "es",
        "<peerloop-notification-42@peerloop.example.edu>",
        java.net.URI.create("https://peerloop.example.edu/mail/unsubscribe?t=7.abc"));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void sendsTextAndHtmlInUtf8WithItsOwnMessageIdAndLanguage() throws Exception {
    server.start();

    delivery.send(mail("carmen@example.edu"));

    MimeMessage[] received = server.getReceivedMessages();
    assertEquals(1, received.length);
    MimeMessage m = received[0];
    assertEquals("Ben Okafor te mencionó en Círculo", m.getSubject());
    assertEquals("<peerloop-notification-42@peerloop.example.edu>", m.getMessageID());
    assertEquals("es", m.getHeader("Content-Language", null));
    assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
    assertEquals(
        "<https://peerloop.example.edu/mail/unsubscribe?t=7.abc>",
        m.getHeader("List-Unsubscribe", null));
    assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post", null));
    assertEquals("carmen@example.edu", m.getAllRecipients()[0].toString());
    Multipart parts = (Multipart) m.getContent();
    assertEquals(2, parts.getCount());
    assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
    assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    assertTrue(GreenMailUtil.getBody(parts.getBodyPart(0)).contains("mencion"));
  }

  @Test
  void aServerThatIsDownIsAFailureForNowAndTheSameMailGoesOnceItIsBack() throws Exception {
    MailException down =
        assertThrows(MailException.class, () -> delivery.send(mail("a@example.edu")));
    assertFalse(down.permanent(), down.getMessage());

    server.start();
    delivery.send(mail("a@example.edu"));
    assertEquals(1, server.getReceivedMessages().length);
  }

  @Test
  void anAddressThatIsNoAddressIsRefusedForGood() {
    MailException refused =
        assertThrows(MailException.class, () -> delivery.send(mail("not an address")));
    assertTrue(refused.permanent(), refused.getMessage());
  }

  /**
   * CVE-2025-7962: SMTP commands smuggled in a recipient the LMS supplied never reach the server.
   */
  @Test
  void aRecipientWithControlsOrUnicodeIsRefusedBeforeTheMailLibrary() throws Exception {
    server.start();
    for (String injected :
        new String[] {
          "ada@example.edu\r\nRCPT TO:<victim@example.org>",
          "ada@example.edu\nDATA",
          "ada@example.edu\u0085RCPT TO:<victim@example.org>",
          "ada@example.edu\u2028RCPT TO:<victim@example.org>",
          "adá@example.edu",
          "ada @example.edu"
        }) {
      MailException refused =
          assertThrows(MailException.class, () -> delivery.send(mail(injected)));
      assertTrue(refused.permanent(), injected);
    }
    assertEquals(0, server.getReceivedMessages().length, "nothing was sent");
  }
}
