package org.peerloop.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;
import org.peerloop.course.Course;
import org.peerloop.course.ResourceLink;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.ForbiddenException;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.lti.deeplinking.ContentItem;
import org.peerloop.lti.deeplinking.DeepLinkingRequest;
import org.peerloop.lti.deeplinking.DeepLinkingResponse;
import org.peerloop.lti.deeplinking.DeepLinkingTicket;
import org.peerloop.lti.jwks.ToolKeyService;
import org.peerloop.lti.launch.LaunchRecorded;
import org.peerloop.lti.platform.PlatformDirectory;
import org.peerloop.lti.session.ToolSecrets;
import org.peerloop.platform.Platform;
import org.peerloop.settings.Settings;
import org.peerloop.space.Grading;
import org.peerloop.space.Space;
import org.peerloop.space.SpaceLink;
import org.peerloop.space.SpaceSettings;

/**
 * Places spaces in courses with Deep Linking: a designer picks a new or an existing space, the
 * platform gets a resource link bound to it, and the first launch of that link lands in the space.
 * A course copied in the LMS keeps the link's custom parameters; its first launch then gets its own
 * copy of the space's settings, never the original's cohorts or posts.
 */
@ApplicationScoped
public class SpacePlacement {
  private static final Logger LOG = Logger.getLogger(SpacePlacement.class.getName());

  /** Marks PeerLoop's line items, so they are found again (AGS 2.0 §3.2.7). */
  public static final String GRADE_TAG = "peerloop-participation";

  @Inject EntityManager em;
  @Inject Scope scope;
  @Inject ToolSecrets secrets;
  @Inject ToolKeyService keys;
  @Inject PlatformDirectory platforms;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject Event<SpaceConfigured> configured;

  /** What the picker page posts to the platform: the signed response and where it goes. */
  public record Placed(String returnUrl, String jwt, Views.SpaceView space) {}

  /**
   * The designer's choice: an existing space of their course ({@code spaceId}), or a new one with
   * these settings.
   */
  @Transactional
  public Placed place(Caller caller, String ticket, Long spaceId, SpaceSettings newSpace) {
    scope.requireFacilitator(caller);
    DeepLinkingRequest request =
        new DeepLinkingTicket(secrets.ring(ToolSecrets.DEEP_LINKING), clock)
            .redeem(ticket)
            .orElseThrow(
                () ->
                    new ForbiddenException(
                        "deep-linking-expired",
                        "This request to add an activity has expired; start again from the LMS"));
    if (request.personId() != caller.personId() || request.courseId() != caller.courseId()) {
      throw new ForbiddenException(
          "deep-linking-not-yours", "This request to add an activity belongs to another launch");
    }
    if (!request.acceptsResourceLinks()) {
      throw new ConflictException(
          "deep-linking-type-not-accepted",
          "The LMS does not accept activity links here (accept_types: "
              + request.acceptTypes()
              + ")");
    }
    Instant now = clock.instant();
    Space space;
    if (spaceId != null) {
      space = scope.space(caller, spaceId);
    } else if (newSpace != null) {
      space = new Space(em.find(Course.class, caller.courseId()), null, newSpace, now);
      em.persist(space);
      em.flush();
      // As when it is set up in its settings: a space of one cohort per LMS group forms them now.
      configured.fire(new SpaceConfigured(space.id()));
    } else {
      throw new InvalidValueException(
          "spaceId", "choose an existing space or give the settings of a new one");
    }
    Platform platform = platforms.entity(request.platformId());
    String code =
        new SpaceBindingCode(secrets.ring(ToolSecrets.DEEP_LINKING))
            .code(platform.id(), space.id());
    Grading grading = space.grading();
    ContentItem item =
        new ContentItem(
            space.title(),
            null,
            settings.url("lti/launch").toString(),
            Map.of(SpaceBindingCode.PARAMETER, code),
            grading.enabled() && request.acceptLineItem()
                ? new ContentItem.LineItem(
                    grading.maximum(),
                    space.title() + " (participation)",
                    "peerloop-space-" + space.id(),
                    GRADE_TAG)
                : null);
    String jwt =
        keys.sign(
            DeepLinkingResponse.claims(
                request, platform.clientId(), platform.issuer(), List.of(item), null, now));
    return new Placed(request.returnUrl(), jwt, Views.SpaceView.of(space, now));
  }

  /**
   * The spaces of the caller's course, newest first, for a designer who places one again: those
   * whose title contains {@code search} (any case), from after the space {@code after} on (a page
   * ends where the next begins, however many a course has), at most {@code limit}.
   */
  @Transactional
  public List<Views.SpaceView> spacesOfCourse(Caller caller, String search, Long after, int limit) {
    scope.requireFacilitator(caller);
    Instant now = clock.instant();
    String words = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
    // Derby takes no untyped parameter in "? is null": the query says only what is asked.
    TypedQuery<Space> query =
        em.createQuery(
            "select s from Space s where s.course.id = :course"
                + (after == null ? "" : " and s.id < :after")
                + (words.isEmpty() ? "" : " and lower(s.title) like :pattern escape '!'")
                + " order by s.id desc",
            Space.class);
    query.setParameter("course", caller.courseId());
    if (after != null) {
      query.setParameter("after", after);
    }
    if (!words.isEmpty()) {
      String literal = words.replace("!", "!!").replace("%", "!%").replace("_", "!_");
      query.setParameter("pattern", "%" + literal + "%");
    }
    return query
        .setMaxResults(limit)
        .getResultStream()
        .map(s -> Views.SpaceView.of(s, now))
        .toList();
  }

  /**
   * Binds a deep-linked resource link to its space at its first launch: in its own course, the
   * space itself; in a copied course, that course's copy of it, made on first sight.
   */
  void onLaunch(@Observes LaunchRecorded launch) {
    String code = launch.custom().get(SpaceBindingCode.PARAMETER);
    // The code first: most launches carry none, and finding the link loads its space.
    if (code == null
        || launch.resourceLinkId() == null
        || em.find(SpaceLink.class, launch.resourceLinkId()) != null) {
      return;
    }
    OptionalLong spaceId =
        new SpaceBindingCode(secrets.ring(ToolSecrets.DEEP_LINKING))
            .spaceId(launch.platformId(), code);
    Space original = spaceId.isPresent() ? em.find(Space.class, spaceId.getAsLong()) : null;
    if (original == null) {
      LOG.warning(
          () -> "Resource link " + launch.resourceLinkId() + " carries an unknown space code");
      return;
    }
    ResourceLink link = em.find(ResourceLink.class, launch.resourceLinkId());
    Instant now = clock.instant();
    Space space =
        original.course().id() == launch.courseId()
            ? original
            : copyInCourse(original, link.course(), now);
    em.persist(new SpaceLink(link, space, now));
    em.flush();
  }

  private Space copyInCourse(Space original, Course course, Instant now) {
    Optional<Space> copied =
        em.createQuery(
                "select s from Space s where s.copiedFrom = :original and s.course = :course",
                Space.class)
            .setParameter("original", original)
            .setParameter("course", course)
            .getResultStream()
            .findFirst();
    if (copied.isPresent()) {
      return copied.get();
    }
    Space copy = original.copyFor(course, now);
    em.persist(copy);
    return copy;
  }
}
