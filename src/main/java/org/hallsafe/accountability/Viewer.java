package org.hallsafe.accountability;

import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.organization.Views.StaffView;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.SignedIn;
import org.springframework.stereotype.Component;

/**
 * Who looks at inspections and rectifications: whether they run inspections (they see planned ones and every
 * rectification), whether they fix rectifications, and the section they belong to (a section head sees and fixes the
 * rectifications of their own section only).
 */
record Viewer(boolean runs, boolean fixes, Long sectionId) {

    /** Whether this person may record the fix of a rectification owned by the section. */
    boolean mayFix(long departmentId) {
        return fixes && (runs || Long.valueOf(departmentId).equals(sectionId));
    }

    @Component
    static class Of {

        private final StaffDirectory staff;

        Of(StaffDirectory staff) {
            this.staff = staff;
        }

        Viewer of(SignedIn who) {
            boolean fixes = who.may(Permissions.RECTIFICATION_FIX);
            Long section = fixes ? staff.byAccount(who.siteId(), who.accountId()).map(StaffView::departmentId).orElse(null) : null;
            return new Viewer(who.may(Permissions.INSPECTION_RUN), fixes, section);
        }
    }
}
