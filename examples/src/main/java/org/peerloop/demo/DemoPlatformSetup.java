package org.peerloop.demo;

import com.nimbusds.jose.util.JSONArrayUtils;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import org.peerloop.demo.lms.DemoLms;
import org.peerloop.demo.lms.ToolRegistration;
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

  /** Asks the admin API whether the registration the LMS remembers still exists in the tool. */
  private static boolean toolKnows(
      Settings settings, String adminToken, String issuer, String clientId)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(settings.url("api/admin/platforms"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + adminToken)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return false;
    }
    try {
      return JSONArrayUtils.parse(response.body()).stream()
          .filter(Map.class::isInstance)
          .map(Map.class::cast)
          .anyMatch(p -> issuer.equals(p.get("issuer")) && clientId.equals(p.get("clientId")));
    } catch (ParseException e) {
      return false;
    }
  }

  /** The demo LMS could not be started or registered. */
  static final class SetupFailure extends Exception {
    private static final long serialVersionUID = 1L;

    SetupFailure(String message) {
      super(message);
    }
  }
}
