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

/**
 * A directory account (tenant + object id, the only stable key Entra gives a person) acting as a
 * person of one platform: the platform of the course its site stands for.
 */
@Entity
@Table(name = "directory_account")
public class DirectoryAccount {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tenant_id", nullable = false, length = 36)
  private String tenantId;

  @Column(name = "object_id", nullable = false, length = 36)
  private String objectId;

  @Column(name = "platform_id", nullable = false)
  private Long platformId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "person_id", nullable = false)
  private Person person;

  @Column(name = "linked_at", nullable = false)
  private Instant linkedAt;

  protected DirectoryAccount() {}

  public DirectoryAccount(String tenantId, String objectId, Person person, Instant now) {
    this.tenantId = tenantId;
    this.objectId = objectId;
    this.platformId = person.platform().id();
    this.person = person;
    this.linkedAt = now;
  }

  public String tenantId() {
    return tenantId;
  }

  public String objectId() {
    return objectId;
  }

  public Person person() {
    return person;
  }

  public Instant linkedAt() {
    return linkedAt;
  }
}
