package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) that blocks third-party cookies,
 * as Safari and Chrome's tracking protection do in LMS iframes, driving the demo LMS's course page
 * with PeerLoop in its cross-site iframe.
 */
final class Browser implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(30);

  /** Where screenshots go, as build artifacts. */
  static final Path ARTIFACTS = Path.of("target", "artifacts");

  private final DemoStack stack;
  final WebDriver driver;

  /** A browser for pages that need no demo LMS of this JVM (a node of its own, the console). */
  Browser() {
    this(null);
  }

  Browser(DemoStack stack) {
    this.stack = stack;
    String chromium = System.getProperty("peerloop.chromium", "/usr/bin/chromium");
    String chromedriver = System.getProperty("peerloop.chromedriver", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(new File(chromium));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1200,900",
        "--lang=en-US");
    options.setExperimentalOption(
        "prefs",
        Map.of("profile.block_third_party_cookies", true, "profile.cookie_controls_mode", 1));
    // The page's console goes into failure messages.
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver)).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(WAIT);
  }

  /** Opens an activity as a person and waits until the tool in the iframe shows a view. */
  WebElement openActivity(String userId, String linkId) {
    return openCoursePage("user=" + userId + "&open=" + linkId);
  }

  /** Opens a course page with the query given, and waits until the tool in its iframe starts. */
  WebElement openCoursePage(String query) {
    driver.switchTo().defaultContent();
    driver.get(stack.lms.url().resolve("/course?" + query).toString());
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("tool-frame")));
    return until(
        d -> {
          List<WebElement> app = d.findElements(By.cssSelector("#app[data-state]"));
          return app.isEmpty() ? null : app.get(0);
        });
  }

  /**
   * Opens the demo SharePoint page signed in to Microsoft 365 as a person, and waits until PeerLoop
   * in the web part's frame starts.
   */
  WebElement openSharePointPage(String objectId) {
    driver.switchTo().defaultContent();
    driver.get(stack.sharePoint.pageUrl() + "?user=" + objectId);
    return sharePointFrame();
  }

  /** The PeerLoop frame of the SharePoint page now open, switched to once it shows a state. */
  WebElement sharePointFrame() {
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    wait.until(
        ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("#webpart iframe")));
    return until(
        d -> {
          List<WebElement> app = d.findElements(By.cssSelector("#app[data-state]"));
          return app.isEmpty() ? null : app.get(0);
        });
  }

  /**
   * Waits until the tool shows the named view, ready. The time from the launch request to the first
   * view of each page load goes into {@code target/artifacts/first-view.tsv}: a measurement, not a
   * check.
   */
  WebElement view(String name) {
    WebElement app =
        until(
            d -> {
              List<WebElement> ready =
                  d.findElements(
                      By.cssSelector("#app[data-state='ready'][data-view='" + name + "']"));
              return ready.isEmpty() ? null : ready.get(0);
            });
    String firstView = app.getAttribute("data-first-view-ms");
    Object document = script("return String(performance.timeOrigin)");
    if (firstView != null && recorded.add(String.valueOf(document))) {
      try {
        Files.createDirectories(ARTIFACTS);
        Files.writeString(
            ARTIFACTS.resolve("first-view.tsv"),
            name + "\t" + firstView + "\n",
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return app;
  }

  private final Set<String> recorded = new HashSet<>();

  <T> T until(Function<WebDriver, T> condition) {
    try {
      // A view re-renders after each change: an element found a moment ago may be gone.
      return new WebDriverWait(driver, WAIT)
          .ignoring(StaleElementReferenceException.class)
          .until(condition::apply);
    } catch (TimeoutException e) {
      throw new AssertionError("Timed out; the page shows: " + describe(), e);
    }
  }

  /** What the tool shows, for a failure message. */
  private String describe() {
    try {
      return String.valueOf(
              script(
                  "var app = document.getElementById('app'), notice = document.getElementById('notice');"
                      + " if (!app) { return 'no tool page: ' + document.body.innerText.slice(0, 500); }"
                      + " return 'view=' + app.getAttribute('data-view') + ' state='"
                      + " + app.getAttribute('data-state') + ' notice=' + (notice && !notice.hidden"
                      + " ? notice.innerText + ' [' + notice.getAttribute('data-reason') + ']' : '-')"
                      + " + ' html=' + app.innerHTML.slice(0, 1500);"))
          + " console="
          + driver.manage().logs().get(LogType.BROWSER).getAll();
    } catch (RuntimeException e) {
      return "(not readable: " + e.getMessage() + ")";
    }
  }

  WebElement find(String css) {
    return until(
        d -> {
          List<WebElement> found = d.findElements(By.cssSelector(css));
          return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
  }

  /** Waits until an element shows the text. */
  WebElement findWithText(String css, String text) {
    return until(
        d ->
            d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.getText().contains(text))
                .findFirst()
                .orElse(null));
  }

  /** Clicks the element with the text, once it is there (again, if a re-render replaced it). */
  void click(String css, String text) {
    until(
        d -> {
          WebElement element =
              d.findElements(By.cssSelector(css)).stream()
                  .filter(e -> e.getText().contains(text))
                  .findFirst()
                  .orElse(null);
          if (element == null) {
            return null;
          }
          element.click();
          return Boolean.TRUE;
        });
  }

  Object script(String code, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(code, args);
  }

  /** Presses keys as a keyboard-only person would, on whatever has the focus. */
  void keys(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  WebElement focused() {
    return driver.switchTo().activeElement();
  }

  /** Whether the focused element shows a visible focus indicator (WCAG 2.4.7). */
  boolean focusIsVisible() {
    return Boolean.TRUE.equals(
        script(
            "var e = document.activeElement;"
                + " var target = e.type === 'radio' ? e.nextElementSibling : e;"
                + " var style = getComputedStyle(target);"
                + " return e.matches(':focus-visible') && style.outlineStyle !== 'none'"
                + " && parseFloat(style.outlineWidth) >= 2;"));
  }

  /**
   * Tabs forward until the focused element matches, as a keyboard user would; bounded, and failing
   * when the element is not reachable by keyboard.
   */
  WebElement tabTo(String css) {
    return tabTo(css, "");
  }

  /** Tabs forward to an element that matches and contains the text. */
  WebElement tabTo(String css, String text) {
    for (int i = 0; i < 80; i++) {
      keys(Keys.TAB);
      Boolean matches =
          (Boolean)
              script(
                  "var e = document.activeElement;"
                      + " return e.matches(arguments[0]) && e.textContent.indexOf(arguments[1]) >= 0",
                  css,
                  text);
      if (Boolean.TRUE.equals(matches)) {
        return focused();
      }
    }
    fail("No element " + css + " with '" + text + "' is reachable with the Tab key");
    return null;
  }

  /**
   * Runs axe-core (bundled in the test resources) on the tool's page and fails on any serious or
   * critical violation of WCAG 2.1 A/AA.
   */
  void assertAccessible(String view) {
    script(axeSource());
    Object result =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "axe.run(document, {runOnly: {type: 'tag', values:"
                    + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                    + ".then(function (r) { done(r.violations"
                    + ".filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                    + ".map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                    + " + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })); },"
                    + " function (e) { done(['axe failed: ' + e]); });");
    assertTrue(
        result instanceof List<?> list && list.isEmpty(),
        "accessibility violations on the " + view + " view: " + result);
  }

  private static String axe;

  private static synchronized String axeSource() {
    if (axe == null) {
      try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
        axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return axe;
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Saves a screenshot of the whole window as a build artifact. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(ARTIFACTS);
      Path target = ARTIFACTS.resolve(name + ".png");
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
