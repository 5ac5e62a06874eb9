package org.peerloop.notifications;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.peerloop.settings.Settings;

/**
 * Hands mails to the configured server with Jakarta Mail: multipart/alternative with the text part
 * first and the HTML part last (RFC 2046 §5.1.4: the last is the richest), UTF-8, with the mail's
 * own Message-ID and language. Timeouts are bounded so a hung server never holds the sender.
 */
final class MailDelivery {
  static final int TIMEOUT_MS = 20_000;

  private final Settings.Smtp smtp;
  private final Session session;

  MailDelivery(Settings.Smtp smtp) {
    this.smtp = smtp;
    this.session = Session.getInstance(properties(smtp));
  }

  private static Properties properties(Settings.Smtp smtp) {
    Properties p = new Properties();
    String protocol = smtp.security() == Settings.MailSecurity.TLS ? "smtps" : "smtp";
    String prefix = "mail." + protocol + ".";
    p.put("mail.transport.protocol", protocol);
    p.put(prefix + "host", smtp.host());
    p.put(prefix + "port", String.valueOf(smtp.port()));
    p.put(prefix + "connectiontimeout", String.valueOf(TIMEOUT_MS));
    p.put(prefix + "timeout", String.valueOf(TIMEOUT_MS));
    p.put(prefix + "writetimeout", String.valueOf(TIMEOUT_MS));
    p.put(prefix + "auth", String.valueOf(smtp.username().isPresent()));
    if (smtp.security() == Settings.MailSecurity.STARTTLS) {
      // Required, not opportunistic: credentials never cross an unencrypted connection.
      p.put(prefix + "starttls.enable", "true");
      p.put(prefix + "starttls.required", "true");
    }
    if (smtp.security() != Settings.MailSecurity.NONE) {
      p.put(prefix + "ssl.checkserveridentity", "true");
    }
    return p;
  }

  /**
   * Whether an address is plain ASCII without spaces or control characters. The recipient comes
   * from the LMS; Angus Mail 2.0.3 (bundled with GlassFish 7.0.25, the newest on Maven Central)
   * lets Unicode and control characters in a recipient inject SMTP commands (CVE-2025-7962), so
   * such an address is refused before it reaches the mail library. Internationalised addresses (RFC
   * 6531) would need SMTPUTF8 end to end, which this path does not offer.
   */
  static boolean isPlainAddress(String address) {
    if (address == null || address.isEmpty() || address.length() > 254) {
      return false;
    }
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  void send(Mail mail) throws MailException {
    if (!isPlainAddress(mail.to())) {
      throw new MailException(
          "Not an address PeerLoop sends to (only plain ASCII, no spaces or controls)", true, null);
    }
    MimeMessage message;
    try {
      message = message(mail);
    } catch (AddressException e) {
      throw new MailException("Not an e-mail address: " + mail.to(), true, e);
    } catch (MessagingException e) {
      throw new MailException("The mail could not be built: " + e.getMessage(), true, e);
    }
    try (Transport transport = session.getTransport()) {
      transport.connect(
          smtp.host(), smtp.port(), smtp.username().orElse(null), smtp.password().orElse(null));
      transport.sendMessage(message, message.getAllRecipients());
    } catch (SendFailedException e) {
      // The server refused the recipient (5xx): sending again would get the same answer.
      throw new MailException(
          "Refused: " + e.getMessage(),
          e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0,
          e);
    } catch (MessagingException e) {
      throw new MailException("The mail server did not take it: " + e.getMessage(), false, e);
    }
  }

  private MimeMessage message(Mail mail) throws MessagingException {
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", mail.messageId());
          }
        };
    message.setFrom(new InternetAddress(smtp.from(), true));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    message.setHeader("Content-Language", mail.language());
    // Automatic mail: auto-responders must not answer it (RFC 3834 §5).
    message.setHeader("Auto-Submitted", "auto-generated");
    // One-click unsubscribe from the mail client's own button (RFC 2369, RFC 8058).
    message.setHeader("List-Unsubscribe", "<" + mail.unsubscribe() + ">");
    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.text(), StandardCharsets.UTF_8.name());
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
    message.setContent(new MimeMultipart("alternative", text, html));
    message.saveChanges();
    return message;
  }
}
