package org.peerloop.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guarded client with a real server on loopback (allowed in development) that redirects to
 * where an attacker would like PeerLoop to go. Every request the JDK client underneath is asked to
 * send is recorded: a refused address is never among them.
 */
class GuardedHttpClientTest {
  private HttpServer server;
  private URI base;
  private final List<String> arrived = new CopyOnWriteArrayList<>();
  private final List<URI> attempted = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          arrived.add(path + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
          if (path.startsWith("/to/")) {
            exchange.getResponseHeaders().set("Location", path.substring(3).replaceFirst("^/", ""));
            exchange.sendResponseHeaders(302, -1);
          } else if (path.equals("/large")) {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
              byte[] chunk = new byte[64 * 1024];
              for (int i = 0; i < 64; i++) {
                out.write(chunk);
              }
            } catch (IOException closedByTheClient) {
              // expected: the client stops reading at its bound
            }
          } else {
            byte[] body = "ok".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /** The JDK client, recording every request it is asked to send before sending it. */
  private HttpClient recording() {
    HttpClient real =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new ForwardingHttpClient(real, attempted::add);
  }

  private GuardedHttpClient guarded(boolean development, long maxAnswer) {
    return GuardedHttpClient.wrap(
        recording(), new OutboundPolicy(development), HttpClient.Redirect.NORMAL, maxAnswer);
  }

  private static HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).header("Authorization", "Bearer secret").GET().build();
  }

  @Test
  void aRefusedAddressIsNeverAskedFor() {
    GuardedHttpClient http = guarded(false, 1024);
    for (String url :
        List.of("http://169.254.169.254/latest/meta-data/", "https://10.0.0.1/", base.toString())) {
      OutboundRefusedException refused =
          assertThrows(
              OutboundRefusedException.class,
              () -> http.send(get(URI.create(url)), HttpResponse.BodyHandlers.ofString()));
      assertTrue(
          refused.reason().equals("address-not-public")
              || refused.reason().equals("scheme-not-https"),
          refused.reason());
    }
    assertTrue(attempted.isEmpty(), "nothing was sent: " + attempted);
    assertTrue(arrived.isEmpty());
    ExecutionException async =
        assertThrows(
            ExecutionException.class,
            () ->
                http.sendAsync(
                        get(URI.create("https://192.168.0.1/")),
                        HttpResponse.BodyHandlers.ofString())
                    .get());
    assertTrue(async.getCause() instanceof OutboundRefusedException);
    assertTrue(attempted.isEmpty());
  }

  @Test
  void aRedirectToAPrivateOrMetadataAddressIsRefusedBeforeTheHop() {
    GuardedHttpClient http = guarded(true, 1024);
    for (String target :
        List.of(
            "http://169.254.169.254/latest/meta-data/iam/",
            "https://10.1.2.3/admin",
            "http://192.168.1.1/")) {
      attempted.clear();
      OutboundRefusedException refused =
          assertThrows(
              OutboundRefusedException.class,
              () ->
                  http.send(
                      get(base.resolve("/to/" + target)), HttpResponse.BodyHandlers.ofString()));
      assertEquals("address-not-public", refused.reason(), target);
      assertEquals(1, attempted.size(), "only the first hop was sent: " + attempted);
    }
  }

  @Test
  void redirectsOnTheAllowedSideAreFollowedWithoutTheCredential() throws Exception {
    GuardedHttpClient http = guarded(true, 1024);
    HttpResponse<String> answer =
        http.send(
            get(base.resolve("/to/" + base.resolve("/final"))),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode());
    assertEquals("ok", answer.body());
    assertTrue(arrived.get(0).endsWith("auth=Bearer secret"), arrived.toString());
    assertEquals("/final auth=null", arrived.get(1), "the credential stays with the first host");
  }

  @Test
  void aClientThatFollowsNoRedirectsReturnsTheRedirect() throws Exception {
    GuardedHttpClient http =
        GuardedHttpClient.wrap(
            recording(), new OutboundPolicy(true), HttpClient.Redirect.NEVER, 1024);
    HttpResponse<String> answer =
        http.send(
            get(base.resolve("/to/http://169.254.169.254/")), HttpResponse.BodyHandlers.ofString());
    assertEquals(302, answer.statusCode());
    assertEquals(1, attempted.size());
  }

  @Test
  void anAnswerLargerThanTheBoundFails() {
    GuardedHttpClient http = guarded(true, 256 * 1024);
    IOException failed =
        assertThrows(
            IOException.class,
            () -> http.send(get(base.resolve("/large")), HttpResponse.BodyHandlers.ofByteArray()));
    assertTrue(
        failed instanceof OutboundRefusedException
            || failed.getCause() instanceof OutboundRefusedException,
        String.valueOf(failed));
  }

  @Test
  void aClientThatFollowsRedirectsItselfCannotBeGuarded() {
    HttpClient following =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            GuardedHttpClient.wrap(
                following, new OutboundPolicy(true), HttpClient.Redirect.NEVER, 1));
    assertFalse(arrived.iterator().hasNext());
  }
}
