/**
 * The tool's own administrators, who do not depend on an LMS: local accounts with strongly hashed
 * passwords, the one-time link that sets up the first one, and the record of refused launches the
 * console explains.
 */
package org.peerloop.admin;
