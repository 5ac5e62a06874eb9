package org.peerloop.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries against a real HTTP server on loopback that answers from a script. */
class RetryingHttpTest {
  private HttpServer server;
  private final Deque<int[]> script = new ArrayDeque<>();
  private final AtomicInteger requests = new AtomicInteger();
  private URI uri;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          int[] answer = script.isEmpty() ? new int[] {200, -1} : script.poll();
          if (answer[1] >= 0) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(answer[1]));
          }
          exchange.sendResponseHeaders(answer[0], -1);
          exchange.close();
        });
    server.start();
    uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/service");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private int send() {
    return new RetryingHttp(GuardedHttpClient.of(new OutboundPolicy(true), Duration.ofSeconds(5)))
        .send(() -> HttpRequest.newBuilder(uri).GET().build())
        .statusCode();
  }

  private void answers(int... statuses) {
    for (int status : statuses) {
      script.add(new int[] {status, status == 429 ? 0 : -1});
    }
  }

  @Test
  void retriesRateLimitsAndServerErrorsUntilTheyPass() {
    answers(429, 503, 500);
    assertEquals(200, send());
    assertEquals(4, requests.get());
  }

  @Test
  void givesUpAfterTheLastAttemptWithTheStatus() {
    answers(503, 503, 503, 503, 503);
    ServiceException failed = assertThrows(ServiceException.class, this::send);
    assertEquals(503, failed.status());
    assertEquals("platform-error", failed.reason());
    assertEquals(RetryingHttp.MAX_ATTEMPTS, requests.get());
  }

  @Test
  void returnsClientErrorsAtOnce() {
    answers(400);
    assertEquals(400, send());
    assertEquals(1, requests.get());
  }

  @Test
  void aPlatformAskingForTooLongAPauseIsNotWaitedFor() {
    script.add(new int[] {429, (int) RetryingHttp.MAX_WAIT.toSeconds() + 60});
    ServiceException failed = assertThrows(ServiceException.class, this::send);
    assertEquals("rate-limited", failed.reason());
    assertEquals(1, requests.get());
  }

  @Test
  void anUnreachablePlatformIsReportedAsSuch() {
    server.stop(0);
    ServiceException failed = assertThrows(ServiceException.class, this::send);
    assertEquals(0, failed.status());
    assertEquals("platform-unreachable", failed.reason());
  }

  @Test
  void anAddressThePolicyRefusesIsNeitherCalledNorRetried() {
    RetryingHttp strict =
        new RetryingHttp(GuardedHttpClient.of(new OutboundPolicy(false), Duration.ofSeconds(5)));
    ServiceException failed =
        assertThrows(
            ServiceException.class,
            () -> strict.send(() -> HttpRequest.newBuilder(uri).GET().build()));
    assertEquals("address-not-public", failed.reason());
    assertEquals(0, requests.get(), "nothing reached the loopback server");
  }

  @Test
  void readsRetryAfterInSecondsOrAsADate() {
    assertEquals(Duration.ofSeconds(3), RetryingHttp.parseRetryAfter("3").orElseThrow());
    assertEquals(
        Duration.ZERO, RetryingHttp.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT").orElseThrow());
    assertTrue(RetryingHttp.parseRetryAfter("soon").isEmpty());
  }
}
