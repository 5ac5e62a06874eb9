package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.peerloop.demo.lms.DemoCourse;

/**
 * A designer adds PeerLoop to a course in a real headless Chromium: the LMS's "add an activity"
 * opens the picker in the iframe, the new space's settings are filled in, and the page posts the
 * signed response to the LMS, which adds the activity; a learner then opens it and lands in the
 * space. Runs in course 102, which no other test places links in.
 */
@ExtendWith(DemoStackExtension.class)
class DeepLinkingBrowserIT {
  private static final String COURSE = "102";
  private static Browser browser;
  private static DemoStack stack;

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
  void aDesignerPicksANewSpaceAndTheLmsAddsTheActivity() throws Exception {
    browser.openCoursePage("user=5&deep&course=" + COURSE);
    browser.view("placement");
    browser.assertAccessible("deep linking picker");
    browser.screenshot("deep-linking-picker");
    WebElement title = browser.find("#app form.settings input[type='text']");
    title.clear();
    title.sendKeys("Peer practice, browser-placed");
    browser.find("#app form.settings input[type='checkbox'][id^='graded']").click();
    browser.click("#app form.settings button[type='submit']", "Create and add to the course");

    // The iframe now shows the LMS's own page: the response was posted and accepted.
    WebElement added =
        browser.until(d -> d.findElements(By.id("deep-linked")).stream().findFirst().orElse(null));
    assertEquals("Added to the course", added.getText());
    assertTrue(
        browser
            .driver
            .findElement(By.tagName("body"))
            .getText()
            .contains("Peer practice, browser-placed"));
    DemoCourse.Link placed =
        stack.lms.placedLinks().values().stream()
            .filter(l -> l.title().equals("Peer practice, browser-placed"))
            .findFirst()
            .orElseThrow();
    assertEquals(COURSE, placed.contextId());
    assertTrue(
        stack.lms.gradebook().items().stream()
            .anyMatch(i -> i.resourceLinkId().equals(placed.id())),
        "grading was turned on, so the LMS made a grade column");

    WebElement app = browser.openCoursePage("user=2&course=" + COURSE + "&open=" + placed.id());
    browser.until(d -> "ready".equals(app.getAttribute("data-state")) ? app : null);
    assertNotEquals("no-space", app.getAttribute("data-view"), "the learner lands in the space");

    // The designer reads the roster from the LMS and sends the grades, and sees both happen.
    browser.openCoursePage("user=5&course=" + COURSE + "&open=" + placed.id());
    browser.script("location.hash = '#/manage/lms'");
    browser.view("lmsSync");
    browser.click("#app button", "Read the whole roster again");
    // The page shows the run as it goes, then its outcome: people read from every page.
    browser.until(
        d -> {
          boolean done = !d.findElements(By.cssSelector("[data-roster='DONE']")).isEmpty();
          String text = d.findElement(By.id("app")).getText();
          return done && text.matches("(?s).*· [1-9]\\d* people ·.*") ? text : null;
        });
    browser.click("#app button", "Send grades now");
    browser.until(
        d -> {
          var rows = d.findElements(By.cssSelector("tr[data-grade]"));
          boolean settled =
              !rows.isEmpty()
                  && rows.stream().noneMatch(r -> "PENDING".equals(r.getAttribute("data-grade")));
          return settled ? rows : null;
        });
    browser.assertAccessible("roster and grades");
    browser.screenshot("roster-and-grades");

    // Ada starts a thread and the designer endorses it: one tie for the network picture.
    LaunchDriver driver = new LaunchDriver(stack.lms);
    String ada =
        LaunchDriver.sessionToken(
            driver.launchWith("user=2&course=" + COURSE + "&link=" + placed.id()).body());
    String dana =
        LaunchDriver.sessionToken(
            driver.launchWith("user=5&course=" + COURSE + "&link=" + placed.id()).body());
    Map<String, Object> space =
        JSONObjectUtils.parse(stack.call("GET", "api/v1/space", ada, null).body());
    Object cohort =
        JSONObjectUtils.parse(
                stack
                    .call("GET", "api/v1/spaces/" + space.get("id") + "/my-cohort", ada, null)
                    .body())
            .get("id");
    HttpResponse<String> thread =
        stack.call(
            "POST",
            "api/v1/cohorts/" + cohort + "/posts",
            ada,
            "{\"title\":\"First week\",\"body\":\"<p>Hello all</p>\",\"clientKey\":\"deep-link-network\"}");
    assertEquals(201, thread.statusCode(), thread.body());
    Object post = JSONObjectUtils.parse(thread.body()).get("id");
    assertEquals(
        200, stack.call("PUT", "api/v1/posts/" + post + "/endorsement", dana, null).statusCode());

    // Insights: the roster's learners are there, as non-participants until they take part.
    browser.script("location.hash = '#/manage/insights'");
    browser.view("insights");
    browser.until(
        d -> d.findElements(By.cssSelector("svg.segment-bar")).stream().findFirst().orElse(null));
    String description =
        (String)
            browser.script("return document.querySelector('svg.segment-bar desc').textContent");
    assertTrue(description.contains("Not yet taking part"), "the chart describes itself");
    // The network picture: a dot per person, a line for the endorsement, and its table.
    assertEquals(
        2L, browser.script("return document.querySelectorAll('svg.network circle').length"));
    assertEquals(1L, browser.script("return document.querySelectorAll('svg.network line').length"));
    String network =
        (String) browser.script("return document.querySelector('svg.network desc').textContent");
    assertTrue(network.contains("People: 2. Ties between them: 1."), network);
    assertEquals(
        1L,
        browser.script(
            "return document.querySelectorAll('#insights-network ~ details tbody tr').length"));
    browser.assertAccessible("insights");
    browser.screenshot("insights");
    browser.script("document.getElementById('insights-network').scrollIntoView()");
    browser.screenshot("insights-network");

    // Ada's notifications: the endorsement, marked new once, with the unread count on the tab
    // (she has others from the rest of the run).
    WebElement learnerApp =
        browser.openCoursePage("user=2&course=" + COURSE + "&open=" + placed.id());
    browser.until(d -> "ready".equals(learnerApp.getAttribute("data-state")) ? learnerApp : null);
    browser.findWithText("#nav a[data-tab='notifications']", " new)");
    browser.script("location.hash = '#/notifications'");
    browser.view("notifications");
    WebElement notice = browser.find("li.notice[data-kind='ENDORSED']");
    assertTrue(notice.getText().contains("Dana Lee endorsed"), notice.getText());
    assertTrue(notice.getText().contains("New"), "marked new the first time it is shown");
    browser.until(
        d ->
            d.findElement(By.cssSelector("#nav a[data-tab='notifications']"))
                    .getText()
                    .equals("Notifications")
                ? true
                : null);
    browser.assertAccessible("notifications");
    browser.screenshot("notifications");
  }
}
