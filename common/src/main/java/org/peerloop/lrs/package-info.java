/**
 * A platform's Learning Record Store (xAPI 1.0.3): where its activity is pushed, with what
 * credentials (sealed), and how far the push has come.
 */
package org.peerloop.lrs;
