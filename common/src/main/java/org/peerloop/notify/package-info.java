/**
 * What members are told: notifications kept for the in-app list, and the mail outbox they are
 * e-mailed from. Both are written in the transaction of the event that caused them.
 */
package org.peerloop.notify;
