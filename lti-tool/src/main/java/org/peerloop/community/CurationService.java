package org.peerloop.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.peerloop.activity.ActivityLog;
import org.peerloop.activity.ActivityType;
import org.peerloop.errors.NotFoundException;
import org.peerloop.notify.Notifications;
import org.peerloop.post.Curation;
import org.peerloop.post.Post;
import org.peerloop.space.Space;

/** Facilitators' curation and the flags members raise, for the caller of a session. */
@ApplicationScoped
public class CurationService {

  @Inject Scope scope;
  @Inject Curation curation;
  @Inject ActivityLog activity;
  @Inject Notifications notifications;

  /** What a facilitator can do to a post. */
  public enum Act {
    ENDORSE,
    PIN,
    BEST_OF
  }

  @Transactional
  public Views.PostView curate(Caller caller, long postId, Act act, boolean on) {
    scope.requireFacilitator(caller);
    Post post = scope.post(caller, postId);
    switch (act) {
      case ENDORSE -> {
        boolean news = on && !post.isEndorsed();
        curation.endorse(post, scope.person(caller), on);
        if (news) {
          activity.record(post.cohort(), scope.person(caller), ActivityType.ENDORSE, post);
          notifications.endorsed(post, scope.person(caller));
        }
      }
      case PIN -> curation.pin(post, scope.person(caller), on);
      case BEST_OF -> curation.collect(post, scope.person(caller), on);
      default -> throw new IllegalArgumentException(act.name());
    }
    return Views.PostView.of(post, null);
  }

  @Transactional
  public void flag(Caller caller, long postId, String reason) {
    Post post = scope.post(caller, postId);
    scope.membership(caller, post.cohort());
    curation.flag(post, scope.person(caller), reason);
  }

  @Transactional
  public List<Views.FlagView> openFlags(Caller caller, long spaceId) {
    scope.requireFacilitator(caller);
    Space space = scope.space(caller, spaceId);
    // The queue is short and each post is read once per flag at most: the posts sit in the
    // persistence context after the first lookup.
    return curation.openFlags(space).stream()
        .map(
            f ->
                new Views.FlagView(
                    f.postId(),
                    f.reason(),
                    f.flaggedAt().toString(),
                    Views.PostView.of(scope.post(caller, f.postId()), null)))
        .toList();
  }

  @Transactional
  public void resolveFlags(Caller caller, long postId) {
    scope.requireFacilitator(caller);
    curation.resolveFlags(scope.post(caller, postId), scope.person(caller));
  }

  /** The space's best-of collection, to keep after the course. */
  @Transactional
  public BestOf bestOf(Caller caller, long spaceId) {
    Space space = scope.space(caller, spaceId);
    List<Views.PostView> posts =
        curation.bestOf(space).stream()
            .filter(p -> caller.facilitator() || isReadable(caller, p))
            .map(p -> Views.PostView.of(p, null))
            .toList();
    return new BestOf(space.title(), posts);
  }

  private boolean isReadable(Caller caller, Post post) {
    try {
      scope.post(caller, post.id());
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /** A space's collected posts. */
  public record BestOf(String spaceTitle, List<Views.PostView> posts) {}
}
