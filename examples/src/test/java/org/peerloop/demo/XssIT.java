package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebElement;

/**
 * Over a hundred XSS payloads (filter-evasion classics, event handlers, SVG and MathML, {@code
 * javascript:} and {@code data:} URLs, broken markup, Unicode and encoding tricks) as post titles
 * and bodies, tags, people's names from the LMS and space titles, rendered in a real headless
 * Chromium in the views that show them: no dialog opens (every payload would call {@code alert}),
 * and the page holds no event-handler attribute, no script URL, no script that is not the tool's
 * own, and no element in a post body outside the sanitizer's allow-list. Runs in course 108, which
 * no other test uses.
 */
@ExtendWith(DemoStackExtension.class)
class XssIT {
  private static final String COURSE = "108";
  private static final String LINK = "201";
  private static final String DESIGNER = "5";

  /**
   * What the page may hold; run in the tool's frame, it answers what it found against it. The
   * tool's own page has its scripts from its origin, a JSON data block and a blank icon.
   */
  private static final String SCAN =
      "var found = [], allowed = /^(P|BR|STRONG|B|EM|I|UL|OL|LI|BLOCKQUOTE|CODE|PRE|A)$/;"
          + " var urls = /^(href|src|action|formaction|xlink:href|data|srcdoc|background|poster)$/;"
          + " document.querySelectorAll('*').forEach(function (e) {"
          + "   Array.prototype.forEach.call(e.attributes, function (a) {"
          + "     var n = a.name.toLowerCase();"
          + "     if (n.indexOf('on') === 0) { found.push(e.tagName + '[' + n + ']'); }"
          + "     var blankIcon = e.tagName === 'LINK' && a.value === 'data:,';"
          + "     if (urls.test(n) && !blankIcon && /^\\s*(javascript|vbscript|data):/i.test(a.value)) {"
          + "       found.push(e.tagName + '[' + n + '=' + a.value.slice(0, 40) + ']'); }"
          + "     if (n === 'style' && /expression|javascript:|behavior/i.test(a.value)) {"
          + "       found.push(e.tagName + '[style]'); }"
          + "   });"
          + " });"
          + " document.querySelectorAll('script').forEach(function (s) {"
          + "   var data = !s.src && s.type === 'application/json';"
          + "   if (!data && (!s.src || new URL(s.src).origin !== location.origin)) {"
          + "     found.push('SCRIPT ' + (s.src || s.textContent.slice(0, 40))); }"
          + " });"
          + " document.querySelectorAll('.post-body *').forEach(function (e) {"
          + "   if (!allowed.test(e.tagName)) { found.push('post body holds ' + e.tagName); }"
          + " });"
          + " return found;";

  private static DemoStack stack;
  private static Browser browser;
  private static LaunchDriver driver;
  private static List<String> payloads;

  @BeforeAll
  static void start(DemoStack running) throws IOException {
    stack = running;
    browser = new Browser(running);
    driver = new LaunchDriver(running.lms);
    payloads = payloads();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  static List<String> payloads() throws IOException {
    try (InputStream in = XssIT.class.getResourceAsStream("/security/xss-payloads.txt")) {
      List<String> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("# ")) {
          lines.add(line);
        }
      }
      return lines;
    }
  }

  private static String launchToken(String query) throws Exception {
    return LaunchDriver.sessionToken(driver.launchWith(query).body());
  }

  private static HttpResponse<String> call(
      String method, String path, String token, Map<String, Object> json) throws Exception {
    return stack.call(
        method, path, token, json == null ? null : JSONObjectUtils.toJSONString(json));
  }

  private static long id(HttpResponse<String> response) throws Exception {
    assertTrue(response.statusCode() / 100 == 2, response.statusCode() + " " + response.body());
    return ((Number) JSONObjectUtils.parse(response.body()).get("id")).longValue();
  }

  /** No dialog opened, and the tool's frame holds nothing a sanitizer or escaping should stop. */
  private static void assertNothingRan(String where) {
    try {
      org.openqa.selenium.Alert alert = browser.driver.switchTo().alert();
      String text = alert.getText();
      alert.dismiss();
      throw new AssertionError("a script ran in " + where + ": alert(" + text + ")");
    } catch (NoAlertPresentException expected) {
      // none: good
    } catch (UnhandledAlertException e) {
      throw new AssertionError("a script ran in " + where + ": " + e.getMessage(), e);
    }
    Object found = browser.script(SCAN);
    assertEquals(List.of(), found, where);
  }

  @Test
  void theAlertDetectorSeesADialog() {
    browser.openCoursePage("user=" + DESIGNER + "&course=" + COURSE + "&open=" + LINK);
    browser.driver.switchTo().defaultContent();
    browser.script("setTimeout(function () { alert('probe'); }, 0)");
    AssertionError seen = null;
    try {
      Thread.sleep(300);
      assertNothingRan("the probe");
    } catch (AssertionError e) {
      seen = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertTrue(seen != null && seen.getMessage().contains("probe"), "the detector works");
    Object planted =
        browser.script(
            "var p = document.createElement('p'); p.setAttribute('onclick', 'x');"
                + " document.body.appendChild(p);"
                + " var r = (function () {"
                + SCAN
                + "})(); p.remove(); return r;");
    assertEquals(List.of("P[onclick]"), planted, "the scan sees a planted handler");
  }

  @Test
  void hostileTextRunsNoScriptWhereverItIsShown() throws Exception {
    assertTrue(payloads.size() >= 100, payloads.size() + " payloads");
    String designer = launchToken("user=" + DESIGNER + "&link=" + LINK + "&course=" + COURSE);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("title", payloads.get(0));
    settings.put("phase", "pre-course");
    settings.put("targetSize", 200);
    settings.put("topics", List.of("<b>bold</b>", "\"><img src=x onerror=alert(1)>"));
    long spaceId = id(call("PUT", "api/v1/space", designer, settings));

    // Each payload is a person's name, the title and body of their thread, and a tag in it.
    List<Long> threads = new ArrayList<>();
    String firstLearner = null;
    for (int i = 0; i < payloads.size(); i++) {
      String payload = payloads.get(i);
      String user = "xss-" + i;
      stack.lms.addLearner(user, payload, "Tester");
      String token = launchToken("user=" + user + "&link=" + LINK + "&course=" + COURSE);
      firstLearner = firstLearner == null ? user : firstLearner;
      long cohort =
          id(
              call(
                  "POST",
                  "api/v1/spaces/" + spaceId + "/membership",
                  token,
                  Map.of("topics", List.of())));
      Map<String, Object> post = new LinkedHashMap<>();
      post.put("title", payload.length() > 200 ? payload.substring(0, 200) : payload);
      post.put(
          "body", "<p>Payload " + i + " #xss" + i + "</p>" + payload + "<p>#" + payload + "</p>");
      post.put("clientKey", "xss-payload-" + i);
      threads.add(id(call("POST", "api/v1/cohorts/" + cohort + "/posts", token, post)));
    }

    // A learner's cohort home: every thread's title, excerpt, tags and author.
    browser.openCoursePage("user=" + firstLearner + "&course=" + COURSE + "&open=" + LINK);
    browser.view("home");
    String cards = "#app .thread-list .post";
    String more = "#app .thread-list ~ button.quiet:not([hidden])";
    for (int page = 0; page < 50; page++) {
      List<WebElement> button = browser.driver.findElements(By.cssSelector(more));
      if (button.isEmpty()) {
        break;
      }
      int before = browser.driver.findElements(By.cssSelector(cards)).size();
      button.get(0).click();
      browser.until(
          d ->
              d.findElements(By.cssSelector(cards)).size() > before
                      || d.findElements(By.cssSelector(more)).isEmpty()
                  ? Boolean.TRUE
                  : null);
    }
    assertEquals(
        payloads.size(),
        browser.driver.findElements(By.cssSelector(cards)).size(),
        "every thread is listed");
    assertNothingRan("the cohort home");

    // Each thread on its own: the whole body, its tags, its author's name.
    for (long thread : threads) {
      browser.script("location.hash = '#/thread/" + thread + "'");
      browser.until(
          d ->
              d.findElements(By.cssSelector("#app .post[data-post='" + thread + "']")).isEmpty()
                  ? null
                  : Boolean.TRUE);
      assertNothingRan("thread " + thread);
    }

    // The facilitator's views list every member by name.
    browser.openCoursePage("user=" + DESIGNER + "&course=" + COURSE + "&open=" + LINK);
    for (String view : List.of("cohorts", "insights")) {
      browser.script("location.hash = '#/manage/" + view + "'");
      browser.view(view);
      assertNothingRan("the facilitator's " + view);
    }

    // Space titles: a space per payload, all listed in the designer's deep linking picker.
    HttpResponse<String> picker = driver.launchWith("user=" + DESIGNER + "&deep&course=" + COURSE);
    Matcher ticket = Pattern.compile("\"deepLinking\":\"([^\"]+)\"").matcher(picker.body());
    assertTrue(ticket.find(), "a deep linking ticket");
    String pickerToken = LaunchDriver.sessionToken(picker.body());
    for (String payload : payloads) {
      Map<String, Object> space = new LinkedHashMap<>();
      space.put("title", payload.length() > 200 ? payload.substring(0, 200) : payload);
      space.put("phase", "post-course");
      HttpResponse<String> placed =
          call(
              "POST",
              "api/v1/placements",
              pickerToken,
              Map.of("ticket", ticket.group(1), "settings", space));
      assertEquals(200, placed.statusCode(), placed.body());
    }
    browser.openCoursePage("user=" + DESIGNER + "&deep&course=" + COURSE);
    browser.view("placement");
    // The picker shows a page of spaces at a time; every page is rendered and checked.
    for (int page = 0; page < 10; page++) {
      int shown = browser.driver.findElements(By.cssSelector("#app .space-title")).size();
      List<WebElement> showMore =
          browser.driver.findElements(By.xpath("//button[normalize-space()='Show more spaces']"));
      if (showMore.isEmpty() || !showMore.get(0).isDisplayed()) {
        break;
      }
      showMore.get(0).click();
      browser.until(
          d -> d.findElements(By.cssSelector("#app .space-title")).size() > shown ? true : null);
    }
    int listed = browser.driver.findElements(By.cssSelector("#app .space-title")).size();
    assertTrue(listed > payloads.size(), listed + " spaces listed");
    assertNothingRan("the deep linking picker");
  }
}
