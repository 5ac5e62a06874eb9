package org.peerloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A refused launch creates no person, course or session, even when it fails at the very last rule
 * (the state) after every other check passed; a valid one creates them once; its replay nothing.
 * The platform's key set is served from this JVM on loopback.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LaunchLeavesNoTraceIT {
  private static final String CLIENT = "no-trace-client";
  private static final String DEPLOYMENT = "d1";

  /** The tool's default base URL in this test JVM (no PEERLOOP_BASE_URL is set). */
  private static final String TARGET = "http://localhost:8080/lti/launch";

  private static HttpServer keyServer;
  private static RSAKey key;
  private static String issuer;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.toolWithProbe("launch-no-trace");
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void startKeyServer() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("it-key").generate();
    keyServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    keyServer.createContext(
        "/jwks",
        exchange -> {
          byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    keyServer.start();
    issuer = "http://127.0.0.1:" + keyServer.getAddress().getPort();
  }

  @AfterAll
  static void stopKeyServer() {
    keyServer.stop(0);
  }

  private Http http() {
    return new Http(base);
  }

  /** Logs in as the platform would and returns the state and nonce the tool issued. */
  private Map<String, String> login(String subject) throws Exception {
    HttpResponse<String> redirect =
        http()
            .post(
                "lti/login",
                "application/x-www-form-urlencoded",
                form(
                    Map.of(
                        "iss", issuer,
                        "login_hint", subject,
                        "target_link_uri", TARGET,
                        "client_id", CLIENT,
                        "lti_deployment_id", DEPLOYMENT)));
    assertEquals(302, redirect.statusCode(), redirect.body());
    URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
    assertTrue(location.toString().startsWith(issuer + "/auth?"), location.toString());
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : location.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return query;
  }

  private String idToken(String subject, String nonce, String deploymentId) throws Exception {
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(CLIENT)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60)))
                .claim("nonce", nonce)
                .claim("name", "Carol Nguyen")
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", deploymentId)
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim(
                    "https://purl.imsglobal.org/spec/lti/claim/message_type",
                    "LtiResourceLinkRequest")
                .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", TARGET)
                .claim(
                    "https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "rl-1"))
                .claim(
                    "https://purl.imsglobal.org/spec/lti/claim/context",
                    Map.of("id", "ctx-" + subject, "title", "Ethics in practice"))
                .claim(
                    "https://purl.imsglobal.org/spec/lti/claim/roles",
                    List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private HttpResponse<String> launch(String idToken, String state) throws Exception {
    return http()
        .post(
            "lti/launch",
            "application/x-www-form-urlencoded",
            form(Map.of("id_token", idToken, "state", state)));
  }

  private JsonObject footprint(String subject) throws Exception {
    return Http.json(
        http()
            .get(
                "probe/footprint?issuer="
                    + URLEncoder.encode(issuer, StandardCharsets.UTF_8)
                    + "&clientId="
                    + CLIENT
                    + "&subject="
                    + subject
                    + "&context=ctx-"
                    + subject));
  }

  @Test
  void refusedLaunchesWriteNothingAndAValidOneWritesOnce() throws Exception {
    HttpResponse<String> registered =
        http()
            .post(
                "probe/platforms",
                "application/json",
                "{\"issuer\":\""
                    + issuer
                    + "\",\"clientId\":\""
                    + CLIENT
                    + "\",\"deploymentId\":\""
                    + DEPLOYMENT
                    + "\"}");
    assertEquals(201, registered.statusCode(), registered.body());
    Map<String, String> auth = login("carol");

    HttpResponse<String> wrongState =
        launch(idToken("carol", auth.get("nonce"), DEPLOYMENT), "made-up");
    assertEquals(401, wrongState.statusCode());
    assertTrue(wrongState.body().contains("state-unknown"), wrongState.body());

    HttpResponse<String> wrongDeployment =
        launch(idToken("carol", auth.get("nonce"), "d2"), auth.get("state"));
    assertEquals(403, wrongDeployment.statusCode());
    assertTrue(wrongDeployment.body().contains("deployment-unknown"), wrongDeployment.body());

    assertEquals(0, footprint("carol").getInt("people"), "no person from a refused launch");
    assertEquals(0, footprint("carol").getInt("courses"), "no course from a refused launch");

    String valid = idToken("carol", auth.get("nonce"), DEPLOYMENT);
    HttpResponse<String> page = launch(valid, auth.get("state"));
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("Signed in as Carol Nguyen"), page.body());
    assertEquals(1, footprint("carol").getInt("people"));
    assertEquals(1, footprint("carol").getInt("courses"));

    HttpResponse<String> replay = launch(valid, auth.get("state"));
    assertEquals(401, replay.statusCode());
    assertTrue(!replay.body().contains("\"token\""), "no session for a replay");
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
