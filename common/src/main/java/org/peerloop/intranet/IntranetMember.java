package org.peerloop.intranet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.peerloop.people.Person;

/** A user of a site's group as the roster reads saw them; inactive once a read misses them. */
@Entity
@Table(name = "intranet_member")
public class IntranetMember {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "site_ref", nullable = false)
  private IntranetSite site;

  @ManyToOne(optional = false)
  @JoinColumn(name = "person_id", nullable = false)
  private Person person;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "seen_run", nullable = false)
  private long seenRun;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected IntranetMember() {}

  public IntranetMember(IntranetSite site, Person person, long run, Instant now) {
    this.site = site;
    this.person = person;
    seen(run, now);
  }

  public void seen(long run, Instant now) {
    this.active = true;
    this.seenRun = run;
    this.updatedAt = now;
  }

  public void leave(Instant now) {
    this.active = false;
    this.updatedAt = now;
  }

  public IntranetSite site() {
    return site;
  }

  public Person person() {
    return person;
  }

  public boolean isActive() {
    return active;
  }

  public long seenRun() {
    return seenRun;
  }
}
