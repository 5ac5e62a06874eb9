package org.peerloop.console;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.peerloop.outbound.GuardedHttpClient;
import org.peerloop.outbound.OutboundPolicy;
import org.peerloop.outbound.OutboundRefusedException;

/**
 * Checks the values an administrator copies from an LMS before they become a registration, and says
 * what is wrong in terms of the LMS: a URL that is not one, plain HTTP to a remote host, a key set
 * that does not answer or holds no RSA signing key.
 */
@ApplicationScoped
public class RegistrationChecks {
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final int MAX_BODY_BYTES = 256 * 1024;

  @Inject OutboundPolicy policy;
  private volatile HttpClient http;

  /** One problem with one field, with a reason code the console words and a plain detail. */
  public record Problem(String field, String reason, String detail) {}

  /** The values to check, as the registration form sends them. */
  public record Values(
      String issuer,
      String clientId,
      String authLoginUrl,
      String authTokenUrl,
      String jwksUrl,
      List<String> deploymentIds) {}

  public List<Problem> check(Values values) {
    List<Problem> problems = new ArrayList<>();
    url("issuer", values.issuer(), problems, true);
    if (values.clientId() == null || values.clientId().isBlank()) {
      problems.add(new Problem("clientId", "required", "The LMS shows the client id it made"));
    }
    url("authLoginUrl", values.authLoginUrl(), problems, false);
    url("authTokenUrl", values.authTokenUrl(), problems, false);
    URI jwks = url("jwksUrl", values.jwksUrl(), problems, false);
    if (values.deploymentIds() == null
        || values.deploymentIds().stream().allMatch(d -> d == null || d.isBlank())) {
      problems.add(
          new Problem("deploymentIds", "required", "At least one deployment id from the LMS"));
    }
    if (jwks != null) {
      keySet(jwks, problems);
    }
    return problems;
  }

  private static URI url(String field, String value, List<Problem> problems, boolean issuer) {
    if (value == null || value.isBlank()) {
      problems.add(new Problem(field, "required", "Copy it from the LMS's tool registration"));
      return null;
    }
    URI uri;
    try {
      uri = URI.create(value.strip());
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(field, "not-a-url", "Not a URL: " + e.getMessage()));
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      problems.add(new Problem(field, "not-a-url", "An https:// address is expected"));
      return null;
    }
    if (scheme.equals("http") && !isLocal(uri.getHost())) {
      problems.add(
          new Problem(
              field, "not-https", "Platforms must be reached over https (1EdTech Security §3)"));
    }
    if (issuer && (uri.getRawQuery() != null || uri.getRawFragment() != null)) {
      problems.add(
          new Problem(field, "issuer-not-plain", "An issuer has no query or fragment (OIDC §2)"));
    }
    return uri;
  }

  private static boolean isLocal(String host) {
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
  }

  /** What is wrong with the key set at this address (nothing: it holds an RSA signing key). */
  public List<Problem> keySetProblems(URI jwks) {
    List<Problem> problems = new ArrayList<>();
    keySet(jwks, problems);
    return problems;
  }

  private HttpClient http() {
    if (http == null) {
      http = GuardedHttpClient.of(policy, TIMEOUT, HttpClient.Redirect.NORMAL, MAX_BODY_BYTES);
    }
    return http;
  }

  private void keySet(URI jwks, List<Problem> problems) {
    HttpResponse<byte[]> answer;
    try {
      answer =
          http()
              .send(
                  HttpRequest.newBuilder(jwks)
                      .timeout(TIMEOUT)
                      .header("Accept", "application/json, application/jwk-set+json")
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
    } catch (OutboundRefusedException e) {
      problems.add(new Problem("jwksUrl", e.reason(), e.getMessage()));
      return;
    } catch (IOException e) {
      problems.add(new Problem("jwksUrl", "keys-unreachable", "It does not answer"));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problems.add(new Problem("jwksUrl", "keys-unreachable", "Interrupted"));
      return;
    }
    if (answer.statusCode() != 200) {
      problems.add(
          new Problem(
              "jwksUrl",
              "keys-unreachable",
              "It answers HTTP " + answer.statusCode() + ", not 200"));
      return;
    }
    if (answer.body().length > MAX_BODY_BYTES) {
      problems.add(new Problem("jwksUrl", "keys-not-a-key-set", "The answer is not a key set"));
      return;
    }
    try {
      JWKSet set = JWKSet.parse(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
      boolean signing =
          set.getKeys().stream()
              .anyMatch(
                  (JWK k) ->
                      k instanceof RSAKey
                          && (k.getKeyUse() == null || k.getKeyUse() == KeyUse.SIGNATURE));
      if (!signing) {
        problems.add(
            new Problem(
                "jwksUrl",
                "keys-no-rsa",
                "The key set holds no RSA signing key (LTI requires RS256)"));
      }
    } catch (ParseException e) {
      problems.add(
          new Problem("jwksUrl", "keys-not-a-key-set", "The answer is not a JSON Web Key Set"));
    }
  }
}
