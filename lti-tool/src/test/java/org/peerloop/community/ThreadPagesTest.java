package org.peerloop.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.cohort.CohortMember;
import org.peerloop.cohort.Cohorts;
import org.peerloop.people.Person;
import org.peerloop.post.CohortFixture;
import org.peerloop.post.Curation;
import org.peerloop.post.NewPost;
import org.peerloop.post.Post;
import org.peerloop.post.PostKind;
import org.peerloop.post.PostStatus;
import org.peerloop.post.Posts;
import org.peerloop.post.Ratings;
import org.peerloop.post.Reviews;
import org.peerloop.space.Moderation;
import org.peerloop.testing.MutableClock;

/**
 * The thread page reads columns, not entities: it must show exactly what the entity's view shows,
 * in every order and filter, to every reader.
 */
class ThreadPagesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final CohortFixture fixture = new CohortFixture(clock, Moderation.EXPERT_REVIEW, true);
  private final CohortMember ada = fixture.member("ada", "Ada Ito", null);
  private final CohortMember ben = fixture.member("ben", "Ben Okafor", null);
  private final CohortMember expert = fixture.member("eve", "Eve Marsh", null);
  private final long promptId = fixture.space.prompts().get(0).id();
  private int keys;

  @AfterEach
  void close() {
    fixture.close();
  }

  private Post post(CohortMember author, PostKind kind, String body, Long replyTo, Long prompt) {
    clock.advance(Duration.ofMinutes(1));
    NewPost request =
        kind == PostKind.APPLIED_STORY
            ? new NewPost(kind, "Story", body, "I tried it", "It worked", replyTo, prompt, key())
            : new NewPost(kind, "Title of " + body, body, null, null, replyTo, prompt, key());
    return fixture.posts(p -> p.create(author, request));
  }

  private String key() {
    return "thread-pages-" + keys++;
  }

  private <T> T inTransaction(Function<EntityManager, T> work) {
    return fixture.db.inTransaction(work);
  }

  private void approve(Post post) {
    inTransaction(
        em -> {
          new Reviews(em, clock)
              .approve(em.find(Post.class, post.id()), em.find(Person.class, expert.person().id()));
          return null;
        });
  }

  private void rate(Post post, CohortMember rater, int stars) {
    inTransaction(em -> new Ratings(em, clock).rate(em.find(Post.class, post.id()), rater, stars));
  }

  /** A cohort with every shape a page can show, all published unless said otherwise. */
  private void cohortOfEveryShape() {
    Post question = post(ada, PostKind.QUESTION, "<p>How do you run #retros?</p>", null, null);
    approve(question);
    Post story = post(ben, PostKind.APPLIED_STORY, "<p>Weekly #retros #Coaching</p>", null, null);
    approve(story);
    Post prompted = post(ben, PostKind.DISCUSSION, "<p>First try</p>", null, promptId);
    approve(prompted);
    Post reply = post(ben, PostKind.DISCUSSION, "<p>Short ones</p>", question.id(), null);
    approve(reply);
    rate(question, ben, 5);
    rate(question, expert, 4);
    rate(story, ada, 2);
    inTransaction(
        em -> {
          Curation curation = new Curation(em, clock);
          Post endorsed = em.find(Post.class, story.id());
          curation.endorse(endorsed, em.find(Person.class, expert.person().id()), true);
          curation.pin(endorsed, em.find(Person.class, expert.person().id()), true);
          curation.collect(
              em.find(Post.class, prompted.id()),
              em.find(Person.class, expert.person().id()),
              true);
          return null;
        });
    Post gone = post(ada, PostKind.DISCUSSION, "<p>Never mind</p>", null, null);
    approve(gone);
    inTransaction(
        em -> {
          new Posts(em, clock, new Cohorts(em, clock))
              .delete(
                  em.find(Post.class, gone.id()),
                  em.find(Person.class, ada.person().id()),
                  false,
                  null);
          return null;
        });
    post(ada, PostKind.DISCUSSION, "<p>Waiting for review</p>", null, null);
    Post rejected = post(ada, PostKind.DISCUSSION, "<p>Off topic</p>", null, null);
    inTransaction(
        em -> {
          new Reviews(em, clock)
              .reject(
                  em.find(Post.class, rejected.id()),
                  em.find(Person.class, expert.person().id()),
                  "Please link it to your work");
          return null;
        });
  }

  /** What the entity view shows a reader of these threads, in the page's order. */
  private List<Views.PostView> expected(
      Caller reader, Predicate<Post> filter, Comparator<Post> order) {
    EntityManager em = fixture.db.newEntityManager();
    try {
      Reviews reviews = new Reviews(em, clock);
      return em
          .createQuery(
              "select p from Post p where p.cohort.id = :cohort and p.thread is null", Post.class)
          .setParameter("cohort", cohortId())
          .getResultList()
          .stream()
          .filter(p -> !p.isDeleted())
          .filter(p -> p.status() == PostStatus.PUBLISHED || p.author().id() == reader.personId())
          .filter(filter)
          .sorted(order)
          .map(
              p -> {
                Integer stars =
                    em.createQuery(
                            "select r.stars from PostRating r"
                                + " where r.postId = :post and r.personId = :me",
                            Integer.class)
                        .setParameter("post", p.id())
                        .setParameter("me", reader.personId())
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
                boolean mayReadReview =
                    reader.facilitator() || p.author().id() == reader.personId();
                return p.status() == PostStatus.REJECTED && mayReadReview
                    ? Views.PostView.of(
                        p, stars, reviews.lastDecision(p).map(Views.ReviewView::of).orElse(null))
                    : Views.PostView.of(p, stars);
              })
          .toList();
    } finally {
      em.close();
    }
  }

  private long cohortId() {
    return ada.cohort().id();
  }

  private List<Views.PostView> page(Caller reader, String sort, String tag, String kind, Long pr) {
    EntityManager em = fixture.db.newEntityManager();
    try {
      ThreadQuery query = ThreadQuery.parse(sort, tag, kind, pr, null, null);
      return new ThreadPages(em, new Reviews(em, clock)).page(reader, cohortId(), query);
    } finally {
      em.close();
    }
  }

  private Caller learner(CohortMember member) {
    return new Caller(member.person().id(), fixture.space.course().id(), null, false);
  }

  private static final Comparator<Post> NEWEST =
      Comparator.comparing(Post::createdAt).thenComparing(Post::id).reversed();

  @Test
  void everyOrderAndFilterShowsWhatTheEntitiesShow() {
    cohortOfEveryShape();
    Caller ada = learner(this.ada);
    Caller ben = learner(this.ben);
    Caller facilitator = new Caller(expert.person().id(), fixture.space.course().id(), null, true);

    for (Caller reader : List.of(ada, ben, facilitator)) {
      List<Views.PostView> newest = page(reader, null, null, null, null);
      assertEquals(expected(reader, p -> true, NEWEST), newest);
      assertEquals(
          expected(
              reader,
              p -> true,
              Comparator.comparingDouble((Post p) -> p.score()).reversed().thenComparing(NEWEST)),
          page(reader, "top-rated", null, null, null));
      assertEquals(
          expected(reader, p -> p.replyCount() == 0, NEWEST),
          page(reader, "unanswered", null, null, null));
      assertEquals(
          expected(reader, p -> p.tags().contains("retros"), NEWEST),
          page(reader, null, "#Retros", null, null));
      assertEquals(
          expected(reader, p -> p.kind() == PostKind.APPLIED_STORY, NEWEST),
          page(reader, null, null, "applied-story", null));
      assertEquals(
          expected(reader, p -> p.prompt() != null && p.prompt().id() == promptId, NEWEST),
          page(reader, null, null, null, promptId));
    }
  }

  @Test
  void theAuthorSeesTheirHeldAndRejectedPostsWithTheReasonAndOthersDoNot() {
    cohortOfEveryShape();
    List<Views.PostView> adas = page(learner(ada), null, null, null, null);
    Views.PostView rejected = adas.get(0);
    assertEquals("REJECTED", rejected.status());
    assertNotNull(rejected.review());
    assertEquals("Please link it to your work", rejected.review().reason());
    assertEquals("HELD", adas.get(1).status());
    assertEquals(
        5, adas.size(), "three published threads, a held and a rejected one, not the deleted");

    List<Views.PostView> bens = page(learner(ben), null, null, null, null);
    assertEquals(3, bens.size());
    assertFalse(bens.stream().anyMatch(p -> !p.status().equals("PUBLISHED")));
  }

  @Test
  void aReaderSeesTheirOwnRatingAndTheAggregates() {
    cohortOfEveryShape();
    Views.PostView question =
        page(learner(ben), null, null, "question", null).stream().findFirst().orElseThrow();
    assertEquals(5, question.rating().mine());
    assertEquals(2, question.rating().count());
    assertEquals(4.5, question.rating().mean());
    assertEquals(1, question.replyCount());
    assertEquals("Ada Ito", question.author().name());
    assertEquals(List.of("retros"), question.tags());
  }
}
