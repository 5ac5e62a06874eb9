package org.peerloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health, JWKS and the problem-JSON error family, on the real WAR in GlassFish Embedded. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServiceBasicsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.toolWithProbe("basics");
  }

  @ArquillianResource URL base;

  @Test
  void healthIsUpWithDatabaseAndKeys() throws Exception {
    HttpResponse<String> response = new Http(base).get("/health");

    assertEquals(200, response.statusCode());
    JsonObject body = Http.json(response);
    assertEquals("UP", body.getString("status"));
    assertEquals("UP", body.getJsonObject("checks").getString("database"));
    assertEquals("UP", body.getJsonObject("checks").getString("keys"));
    assertEquals(2, body.size(), "only status and checks: " + body);
  }

  @Test
  void jwksPublishesOnlyPublicRsaKeysAtBothPaths() throws Exception {
    HttpResponse<String> lti = new Http(base).get("/lti/jwks");
    HttpResponse<String> wellKnown = new Http(base).get("/.well-known/jwks.json");

    assertEquals(200, lti.statusCode());
    assertEquals(lti.body(), wellKnown.body());
    JWKSet keys = JWKSet.parse(lti.body());
    assertFalse(keys.getKeys().isEmpty());
    RSAKey key = keys.getKeys().get(0).toRSAKey();
    assertFalse(key.isPrivate(), "no private parameters are served");
    assertFalse(lti.body().contains("\"d\""), "no private exponent in the JSON");
    assertEquals("RS256", key.getAlgorithm().getName());
    assertTrue(key.size() >= 2048);
  }

  @Test
  void unknownPathIsProblemJson() throws Exception {
    HttpResponse<String> response = new Http(base).get("/no/such/thing");

    assertProblem(response, 404, "not-found");
  }

  @Test
  void wrongMethodIsProblemJsonAndSaysWhatIsAllowed() throws Exception {
    HttpResponse<String> response = new Http(base).post("/health", "application/json", "{}");

    assertProblem(response, 405, "method-not-allowed");
    assertTrue(response.headers().firstValue("Allow").orElse("").contains("GET"));
  }

  @Test
  void malformedJsonIsABadRequest() throws Exception {
    HttpResponse<String> response =
        new Http(base).post("/probe/platforms", "application/json", "{\"issuer\": ");

    assertProblem(response, 400, "malformed-json");
    assertFalse(response.body().contains("Exception"), response.body());
  }

  @Test
  void invalidFieldsAreListedOneByOne() throws Exception {
    HttpResponse<String> response =
        new Http(base)
            .post("/probe/platforms", "application/json", "{\"issuer\":\"\",\"clientId\":\"c\"}");

    JsonObject problem = assertProblem(response, 400, "validation-failed");
    assertEquals(2, problem.getJsonArray("errors").size(), problem.toString());
    assertEquals(
        "deploymentId", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals("issuer", problem.getJsonArray("errors").getJsonObject(1).getString("field"));
  }

  @Test
  void domainRuleBreachNamesTheField() throws Exception {
    HttpResponse<String> response =
        new Http(base)
            .post(
                "/probe/platforms",
                "application/json",
                "{\"issuer\":\"not a url\",\"clientId\":\"c\",\"deploymentId\":\"1\"}");

    JsonObject problem = assertProblem(response, 400, "invalid-value");
    assertEquals("issuer", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void wrongContentTypeIsRefused() throws Exception {
    HttpResponse<String> response = new Http(base).post("/probe/platforms", "text/plain", "hi");

    assertProblem(response, 415, "unsupported-media-type");
  }

  @Test
  void unexpectedFailureGivesACorrelationIdAndNoStackTrace() throws Exception {
    HttpResponse<String> response = new Http(base).get("/probe/crash");

    JsonObject problem = assertProblem(response, 500, "internal-error");
    String id = problem.getString("correlationId");
    assertFalse(id.isBlank());
    assertEquals(id, response.headers().firstValue("X-Request-Id").orElseThrow());
    assertFalse(response.body().contains("internal detail"), response.body());
    assertFalse(response.body().contains("at org."), response.body());
  }

  @Test
  void adoptsASaneRequestIdAndReplacesAHostileOne() throws Exception {
    Http http = new Http(base);
    HttpResponse<String> sane =
        http.send(
            HttpRequest.newBuilder(http.resolve("/health")).header("X-Request-Id", "lb-12345678"));
    HttpResponse<String> hostile =
        http.send(
            HttpRequest.newBuilder(http.resolve("/health"))
                .header("X-Request-Id", "x\" onload=alert(1) <script>"));

    assertEquals("lb-12345678", sane.headers().firstValue("X-Request-Id").orElseThrow());
    String replaced = hostile.headers().firstValue("X-Request-Id").orElseThrow();
    assertTrue(replaced.matches("[0-9a-f-]{36}"), replaced);
  }

  private static JsonObject assertProblem(
      HttpResponse<String> response, int status, String reason) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(
        "application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
    JsonObject problem = Http.json(response);
    assertEquals(status, problem.getInt("status"));
    assertEquals(reason, problem.getString("reason"));
    assertEquals("urn:peerloop:problem:" + reason, problem.getString("type"));
    assertFalse(problem.getString("title").isBlank());
    assertFalse(problem.getString("detail").isBlank());
    return problem;
  }
}
