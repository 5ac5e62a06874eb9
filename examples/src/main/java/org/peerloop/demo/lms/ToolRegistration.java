package org.peerloop.demo.lms;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the demo platform stored when PeerLoop registered with it. */
public record ToolRegistration(
    String clientId,
    String deploymentId,
    String initiateLoginUri,
    List<String> redirectUris,
    String jwksUri,
    String targetLinkUri,
    String deepLinkingTargetLinkUri,
    List<String> claims) {

  static ToolRegistration load(Path file) {
    if (file == null || !Files.exists(file)) {
      return null;
    }
    try {
      Map<String, Object> json = JSONObjectUtils.parse(Files.readString(file));
      return new ToolRegistration(
          JSONObjectUtils.getString(json, "clientId"),
          JSONObjectUtils.getString(json, "deploymentId"),
          JSONObjectUtils.getString(json, "initiateLoginUri"),
          JSONObjectUtils.getStringList(json, "redirectUris"),
          JSONObjectUtils.getString(json, "jwksUri"),
          JSONObjectUtils.getString(json, "targetLinkUri"),
          JSONObjectUtils.getString(json, "deepLinkingTargetLinkUri"),
          JSONObjectUtils.getStringList(json, "claims"));
    } catch (IOException | ParseException e) {
      return null;
    }
  }

  void save(Path file) {
    if (file == null) {
      return;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("clientId", clientId);
    json.put("deploymentId", deploymentId);
    json.put("initiateLoginUri", initiateLoginUri);
    json.put("redirectUris", redirectUris);
    json.put("jwksUri", jwksUri);
    json.put("targetLinkUri", targetLinkUri);
    json.put("deepLinkingTargetLinkUri", deepLinkingTargetLinkUri);
    json.put("claims", claims);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, JSONObjectUtils.toJSONString(json), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot save the demo registration: " + e.getMessage(), e);
    }
  }
}
