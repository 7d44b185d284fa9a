package org.hallsafe.hygiene;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.hygiene.HygieneForms.DisinfectionForm;
import org.hallsafe.hygiene.HygieneForms.Method;
import org.hallsafe.hygiene.HygieneForms.ZoneForm;
import org.hallsafe.hygiene.HygieneForms.ZoneType;
import org.hallsafe.organization.DepartmentKind;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.hallsafe.organization.MeasureStatusProvider.MeasureStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Issue 16 item 2: a section's R-DIS cell opens the day's report of exactly that section's zones. */
@HallSafeTest
class HygieneMatrixLinkTest {

    @Autowired Hygiene hygiene;
    @Autowired BlindSpots blindSpots;
    @Autowired Directory directory;
    @Autowired TestHall halls;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r16_2_aSectionsDisinfectionCellOpensTheReportOfItsOwnZonesThatDay() throws Exception {
        LocalDate monday = LocalDate.now(clock).minusWeeks(1).with(DayOfWeek.MONDAY);
        clock.set(monday.atTime(LocalTime.of(7, 30)).atZone(clock.getZone()).toInstant());
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin());
        long other = directory.saveDepartment(hall.siteId(), null, new Forms.DepartmentForm(DepartmentKind.SECTION, "审批三科", "", ""));
        long mine = hygiene.saveZone(hall.siteId(), null, new ZoneForm("一楼等候区", ZoneType.WAITING, hall.sectionId(),
                List.of(Method.MOP_84), 500, 240, null));
        long theirs = hygiene.saveZone(hall.siteId(), null, new ZoneForm("二楼审批区", ZoneType.OFFICE, other,
                List.of(Method.MOP_84), 500, 240, null));
        clock.set(monday.atTime(LocalTime.of(9, 0)).atZone(clock.getZone()).toInstant());
        hygiene.disinfect(hall.siteId(), new DisinfectionForm(UUID.randomUUID(), mine, Method.MOP_84, 500, "陈保洁", null), null, null);
        clock.reset();

        assertThat(blindSpots.statuses(hall.siteId(), monday)).as("a past day: as it stood at its end")
                .containsKeys(hall.sectionId(), other);
        String link = blindSpots.sectionLink(hall.siteId(), hall.sectionId(), monday);
        String html = mvc.perform(get(link).with(user(halls.signIn(hall.leader())))).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("一楼等候区", "value=\"" + monday + "\"").doesNotContain("二楼审批区");
        String all = mvc.perform(get("/hygiene/report?day=" + monday).with(user(halls.signIn(hall.leader()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(all).contains("一楼等候区", "二楼审批区");
        assertThat(theirs).isPositive();
        MeasureStatus mineStatus = blindSpots.statuses(hall.siteId(), monday).get(hall.sectionId());
        assertThat(mineStatus.done() + mineStatus.due() + mineStatus.overdue()).as("one zone counted, one listed").isEqualTo(1);
    }
}
