package org.peerloop.demo;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.peerloop.demo.lms.DemoLms;
import org.peerloop.demo.lms.ToolRegistration;
import org.peerloop.demo.sharepoint.DemoSharePoint;
import org.peerloop.settings.Settings;

/**
 * Starts the demo LMS and makes sure PeerLoop knows it: through Dynamic Registration on first
 * start, and again whenever the tool's database no longer holds the registration the LMS kept.
 */
final class DemoPlatformSetup {
  private DemoPlatformSetup() {}

  static DemoLms connect(Settings settings, int port, String adminToken) throws SetupFailure {
    DemoLms lms;
    try {
      lms = DemoLms.start(port, "localhost", settings.dataDir().resolve("demo-lms"));
    } catch (IOException e) {
      throw new SetupFailure(
          "the demo LMS could not listen on port " + port + ": " + e.getMessage());
    }
    try {
      ToolRegistration known = lms.registration();
      if (known == null || !toolKnows(settings, adminToken, lms.issuer(), known.clientId())) {
        int status = lms.registerWith(settings.url("lti/register"));
        if (status != 200 || lms.registration() == null) {
          throw new SetupFailure("dynamic registration of the demo LMS answered HTTP " + status);
        }
      }
      letAdministratorsIn(settings, adminToken, lms);
      return lms;
    } catch (IOException e) {
      lms.stop();
      throw new SetupFailure("the demo LMS could not reach PeerLoop: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      lms.stop();
      throw new SetupFailure("interrupted");
    } catch (SetupFailure e) {
      lms.stop();
      throw e;
    }
  }

  /**
   * Lets the demo LMS's administrators open the console from a launch, as IT would switch it on for
   * their own LMS; they administer that platform only.
   */
  private static void letAdministratorsIn(Settings settings, String adminToken, DemoLms lms)
      throws SetupFailure, IOException, InterruptedException {
    Map<?, ?> platform =
        platform(settings, adminToken, lms.issuer())
            .orElseThrow(() -> new SetupFailure("the demo LMS is not registered"));
    HttpResponse<String> answer =
        admin(
            settings,
            adminToken,
            HttpRequest.newBuilder(
                    settings.url("api/admin/platforms/" + platform.get("id") + "/console-entry"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"allowed\":true}")));
    if (answer.statusCode() != 200) {
      throw new SetupFailure("the console entry of the demo LMS was refused: " + answer.body());
    }
  }

  /** Asks the admin API whether the registration the LMS remembers still exists in the tool. */
  private static boolean toolKnows(
      Settings settings, String adminToken, String issuer, String clientId)
      throws IOException, InterruptedException {
    return platform(settings, adminToken, issuer)
        .filter(p -> clientId.equals(p.get("clientId")))
        .isPresent();
  }

  /**
   * Makes the demo LMS's learning record store the platform's, so the demo's activity flows out as
   * xAPI statements (its password changes with each start, so this runs on each start).
   */
  static void connectStore(Settings settings, String adminToken, DemoLms lms)
      throws SetupFailure, IOException, InterruptedException {
    Map<?, ?> platform =
        platform(settings, adminToken, lms.issuer())
            .orElseThrow(() -> new SetupFailure("the demo LMS is not registered"));
    String body =
        "{\"endpoint\":\""
            + lms.lrsEndpoint()
            + "\",\"username\":\""
            + lms.lrs().username()
            + "\",\"password\":\""
            + lms.lrs().password()
            + "\"}";
    HttpResponse<String> response =
        admin(
            settings,
            adminToken,
            HttpRequest.newBuilder(
                    settings.url("api/admin/platforms/" + platform.get("id") + "/lrs"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    if (response.statusCode() != 200) {
      throw new SetupFailure("the demo LRS was refused: " + response.body());
    }
  }

  /**
   * Bridges the demo LMS as IT bridges a Moodle site: its web service token through the admin API,
   * then a webhook secret for its completion plugin (made anew on each start).
   */
  static void connectBridge(Settings settings, String adminToken, DemoLms lms)
      throws SetupFailure, IOException, InterruptedException {
    Map<?, ?> platform =
        platform(settings, adminToken, lms.issuer())
            .orElseThrow(() -> new SetupFailure("the demo LMS is not registered"));
    String base = "api/admin/platforms/" + platform.get("id") + "/moodle";
    HttpResponse<String> configured =
        admin(
            settings,
            adminToken,
            HttpRequest.newBuilder(settings.url(base))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"siteUrl\":\""
                            + lms.issuer()
                            + "\",\"token\":\""
                            + lms.moodle().token()
                            + "\"}")));
    if (configured.statusCode() != 200) {
      throw new SetupFailure("the demo Moodle bridge was refused: " + configured.body());
    }
    HttpResponse<String> secret =
        admin(
            settings,
            adminToken,
            HttpRequest.newBuilder(settings.url(base + "/webhook-secret"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    try {
      Object value = JSONObjectUtils.parse(secret.body()).get("webhookSecret");
      if (secret.statusCode() != 200 || !(value instanceof String text)) {
        throw new SetupFailure("no webhook secret for the demo Moodle bridge: " + secret.body());
      }
      lms.moodle().usePeerLoop(settings.baseUrl(), text);
    } catch (ParseException e) {
      throw new SetupFailure("the webhook secret answer is not JSON: " + secret.body());
    }
  }

  /**
   * Registers the demo tenant as IT would, with the people rule that makes a Microsoft 365 account
   * the LMS person of the same e-mail: Ada on the SharePoint page is Ada of the course.
   */
  static void connectSharePoint(
      Settings settings, String adminToken, DemoSharePoint sharePoint, DemoLms lms)
      throws SetupFailure, IOException, InterruptedException {
    sharePoint.usePeerLoop(settings.baseUrl());
    String body =
        "{\"displayName\":\"Demo organisation\",\"apiClientId\":\""
            + DemoSharePoint.API_CLIENT_ID
            + "\",\"appIdUri\":\""
            + DemoSharePoint.APP_ID_URI
            + "\",\"requiredScope\":\""
            + DemoSharePoint.SCOPE
            + "\",\"allowedClientApps\":[\""
            + DemoSharePoint.WEB_PART_APP
            + "\"],\"peopleRule\":\"MATCH_EMAIL\"}";
    HttpResponse<String> answer =
        admin(
            settings,
            adminToken,
            HttpRequest.newBuilder(
                    settings.url("api/admin/sharepoint/tenants/" + DemoSharePoint.TENANT_ID))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    if (answer.statusCode() != 200) {
      throw new SetupFailure(
          "registering the demo tenant answered HTTP "
              + answer.statusCode()
              + ": "
              + answer.body());
    }
    // The organisation's SharePoint serves the demo LMS's courses: its facilitators may use it.
    Map<?, ?> platform =
        platform(settings, adminToken, lms.issuer())
            .orElseThrow(() -> new SetupFailure("the demo LMS is not registered"));
    HttpResponse<String> linked =
        admin(
            settings,
            adminToken,
            HttpRequest.newBuilder(
                    settings.url(
                        "api/admin/sharepoint/tenants/" + DemoSharePoint.TENANT_ID + "/platforms"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"platformIds\":[" + platform.get("id") + "]}")));
    if (linked.statusCode() != 200) {
      throw new SetupFailure("linking the demo tenant to the demo LMS: " + linked.body());
    }
  }

  private static Optional<Map<?, ?>> platform(Settings settings, String adminToken, String issuer)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        admin(
            settings,
            adminToken,
            HttpRequest.newBuilder(settings.url("api/admin/platforms")).GET());
    if (response.statusCode() != 200) {
      return Optional.empty();
    }
    try {
      return JSONArrayUtils.parse(response.body()).stream()
          .filter(Map.class::isInstance)
          .<Map<?, ?>>map(Map.class::cast)
          .filter(p -> issuer.equals(p.get("issuer")))
          .findFirst();
    } catch (ParseException e) {
      return Optional.empty();
    }
  }

  private static HttpResponse<String> admin(
      Settings settings, String adminToken, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            request
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + adminToken)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** The demo LMS could not be started or registered. */
  static final class SetupFailure extends Exception {
    private static final long serialVersionUID = 1L;

    SetupFailure(String message) {
      super(message);
    }
  }
}
