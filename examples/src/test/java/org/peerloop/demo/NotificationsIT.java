package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notifications end to end in course 105 (a cohort of up to 50, so everyone meets): a mention is
 * e-mailed at once through a real SMTP server in the member's language and listed in the app; a
 * reply is listed, not e-mailed; members read and clear only their own.
 */
@ExtendWith(DemoStackExtension.class)
class NotificationsIT {
  private static final String LINK = "201&course=105";
  private static final String OTHER_LINK = "202&course=105";

  private static DemoStack stack;
  private static LaunchDriver driver;

  @BeforeAll
  static void connect(DemoStack running) {
    stack = running;
    driver = new LaunchDriver(running.lms);
  }

  private static String token(String user) throws Exception {
    return token(user, LINK);
  }

  private static String token(String user, String link) throws Exception {
    return LaunchDriver.sessionToken(driver.launchWith("user=" + user + "&link=" + link).body());
  }

  /** The designer sets up the module's space (one cohort of up to 50); the learners join it. */
  private static long cohort(String designer, String title, List<String> learners)
      throws Exception {
    long space = id(stack.call("PUT", "api/v1/space", designer, spaceJson(title, "")));
    long cohort = 0;
    for (String learner : learners) {
      cohort =
          id(
              stack.call(
                  "POST", "api/v1/spaces/" + space + "/membership", learner, "{\"topics\":[]}"));
    }
    return cohort;
  }

  private static String spaceJson(String title, String more) {
    return "{\"title\":\"" + title + "\",\"phase\":\"pre-course\",\"targetSize\":50" + more + "}";
  }

  private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
    assertTrue(response.statusCode() < 300, response.statusCode() + ": " + response.body());
    return JSONObjectUtils.parse(response.body());
  }

  private static long id(HttpResponse<String> response) throws Exception {
    return ((Number) json(response).get("id")).longValue();
  }

  /**
   * The mails the server received for an address about a space (its title in the subject: other
   * tests of the run mail the same people), waiting up to 30 s for the first when asked to.
   */
  private static List<MimeMessage> mailsTo(String address, String space, boolean wait)
      throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      List<MimeMessage> found =
          Arrays.stream(stack.mail.getReceivedMessages())
              .filter(m -> recipient(m).equals(address) && subject(m).contains(space))
              .toList();
      if (!found.isEmpty() || !wait || System.nanoTime() > deadline) {
        return found;
      }
      Thread.sleep(250);
    }
  }

  /** A member's notifications about one thread (they have others from the rest of the run). */
  private static List<Map<?, ?>> about(String token, Object threadId) throws Exception {
    return JSONObjectUtils.getJSONArray(
            json(stack.call("GET", "api/v1/notifications", token, null)), "items")
        .stream()
        .<Map<?, ?>>map(n -> (Map<?, ?>) n)
        .filter(n -> threadId.equals(n.get("threadId")))
        .toList();
  }

  private static String recipient(MimeMessage m) {
    try {
      return m.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (Exception e) {
      return "";
    }
  }

  @Test
  void aMentionIsMailedInTheMembersLanguageAndListedAReplyIsListed() throws Exception {
    String ada = token("2");
    String carmen = token("4");
    long cohort = cohort(token("5"), "Mail circle", List.of(ada, carmen));
    long thread =
        id(
            stack.call(
                "POST",
                "api/v1/cohorts/" + cohort + "/posts",
                ada,
                "{\"title\":\"Tips & <tricks>\",\"body\":\"<p>@Carmen Ruiz which chart"
                    + " <b>works</b> for you?</p>\",\"clientKey\":\"notify-thread\"}"));
    id(
        stack.call(
            "POST",
            "api/v1/cohorts/" + cohort + "/posts",
            carmen,
            "{\"body\":\"<p>Bars, always.</p>\",\"replyTo\":"
                + thread
                + ",\"clientKey\":\"notify-reply\"}"));

    // Carmen's launch says es_MX: her mail is in Spanish, text and HTML, the post quoted as text.
    List<MimeMessage> mails = mailsTo("carmen.ruiz@example.edu", "Mail circle", true);
    assertEquals(1, mails.size());
    MimeMessage mail = mails.get(0);
    assertEquals("Ada Ito te mencionó en Mail circle", mail.getSubject());
    assertEquals("es", mail.getHeader("Content-Language", null));
    Multipart parts = (Multipart) mail.getContent();
    String text = (String) parts.getBodyPart(0).getContent();
    String html = (String) parts.getBodyPart(1).getContent();
    assertTrue(text.contains("which chart works for you?"), text);
    assertTrue(html.contains("Tips &amp; &lt;tricks&gt;"), html);
    assertFalse(html.contains("<b>works</b>"), "the post is quoted as text, never as HTML");
    assertTrue(mail.getMessageID().startsWith("<peerloop-notification-"), mail.getMessageID());
    // A reply is listed, not e-mailed.
    assertEquals(List.of(), mailsTo("ada.ito@example.edu", "Mail circle", false));

    List<Map<?, ?>> carmens = about(carmen, thread);
    assertEquals(1, carmens.size(), carmens.toString());
    Map<?, ?> mention = carmens.get(0);
    assertEquals("MENTION", mention.get("kind"));
    assertEquals("Ada Ito", mention.get("actor"));
    assertEquals(false, mention.get("read"));
    List<Map<?, ?>> adas = about(ada, thread);
    assertEquals(1, adas.size(), adas.toString());
    Map<?, ?> reply = adas.get(0);
    assertEquals("REPLY", reply.get("kind"));
    assertEquals("Carmen Ruiz", reply.get("actor"));

    // Carmen reads hers; naming Ada's notification does not touch Ada's.
    json(
        stack.call(
            "POST", "api/v1/notifications/read", carmen, "{\"ids\":[" + reply.get("id") + "]}"));
    assertEquals(false, about(ada, thread).get(0).get("read"));
    assertEquals(
        0L, json(stack.call("POST", "api/v1/notifications/read", carmen, "{}")).get("unread"));
    assertEquals(true, about(carmen, thread).get(0).get("read"));
    assertEquals(401, stack.call("GET", "api/v1/notifications", null, null).statusCode());
    String tooMany =
        java.util.stream.LongStream.rangeClosed(1, 201)
            .mapToObj(String::valueOf)
            .collect(java.util.stream.Collectors.joining(",", "{\"ids\":[", "]}"));
    assertEquals(
        400, stack.call("POST", "api/v1/notifications/read", carmen, tooMany).statusCode());
  }

  /**
   * Every mail's unsubscribe link works without signing in: opening it only asks; the mail client's
   * one-click POST turns the member's e-mails off, and a forged link does nothing.
   */
  @Test
  void theUnsubscribeLinkStopsTheMembersMailsWithoutSigningIn() throws Exception {
    String ben = token("3", OTHER_LINK);
    String grace = token("7", OTHER_LINK);
    String hugo = token("8", OTHER_LINK);
    long cohort = cohort(token("5", OTHER_LINK), "Unsubscribe circle", List.of(ben, grace, hugo));
    id(
        stack.call(
            "POST",
            "api/v1/cohorts/" + cohort + "/posts",
            ben,
            "{\"title\":\"Charts\",\"body\":\"<p>@Grace Kim thoughts?</p>\","
                + "\"clientKey\":\"unsub-thread-1\"}"));
    MimeMessage first = mailsTo("grace.kim@example.edu", "Unsubscribe circle", true).get(0);
    String header = first.getHeader("List-Unsubscribe", null);
    assertEquals("List-Unsubscribe=One-Click", first.getHeader("List-Unsubscribe-Post", null));
    String link = header.substring(1, header.length() - 1);
    assertTrue(link.startsWith(stack.tool("mail/unsubscribe?t=").toString()), link);

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> asked =
        http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(), BodyHandlers.ofString());
    assertEquals(200, asked.statusCode());
    assertTrue(asked.body().contains("<form method=\"post\""), asked.body());
    assertEquals(
        "WEEKLY", json(stack.call("GET", "api/v1/notifications/mail", grace, null)).get("digest"));

    HttpResponse<String> forged =
        http.send(
            HttpRequest.newBuilder(URI.create(link.replace("t=", "t=1")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build(),
            BodyHandlers.ofString());
    assertEquals(400, forged.statusCode());
    // The one-click POST as RFC 8058 asks mail clients to send it: multipart/form-data.
    String multipart =
        "--b1\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\n"
            + "One-Click\r\n--b1--\r\n";
    HttpResponse<String> oneClick =
        http.send(
            HttpRequest.newBuilder(URI.create(link))
                .header("Content-Type", "multipart/form-data; boundary=b1")
                .POST(BodyPublishers.ofString(multipart))
                .build(),
            BodyHandlers.ofString());
    assertEquals(200, oneClick.statusCode(), oneClick.body());
    assertEquals(
        Map.of("digest", "OFF", "atOnce", false),
        json(stack.call("GET", "api/v1/notifications/mail", grace, null)));

    // Mention both: Hugo's mail arriving shows the sender ran; Grace's count did not move.
    long second =
        id(
            stack.call(
                "POST",
                "api/v1/cohorts/" + cohort + "/posts",
                ben,
                "{\"title\":\"More charts\",\"body\":\"<p>@Grace Kim and @Hugo Martin?</p>\","
                    + "\"clientKey\":\"unsub-thread-2\"}"));
    assertEquals(1, mailsTo("hugo.martin@example.edu", "Unsubscribe circle", true).size());
    assertEquals(1, mailsTo("grace.kim@example.edu", "Unsubscribe circle", false).size());
    assertEquals(1, about(grace, second).size(), "still told in the app");

    // Members choose again in the app; nonsense is refused.
    assertEquals(
        Map.of("digest", "DAILY", "atOnce", true),
        json(
            stack.call(
                "PUT",
                "api/v1/notifications/mail",
                grace,
                "{\"digest\":\"daily\",\"atOnce\":true}")));
    assertEquals(
        400,
        stack
            .call(
                "PUT",
                "api/v1/notifications/mail",
                grace,
                "{\"digest\":\"hourly\",\"atOnce\":true}")
            .statusCode());
  }

  /** The digest: what a member's cohort wrote, with a link back, made on demand by IT. */
  @Test
  void aDigestTellsAMemberWhatTheirCohortWrote() throws Exception {
    String link = "204&course=105";
    String dana = token("5", link);
    String farid = token("6", link);
    String ben = token("3", link);
    long cohort = cohort(dana, "Digest circle", List.of(farid, ben));
    id(
        stack.call(
            "POST",
            "api/v1/cohorts/" + cohort + "/posts",
            ben,
            "{\"kind\":\"question\",\"title\":\"Which dashboard <first>?\","
                + "\"body\":\"<p>Any favourite?</p>\",\"clientKey\":\"digest-question\"}"));
    Thread.sleep(1100); // the digest covers what was written before it was made

    HttpResponse<String> made =
        stack.call("POST", "api/admin/mail/digests", DemoStack.ADMIN_TOKEN, null);
    assertEquals(200, made.statusCode(), made.body());
    assertTrue(((Number) json(made).get("digests")).intValue() >= 1, made.body());
    MimeMessage digest =
        mailsTo("farid.haddad@example.edu", "Digest circle", true).stream()
            .filter(m -> subject(m).equals("New in Digest circle"))
            .findFirst()
            .orElseThrow();
    Multipart parts = (Multipart) digest.getContent();
    String text = (String) parts.getBodyPart(0).getContent();
    String html = (String) parts.getBodyPart(1).getContent();
    assertTrue(text.contains("Which dashboard <first>? — Ben Okafor"), text);
    assertTrue(html.contains("Which dashboard &lt;first&gt;?"), html);
    assertTrue(text.contains("Open Digest circle: " + stack.lms.issuer()), text);
    assertTrue(digest.getHeader("List-Unsubscribe", null).contains("mail/unsubscribe?t="));
    // Made once: asking again makes none for Farid.
    stack.call("POST", "api/admin/mail/digests", DemoStack.ADMIN_TOKEN, null);
    Thread.sleep(200);
    assertEquals(
        1,
        mailsTo("farid.haddad@example.edu", "Digest circle", false).stream()
            .filter(m -> subject(m).equals("New in Digest circle"))
            .count());
    assertEquals(401, stack.call("POST", "api/admin/mail/digests", null, null).statusCode());

    // The designer adds a prompt: the members are told in the app, once per new prompt.
    String withPrompt =
        spaceJson("Digest circle", ",\"prompts\":[{\"text\":\"Which chart misled you?\"}]");
    id(stack.call("PUT", "api/v1/space", dana, withPrompt));
    id(stack.call("PUT", "api/v1/space", dana, withPrompt));
    List<Object> notices =
        JSONObjectUtils.getJSONArray(
            json(stack.call("GET", "api/v1/notifications", farid, null)), "items");
    List<Object> prompts =
        notices.stream().filter(n -> "NEW_PROMPT".equals(((Map<?, ?>) n).get("kind"))).toList();
    assertEquals(1, prompts.size(), notices.toString());
    assertEquals("Which chart misled you?", ((Map<?, ?>) prompts.get(0)).get("detail"));
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      return "";
    }
  }
}
