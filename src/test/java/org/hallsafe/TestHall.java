package org.hallsafe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.hallsafe.organization.DepartmentKind;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.organization.Leadership;
import org.hallsafe.organization.LeadershipRole;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * A fresh hall for a test: its own site, a section, a leadership group whose members have accounts, and a
 * screener. Tests in one hall never see another test's rows.
 */
@Component
public class TestHall {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Directory directory;
    private final StaffDirectory staff;
    private final Leadership leadership;
    private final TestAccounts accounts;
    private final UserDetailsService users;

    public TestHall(Directory directory, StaffDirectory staff, Leadership leadership, TestAccounts accounts,
            UserDetailsService users) {
        this.directory = directory;
        this.staff = staff;
        this.leadership = leadership;
        this.accounts = accounts;
        this.users = users;
    }

    /** A hall with its people. */
    public record Hall(long siteId, long sectionId, String leader, String deputy, String officeDirector,
            String screener, String admin, List<Long> staffIds) {
    }

    public Hall create() {
        int n = SEQUENCE.incrementAndGet();
        long site = directory.saveSite(null, new Forms.SiteForm("t" + n + "x" + System.nanoTime() % 100000, "测试大厅" + n, ""));
        long section = directory.saveDepartment(site, null, new Forms.DepartmentForm(DepartmentKind.SECTION, "局办公室", "", ""));
        String leader = accounts.create(Role.LEADER, site);
        String deputy = accounts.create(Role.LEADER, site);
        String director = accounts.create(Role.OFFICE, site);
        String screener = accounts.create(Role.SCREENER, site);
        String admin = accounts.create(Role.ADMIN, site);
        List<Long> ids = new ArrayList<>();
        String[][] people = {{"张建国", leader}, {"李丽华", deputy}, {"王海燕", director}, {"赵志强", screener}, {"周明", ""}};
        for (int i = 0; i < people.length; i++) {
            ids.add(staff.save(site, null, new Forms.StaffForm(people[i][0], "T" + n + "-" + i, section, null, "科员",
                    "1380000" + String.format("%04d", (n * 10 + i) % 10000), "", people[i][1])));
        }
        leadership.appoint(site, new Forms.LeadershipForm(ids.get(0), LeadershipRole.LEADER));
        leadership.appoint(site, new Forms.LeadershipForm(ids.get(1), LeadershipRole.DEPUTY));
        leadership.appoint(site, new Forms.LeadershipForm(ids.get(2), LeadershipRole.OFFICE_DIRECTOR));
        return new Hall(site, section, leader, deputy, director, screener, admin, ids);
    }

    /** Runs the rest of the test as this user (services stamp who did what from the signed-in user). */
    public UserDetails signIn(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        return user;
    }
}
