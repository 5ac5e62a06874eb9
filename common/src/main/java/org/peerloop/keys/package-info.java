/** The tool's own RSA signing keys, shared by every node through the database. */
package org.peerloop.keys;
