package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The administration console in a real headless Chromium, on a node of its own that starts with no
 * administrator and does not approve registrations by itself: the first-run setup with the link
 * from the server log, approving the demo LMS's pending dynamic registration, rotating a key and
 * finding both published, reading a refused launch's diagnosis, a manual registration whose key set
 * does not answer, the values per LMS, the self-test, the audit log, signing in again, and the
 * Spanish console; axe-core on every view, and a page no site may frame.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminConsoleIT {
  private static final Pattern SETUP = Pattern.compile("#setup=([\\w-]+)");
  private static final String PASSWORD = "correct horse battery staple";

  @TempDir static Path folder;
  private static DemoNode node;
  private static URI tool;
  private static URI lms;
  private static Path log;
  private static Browser browser;

  @BeforeAll
  static void startNode() throws Exception {
    int port = DemoStack.freePort();
    int lmsPort = DemoStack.freePort();
    tool = URI.create("http://127.0.0.1:" + port + "/");
    lms = URI.create("http://localhost:" + lmsPort + "/");
    log = folder.resolve("node.log");
    node =
        DemoNode.start(
            Map.of(
                "PEERLOOP_HTTP_PORT", String.valueOf(port),
                "PEERLOOP_DEMO_LMS_PORT", String.valueOf(lmsPort),
                "PEERLOOP_DATA_DIR", folder.resolve("node").toString(),
                "PEERLOOP_ADMIN_TOKEN", "console-test-admin-token-0123456789abcdef",
                "PEERLOOP_DYNREG_AUTO_ACTIVATE", "false"),
            log);
    browser = new Browser();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (node != null) {
      node.kill();
    }
  }

  private static WebElement view(String name) {
    return browser.until(
        d -> {
          List<WebElement> ready =
              d.findElements(By.cssSelector("#app[data-state='ready'][data-view='" + name + "']"));
          return ready.isEmpty() ? null : ready.get(0);
        });
  }

  private static WebElement go(String hash, String name) {
    browser.script("location.hash = arguments[0]", hash);
    return view(name);
  }

  private static void type(String css, String text) {
    WebElement input = browser.find(css);
    input.clear();
    input.sendKeys(text);
  }

  @Test
  @Order(1)
  void theFirstAdministratorIsCreatedWithTheLinkFromTheServerLog() throws Exception {
    Matcher link = SETUP.matcher(Files.readString(log));
    assertTrue(link.find(), "the server log prints the setup link");
    HttpResponse<String> page = DemoNode.call(tool, "GET", "admin/", null, null);
    assertEquals(200, page.statusCode());
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(
        policy.contains("frame-ancestors 'none'"), "no site may frame the console: " + policy);
    assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);

    browser.driver.get(tool.resolve("admin/") + "#setup=" + link.group(1));
    view("setup");
    browser.assertAccessible("console setup");
    type("#f-username", "it-admin");
    type("#f-password", PASSWORD);
    browser.click("#app button[type='submit']", "Create the account");
    view("registrations");
    browser.assertAccessible("registrations");
    browser.screenshot("console-registrations");
    assertTrue(browser.find("#signed-in-as").getText().contains("it-admin"));
  }

  @Test
  @Order(2)
  void aPendingDynamicRegistrationIsRefusedUntilApprovedInTheConsole() throws Exception {
    LaunchDriver driver = new LaunchDriver(lms);
    HttpResponse<String> refused = driver.submit(driver.loginForm("2", "201", false));
    assertEquals(403, refused.statusCode());
    assertTrue(refused.body().contains("platform-pending"), refused.body());

    go("#/registrations", "registrations");
    WebElement pending = browser.find("tr[data-status='PENDING']");
    pending.findElement(By.xpath(".//button[normalize-space()='Approve']")).click();
    browser.find("tr[data-status='ACTIVE']");
    assertEquals(200, driver.launch("2", "201").statusCode(), "launches work once approved");
  }

  @Test
  @Order(3)
  void aRefusedLaunchIsExplainedWithWhatToChangeOnTheLmsSide() {
    go("#/launches", "launches");
    WebElement diagnosis = browser.find("li.diagnosis[data-reason='platform-pending']");
    assertTrue(
        diagnosis.getText().contains("Approve the registration on the Registrations page."),
        diagnosis.getText());
    browser.assertAccessible("refused launches");
  }

  @Test
  @Order(4)
  void aRotatedKeyIsPublishedBesideTheSigningOne() throws Exception {
    go("#/keys", "keys");
    assertEquals(1, browser.driver.findElements(By.cssSelector("tr[data-kid]")).size());
    browser.click("#app button", "Rotate now");
    browser.until(
        d -> d.findElements(By.cssSelector("tr[data-key='waiting']")).isEmpty() ? null : true);
    browser.assertAccessible("keys");
    String jwks = DemoNode.call(tool, "GET", "lti/jwks", null, null).body();
    for (WebElement row : browser.driver.findElements(By.cssSelector("tr[data-kid]"))) {
      assertTrue(jwks.contains(row.getAttribute("data-kid")), "published: " + jwks);
    }
    assertEquals(2, browser.driver.findElements(By.cssSelector("tr[data-kid]")).size());
  }

  @Test
  @Order(5)
  void aManualRegistrationWhoseKeySetDoesNotAnswerIsExplainedNotSaved() {
    go("#/add", "add");
    type("#f-issuer", "https://moodle.example.edu");
    type("#f-clientId", "abc123");
    type("#f-authLoginUrl", "https://moodle.example.edu/mod/lti/auth.php");
    type("#f-authTokenUrl", "https://moodle.example.edu/mod/lti/token.php");
    type("#f-jwksUrl", tool.resolve("no-key-set-here").toString());
    type("#f-deploymentIds", "1");
    browser.click("#app button[type='submit']", "Check and add");
    WebElement error =
        browser.until(
            d -> {
              var shown = d.findElements(By.cssSelector("[data-field='jwksUrl'] .field-error"));
              return shown.isEmpty() || shown.get(0).getText().isBlank() ? null : shown.get(0);
            });
    assertTrue(error.getText().contains("cannot fetch"), error.getText());
    assertEquals(
        "true", browser.find("#f-jwksUrl").getAttribute("aria-invalid"), "the field says so too");
    browser.assertAccessible("add a registration");
    go("#/registrations", "registrations");
    assertEquals(1, browser.driver.findElements(By.cssSelector("tr[data-platform]")).size());
  }

  @Test
  @Order(6)
  void theToolsValuesAreShownPerLms() {
    WebElement values = go("#/values", "values");
    for (String lmsName : List.of("moodle", "canvas", "brightspace", "blackboard")) {
      WebElement section = browser.find("section[data-lms='" + lmsName + "']");
      assertTrue(section.getText().contains(tool.resolve("lti/").toString()), section.getText());
    }
    assertTrue(values.getText().contains("lti/register"), "Moodle's dynamic registration URL");
    browser.assertAccessible("values per LMS");
  }

  @Test
  @Order(7)
  void theSelfTestChecksWhatPeerLoopDependsOn() {
    go("#/self-test", "self-test");
    browser.click("#app button", "Run the self-test");
    for (String check : List.of("database", "public-url", "platform-keys", "platform-token")) {
      WebElement line = browser.find("li.check[data-check='" + check + "']");
      assertTrue(line.getAttribute("class").contains("ok"), check + ": " + line.getText());
    }
    browser.assertAccessible("self-test");
  }

  @Test
  @Order(8)
  void theAuditLogShowsWhoDidWhat() {
    WebElement audit = go("#/audit", "audit");
    browser.until(d -> audit.getText().contains("PUT api/admin/platforms/") ? true : null);
    assertTrue(audit.getText().contains("it-admin"), audit.getText());
    assertTrue(audit.getText().contains("POST api/admin/keys/rotate"), audit.getText());
    browser.assertAccessible("audit log");
  }

  @Test
  @Order(9)
  void signingInAgainNeedsTheRightPasswordAndTheConsoleSpeaksSpanish() {
    browser.click("#nav button", "Sign out");
    view("sign-in");
    type("#f-username", "it-admin");
    type("#f-password", "not the password at all");
    browser.click("#app button[type='submit']", "Sign in");
    browser.until(d -> d.findElement(By.id("notice")).getText().contains("wrong") ? true : null);
    type("#f-password", PASSWORD);
    browser.click("#app button[type='submit']", "Sign in");
    view("registrations");

    browser.driver.get(tool.resolve("admin/?lang=es").toString());
    WebElement registros = view("registrations");
    assertTrue(registros.getText().contains("Registros"), registros.getText());
    assertEquals("es", browser.script("return document.documentElement.lang"));
    browser.assertAccessible("registrations, Spanish");
  }
}
