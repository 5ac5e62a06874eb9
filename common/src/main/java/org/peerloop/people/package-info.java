/** People as their platforms know them: identity and the profile the LMS shares. */
package org.peerloop.people;
