package org.peerloop.post;

/**
 * A post as its author sends it, unchecked.
 *
 * @param replyTo the post answered, or {@code null} for a thread start
 * @param promptId the prompt a thread start answers, or {@code null}
 * @param clientKey the author's key for this creation; a retry with the same key finds the same
 *     post
 */
public record NewPost(
    PostKind kind,
    String title,
    String body,
    String appliedWhat,
    String appliedResult,
    Long replyTo,
    Long promptId,
    String clientKey) {}
