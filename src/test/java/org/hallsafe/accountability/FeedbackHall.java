package org.hallsafe.accountability;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.organization.DepartmentKind;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A hall for the feedback tests: two sections (局办公室 and 窗口管理科), each with a section head whose account is
 * linked to a staff member of the section with a phone, on a working day (a Wednesday) at a chosen time.
 */
@Component
class FeedbackHall {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestHall halls;
    private final TestAccounts accounts;
    private final Directory directory;
    private final StaffDirectory staff;
    /** Only contexts of @HallSafeTest have the test clock; others (the external-database tests) never use this. */
    private final ObjectProvider<MutableClock> clock;

    FeedbackHall(TestHall halls, TestAccounts accounts, Directory directory, StaffDirectory staff,
            ObjectProvider<MutableClock> clock) {
        this.halls = halls;
        this.accounts = accounts;
        this.directory = directory;
        this.staff = staff;
        this.clock = clock;
    }

    record Ready(TestHall.Hall hall, long office, long windows, String officeHead, String windowsHead,
            long windowsHeadStaff) {
        long site() {
            return hall.siteId();
        }
    }

    Ready create() {
        at(10, 0);
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin());
        long windows = directory.saveDepartment(hall.siteId(), null,
                new Forms.DepartmentForm(DepartmentKind.SECTION, "窗口管理科", "", ""));
        String officeHead = accounts.create(Role.SECTION_HEAD, hall.siteId());
        String windowsHead = accounts.create(Role.SECTION_HEAD, hall.siteId());
        int n = SEQUENCE.incrementAndGet();
        staff.save(hall.siteId(), null, new Forms.StaffForm("陈科长", "FB" + n + "-1", hall.sectionId(), null, "科长",
                "1391111" + String.format("%04d", n % 10000), "", officeHead));
        long windowsHeadStaff = staff.save(hall.siteId(), null, new Forms.StaffForm("刘科长", "FB" + n + "-2", windows, null,
                "科长", "1392222" + String.format("%04d", n % 10000), "", windowsHead));
        SecurityContextHolder.clearContext();
        return new Ready(hall, hall.sectionId(), windows, officeHead, windowsHead, windowsHeadStaff);
    }

    /** The clock at this time of {@link #DAY} (a Wednesday, a working day). */
    void at(int hour, int minute) {
        clock.getObject().set(ZonedDateTime.of(DAY.atTime(hour, minute), SHANGHAI).toInstant());
    }
}
