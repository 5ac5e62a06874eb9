/**
 * Data export and erasure as the tool offers them (a member's own export, an administrator's export
 * and erasure of anyone), each in one transaction, and the audit log those actions write.
 */
package org.peerloop.privacy;
