package org.peerloop.lti.launch;

/**
 * The parameters of an OIDC third-party initiated login (LTI Core §4.1; Client-Side postMessages
 * for {@code lti_storage_target}).
 */
public record LoginRequest(
    String issuer,
    String loginHint,
    String targetLinkUri,
    String messageHint,
    String clientId,
    String deploymentId,
    String storageTarget) {}
