package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A real headless Chromium that blocks third-party cookies opens the demo LMS course page
 * (localhost); PeerLoop (127.0.0.1, another site) loads in the iframe, the launch succeeds and the
 * page's authenticated API calls succeed, with no cookie anywhere.
 */
@ExtendWith(DemoStackExtension.class)
class BrowserLaunchIT {
  private static DemoStack stack;
  private static Browser browser;

  @BeforeAll
  static void openBrowser(DemoStack running) {
    stack = running;
    browser = new Browser(running);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theToolLaunchesInACrossSiteIframeWithThirdPartyCookiesBlocked() {
    WebElement app = browser.openActivity("2", "201");

    assertEquals("ready", app.getAttribute("data-state"), app.getText());
    assertEquals("Signed in as Ada Ito", browser.find("#signed-in-as").getText());
    // Nobody has set up this module's space: the learner is told so, plainly.
    assertEquals("no-space", app.getAttribute("data-view"));
    browser.assertAccessible("no space yet");
    String frameUrl = (String) browser.script("return location.href");
    assertTrue(frameUrl.startsWith(stack.settings.baseUrl().toString()), frameUrl);
    assertTrue(browser.driver.manage().getCookies().isEmpty(), "PeerLoop set no cookie");

    // The launch was bound through platform storage: the LMS page holds the tool's entry.
    browser.driver.switchTo().defaultContent();
    Object stored =
        browser.script(
            "return Object.keys(sessionStorage).filter(k => k.indexOf('|peerloop-') > 0).length");
    assertTrue(((Number) stored).intValue() >= 1, "the nonce went through lti.put_data");
    // The tool told the LMS its height (lti.frameResize).
    String height =
        (String) browser.script("return document.getElementById('tool-frame').style.height");
    assertTrue(height.endsWith("px"), "frame height set: " + height);
  }

  @Test
  void withoutPlatformStorageTheServerSideStateAloneCarriesTheLaunch() {
    stack.lms.offerPlatformStorage(false);
    try {
      WebElement app = browser.openActivity("5", "202");

      assertEquals("ready", app.getAttribute("data-state"), app.getText());
      assertEquals(Boolean.TRUE, browser.script("return window.PeerLoop.state.facilitator"));
      assertEquals(
          "Signed in as Dana Lee", browser.driver.findElement(By.id("signed-in-as")).getText());
    } finally {
      stack.lms.offerPlatformStorage(true);
    }
  }
}
