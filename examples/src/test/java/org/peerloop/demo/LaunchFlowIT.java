package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peerloop.demo.lms.DemoCourse;

/**
 * The whole LTI 1.3 flow against the real server: the demo LMS registered itself through Dynamic
 * Registration, then launches go login → platform authentication → launch → tool page → API.
 */
@ExtendWith(DemoStackExtension.class)
class LaunchFlowIT {
  private static DemoStack stack;
  private static LaunchDriver driver;

  @BeforeAll
  static void connect(DemoStack running) {
    stack = running;
    driver = new LaunchDriver(running.lms);
  }

  private static HttpResponse<String> call(String method, String path, String bearer, String json)
      throws Exception {
    return stack.call(method, path, bearer, json);
  }

  private static String reasonOf(String page) {
    Matcher reason = Pattern.compile("<code id=\"reason\">([a-z0-9-]+)</code>").matcher(page);
    assertTrue(reason.find(), page);
    return reason.group(1);
  }

  @Test
  void dynamicRegistrationStoredTheDemoLmsWithItsDeployment() throws Exception {
    HttpResponse<String> platforms =
        call("GET", "api/admin/platforms", DemoStack.ADMIN_TOKEN, null);

    assertEquals(200, platforms.statusCode(), platforms.body());
    String body = platforms.body();
    assertTrue(body.contains("\"issuer\":\"" + stack.lms.issuer() + "\""), body);
    assertTrue(body.contains("\"clientId\":\"" + stack.lms.registration().clientId() + "\""), body);
    assertTrue(body.contains("\"deploymentIds\":[\"1\"]"), body);
    assertTrue(body.contains("\"status\":\"ACTIVE\""), body);
    assertTrue(body.contains("\"jwksUrl\":\"" + stack.lms.issuer() + "/certs\""), body);
    // The registration asked for names and e-mail, so the platform agreed to send them.
    assertTrue(stack.lms.registration().claims().contains("email"));
  }

  @Test
  void aLearnerLaunchedWithAFormPostedLoginLandsSignedInAndCallsTheApi() throws Exception {
    HttpResponse<String> page = driver.launch("2", "201");

    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("Signed in as Ada Ito"), page.body());
    // Only the platform's pages may frame the signed-in tool.
    String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(policy.endsWith("frame-ancestors " + stack.lms.issuer()), policy);
    assertTrue(page.headers().allValues("Set-Cookie").isEmpty(), "no cookie is needed or set");

    HttpResponse<String> me =
        call("GET", "api/session", LaunchDriver.sessionToken(page.body()), null);
    assertEquals(200, me.statusCode(), me.body());
    assertEquals("Ada Ito", LaunchDriver.jsonString(me.body(), "name"));
    assertEquals(DemoCourse.TITLE, LaunchDriver.jsonString(me.body(), "courseTitle"));
    assertTrue(me.body().contains("\"roles\":[\"LEARNER\"]"), me.body());
  }

  @Test
  void anInstructorLaunchedWithALoginByGetIsAFacilitator() throws Exception {
    LaunchDriver.Form login = driver.loginForm("5", "202", false);

    HttpResponse<String> page = driver.submit(driver.authenticate(driver.submitByGet(login)));

    assertEquals(200, page.statusCode(), page.body());
    HttpResponse<String> me =
        call("GET", "api/session", LaunchDriver.sessionToken(page.body()), null);
    assertTrue(me.body().contains("\"roles\":[\"FACILITATOR\",\"LEARNER\"]"), me.body());
  }

  @Test
  void theSessionTokenRefreshesAndTheApiRefusesAnyOtherCredential() throws Exception {
    String token = LaunchDriver.sessionToken(driver.launch("3", "201").body());

    HttpResponse<String> refreshed = call("POST", "api/session/refresh", token, null);
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    String fresh = LaunchDriver.jsonString(refreshed.body(), "token");
    assertEquals(200, call("GET", "api/session", fresh, null).statusCode());

    HttpResponse<String> none = call("GET", "api/session", null, null);
    assertEquals(401, none.statusCode());
    assertTrue(none.body().contains("\"reason\":\"session-missing\""), none.body());
    assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));

    String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
    HttpResponse<String> forged = call("GET", "api/session", tampered, null);
    assertEquals(401, forged.statusCode());
    assertTrue(forged.body().contains("\"reason\":\"session-invalid\""), forged.body());
  }

  @Test
  void aLaunchPostedTwiceIsRefusedTheSecondTime() throws Exception {
    LaunchDriver.Form launch =
        driver.authenticate(driver.submit(driver.loginForm("2", "201", false)));
    assertEquals(200, driver.submit(launch).statusCode());

    HttpResponse<String> replay = driver.submit(launch);

    assertEquals(401, replay.statusCode());
    assertEquals("nonce-replayed", reasonOf(replay.body()));
    assertFalse(replay.body().contains("\"token\""), "no session for a replay");
  }

  @Test
  void aRefusalSpeaksThePersonsLanguage() throws Exception {
    LaunchDriver.Form launch =
        driver.authenticate(driver.submit(driver.loginForm("4", "201", false)));
    assertEquals(200, driver.submit(launch).statusCode());

    HttpResponse<String> replay = driver.submit(launch);

    assertEquals("nonce-replayed", reasonOf(replay.body()));
    assertTrue(replay.body().contains("<html lang=\"es-MX\">"), replay.body());
    assertTrue(replay.body().contains("PeerLoop no pudo abrirse"), replay.body());
    assertTrue(
        replay.body().contains("Vuelve a abrir la actividad desde el curso."), replay.body());
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefusedWithAPageThatSaysWhy() throws Exception {
    LaunchDriver.Form launch =
        driver.authenticate(driver.submit(driver.loginForm("2", "201", false)));
    SignedJWT genuine = SignedJWT.parse(launch.fields().get("id_token"));
    RSAKey attacker = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.getKeyID()).build(),
            genuine.getJWTClaimsSet());
    forged.sign(new RSASSASigner(attacker));

    HttpResponse<String> refused = driver.submit(launch.with("id_token", forged.serialize()));

    assertEquals(401, refused.statusCode());
    assertEquals("signature-invalid", reasonOf(refused.body()));
    assertTrue(
        refused.body().contains("The launch token&#39;s signature is not valid."), refused.body());
  }

  @Test
  void aPlatformKeyRotationIsPickedUpAtTheNextLaunch() throws Exception {
    driver.launch("2", "201");
    String before = stack.lms.key().kid();
    stack.lms.key().rotate();
    assertNotEquals(before, stack.lms.key().kid());

    HttpResponse<String> page = driver.launch("2", "201");

    assertEquals(200, page.statusCode(), page.body());
  }

  @Test
  void aPendingRegistrationCannotLaunchUntilApproved() throws Exception {
    String id = platformId();
    try {
      call(
          "PUT",
          "api/admin/platforms/" + id + "/status",
          DemoStack.ADMIN_TOKEN,
          "{\"status\":\"PENDING\"}");

      HttpResponse<String> refused = driver.submit(driver.loginForm("2", "201", false));

      assertEquals(403, refused.statusCode());
      assertEquals("platform-pending", reasonOf(refused.body()));
    } finally {
      call(
          "PUT",
          "api/admin/platforms/" + id + "/status",
          DemoStack.ADMIN_TOKEN,
          "{\"status\":\"ACTIVE\"}");
    }
    assertEquals(200, driver.launch("2", "201").statusCode());
  }

  @Test
  void aLoginFromAnUnknownPlatformOrForAForeignTargetIsRefused() throws Exception {
    LaunchDriver.Form login = driver.loginForm("2", "201", false);

    HttpResponse<String> unknown = driver.submit(login.with("iss", "https://lms.evil.example"));
    assertEquals(403, unknown.statusCode());
    assertEquals("issuer-unknown", reasonOf(unknown.body()));

    HttpResponse<String> foreign =
        driver.submit(login.with("target_link_uri", "https://evil.example/steal"));
    assertEquals(403, foreign.statusCode());
    assertEquals("target-link-foreign", reasonOf(foreign.body()));

    HttpResponse<String> incomplete = driver.submit(login.with("login_hint", ""));
    assertEquals(400, incomplete.statusCode());
    assertEquals("login-incomplete", reasonOf(incomplete.body()));
  }

  @Test
  void anOversizedOrGarbledLaunchIsRefusedEarly() throws Exception {
    LaunchDriver.Form launch =
        driver.authenticate(driver.submit(driver.loginForm("3", "202", false)));

    HttpResponse<String> huge = driver.submit(launch.with("id_token", "x".repeat(200_000)));
    assertEquals(413, huge.statusCode());
    assertEquals("request-too-large", reasonOf(huge.body()));

    HttpResponse<String> garbage = driver.submit(launch.with("id_token", "not.a.jwt"));
    assertEquals(400, garbage.statusCode());
    assertEquals("token-malformed", reasonOf(garbage.body()));

    // The genuine launch still works: refused posts did not use up its state.
    assertEquals(200, driver.submit(launch).statusCode());
  }

  @Test
  void withPlatformStorageTheLaunchIsBoundToTheBrowserThatLoggedIn() throws Exception {
    HttpResponse<String> storagePage = driver.submit(driver.loginForm("2", "201", true));
    assertEquals(200, storagePage.statusCode(), "a page that stores the nonce, not a redirect");
    String authUrl = LaunchDriver.jsonString(storagePage.body(), "authUrl").replace("\\u0026", "&");
    String storedNonce = LaunchDriver.jsonString(storagePage.body(), "value");
    assertEquals("_parent", LaunchDriver.jsonString(storagePage.body(), "target"));

    LaunchDriver.Form launch = LaunchDriver.form(driver.get(URI.create(authUrl)).body());
    HttpResponse<String> bindingPage = driver.submit(launch);
    assertEquals(200, bindingPage.statusCode(), bindingPage.body());
    assertFalse(bindingPage.body().contains("\"token\""), "no session before the binding");
    String ticket = LaunchDriver.jsonString(bindingPage.body(), "ticket");

    HttpResponse<String> otherBrowser =
        call("POST", "lti/launch/bind", null, "{\"ticket\":\"" + ticket + "\",\"value\":null}");
    assertEquals(401, otherBrowser.statusCode());
    assertTrue(
        otherBrowser.body().contains("\"reason\":\"browser-binding-failed\""), otherBrowser.body());

    HttpResponse<String> sameBrowser =
        call(
            "POST",
            "lti/launch/bind",
            null,
            "{\"ticket\":\"" + ticket + "\",\"value\":\"" + storedNonce + "\"}");
    assertEquals(200, sameBrowser.statusCode(), sameBrowser.body());
    String token = LaunchDriver.jsonString(sameBrowser.body(), "token");
    assertEquals(200, call("GET", "api/session", token, null).statusCode());
  }

  @Test
  void theAdminApiNeedsTheAdminTokenAndExplainsBadInput() throws Exception {
    assertEquals(401, call("GET", "api/admin/platforms", null, null).statusCode());
    assertEquals(401, call("GET", "api/admin/platforms", "wrong-token", null).statusCode());

    HttpResponse<String> invalid =
        call(
            "POST",
            "api/admin/platforms",
            DemoStack.ADMIN_TOKEN,
            "{\"issuer\":\"not a url\",\"clientId\":\"c\",\"authLoginUrl\":\"https://x/a\",\"authTokenUrl\":\"https://x/t\",\"jwksUrl\":\"https://x/k\",\"deploymentIds\":[\"1\"]}");
    assertEquals(400, invalid.statusCode(), invalid.body());
    assertTrue(invalid.body().contains("issuer"), invalid.body());

    HttpResponse<String> missing =
        call(
            "POST",
            "api/admin/platforms",
            DemoStack.ADMIN_TOKEN,
            "{\"issuer\":\"https://canvas.example.edu\"}");
    assertEquals(400, missing.statusCode(), missing.body());

    String canvas =
        "{\"issuer\":\"https://canvas.instructure.com\",\"clientId\":\"10000000000001\","
            + "\"authLoginUrl\":\"https://sso.canvaslms.com/api/lti/authorize_redirect\","
            + "\"authTokenUrl\":\"https://sso.canvaslms.com/login/oauth2/token\","
            + "\"jwksUrl\":\"https://sso.canvaslms.com/api/lti/security/jwks\","
            + "\"productFamily\":\"canvas\",\"deploymentIds\":[\"12:abc\"]}";
    HttpResponse<String> created =
        call("POST", "api/admin/platforms", DemoStack.ADMIN_TOKEN, canvas);
    assertEquals(201, created.statusCode(), created.body());
    assertTrue(created.body().contains("\"status\":\"ACTIVE\""), created.body());
    HttpResponse<String> again = call("POST", "api/admin/platforms", DemoStack.ADMIN_TOKEN, canvas);
    assertEquals(409, again.statusCode());
    assertTrue(again.body().contains("platform-already-registered"), again.body());
  }

  /**
   * Moodle's *Update* of a registration keeps the client id: PeerLoop takes the new values into the
   * same registration (no second one, no refusal), says so, and notes it in the audit log; the page
   * closes on the person's click, after saying whether the tool is active.
   */
  @Test
  void aPlatformUpdatesItsOwnRegistration() throws Exception {
    HttpResponse<String> page = stack.lms.updateRegistrationWith(stack.tool("lti/register"));
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("registration is updated"), page.body());
    assertTrue(page.body().contains("data-outcome=\"active\""), page.body());
    assertTrue(page.body().contains("id=\"close-registration\""), page.body());

    String platforms = call("GET", "api/admin/platforms", DemoStack.ADMIN_TOKEN, null).body();
    String issuer = "\"issuer\":\"" + stack.lms.issuer() + "\"";
    assertEquals(
        platforms.indexOf(issuer), platforms.lastIndexOf(issuer), "one registration: " + platforms);
    String audit = call("GET", "api/admin/audit", DemoStack.ADMIN_TOKEN, null).body();
    assertTrue(audit.contains("registration updated"), audit);
    assertEquals(200, new LaunchDriver(stack.lms).launch("2", "201").statusCode());
  }

  @Test
  void rotatingTheToolKeyPublishesTheNewKeyBeforeItSigns() throws Exception {
    HttpResponse<String> rotated =
        call("POST", "api/admin/keys/rotate", DemoStack.ADMIN_TOKEN, null);
    assertEquals(200, rotated.statusCode(), rotated.body());
    String next = LaunchDriver.jsonString(rotated.body(), "kid");

    String jwks = call("GET", "lti/jwks", null, null).body();
    assertTrue(jwks.contains(next), jwks);
    HttpResponse<String> keys = call("GET", "api/admin/keys", DemoStack.ADMIN_TOKEN, null);
    assertTrue(keys.body().contains("\"kid\":\"" + next + "\""), keys.body());
    assertTrue(
        keys.body()
            .matches("(?s).*\"kid\":\"" + Pattern.quote(next) + "\"[^}]*\"signing\":false.*"),
        keys.body());
    assertFalse(jwks.contains("\"d\""), "never a private parameter");
  }

  @Test
  void theConfigurationForManualRegistrationListsEverything() throws Exception {
    HttpResponse<String> config = call("GET", "lti/config.json", null, null);

    assertEquals(200, config.statusCode());
    String body = config.body();
    for (String expected :
        new String[] {
          "\"oidc_initiation_url\":\"" + stack.tool("lti/login") + "\"",
          "\"target_link_uri\":\"" + stack.tool("lti/launch") + "\"",
          "\"jwks_uri\":\"" + stack.tool("lti/jwks") + "\"",
          "LtiDeepLinkingRequest",
          "contextmembership.readonly",
          "\"canvas\":{",
          "\"privacy_level\":\"public\"",
          "$Context.id.history"
        }) {
      assertTrue(body.contains(expected), expected + " in " + body);
    }
  }

  private static String platformId() throws Exception {
    String body = call("GET", "api/admin/platforms", DemoStack.ADMIN_TOKEN, null).body();
    Matcher matcher =
        Pattern.compile("\"id\":(\\d+),\"issuer\":\"" + Pattern.quote(stack.lms.issuer()) + "\"")
            .matcher(body);
    assertTrue(matcher.find(), body);
    return matcher.group(1);
  }
}
