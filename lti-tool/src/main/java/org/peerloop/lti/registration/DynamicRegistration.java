package org.peerloop.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.peerloop.errors.ConflictException;
import org.peerloop.outbound.GuardedHttpClient;
import org.peerloop.outbound.OutboundRefusedException;
import org.peerloop.outbound.WebUrls;
import org.peerloop.platform.Platform;
import org.peerloop.platform.PlatformStatus;
import org.peerloop.privacy.AuditTrail;
import org.peerloop.settings.Settings;
import org.peerloop.text.LogText;

/**
 * LTI Dynamic Registration 1.0 from the tool's side, the way Moodle 4.x drives it: fetch the
 * platform's OpenID configuration, post PeerLoop's client registration with the registration token,
 * and store the client id and deployment id the platform returns.
 */
@ApplicationScoped
public class DynamicRegistration {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final int MAX_BODY_BYTES = 256 * 1024;

  private static final Logger LOG = Logger.getLogger(DynamicRegistration.class.getName());

  @Inject GuardedHttpClient http;
  @Inject ToolConfiguration tool;
  @Inject PlatformRegistrar registrar;
  @Inject Settings settings;
  @Inject AuditTrail audit;

  /**
   * What a finished registration says to the administrator.
   *
   * @param updated whether the platform updated a registration it had (same client id)
   */
  public record Registered(Platform platform, boolean awaitsApproval, boolean updated) {}

  /**
   * Registers the platform whose configuration is at this URL. Every answer from the platform stays
   * in the log (on one line); the exception's sentence never repeats it, since whoever started the
   * registration could otherwise read any service PeerLoop can reach.
   */
  public Registered register(String openidConfigurationUrl, String registrationToken) {
    if (registrationToken == null || registrationToken.isBlank()) {
      // LTI DR §3.3: the platform always sends both; a start without its token is not one.
      throw new RegistrationException(
          "registration-token-missing", 400, "The registration_token parameter is required");
    }
    URI configurationUrl = checkedUrl(openidConfigurationUrl);
    PlatformConfiguration platform =
        PlatformConfiguration.parse(fetchConfiguration(configurationUrl), configurationUrl);
    JsonObject answer = postRegistration(platform, registrationToken);

    String clientId = text(answer, "client_id");
    if (clientId == null) {
      throw new RegistrationException(
          "registration-answer-invalid", 502, "The platform's answer has no client_id");
    }
    String deploymentId = null;
    if (answer.get(ToolConfiguration.TOOL_CONFIGURATION) instanceof JsonObject config) {
      deploymentId = text(config, "deployment_id");
    }
    PlatformStatus status =
        settings.dynamicRegistrationAutoActivate() ? PlatformStatus.ACTIVE : PlatformStatus.PENDING;
    PlatformRegistrar.RegistrationValues values =
        new PlatformRegistrar.RegistrationValues(
            platform.issuer(),
            clientId,
            platform.authorizationEndpoint(),
            platform.tokenEndpoint(),
            platform.jwksUri(),
            platform.productFamily(),
            deploymentId == null ? List.of() : List.of(deploymentId));
    Optional<Platform> updated = registrar.updateIfRegistered(values);
    if (updated.isPresent()) {
      Platform saved = updated.get();
      LOG.info(
          () ->
              "Platform "
                  + LogText.oneLine(saved.issuer())
                  + " (client "
                  + LogText.oneLine(saved.clientId())
                  + ") updated its registration");
      audit.record(
          "dynamic registration",
          "registration updated",
          saved.issuer() + " client " + saved.clientId(),
          200,
          saved.id());
      return new Registered(saved, saved.status() == PlatformStatus.PENDING, true);
    }
    try {
      Platform saved = registrar.register(values, status);
      LOG.info(
          () ->
              "Registered platform "
                  + LogText.oneLine(saved.issuer())
                  + " (client "
                  + LogText.oneLine(saved.clientId())
                  + ", "
                  + saved.productFamily()
                  + ") as "
                  + saved.status());
      return new Registered(saved, status == PlatformStatus.PENDING, false);
    } catch (ConflictException e) {
      throw new RegistrationException(e.reason(), 409, e.getMessage());
    }
  }

  private static URI checkedUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new RegistrationException(
          "openid-configuration-missing", 400, "The openid_configuration parameter is required");
    }
    try {
      URI uri = new URI(url.strip());
      if (!WebUrls.isSafe(uri.toString())) {
        throw new RegistrationException(
            "openid-configuration-invalid", 400, "openid_configuration must be an https URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new RegistrationException(
          "openid-configuration-invalid", 400, "openid_configuration is not a URL");
    }
  }

  private JsonObject fetchConfiguration(URI url) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Accept", "application/json")
            .GET()
            .build();
    Reply reply = send(request, "openid-configuration-unreachable");
    if (reply.status() != 200) {
      LOG.warning(
          () ->
              "The platform configuration at "
                  + LogText.oneLine(url)
                  + " answered HTTP "
                  + reply.status());
      throw new RegistrationException(
          "openid-configuration-unreachable",
          502,
          "The platform's configuration document could not be read");
    }
    return json(reply.body(), "openid-configuration-invalid");
  }

  private JsonObject postRegistration(PlatformConfiguration platform, String registrationToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform.registrationEndpoint()))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    tool.registrationRequest(platform.scopesSupported()).toString()));
    if (registrationToken != null && !registrationToken.isBlank()) {
      // Moodle insists on exactly "Bearer " (openid-registration.php).
      request.header("Authorization", "Bearer " + registrationToken.strip());
    }
    Reply reply = send(request.build(), "registration-endpoint-unreachable");
    if (reply.status() != 200 && reply.status() != 201) {
      // Moodle answers errors as a bare message with the status, not as JSON.
      String message = new String(reply.body(), StandardCharsets.UTF_8).strip();
      LOG.warning(
          () ->
              "The platform refused the registration (HTTP "
                  + reply.status()
                  + "): "
                  + LogText.oneLine(message));
      throw new RegistrationException(
          "registration-refused",
          502,
          "The platform refused the registration; its administrator finds why in the server log");
    }
    return json(reply.body(), "registration-answer-invalid");
  }

  private record Reply(int status, byte[] body) {}

  private Reply send(HttpRequest request, String reason) {
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
          throw new RegistrationException(reason, 502, "The platform answered too much");
        }
        return new Reply(response.statusCode(), body);
      }
    } catch (OutboundRefusedException e) {
      LOG.warning(() -> "Not calling " + LogText.oneLine(request.uri()) + ": " + e.reason());
      throw new RegistrationException(
          e.reason(),
          400,
          "PeerLoop does not call this address: only public https addresses are called");
    } catch (IOException e) {
      LOG.warning(
          () -> "Could not reach " + LogText.oneLine(request.uri()) + ": " + LogText.oneLine(e));
      throw new RegistrationException(reason, 502, "The platform could not be reached");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistrationException(reason, 503, "Interrupted");
    }
  }

  private static JsonObject json(byte[] body, String reason) {
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new RegistrationException(reason, 502, "The platform answered something not JSON");
    }
  }

  private static String text(JsonObject json, String name) {
    if (json.get(name) instanceof JsonString s && !s.getString().isBlank()) {
      return s.getString();
    }
    if (json.get(name) instanceof jakarta.json.JsonNumber n) {
      return n.toString();
    }
    return null;
  }
}
