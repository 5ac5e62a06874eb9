package org.peerloop.outbound;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Sends requests to other services (LMS platforms, learning record stores) with bounded retries: a
 * 429 or a 5xx answer, or no answer at all, is tried again after the service's {@code Retry-After}
 * (RFC 9110 §10.2.3) or an exponential backoff with jitter; anything else is returned as it came.
 */
public final class RetryingHttp {
  private static final Logger LOG = Logger.getLogger(RetryingHttp.class.getName());

  public static final int MAX_ATTEMPTS = 4;
  static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

  /** A platform asking for a longer pause than this is treated as unavailable for now. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;

  public RetryingHttp(HttpClient http) {
    this.http = http;
  }

  /** The answer, after retries; a built request is made again for each attempt. */
  public HttpResponse<String> send(Supplier<HttpRequest> request) {
    ServiceException last = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      HttpRequest built = request.get();
      Duration wait;
      try {
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status != 429 && status < 500) {
          return response;
        }
        last =
            new ServiceException(
                status,
                status == 429 ? "rate-limited" : "platform-error",
                built.method() + " " + built.uri() + " answered " + status);
        wait = retryAfter(response).orElse(backoff(attempt));
      } catch (OutboundRefusedException e) {
        // The address is not one PeerLoop may call: asking again changes nothing.
        throw new ServiceException(
            0, e.reason(), built.method() + " " + built.uri() + ": " + e.getMessage());
      } catch (IOException e) {
        last =
            new ServiceException(
                0, "platform-unreachable", built.method() + " " + built.uri() + ": " + e);
        wait = backoff(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceException(0, "interrupted", "Interrupted while calling " + built.uri());
      }
      if (attempt == MAX_ATTEMPTS || wait.compareTo(MAX_WAIT) > 0) {
        break;
      }
      String note = last.getMessage() + "; attempt " + attempt + ", retrying in " + wait;
      LOG.fine(note);
      pause(wait);
    }
    throw last;
  }

  static Duration backoff(int attempt) {
    long base = FIRST_BACKOFF.toMillis() << (attempt - 1);
    return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
  }

  /** {@code Retry-After} in seconds or as an HTTP date. */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(RetryingHttp::parseRetryAfter);
  }

  static Optional<Duration> parseRetryAfter(String value) {
    String v = value.strip();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(until.isNegative() ? Duration.ZERO : until);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private static void pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceException(0, "interrupted", "Interrupted while waiting to retry");
    }
  }
}
