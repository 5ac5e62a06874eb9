package org.peerloop.notify;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.peerloop.cohort.CohortMember;
import org.peerloop.people.Person;
import org.peerloop.post.Post;
import org.peerloop.post.PostStatus;
import org.peerloop.space.Space;

/**
 * Tells members what concerns them, in the transaction of the event: a published post tells the
 * people it mentions and the thread's author; a review tells the post's author; an endorsement too.
 * Kinds that are e-mailed at once get an outbox row when the member has an address and has not
 * turned such e-mails off. Nobody is told about their own doing. Callers own the transaction.
 */
@Dependent
public class Notifications {
  /** The in-app list shows at most this many. */
  public static final int LIST_MAX = 50;

  private final EntityManager em;
  private final Clock clock;

  @Inject
  public Notifications(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /**
   * A post became visible to its cohort (written in an open space, or approved): its mentions and,
   * for a reply, the thread's author. Someone mentioned in a reply to their own thread is told
   * once, of the mention.
   */
  public void published(Post post) {
    if (post.status() != PostStatus.PUBLISHED) {
      return;
    }
    Person author = post.author();
    Set<Long> told = new LinkedHashSet<>();
    for (Long mentioned : post.mentions()) {
      if (told.add(mentioned)) {
        tell(
            em.getReference(Person.class, mentioned), NotificationKind.MENTION, post, author, null);
      }
    }
    if (!post.isThreadStart() && told.add(post.thread().author().id())) {
      tell(post.thread().author(), NotificationKind.REPLY, post, author, null);
    }
  }

  /** A reviewer's decision on a held post, with the reason when it was rejected. */
  public void reviewed(Post post, Person reviewer, boolean approved, String reason) {
    tell(
        post.author(),
        approved ? NotificationKind.POST_APPROVED : NotificationKind.POST_REJECTED,
        post,
        reviewer,
        approved ? null : reason);
  }

  public void endorsed(Post post, Person facilitator) {
    tell(post.author(), NotificationKind.ENDORSED, post, facilitator, null);
  }

  /**
   * The designer added prompts to a space: each of its active members is told once, with the new
   * prompts, in the app (they reach e-mail through the digest).
   */
  public void newPrompts(Space space, List<String> prompts) {
    if (prompts.isEmpty()) {
      return;
    }
    String detail = String.join("\n", prompts);
    Instant now = clock.instant();
    List<Object[]> members =
        em.createQuery(
                "select m.person, m.cohort.id from CohortMember m"
                    + " where m.space = :space and m.active = true",
                Object[].class)
            .setParameter("space", space)
            .getResultList();
    for (Object[] m : members) {
      em.persist(
          new Notification(
              (Person) m[0], NotificationKind.NEW_PROMPT, space.id(), (Long) m[1], detail, now));
    }
  }

  /**
   * A post-course space opened for a learner who completed its module: they are told in the app
   * and, unless they turned e-mails off, by e-mail at once.
   */
  public void spaceOpened(Space space, CohortMember member) {
    Instant now = clock.instant();
    Notification notification =
        new Notification(
            member.person(),
            NotificationKind.SPACE_OPENED,
            space.id(),
            member.cohort().id(),
            space.lmsModuleName(),
            now);
    em.persist(notification);
    mailAtOnce(member.person(), notification, now);
  }

  private void tell(Person whom, NotificationKind kind, Post post, Person actor, String detail) {
    if (actor != null && whom.id().equals(actor.id())) {
      return;
    }
    Instant now = clock.instant();
    Notification notification = new Notification(whom, kind, post, actor, detail, now);
    em.persist(notification);
    mailAtOnce(em.find(Person.class, whom.id()), notification, now);
  }

  private void mailAtOnce(Person person, Notification notification, Instant now) {
    if (notification.kind().emailedAtOnce()
        && person.email() != null
        && preference(person).atOnce()) {
      em.persist(new MailOutbox(person.id(), notification, person.email(), now));
    }
  }

  /** A member's e-mail preference; the defaults when they never chose. */
  public MailPreference preference(Person person) {
    MailPreference chosen = em.find(MailPreference.class, person.id());
    return chosen != null ? chosen : new MailPreference(person.id(), clock.instant());
  }

  /** Records a member's choice of e-mails. */
  public MailPreference choose(Person person, Digest digest, boolean atOnce) {
    MailPreference preference = em.find(MailPreference.class, person.id());
    if (preference == null) {
      preference = new MailPreference(person.id(), clock.instant());
      em.persist(preference);
    }
    preference.choose(digest, atOnce, clock.instant());
    return preference;
  }

  /** A member's notifications, newest first. */
  public List<Notification> of(Person person) {
    return em.createQuery(
            "select n from Notification n where n.person = :person"
                + " order by n.createdAt desc, n.id desc",
            Notification.class)
        .setParameter("person", person)
        // The post, its thread (a reply's notice links to it) and the actor come in the same
        // query, not one query per notice.
        .setHint("eclipselink.left-join-fetch", "n.post")
        .setHint("eclipselink.left-join-fetch", "n.post.thread")
        .setHint("eclipselink.left-join-fetch", "n.actor")
        .setMaxResults(LIST_MAX)
        .getResultList();
  }

  public long unread(Person person) {
    return em.createQuery(
            "select count(n) from Notification n where n.person = :person and n.readAt is null",
            Long.class)
        .setParameter("person", person)
        .getSingleResult();
  }

  /** Marks a member's notifications read: these, or all when {@code ids} is empty. */
  public int markRead(Person person, List<Long> ids) {
    String only = ids.isEmpty() ? "" : " and n.id in :ids";
    var update =
        em.createQuery(
                "update Notification n set n.readAt = :now"
                    + " where n.person = :person and n.readAt is null"
                    + only)
            .setParameter("now", clock.instant())
            .setParameter("person", person);
    if (!ids.isEmpty()) {
      update.setParameter("ids", ids);
    }
    return update.executeUpdate();
  }
}
