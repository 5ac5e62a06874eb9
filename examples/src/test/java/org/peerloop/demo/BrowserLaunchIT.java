package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium that blocks third-party cookies opens the demo LMS course page
 * (localhost); PeerLoop (127.0.0.1, another site) loads in the iframe, the launch succeeds and the
 * page's authenticated API call succeeds, with no cookie anywhere.
 */
@ExtendWith(DemoStackExtension.class)
class BrowserLaunchIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static DemoStack stack;
  private static WebDriver browser;

  @BeforeAll
  static void openBrowser(DemoStack running) {
    stack = running;
    String chromium = System.getProperty("peerloop.chromium", "/usr/bin/chromium");
    String driver = System.getProperty("peerloop.chromedriver", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(new File(chromium));
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
    // Block third-party cookies, as Safari and Chrome's tracking protection do in LMS iframes.
    options.setExperimentalOption(
        "prefs",
        Map.of("profile.block_third_party_cookies", true, "profile.cookie_controls_mode", 1));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(WAIT);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** Opens an activity as a person and waits for the tool in the iframe to be ready. */
  private static WebElement openActivity(String userId, String linkId) {
    browser.switchTo().defaultContent();
    browser.get(stack.lms.url().resolve("/course?user=" + userId + "&open=" + linkId).toString());
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("tool-frame")));
    wait.until(
        d -> {
          List<WebElement> app = d.findElements(By.cssSelector("#app[data-state]"));
          return app.isEmpty() ? null : app.get(0);
        });
    return browser.findElement(By.id("app"));
  }

  @Test
  void theToolLaunchesInACrossSiteIframeWithThirdPartyCookiesBlocked() {
    WebElement app = openActivity("2", "201");

    assertEquals("ready", app.getAttribute("data-state"), app.getText());
    assertEquals("Signed in as Ada Ito", browser.findElement(By.id("signed-in-as")).getText());
    String frameUrl = (String) ((JavascriptExecutor) browser).executeScript("return location.href");
    assertTrue(frameUrl.startsWith(stack.settings.baseUrl().toString()), frameUrl);
    assertTrue(browser.manage().getCookies().isEmpty(), "PeerLoop set no cookie");

    // The launch was bound through platform storage: the LMS page holds the tool's entry.
    browser.switchTo().defaultContent();
    Object stored =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Object.keys(sessionStorage).filter(k => k.indexOf('|peerloop-') > 0).length");
    assertTrue(((Number) stored).intValue() >= 1, "the nonce went through lti.put_data");
    // The tool told the LMS its height (lti.frameResize).
    String height =
        (String)
            ((JavascriptExecutor) browser)
                .executeScript("return document.getElementById('tool-frame').style.height");
    assertTrue(height.endsWith("px"), "frame height set: " + height);
  }

  @Test
  void withoutPlatformStorageTheServerSideStateAloneCarriesTheLaunch() {
    stack.lms.offerPlatformStorage(false);
    try {
      WebElement app = openActivity("5", "202");

      assertEquals("ready", app.getAttribute("data-state"), app.getText());
      assertTrue(app.getText().contains("facilitator"), app.getText());
    } finally {
      stack.lms.offerPlatformStorage(true);
    }
  }
}
