package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tool's edge against requests no page of its own makes: security headers on every kind of
 * answer, bodies over the limit (declared or streamed), a client that stops sending, cross-origin
 * form posts from a real browser (CSRF) and cross-origin reads (CORS). Runs in course 108 at link
 * 202, which no other test uses.
 */
@ExtendWith(DemoStackExtension.class)
class WebEdgeIT {
  private static final String AT = "&link=202&course=108";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static DemoStack stack;
  private static Browser browser;
  private static String learner;
  private static long cohort;

  @BeforeAll
  static void setUp(DemoStack running) throws Exception {
    stack = running;
    LaunchDriver driver = new LaunchDriver(running.lms);
    String designer = LaunchDriver.sessionToken(driver.launchWith("user=5" + AT).body());
    HttpResponse<String> space =
        stack.call(
            "PUT",
            "api/v1/space",
            designer,
            "{\"title\":\"Edge circle\",\"phase\":\"pre-course\",\"targetSize\":20}");
    assertEquals(200, space.statusCode(), space.body());
    Object spaceId = JSONObjectUtils.parse(space.body()).get("id");
    learner = LaunchDriver.sessionToken(driver.launchWith("user=2" + AT).body());
    HttpResponse<String> joined =
        stack.call("POST", "api/v1/spaces/" + spaceId + "/membership", learner, "{\"topics\":[]}");
    cohort = ((Number) JSONObjectUtils.parse(joined.body()).get("id")).longValue();
    browser = new Browser(running);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private static String threads() throws Exception {
    return stack.call("GET", "api/v1/cohorts/" + cohort + "/threads", learner, null).body();
  }

  private static void assertHardened(HttpResponse<String> answer, String what) {
    assertEquals(
        "nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null), what);
    assertEquals("no-referrer", answer.headers().firstValue("Referrer-Policy").orElse(null), what);
    String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(policy.contains("frame-ancestors"), what + ": " + policy);
  }

  @Test
  void everyKindOfAnswerCarriesTheSecurityHeaders() throws Exception {
    HttpResponse<String> json = stack.call("GET", "api/session", learner, null);
    assertEquals(200, json.statusCode());
    assertHardened(json, "JSON");
    assertEquals(
        "default-src 'none'; frame-ancestors 'none'",
        json.headers().firstValue("Content-Security-Policy").orElseThrow(),
        "an API answer can neither run anything nor be framed");
    assertHardened(stack.call("GET", "api/session", null, null), "a problem");
    assertHardened(stack.call("GET", "lti/jwks", null, null), "the key set");
    assertHardened(stack.call("GET", "api/v1/nothing-here", learner, null), "a 404");

    HttpResponse<String> page = new LaunchDriver(stack.lms).launchWith("user=2" + AT);
    assertHardened(page, "the tool page");
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(policy.contains("script-src 'self'"), policy);
    assertFalse(policy.contains("unsafe-inline") && policy.contains("script-src 'unsafe"), policy);
    assertTrue(
        policy.endsWith("frame-ancestors " + stack.lms.issuer()),
        "framed only by the registered platform: " + policy);
  }

  @Test
  void bodiesOverTheLimitAreRefusedDeclaredOrStreamed() throws Exception {
    byte[] huge = new byte[2 * 1024 * 1024];
    Arrays.fill(huge, (byte) 'a');
    URI posts = stack.tool("api/v1/cohorts/" + cohort + "/posts");
    HttpResponse<String> declared =
        HTTP.send(
            HttpRequest.newBuilder(posts)
                .header("Authorization", "Bearer " + learner)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(413, declared.statusCode(), declared.body());
    assertEquals("body-too-large", JSONObjectUtils.parse(declared.body()).get("reason"));

    // No length given (chunked): a JSON string that never ends, cut off at the limit.
    byte[] start = "{\"title\":\"streamed\",\"body\":\"".getBytes(StandardCharsets.US_ASCII);
    byte[] streamed = new byte[start.length + huge.length];
    System.arraycopy(start, 0, streamed, 0, start.length);
    System.arraycopy(huge, 0, streamed, start.length, huge.length);
    HttpResponse<String> chunked =
        HTTP.send(
            HttpRequest.newBuilder(posts)
                .header("Authorization", "Bearer " + learner)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(streamed)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(413, chunked.statusCode(), chunked.body());
    assertFalse(threads().contains("streamed"));
  }

  /** Sends the start of a request, then nothing: what the server answers, and after how long. */
  private static String stopSendingAfter(String start, Duration[] waited) throws Exception {
    URI tool = stack.tool("");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(tool.getHost(), tool.getPort()), 5_000);
      // Longer than the server waits, so only its timeout can end the wait.
      socket.setSoTimeout(90_000);
      OutputStream out = socket.getOutputStream();
      out.write(start.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long started = System.nanoTime();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      try {
        socket.getInputStream().transferTo(answer);
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the server kept waiting for the rest of the request");
      } catch (SocketException reset) {
        // closed by the server
      }
      waited[0] = Duration.ofNanos(System.nanoTime() - started);
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void aClientThatStopsSendingIsCutOff() throws Exception {
    Duration[] waited = new Duration[1];
    String halfHeaders = stopSendingAfter("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n", waited);
    assertTrue(
        waited[0].compareTo(Duration.ofSeconds(40)) < 0, "headers cut off after " + waited[0]);
    assertEquals("", halfHeaders, "nothing to answer a request that never came");

    String halfBody =
        stopSendingAfter(
            "POST /api/v1/cohorts/"
                + cohort
                + "/posts HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n"
                + "Authorization: Bearer "
                + learner
                + "\r\n\r\n{\"ti",
            waited);
    assertTrue(waited[0].compareTo(Duration.ofSeconds(60)) < 0, "body cut off after " + waited[0]);
    assertTrue(halfBody.startsWith("HTTP/1.1 408"), halfBody);
    assertTrue(halfBody.contains("\"reason\":\"request-timeout\""), halfBody);
  }

  @Test
  void crossOriginFormPostsDoNothing() throws Exception {
    String action = stack.tool("api/v1/cohorts/" + cohort + "/posts").toString();
    browser.openCoursePage("user=2&course=108&open=202");
    browser.driver.switchTo().defaultContent();
    // A page of another site (here the LMS's origin) posting forms at the API, as an attacker's
    // page would: URL-encoded, and text/plain shaped to look like JSON.
    for (String enctype : new String[] {"application/x-www-form-urlencoded", "text/plain"}) {
      browser.script(
          "var f = document.createElement('form'); f.method = 'POST'; f.action = arguments[0];"
              + " f.enctype = arguments[1]; f.target = 'csrf-' + arguments[1].length;"
              + " var i = document.createElement('input'); i.name = '{\"title\":\"csrf\",\"body\":\"<p>csrf</p>\",\"clientKey\":\"csrf-key-000000\",\"x\":\"';"
              + " i.value = '\"}'; f.appendChild(i);"
              + " var frame = document.createElement('iframe'); frame.name = f.target;"
              + " document.body.appendChild(frame); document.body.appendChild(f); f.submit();",
          action,
          enctype);
    }
    Thread.sleep(1_500);
    assertFalse(threads().contains("csrf"), "no post was made by a cross-origin form");

    // Nor may another site's script read the API: no CORS grant, even to a preflight.
    HttpResponse<String> preflight =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(action))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://attacker.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(
        preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
        preflight.headers().map().toString());
  }
}
