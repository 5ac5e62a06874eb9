package org.peerloop.community;

import java.time.Instant;
import java.util.List;
import org.peerloop.cohort.Cohort;
import org.peerloop.cohort.CohortMember;
import org.peerloop.people.Person;
import org.peerloop.post.Post;
import org.peerloop.post.PostAudit;
import org.peerloop.space.Grading;
import org.peerloop.space.Prompt;
import org.peerloop.space.Space;

/** What the API answers: plain records, built from entities inside the transaction. */
public final class Views {
  private Views() {}

  public record PromptView(long id, String text, String dueOn) {
    static PromptView of(Prompt p) {
      return new PromptView(p.id(), p.text(), p.dueOn() == null ? null : p.dueOn().toString());
    }
  }

  public record SpaceView(
      long id,
      String title,
      String phase,
      String opensAt,
      String closesAt,
      boolean opensOnCompletion,
      int targetSize,
      String grouping,
      String moderation,
      boolean ratingsEnabled,
      List<String> topics,
      List<PromptView> prompts,
      Grading grading,
      boolean open,
      Long lmsModuleId,
      String lmsModuleName,
      boolean waitingForCompletion) {
    public static SpaceView of(Space s, Instant now) {
      return of(s, now, false);
    }

    /**
     * @param waitingForCompletion for the caller: the space opens for them when they complete its
     *     module
     */
    static SpaceView of(Space s, Instant now, boolean waitingForCompletion) {
      return new SpaceView(
          s.id(),
          s.title(),
          s.phase().name(),
          s.opensAt() == null ? null : s.opensAt().toString(),
          s.closesAt() == null ? null : s.closesAt().toString(),
          s.opensOnCompletion(),
          s.targetSize(),
          s.grouping().name(),
          s.moderation().name(),
          s.ratingsEnabled(),
          s.topics(),
          s.prompts().stream().map(PromptView::of).toList(),
          s.grading(),
          s.isOpenAt(now),
          s.lmsModuleId(),
          s.lmsModuleName(),
          waitingForCompletion);
    }
  }

  /** A person as others see them: the real name from the LMS, and a picture if shared. */
  public record PersonView(long id, String name, String pictureUrl) {
    static PersonView of(Person p) {
      return new PersonView(p.id(), p.displayName(), p.pictureUrl());
    }
  }

  /** A member; {@code active} is false once they left the course in the LMS. */
  public record MemberView(
      long id, PersonView person, String role, List<String> topics, boolean active) {
    static MemberView of(CohortMember m) {
      return new MemberView(
          m.id(), PersonView.of(m.person()), m.role().name(), m.topics(), m.isActive());
    }
  }

  /**
   * A cohort with its members; {@code chooseTopics}, in the reader's own cohort only: the roster
   * placed them before they came, and they are asked for their topics.
   */
  public record CohortView(
      long id, long spaceId, int number, List<MemberView> members, boolean chooseTopics) {
    static CohortView of(Cohort c, List<CohortMember> members) {
      return of(c, members, false);
    }

    static CohortView of(Cohort c, List<CohortMember> members, boolean chooseTopics) {
      return new CohortView(
          c.id(),
          c.space().id(),
          c.number(),
          members.stream().map(MemberView::of).toList(),
          chooseTopics);
    }
  }

  public record RatingView(int count, double mean, double score, Integer mine) {}

  public record PostView(
      long id,
      Long threadId,
      String kind,
      String title,
      String bodyHtml,
      String appliedWhat,
      String appliedResult,
      PersonView author,
      String status,
      String createdAt,
      String editedAt,
      int version,
      int replyCount,
      RatingView rating,
      List<String> tags,
      Long promptId,
      boolean endorsed,
      boolean pinned,
      boolean bestOf,
      ReviewView review) {
    static PostView of(Post p, Integer myRating) {
      return of(p, myRating, null);
    }

    static PostView of(Post p, Integer myRating, ReviewView review) {
      return new PostView(
          p.id(),
          p.thread() == null ? null : p.thread().id(),
          p.kind().name(),
          p.title(),
          p.bodyHtml(),
          p.appliedWhat(),
          p.appliedResult(),
          PersonView.of(p.author()),
          p.status().name(),
          p.createdAt().toString(),
          p.editedAt() == null ? null : p.editedAt().toString(),
          p.version(),
          p.replyCount(),
          new RatingView(p.ratingCount(), p.meanRating(), p.score(), myRating),
          p.tags().stream().sorted().toList(),
          p.prompt() == null ? null : p.prompt().id(),
          p.isEndorsed(),
          p.isPinned(),
          p.isInBestOf(),
          review);
    }
  }

  /** The latest review decision, shown to the author and to reviewers. */
  public record ReviewView(String decision, String reason, String decidedAt) {
    static ReviewView of(PostAudit decision) {
      return new ReviewView(decision.action(), decision.reason(), decision.actedAt().toString());
    }
  }

  /** One member's flag, with the post it is about for the facilitator's queue. */
  public record FlagView(long postId, String reason, String flaggedAt, PostView post) {}

  public record ThreadPage(List<PostView> threads, String nextCursor) {}

  public record ThreadWithReplies(PostView thread, List<PostView> replies) {}
}
