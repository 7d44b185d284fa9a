package org.hallsafe.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The permission an operation needs, named by its constant: {@code @RequiresPermission(Permissions.GATE_RECORD)}.
 * Several mean any one of them: {@code @RequiresPermission({Permissions.GATE_RECORD, Permissions.GATE_BACKFILL})}.
 * On a class it guards every handler; on a method it replaces the class's (as {@code @PreAuthorize} does). A missing
 * permission answers 403 (problem+json on the API, the error page on pages).
 * <p>
 * It is Spring Security's annotation template: {@link PermissionTemplates} lets {@code {value}} stand for the
 * permissions (joined with commas, which no permission contains).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@PreAuthorize("hasAnyAuthority('{value}'.split(','))")
public @interface RequiresPermission {

    /** One or more of {@link Permissions}; any one of them lets the person in. */
    String[] value();
}
