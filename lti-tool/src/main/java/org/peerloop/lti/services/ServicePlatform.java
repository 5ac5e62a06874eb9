package org.peerloop.lti.services;

/**
 * What a service call needs to know about the platform: who the tool is there and where it asks for
 * access tokens. A detached copy, so no transaction stays open during HTTP calls.
 */
public record ServicePlatform(long platformId, String clientId, String tokenUrl) {}
