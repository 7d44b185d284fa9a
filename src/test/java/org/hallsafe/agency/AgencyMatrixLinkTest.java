package org.hallsafe.agency;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.appointments.AppointmentForms.ItemForm;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.organization.DepartmentKind;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.organization.MeasureStatusProvider.MeasureStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Issue 16 item 2: the R-SVC cell of a section opens the agency list of exactly the cases it counted. */
@HallSafeTest
class AgencyMatrixLinkTest {

    @Autowired AgencyCases cases;
    @Autowired AgencyMeasure measure;
    @Autowired Catalogue catalogue;
    @Autowired Directory directory;
    @Autowired TestHall halls;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;

    private TestHall.Hall hall;
    private long item;
    private long other;

    @BeforeEach
    void setUp() {
        hall = halls.create();
        halls.signIn(hall.admin());
        other = directory.saveDepartment(hall.siteId(), null, new Forms.DepartmentForm(DepartmentKind.SECTION, "审批二科", "", ""));
        long w = directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(1, "综合受理", "一楼", hall.sectionId()));
        item = catalogue.saveItem(hall.siteId(), null, new ItemForm("食品经营许可（新办）", 30, "申请书", "", true, List.of(w)));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long openCase(long section, LocalDate dueOn) {
        long id = cases.open(hall.siteId(), new AgencyCases.Opening(UUID.randomUUID(), item, AgencyCases.Channel.WINDOW,
                "张三", "益阳市某某餐饮有限公司", "13807370001", "湖南省益阳市赫山区龙岭路1号", "申请书", null)).id();
        jdbc.sql("UPDATE agency_cases SET state = 'ACCEPTED', department_id = :d, due_on = :due WHERE id = :id")
                .param("d", section).param("due", dueOn).param("id", id).update();
        return id;
    }

    private void done(long id, LocalDate on) {
        jdbc.sql("UPDATE agency_cases SET state = 'DONE', done_at = :at, on_time = true WHERE id = :id")
                .param("at", Timestamp.from(on.atTime(11, 0).atZone(clock.getZone()).toInstant())).param("id", id).update();
    }

    private String list(String link) throws Exception {
        return mvc.perform(get(link).with(user(halls.signIn(hall.officeDirector())))).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void r16_2_aSectionsServiceCellListsExactlyTheCasesItCounted() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long doneToday = openCase(hall.sectionId(), today.plusDays(2));
        done(doneToday, today);
        long open = openCase(hall.sectionId(), today.plusDays(3));
        long late = openCase(hall.sectionId(), today.minusDays(1));
        long doneBefore = openCase(hall.sectionId(), today.plusDays(2));
        done(doneBefore, today.minusDays(2));
        long elsewhere = openCase(other, today.plusDays(3));

        assertThat(measure.statuses(hall.siteId(), today)).containsEntry(hall.sectionId(), new MeasureStatus(1, 1, 1));
        String html = list(measure.sectionLink(hall.siteId(), hall.sectionId(), today));
        assertThat(html).contains("id=\"case-" + doneToday + "\"", "id=\"case-" + open + "\"", "id=\"case-" + late + "\"")
                .doesNotContain("id=\"case-" + doneBefore + "\"", "id=\"case-" + elsewhere + "\"");
        assertThat(html.split("id=\"case-", -1)).as("three rows").hasSize(4);

        String past = list(measure.sectionLink(hall.siteId(), hall.sectionId(), today.minusDays(2)));
        assertThat(past).contains("id=\"case-" + doneBefore + "\"").doesNotContain("id=\"case-" + doneToday + "\"");
        assertThat(measure.statuses(hall.siteId(), today.minusDays(2)))
                .as("open cases count on a past day as they stand now, like the list")
                .containsEntry(hall.sectionId(), new MeasureStatus(1, 2, 0));
    }
}
