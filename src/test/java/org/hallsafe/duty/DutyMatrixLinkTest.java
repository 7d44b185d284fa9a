package org.hallsafe.duty;

import java.time.LocalDate;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.duty.DutyForms.RosterForm;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.organization.MeasureStatusProvider.MeasureStatus;
import org.hallsafe.organization.StaffDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Issue 16 item 2: R-SVC from duty, per window: someone on the day's roster, and the cell lists exactly those posts. */
@HallSafeTest
class DutyMatrixLinkTest {

    @Autowired Duty duty;
    @Autowired DutyMeasure measure;
    @Autowired Directory directory;
    @Autowired StaffDirectory staff;
    @Autowired TestHall halls;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long person(TestHall.Hall hall, String name) {
        return staff.save(hall.siteId(), null, new Forms.StaffForm(name, "D" + System.nanoTime() % 100000, hall.sectionId(),
                null, "窗口人员", "139" + String.format("%08d", System.nanoTime() % 100000000), "", ""));
    }

    /** The roster table only: the person picker above it names every staff member. */
    private static String roster(String html) {
        int at = html.indexOf("id=\"roster\"");
        assertThat(at).as("the roster table").isPositive();
        return html.substring(at, html.indexOf("</table>", at));
    }

    @Test
    void r16_2_aWindowsDutyCellCountsWhetherSomeoneIsOnDutyAndListsExactlyThosePosts() throws Exception {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin());
        long one = directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(1, "社保", "一楼", hall.sectionId()));
        long two = directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(2, "医保", "一楼", hall.sectionId()));
        LocalDate day = LocalDate.now(clock);
        duty.addPost(hall.siteId(), new RosterForm(day, one, "", person(hall, "值班甲"), ""));
        duty.addPost(hall.siteId(), new RosterForm(day.plusDays(1), one, "", person(hall, "值班乙"), ""));
        duty.addPost(hall.siteId(), new RosterForm(day, null, "0737-1234567", person(hall, "值班丙"), ""));

        assertThat(measure.measureCode()).isEqualTo("R-SVC");
        assertThat(measure.windowStatuses(hall.siteId(), day)).as("window 1 staffed, window 2 nobody on duty")
                .containsEntry(one, new MeasureStatus(1, 0, 0)).containsEntry(two, new MeasureStatus(0, 0, 1)).hasSize(2);

        String html = mvc.perform(get(measure.windowLink(hall.siteId(), one, day)).with(user(halls.signIn(hall.admin()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(roster(html)).contains("值班甲").doesNotContain("值班乙", "值班丙");
        String none = mvc.perform(get(measure.windowLink(hall.siteId(), two, day)).with(user(halls.signIn(hall.admin()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(roster(none)).doesNotContain("值班甲", "值班乙", "值班丙");
    }
}
