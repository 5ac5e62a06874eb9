package org.peerloop.xapi;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.peerloop.outbound.RetryingHttp;
import org.peerloop.outbound.ServiceException;

/**
 * Talks to a Learning Record Store (xAPI 1.0.3 Communication): {@code GET about} to check it is
 * one, {@code POST statements} with a batch. Every request names the version it speaks (§3.3) and
 * authenticates with HTTP Basic (§4.1). Busy or failing stores are retried by {@link RetryingHttp};
 * any other answer but 200 is a refusal.
 */
@ApplicationScoped
public class LrsClient {
  static final String VERSION = "1.0.3";

  @Inject RetryingHttp http;

  /** Where a store is reached and as whom. */
  public record Store(URI endpoint, String username, String password) {
    @Override
    public String toString() {
      return "Store[" + endpoint + ", " + username + "]";
    }
  }

  /** The versions the store speaks; fails unless it speaks 1.0.x. */
  public List<String> about(URI endpoint) {
    HttpResponse<String> response =
        http.send(
            () ->
                HttpRequest.newBuilder(endpoint.resolve("about"))
                    .timeout(RetryingHttp.REQUEST_TIMEOUT)
                    .header("X-Experience-API-Version", VERSION)
                    .header("Accept", "application/json")
                    .GET()
                    .build());
    if (response.statusCode() != 200) {
      throw new ServiceException(
          response.statusCode(), "lrs-refused", "GET about answered " + response.statusCode());
    }
    try {
      Map<String, Object> about = JSONObjectUtils.parse(response.body());
      List<String> versions = JSONObjectUtils.getStringList(about, "version");
      if (versions == null || versions.stream().noneMatch(v -> v.startsWith("1.0."))) {
        throw new ServiceException(
            200, "lrs-version", "The store speaks " + versions + ", not xAPI 1.0.x");
      }
      return versions;
    } catch (ParseException e) {
      throw new ServiceException(200, "lrs-malformed", "GET about did not answer xAPI JSON");
    }
  }

  /** Sends a batch (a JSON array of statements); returns when the store has stored it. */
  void send(Store store, String statementsJson) {
    byte[] body = statementsJson.getBytes(StandardCharsets.UTF_8);
    String credentials =
        Base64.getEncoder()
            .encodeToString(
                (store.username() + ":" + store.password()).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(
            () ->
                HttpRequest.newBuilder(store.endpoint().resolve("statements"))
                    .timeout(RetryingHttp.REQUEST_TIMEOUT)
                    .header("X-Experience-API-Version", VERSION)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + credentials)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build());
    if (response.statusCode() != 200) {
      throw new ServiceException(
          response.statusCode(),
          "lrs-refused",
          "POST statements answered " + response.statusCode() + ": " + excerpt(response.body()));
    }
  }

  private static String excerpt(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }
}
