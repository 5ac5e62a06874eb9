package org.peerloop.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.peerloop.notify.MailOutbox;
import org.peerloop.notify.MailQueue;
import org.peerloop.notify.Notification;
import org.peerloop.settings.Settings;
import org.peerloop.space.Space;

/** The outbox's steps for the sender, each its own transaction; claims are {@link MailQueue}'s. */
@ApplicationScoped
public class Outbox {
  static final int BATCH = 20;

  @Inject MailQueue queue;
  @Inject Settings settings;
  @Inject MailChoices choices;
  @Inject EntityManager em;

  /** A claimed mail with its words. */
  public record Claimed(long outboxId, Mail mail) {}

  /** Takes up to {@link #BATCH} due mails for this sender; answers them composed. */
  @Transactional
  public List<Claimed> claimDue() {
    return queue.claimDue(BATCH).stream().map(m -> new Claimed(m.id(), mail(m))).toList();
  }

  private Mail mail(MailOutbox m) {
    String host = MailComposer.host(settings.baseUrl());
    Notification n = m.notification();
    if (n != null && n.post() == null) {
      Space space = em.find(Space.class, n.spaceId());
      return MailComposer.composeAboutSpace(
          n, space, LmsLinks.to(space), host, choices.unsubscribeUrl(m.personId()));
    }
    if (n != null) {
      return MailComposer.compose(n, host, choices.unsubscribeUrl(m.personId()));
    }
    return new Mail(
        m.toAddress(),
        m.subject(),
        m.bodyText(),
        m.bodyHtml(),
        m.digestLanguage(),
        "<peerloop-digest-" + m.personId() + "-" + m.digestKey() + "@" + host + ">",
        choices.unsubscribeUrl(m.personId()));
  }

  @Transactional
  public void sent(long id) {
    queue.sent(id);
  }

  @Transactional
  public void failed(long id, String error) {
    queue.failed(id, error);
  }

  @Transactional
  public void refused(long id, String error) {
    queue.refused(id, error);
  }
}
