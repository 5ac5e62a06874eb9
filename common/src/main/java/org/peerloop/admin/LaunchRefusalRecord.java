package org.peerloop.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A refused launch as the console explains it: the reason code, who claimed to launch (issuer,
 * client id, deployment id, unverified when the refusal came before the signature was checked), and
 * a bounded detail. Never the token.
 */
@Entity
@Table(name = "launch_refusal")
public class LaunchRefusalRecord {
  static final int TEXT_MAX = 255;
  static final int DETAIL_MAX = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "platform_id")
  private Long platformId;

  @Column(length = 1024)
  private String issuer;

  @Column(name = "client_id", length = TEXT_MAX)
  private String clientId;

  @Column(name = "deployment_id", length = TEXT_MAX)
  private String deploymentId;

  @Column(nullable = false, length = 64)
  private String reason;

  @Column(length = DETAIL_MAX)
  private String detail;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  protected LaunchRefusalRecord() {}

  LaunchRefusalRecord(
      Long platformId,
      String issuer,
      String clientId,
      String deploymentId,
      String reason,
      String detail,
      Instant occurredAt) {
    this.platformId = platformId;
    this.issuer = clip(issuer, 1024);
    this.clientId = clip(clientId, TEXT_MAX);
    this.deploymentId = clip(deploymentId, TEXT_MAX);
    this.reason = clip(reason, 64);
    this.detail = clip(detail, DETAIL_MAX);
    this.occurredAt = occurredAt;
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  public Long id() {
    return id;
  }

  public Long platformId() {
    return platformId;
  }

  public String issuer() {
    return issuer;
  }

  public String clientId() {
    return clientId;
  }

  public String deploymentId() {
    return deploymentId;
  }

  public String reason() {
    return reason;
  }

  public String detail() {
    return detail;
  }

  public Instant occurredAt() {
    return occurredAt;
  }
}
