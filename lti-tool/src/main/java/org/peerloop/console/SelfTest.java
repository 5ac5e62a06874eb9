package org.peerloop.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.peerloop.health.HealthReport;
import org.peerloop.health.HealthService;
import org.peerloop.lti.registration.PlatformRegistrar;
import org.peerloop.moodlebridge.ConnectionReport;
import org.peerloop.moodlebridge.MoodleBridges;
import org.peerloop.moodlebridge.MoodleSites;
import org.peerloop.platform.PlatformStatus;
import org.peerloop.settings.Settings;

/**
 * Checks, on demand, everything PeerLoop depends on, each with a verdict and (when red) a reason
 * code the console turns into the fix: the database, the tool's own public URL as platforms and
 * browsers reach it, each active platform's key set and token endpoint, the mail server, and each
 * Moodle bridge. Every network check is bounded by {@link #TIMEOUT}.
 */
@ApplicationScoped
public class SelfTest {
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Inject HealthService health;
  @Inject RegistrationChecks registrationChecks;
  @Inject PlatformRegistrar registrar;
  @Inject MoodleBridges bridges;
  @Inject MoodleSites sites;
  @Inject Settings settings;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** One line of the self-test: what was checked, where, whether it passed, and why not. */
  public record Check(String check, String target, boolean ok, String reason, String detail) {
    static Check ok(String check, String target, String detail) {
      return new Check(check, target, true, null, detail);
    }

    static Check failed(String check, String target, String reason, String detail) {
      return new Check(check, target, false, reason, detail);
    }
  }

  public List<Check> run() {
    List<Check> checks = new ArrayList<>();
    checks.add(database());
    checks.add(publicUrl());
    for (var platform : registrar.all()) {
      if (platform.status() != PlatformStatus.ACTIVE) {
        continue;
      }
      checks.add(keySet(platform.issuer(), platform.jwksUrl()));
      checks.add(tokenEndpoint(platform.issuer(), platform.authTokenUrl()));
    }
    settings.smtp().ifPresent(smtp -> checks.add(mail(smtp.host(), smtp.port())));
    for (long platformId : bridges.bridgedPlatforms()) {
      checks.add(moodle(platformId));
    }
    return checks;
  }

  private Check database() {
    HealthReport report = health.check();
    String database = report.checks().getOrDefault("database", HealthReport.DOWN);
    return HealthReport.UP.equals(database)
        ? Check.ok("database", "PeerLoop's database", "answers")
        : Check.failed("database", "PeerLoop's database", "database-down", database);
  }

  /** The tool's public URL, fetched from the tool itself: what platforms and browsers reach. */
  private Check publicUrl() {
    URI url = settings.baseUrl().resolve("health");
    try {
      HttpResponse<Void> answer =
          http.send(
              HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return answer.statusCode() == 200
          ? Check.ok("public-url", settings.baseUrl().toString(), "answers 200")
          : Check.failed(
              "public-url",
              settings.baseUrl().toString(),
              "public-url-wrong",
              "answers HTTP " + answer.statusCode());
    } catch (IOException e) {
      return Check.failed(
          "public-url", settings.baseUrl().toString(), "public-url-unreachable", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Check.failed("public-url", settings.baseUrl().toString(), "interrupted", "");
    }
  }

  private Check keySet(String issuer, String jwksUrl) {
    return registrationChecks.keySetProblems(URI.create(jwksUrl)).stream()
        .findFirst()
        .map(p -> Check.failed("platform-keys", issuer, p.reason(), jwksUrl + ": " + p.detail()))
        .orElse(Check.ok("platform-keys", issuer, jwksUrl + " holds RSA signing keys"));
  }

  /**
   * The token endpoint answers a request without credentials with an OAuth error (RFC 6749 §5.2):
   * any answer below 500 shows it is there; the real request needs the tool's signed assertion.
   */
  private Check tokenEndpoint(String issuer, String tokenUrl) {
    try {
      HttpResponse<Void> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(tokenUrl))
                  .timeout(TIMEOUT)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return answer.statusCode() < 500
          ? Check.ok("platform-token", issuer, tokenUrl + " answers")
          : Check.failed(
              "platform-token",
              issuer,
              "token-endpoint-failing",
              tokenUrl + " answers HTTP " + answer.statusCode());
    } catch (IOException | IllegalArgumentException e) {
      return Check.failed(
          "platform-token", issuer, "token-endpoint-unreachable", tokenUrl + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Check.failed("platform-token", issuer, "interrupted", tokenUrl);
    }
  }

  /** The mail server greets with 220 (RFC 5321 §4.2); nothing is sent. */
  private Check mail(String host, int port) {
    String target = host + ":" + port;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      String greeting =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      return greeting != null && greeting.startsWith("220")
          ? Check.ok("mail", target, "greets: " + greeting)
          : Check.failed("mail", target, "mail-not-smtp", String.valueOf(greeting));
    } catch (IOException e) {
      return Check.failed("mail", target, "mail-unreachable", e.toString());
    }
  }

  private Check moodle(long platformId) {
    String target = String.valueOf(bridges.status(platformId).siteUrl());
    ConnectionReport report = sites.check(platformId);
    if (!report.connected()) {
      return Check.failed("moodle-bridge", target, "moodle-unreachable", report.error());
    }
    List<String> missing =
        report.functions().stream().filter(f -> !f.allowed()).map(f -> f.function()).toList();
    return missing.isEmpty()
        ? Check.ok("moodle-bridge", target, report.siteName() + " " + report.release())
        : Check.failed(
            "moodle-bridge", target, "moodle-functions-missing", String.join(", ", missing));
  }
}
