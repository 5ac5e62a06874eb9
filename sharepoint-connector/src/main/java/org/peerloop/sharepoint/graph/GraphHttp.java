package org.peerloop.sharepoint.graph;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The JSON exchanges with Graph and Entra: bounded in time and size, and patient when throttled. A
 * 429 or 503 is retried after its {@code Retry-After} (seconds or an HTTP date; a default when
 * absent), at most {@link #MAX_ATTEMPTS} times and never waiting longer than {@link #MAX_WAIT} at
 * once. See Microsoft Graph, "Throttling guidance".
 */
public class GraphHttp {
  static final int MAX_ATTEMPTS = 5;
  static final Duration MAX_WAIT = Duration.ofMinutes(2);
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** A page of 999 members with a few properties stays well under this. */
  static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

  /** Waits between attempts; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final HttpClient client;
  private final Clock clock;
  private final Sleeper sleeper;

  public GraphHttp(HttpClient client, Clock clock, Sleeper sleeper) {
    this.client = client;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  public GraphHttp(HttpClient client, Clock clock) {
    this(client, clock, d -> Thread.sleep(d.toMillis()));
  }

  Clock clock() {
    return clock;
  }

  /** Sends the request (retrying when throttled) and reads a JSON object from a 2xx answer. */
  JsonObject json(HttpRequest.Builder request, String what) throws GraphException {
    HttpRequest built = request.timeout(TIMEOUT).header("Accept", "application/json").build();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<InputStream> response = send(built, what);
      int status = response.statusCode();
      String body = read(response, what);
      if (status / 100 == 2) {
        return parse(body, what);
      }
      if ((status == 429 || status == 503) && attempt < MAX_ATTEMPTS) {
        pause(retryAfter(response));
        continue;
      }
      throw failure(status, body, what);
    }
  }

  private HttpResponse<InputStream> send(HttpRequest request, String what) throws GraphException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new GraphException("graph-unavailable", what + " could not be reached: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GraphException("graph-unavailable", "Interrupted calling " + what, e);
    }
  }

  private static String read(HttpResponse<InputStream> response, String what)
      throws GraphException {
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new GraphException("graph-unreadable", what + " answered more than a page can be");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new GraphException("graph-unavailable", what + " broke off its answer: " + e, e);
    }
  }

  private static JsonObject parse(String body, String what) throws GraphException {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new GraphException("graph-unreadable", what + " answered something not JSON", e);
    }
  }

  private void pause(Duration wait) throws GraphException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GraphException("graph-throttled", "Interrupted while throttled", e);
    }
  }

  /** RFC 9110 §10.2.3: delay-seconds or an HTTP date. */
  Duration retryAfter(HttpResponse<?> response) {
    Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
    Duration wait = DEFAULT_WAIT;
    if (header.isPresent()) {
      String value = header.get();
      try {
        wait = Duration.ofSeconds(Long.parseLong(value));
      } catch (NumberFormatException notSeconds) {
        try {
          Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          wait = Duration.between(clock.instant(), at);
        } catch (DateTimeParseException neither) {
          wait = DEFAULT_WAIT;
        }
      }
    }
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
  }

  /**
   * Graph's error body is {@code {"error": {"code", "message"}}}; Entra's has error_description.
   */
  private static GraphException failure(int status, String body, String what) {
    String detail = "";
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonObject error = reader.readObject();
      if (error.get("error") instanceof JsonObject graph) {
        detail = graph.getString("code", "") + ": " + graph.getString("message", "");
      } else {
        detail = error.getString("error", "") + ": " + error.getString("error_description", "");
      }
    } catch (JsonException | IllegalStateException | ClassCastException e) {
      detail = "HTTP " + status;
    }
    String code =
        switch (status) {
          case 401 -> "graph-unauthorized";
          case 400, 403 -> "graph-permission";
          case 404 -> "graph-not-found";
          case 429, 503 -> "graph-throttled";
          default -> "graph-unavailable";
        };
    return new GraphException(code, what + " answered HTTP " + status + " (" + detail + ")");
  }
}
