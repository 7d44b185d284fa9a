package org.hallsafe.staffhealth;

import java.time.LocalDate;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.organization.MeasureStatusProvider;
import org.hallsafe.organization.StaffDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Issue 16 item 2: a window's R-MON cell counts its staff's checks and opens the board of exactly those staff. */
@HallSafeTest
class BoardMatrixLinkTest {

    @Autowired Compliance.Monitoring monitoring;
    @Autowired Directory directory;
    @Autowired StaffDirectory staff;
    @Autowired TestHall halls;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r16_2_aWindowsCheckCellOpensTheBoardOfThatWindowsStaffOnThatDay() throws Exception {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin());
        long one = directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(1, "社保", "一楼", hall.sectionId()));
        long two = directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(2, "医保", "一楼", hall.sectionId()));
        long ma = staff.save(hall.siteId(), null, new Forms.StaffForm("马一窗", "B" + System.nanoTime() % 100000, hall.sectionId(),
                one, "窗口人员", "139" + String.format("%08d", System.nanoTime() % 100000000), "", ""));
        long niu = staff.save(hall.siteId(), null, new Forms.StaffForm("牛二窗", "C" + System.nanoTime() % 100000, hall.sectionId(),
                two, "窗口人员", "139" + String.format("%08d", System.nanoTime() % 100000000), "", ""));
        LocalDate day = LocalDate.now(clock).minusDays(2);

        var windows = ((MeasureStatusProvider) monitoring).windowStatuses(hall.siteId(), day);
        assertThat(windows).containsKeys(one, two).hasSize(2);
        String html = mvc.perform(get(monitoring.windowLink(hall.siteId(), one, day)).with(user(halls.signIn(hall.leader()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"staff-" + ma + "\"").doesNotContain("id=\"staff-" + niu + "\"")
                .contains("id=\"staff-" + ma + "\"");
        assertThat(html.split("id=\"staff-", -1)).as("the window's one person").hasSize(2);
        String section = mvc.perform(get(monitoring.sectionLink(hall.siteId(), hall.sectionId(), day))
                .with(user(halls.signIn(hall.leader())))).andReturn().getResponse().getContentAsString();
        assertThat(section).contains("id=\"staff-" + ma + "\"", "id=\"staff-" + niu + "\"", "board-filter");
    }
}
