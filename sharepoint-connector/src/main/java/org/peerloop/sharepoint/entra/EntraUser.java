package org.peerloop.sharepoint.entra;

/**
 * The person a valid token speaks for. Entra's stable key for a person is the tenant plus the
 * object id; {@code upn} and e-mail can be renamed, so they are for display and matching only.
 *
 * @param tenantId {@code tid}
 * @param objectId {@code oid}
 * @param name {@code name}, or {@code null}
 * @param username {@code preferred_username} (v2.0) or {@code upn} / {@code unique_name} (v1.0)
 * @param clientApp {@code azp} (v2.0) or {@code appid} (v1.0): the app that asked for the token
 * @param version {@code 1.0} or {@code 2.0}
 */
public record EntraUser(
    String tenantId,
    String objectId,
    String name,
    String username,
    String clientApp,
    String version) {}
