package org.hallsafe.platform;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A person's way in. Citizens have none; staff may have one. Lock-out state lives here so every node sees it. */
@Table("accounts")
record Account(@Id Long id, long siteId, String username, String displayName, Role role, String passwordHash,
        int failedSignIns, Instant lockedUntil, boolean enabled, boolean demo, Instant createdAt, String createdBy) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
