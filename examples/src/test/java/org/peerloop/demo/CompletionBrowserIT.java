package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.peerloop.demo.lms.DemoMoodle;

/**
 * A post-course space that opens on completion, in a real headless Chromium in course 107: the
 * designer attaches it to the course's quiz, chosen from the outline the Moodle bridge reads; a
 * learner finds it shut and is told what opens it; the learner completes the quiz in the LMS, and
 * their next visit lands in their cohort, with the notice. Every view is checked with axe-core.
 */
@ExtendWith(DemoStackExtension.class)
class CompletionBrowserIT {
  private static final String COURSE = "107";
  private static final String LINK = "202";
  private static Browser browser;

  @BeforeAll
  static void openBrowser(DemoStack running) {
    browser = new Browser(running);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aLearnersCompletionInTheLmsOpensTheirPostCourseCohort() {
    browser.openCoursePage("user=5&course=" + COURSE + "&open=" + LINK);
    browser.view("settings");
    WebElement title = browser.find("#app form.settings input[type='text']");
    title.clear();
    title.sendKeys("After the evening course");
    browser.find("#app form.settings input[name='phase'][value='post-course']").click();
    browser.find("#app form.settings input[type='checkbox'][id^='completion']").click();
    browser.click("#app form.settings button[type='submit']", "Save settings");

    // The saved space's settings offer the course's modules, read from Moodle.
    WebElement select = browser.find("#app .lms-module select");
    Select modules = new Select(select);
    List<String> labels = modules.getOptions().stream().map(WebElement::getText).toList();
    assertTrue(labels.contains("Change model quiz"), labels.toString());
    assertTrue(
        labels.stream().anyMatch(l -> l.startsWith("\u2014 Action plan")),
        "the subsection's activity is indented: " + labels);
    browser.assertAccessible("settings with the course module");
    browser.script("arguments[0].scrollIntoView({block: 'center'})", select);
    browser.screenshot("settings-course-module");
    modules.selectByValue(String.valueOf(DemoMoodle.quiz(COURSE)));
    // One save for the whole form: the module is attached with the settings.
    assertTrue(
        browser.driver.findElements(By.cssSelector("#app .lms-module button")).isEmpty(),
        "no second save button");
    browser.click("#app form.settings button[type='submit']", "Save settings");
    browser.until(
        d ->
            d.findElement(By.cssSelector("#app .lms-module [role='status']"))
                    .getText()
                    .contains("Attached to “Change model quiz”")
                ? true
                : null);

    // Grace has not completed the quiz: the space tells her what opens it.
    browser.openCoursePage("user=7&course=" + COURSE + "&open=" + LINK);
    WebElement shut = browser.view("topics");
    assertTrue(
        shut.getText().contains("opens for you when you complete “Change model quiz”"),
        shut.getText());
    assertEquals(0, shut.findElements(By.cssSelector("form.topics")).size(), "nothing to join yet");
    browser.assertAccessible("space waiting for completion");
    browser.screenshot("space-waiting-for-completion");

    // She completes the quiz in the LMS; the plugin tells PeerLoop.
    browser.driver.switchTo().defaultContent();
    browser.driver.findElement(By.id("complete-" + DemoMoodle.quiz(COURSE))).click();
    // The LMS answers the form with its course page again, without the open activity.
    browser.until(d -> d.getCurrentUrl().contains("open=") ? null : true);

    browser.openCoursePage("user=7&course=" + COURSE + "&open=" + LINK);
    WebElement home = browser.view("home");
    assertTrue(home.getText().contains("After the evening course"), home.getText());
    browser.click("#nav a[data-tab='notifications']", "Notifications");
    WebElement notices = browser.view("notifications");
    assertTrue(
        notices
            .getText()
            .contains("You completed Change model quiz: your post-course cohort is open"),
        notices.getText());
    browser.assertAccessible("notifications with the space opening");
  }
}
