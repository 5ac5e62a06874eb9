package org.peerloop.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Which node runs a job, and until when its claim holds without being renewed. */
@Entity
@Table(name = "job_lease")
public class JobLease {
  @Id
  @Enumerated(EnumType.STRING)
  @Column(length = 40)
  private Job job;

  @Column(length = 200)
  private String holder;

  @Column(name = "lease_until", nullable = false)
  private Instant leaseUntil;

  protected JobLease() {}

  public Job job() {
    return job;
  }

  public String holder() {
    return holder;
  }

  public Instant leaseUntil() {
    return leaseUntil;
  }
}
