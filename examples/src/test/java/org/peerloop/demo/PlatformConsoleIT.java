package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console as an LMS's administrator sees it, in headless Chromium: it says they administer
 * their platform only, lists only their registration, offers none of the server's pages (keys,
 * adding registrations, the self-test) and none of its decisions (approve, disable, let
 * administrators in); axe-core on the view. Runs in course 108 at link 205, as ConsoleSignInIT.
 */
@ExtendWith(DemoStackExtension.class)
class PlatformConsoleIT {
  private static DemoStack stack;
  private static Browser browser;

  @BeforeAll
  static void start(DemoStack running) {
    stack = running;
    running.lms.addAdministrator("console-admin-2", "Noor", "Admin");
    browser = new Browser();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void anLmsAdministratorSeesTheirPlatformAndNothingOfTheServer() throws Exception {
    String launch =
        LaunchDriver.sessionToken(
            new LaunchDriver(stack.lms)
                .launchWith("user=console-admin-2&link=205&course=108")
                .body());
    HttpResponse<String> asked = stack.call("POST", "api/admin/session/ticket", launch, null);
    assertEquals(200, asked.statusCode(), asked.body());
    browser.driver.get((String) JSONObjectUtils.parse(asked.body()).get("url"));

    browser.until(
        d ->
            d.findElements(By.cssSelector("#app[data-state='ready'][data-view='registrations']"))
                    .isEmpty()
                ? null
                : true);
    WebElement who = browser.find("#signed-in-as");
    assertEquals("platform", who.getAttribute("data-kind"));
    assertTrue(who.getText().contains("Noor Admin"), who.getText());
    assertTrue(who.getText().contains("platform only"), who.getText());

    List<String> nav =
        browser.driver.findElements(By.cssSelector("#nav a")).stream()
            .map(a -> a.getAttribute("href").replaceAll(".*#/", ""))
            .collect(Collectors.toList());
    assertTrue(nav.containsAll(List.of("registrations", "launches", "audit")), nav.toString());
    for (String server : List.of("keys", "add", "self-test")) {
      assertFalse(nav.contains(server), server + " is the server's: " + nav);
    }
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("tr[data-platform]"));
    assertEquals(1, rows.size(), "their registration only");
    assertTrue(rows.get(0).getText().contains(stack.lms.issuer()), rows.get(0).getText());
    assertTrue(
        rows.get(0).findElements(By.cssSelector("button")).isEmpty(),
        "no approve, disable or console-entry button");
    browser.assertAccessible("a platform administrator's console");
    browser.screenshot("console-platform-administrator");
  }
}
