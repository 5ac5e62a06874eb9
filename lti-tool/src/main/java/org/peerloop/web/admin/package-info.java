/**
 * The administration API for IT: registrations and keys, behind the admin credential from the
 * configuration.
 */
package org.peerloop.web.admin;
