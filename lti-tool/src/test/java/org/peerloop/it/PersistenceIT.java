package org.peerloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The repositories inside the server: migrated schema, JTA transactions that commit, conflicts that
 * answer 409, and failures that leave nothing half-written.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PersistenceIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.toolWithProbe("persistence");
  }

  @ArquillianResource URL base;

  private static String platformJson(String issuer, String clientId) {
    return "{\"issuer\":\""
        + issuer
        + "\",\"clientId\":\""
        + clientId
        + "\",\"deploymentId\":\"1\"}";
  }

  private static HttpResponse<String> register(Http http, String issuer, String clientId)
      throws Exception {
    return http.post("/probe/platforms", "application/json", platformJson(issuer, clientId));
  }

  private static String uniqueIssuer() {
    return "https://moodle-" + UUID.randomUUID() + ".example.edu";
  }

  @Test
  void registersAndFindsAPlatform() throws Exception {
    Http http = new Http(base);
    String issuer = uniqueIssuer();

    HttpResponse<String> created = register(http, issuer, "client-1");
    HttpResponse<String> found =
        http.get("/probe/platforms?issuer=" + issuer + "&clientId=client-1");

    assertEquals(201, created.statusCode(), created.body());
    assertEquals(200, found.statusCode(), found.body());
    JsonObject platform = Http.json(found);
    assertEquals(issuer, platform.getString("issuer"));
    assertEquals("1", platform.getJsonArray("deploymentIds").getString(0));
  }

  @Test
  void registeringTwiceIsAConflict() throws Exception {
    Http http = new Http(base);
    String issuer = uniqueIssuer();
    register(http, issuer, "client-1");

    HttpResponse<String> again = register(http, issuer, "client-1");

    assertEquals(409, again.statusCode(), again.body());
    assertEquals("platform-already-registered", Http.json(again).getString("reason"));
  }

  @Test
  void aFailureAfterWritingLeavesNothingBehind() throws Exception {
    Http http = new Http(base);
    String issuer = uniqueIssuer();

    HttpResponse<String> failed =
        http.post("/probe/platforms/then-fail", "application/json", platformJson(issuer, "c"));
    HttpResponse<String> lookup = http.get("/probe/platforms?issuer=" + issuer + "&clientId=c");

    assertEquals(500, failed.statusCode());
    assertEquals(404, lookup.statusCode(), "the transaction rolled back: " + lookup.body());
    assertEquals("platform-not-found", Http.json(lookup).getString("reason"));
  }

  @Test
  void databaseUseOutsideATransactionIsRefused() throws Exception {
    HttpResponse<String> response = new Http(base).get("/probe/outside-transaction");

    assertEquals(500, response.statusCode(), response.body());
    assertEquals("internal-error", Http.json(response).getString("reason"));
  }

  @Test
  void recordsACourseOncePerContext() throws Exception {
    Http http = new Http(base);
    String issuer = uniqueIssuer();
    register(http, issuer, "c");
    String course =
        "{\"issuer\":\"" + issuer + "\",\"clientId\":\"c\",\"contextId\":\"42\",\"title\":\"T\"}";

    JsonObject first = Http.json(http.post("/probe/courses", "application/json", course));
    JsonObject second =
        Http.json(
            http.post("/probe/courses", "application/json", course.replace("\"T\"", "\"T2\"")));

    assertEquals(first.getInt("id"), second.getInt("id"));
    assertEquals("T2", second.getString("title"));
  }

  @Test
  void aCourseWithoutContextIdIsRefusedWithTheField() throws Exception {
    Http http = new Http(base);
    String issuer = uniqueIssuer();
    register(http, issuer, "c");

    HttpResponse<String> response =
        http.post(
            "/probe/courses",
            "application/json",
            "{\"issuer\":\"" + issuer + "\",\"clientId\":\"c\",\"contextId\":\" \"}");

    assertEquals(400, response.statusCode(), response.body());
    assertEquals(
        "contextId",
        Http.json(response).getJsonArray("errors").getJsonObject(0).getString("field"));
  }
}
