package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The learner's and facilitator's experience end to end, in a real Chromium through the demo LMS,
 * inside the cross-site iframe with third-party cookies blocked: a facilitator sets up a space,
 * learners pick topics, post, reply with a mention and rate; a second learner sees it; posting and
 * rating work from the keyboard alone; in a reviewed space a rejected post shows its reason to its
 * (Spanish-speaking) author. axe-core checks every view.
 */
@ExtendWith(DemoStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CohortExperienceIT {
  /** The open space this test owns. */
  private static final String CIRCLE = "203";

  /** The expert-review space this test owns. */
  private static final String REVIEWED = "204";

  private static final String FACILITATOR = "5";
  private static final String ADA = "2";
  private static final String BEN = "3";
  private static final String CARMEN = "4";
  private static final String GRACE = "7";

  private static final String ADA_TITLE = "How do you give feedback that lands?";

  private static Browser browser;

  @BeforeAll
  static void openBrowser(DemoStack stack) {
    browser = new Browser(stack);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private static void type(WebElement field, String text) {
    field.clear();
    field.sendKeys(text);
  }

  private static void press(String css, String text) {
    browser.click(css, text);
  }

  @Test
  @Order(1)
  void aFacilitatorSetsUpTheSpaceFromTheSettingsForm() {
    browser.openActivity(FACILITATOR, CIRCLE);
    browser.view("settings");
    browser.assertAccessible("settings");

    type(browser.find("[data-field='title'] input"), "Practice circle");
    type(browser.find("[data-field='topics'] textarea"), "coaching\nfeedback\ndata");
    press("button", "Add a prompt");
    browser
        .find(".prompt-row textarea")
        .sendKeys("Which conversation will you practise this week?");
    press("button", "Save settings");

    browser.find("nav a[data-tab='manage/cohorts']");
    assertTrue(browser.find("#live").getText().contains("Settings saved"));
  }

  @Test
  @Order(2)
  void aLearnerPicksTopicsLandsInACohortAndStartsAThread() {
    browser.openActivity(ADA, CIRCLE);
    browser.view("topics");
    browser.assertAccessible("topics");

    press("label", "coaching");
    press("label", "feedback");
    press("button", "Join my cohort");

    browser.view("home");
    browser.assertAccessible("cohort home");
    assertTrue(browser.find(".phase").getText().contains("Practice circle"));
    assertTrue(browser.find(".agenda").getText().contains("Which conversation"));

    press("button", "Start a thread");
    type(browser.find(".composer [data-field='title'] input"), ADA_TITLE);
    browser.find(".composer [contenteditable]").sendKeys("I use the SBI model. #feedback");
    browser.assertAccessible("composer");
    press(".composer button[type='submit']", "Post");

    WebElement thread = browser.findWithText(".thread-list article", ADA_TITLE);
    assertTrue(thread.getText().contains("#feedback"), thread.getText());
    assertTrue(thread.getText().contains("Ada Ito"), thread.getText());
  }

  @Test
  @Order(3)
  void aSecondLearnerRepliesWithAMentionAndRatesThePost() {
    browser.openActivity(BEN, CIRCLE);
    browser.view("topics");
    press("label", "feedback");
    press("button", "Join my cohort");
    browser.view("home");

    browser.findWithText(".thread-list h3 a", ADA_TITLE).click();
    browser.view("thread");
    browser.assertAccessible("thread");

    WebElement reply = browser.find(".reply-slot [contenteditable]");
    reply.click();
    reply.sendKeys("Thanks @Ad");
    WebElement suggestion = browser.findWithText(".suggestions li", "@Ada Ito");
    assertEquals("true", suggestion.getAttribute("aria-selected"));
    assertEquals(suggestion.getAttribute("id"), reply.getAttribute("aria-activedescendant"));
    reply.sendKeys(Keys.ENTER);
    reply.sendKeys("that helps.");
    press(".reply-slot button[type='submit']", "Send reply");

    WebElement sent = browser.findWithText(".replies article", "Thanks @Ada Ito");
    assertTrue(sent.getText().contains("Ben Okafor"), sent.getText());

    WebElement thread = browser.find("article.thread");
    thread.findElement(By.cssSelector(".stars label:nth-of-type(4)")).click();
    browser.findWithText("article.thread .rating-summary", "4.0 average from 1 rating");
  }

  @Test
  @Order(4)
  void theFirstLearnerSeesTheReply() {
    browser.openActivity(ADA, CIRCLE);
    browser.view("home");
    WebElement thread = browser.findWithText(".thread-list article", ADA_TITLE);
    assertTrue(thread.getText().contains("1 reply"), thread.getText());
    assertTrue(thread.getText().contains("4.0 average from 1 rating"), thread.getText());

    thread.findElement(By.cssSelector("h3 a")).click();
    browser.view("thread");
    browser.findWithText(".replies article", "Thanks @Ada Ito");
    // Nobody rates their own post.
    assertTrue(browser.driver.findElements(By.cssSelector("article.thread .stars")).isEmpty());
  }

  @Test
  @Order(5)
  void postingAndRatingWorkFromTheKeyboardAlone() {
    browser.openActivity(GRACE, CIRCLE);
    browser.view("topics");
    browser.tabTo("input[type='checkbox']");
    browser.keys(Keys.SPACE);
    browser.tabTo("button[type='submit']");
    browser.keys(Keys.ENTER);
    browser.view("home");

    browser.tabTo("button.primary", "Start a thread");
    assertTrue(browser.focusIsVisible(), "the focused button shows its focus");
    browser.keys(Keys.ENTER);
    browser.tabTo("[data-field='title'] input");
    browser.keys("A checklist for hard conversations");
    browser.tabTo("[contenteditable]");
    browser.keys("Prepare, listen, agree a next step.");
    browser.tabTo("button[type='submit']");
    browser.keys(Keys.ENTER);
    browser.findWithText(".thread-list article", "A checklist for hard conversations");

    browser.tabTo("a[href^='#/thread/']", ADA_TITLE);
    assertTrue(browser.focusIsVisible(), "the focused link shows its focus");
    browser.keys(Keys.ENTER);
    browser.view("thread");
    browser.tabTo(".stars input");
    assertTrue(browser.focusIsVisible(), "the focused star shows its focus");
    // Arrow keys move through the radio group and choose: the second star.
    browser.keys(Keys.ARROW_RIGHT);
    browser.findWithText("article.thread .rating-summary", "3.0 average from 2 ratings");
  }

  @Test
  @Order(6)
  void theCohortHomeFitsAPhoneScreen() throws Exception {
    browser.resize(360, 800);
    try {
      browser.openActivity(ADA, CIRCLE);
      browser.view("home");
      browser.findWithText(".thread-list article", ADA_TITLE);
      Number overflow =
          (Number)
              browser.script(
                  "return document.documentElement.scrollWidth"
                      + " - document.documentElement.clientWidth");
      assertTrue(overflow.intValue() <= 0, "no sideways scrolling at 360 px: " + overflow);
      browser.driver.switchTo().defaultContent();
      browser.script("document.getElementById('tool-frame').scrollIntoView()");
      Path shot = browser.screenshot("cohort-home-360px");
      assertTrue(Files.size(shot) > 10_000, "a real screenshot: " + shot);
    } finally {
      browser.resize(1200, 900);
    }
  }

  @Test
  @Order(7)
  void aFacilitatorCuratesAndHandlesFlags() {
    browser.openActivity(BEN, CIRCLE);
    browser.view("home");
    browser.findWithText(".thread-list h3 a", "A checklist for hard conversations").click();
    browser.view("thread");
    press("article.thread .post-actions button", "Flag");
    browser.find(".inline-ask textarea").sendKeys("Off topic?");
    press(".inline-ask button[type='submit']", "Flag for the facilitator");
    browser.findWithText(".note", "A facilitator will look at this post");

    browser.openActivity(FACILITATOR, CIRCLE);
    browser.view("home");
    browser.findWithText(".thread-list h3 a", ADA_TITLE).click();
    browser.view("thread");
    press("article.thread button", "Endorse");
    browser.findWithText("article.thread .badges", "Endorsed by a facilitator");
    press("article.thread button", "Add to best of");
    browser.findWithText("article.thread button[aria-pressed='true']", "Remove from best of");

    browser.find("nav a[data-tab='best-of']").click();
    browser.view("bestOf");
    browser.findWithText("article", ADA_TITLE);
    browser.assertAccessible("best of");

    browser.find("nav a[data-tab='manage/cohorts']").click();
    browser.view("cohorts");
    assertTrue(browser.find("table").getText().contains("Grace Kim"));
    browser.assertAccessible("cohorts");

    browser.find("nav a[data-tab='manage/flags']").click();
    browser.view("flags");
    browser.findWithText("article", "Off topic?");
    browser.assertAccessible("flags");
    press("button", "Keep the post");
    browser.findWithText(".empty", "No open flags");
  }

  @Test
  @Order(8)
  void aRejectedPostShowsItsReasonToItsSpanishSpeakingAuthor() {
    browser.openActivity(FACILITATOR, REVIEWED);
    browser.view("settings");
    type(browser.find("[data-field='title'] input"), "Reviewed case studies");
    press("label", "Expert review");
    press("button", "Save settings");
    browser.find("nav a[data-tab='manage/review']");

    browser.openActivity(CARMEN, REVIEWED);
    browser.view("home"); // no topics: she joins at once
    assertEquals("es-MX", browser.script("return document.documentElement.lang"));
    assertTrue(browser.find("nav").getText().contains("Mi cohorte"), browser.find("nav").getText());
    assertEquals("Sesión iniciada como Carmen Ruiz", browser.find("#signed-in-as").getText());
    browser.assertAccessible("cohort home (Spanish)");
    press("button", "Iniciar un hilo");
    type(browser.find(".composer [data-field='title'] input"), "Mi caso");
    browser.find(".composer [contenteditable]").sendKeys("El cliente Juan Pérez pidió un cambio.");
    press(".composer button[type='submit']", "Publicar");
    browser.findWithText(".thread-list article", "Esperando revisión");

    browser.openActivity(FACILITATOR, REVIEWED);
    browser.view("home");
    browser.find("nav a[data-tab='manage/review']").click();
    browser.view("review");
    browser.findWithText("article", "Juan Pérez");
    browser.assertAccessible("review queue");
    press(".reject button", "Reject");
    browser.findWithText(".field-error", "Tell the author why");
    browser.find(".reject textarea").sendKeys("Quita el nombre del cliente, por favor.");
    press(".reject button", "Reject");
    browser.findWithText(".empty", "No posts are waiting for review");

    browser.openActivity(CARMEN, REVIEWED);
    browser.view("home");
    browser.findWithText(".thread-list article", "No aprobada");
    browser.findWithText(".thread-list h3 a", "Mi caso").click();
    browser.view("thread");
    WebElement reason = browser.findWithText(".note.rejected", "Quita el nombre del cliente");
    assertTrue(reason.getText().contains("El motivo"), reason.getText());

    press("article.thread button", "Revisar y volver a enviar");
    WebElement editor = browser.find("article.thread .composer [contenteditable]");
    editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Un cliente pidió un cambio.");
    press("article.thread .composer button[type='submit']", "Volver a enviar a revisión");
    browser.findWithText("article.thread .badges", "Esperando revisión");

    browser.openActivity(FACILITATOR, REVIEWED);
    browser.view("home");
    browser.find("nav a[data-tab='manage/review']").click();
    browser.view("review");
    browser.findWithText("article", "Un cliente pidió un cambio.");
    press(".decision button", "Approve");
    browser.findWithText(".empty", "No posts are waiting for review");
  }

  @Test
  @Order(9)
  void problemsReadAsSentencesAndAnEndedSessionSaysHowToComeBack() {
    browser.openActivity(ADA, CIRCLE);
    browser.view("home");

    // An API call the server refuses: a thread that is not the learner's to read.
    browser.script("location.hash = '#/thread/999999'");
    WebElement notice = browser.find("#notice");
    assertTrue(notice.getText().contains("not available to you"), notice.getText());
    assertEquals("post-not-found", notice.getAttribute("data-reason"));

    // The page's answer to a 401 from the API, as when a laptop wakes after the token expired.
    browser.script(
        "window.PeerLoop.notice({status: 401, reason: 'session-expired', title: 'Unauthorized'})");
    WebElement ended = browser.find("#app[data-state='ended']");
    assertTrue(ended.getText().contains("Open the activity again"), ended.getText());
    browser.assertAccessible("session ended");
  }
}
