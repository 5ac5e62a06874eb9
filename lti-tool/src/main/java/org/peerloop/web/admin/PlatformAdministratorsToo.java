package org.peerloop.web.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the admin operations an LMS's administrator may call too, for their own platform only;
 * every other admin operation is for local administrators. {@link AdminFilter} refuses a platform
 * administrator anything unmarked, and a platform id in the path ({@code {id}}) other than their
 * own; operations that name the platform otherwise confine the result themselves through {@link
 * AdminPrincipal}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PlatformAdministratorsToo {}
