package org.peerloop.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.peerloop.community.Caller;
import org.peerloop.community.Scope;
import org.peerloop.notify.Notification;
import org.peerloop.notify.Notifications;
import org.peerloop.people.Person;

/** A member's in-app notifications: the newest first, and marking them read. */
@ApplicationScoped
public class Inbox {
  @Inject Scope scope;
  @Inject Notifications notifications;

  /** One notification as the page shows it; a deleted post keeps the notice, not its title. */
  public record Notice(
      long id,
      String kind,
      long spaceId,
      Long postId,
      Long threadId,
      String title,
      String actor,
      String detail,
      String at,
      boolean read) {
    static Notice of(Notification n) {
      boolean gone = n.post() == null || n.post().isDeleted();
      return new Notice(
          n.id(),
          n.kind().name(),
          n.spaceId(),
          gone ? null : n.post().id(),
          gone ? null : (n.post().isThreadStart() ? n.post().id() : n.post().thread().id()),
          gone ? null : n.post().title(),
          n.actor() == null ? null : n.actor().displayName(),
          n.detail(),
          n.createdAt().toString(),
          n.isRead());
    }
  }

  public record Notices(long unread, List<Notice> items) {}

  @Transactional
  public Notices list(Caller caller) {
    Person me = scope.person(caller);
    return new Notices(
        notifications.unread(me), notifications.of(me).stream().map(Notice::of).toList());
  }

  /** Marks these notifications read, or all of them when none are named. */
  @Transactional
  public Notices markRead(Caller caller, List<Long> ids) {
    notifications.markRead(scope.person(caller), ids);
    return list(caller);
  }
}
