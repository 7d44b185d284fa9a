package org.hallsafe.agency;

import java.util.EnumSet;
import java.util.List;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestHall;
import org.hallsafe.agency.AgencyCases.CaseSummary;
import org.hallsafe.agency.AgencyCases.State;
import org.hallsafe.appointments.AppointmentForms.ItemForm;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 14, item 10: the demo hall's agency items with realistic time limits and a dozen cases at every stage, one overdue. */
@HallSafeTest
class AgencyDemoTest {

    @Autowired DemoAgency demo;
    @Autowired AgencyCases cases;
    @Autowired TestHall halls;
    @Autowired Directory directory;
    @Autowired Catalogue catalogue;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r14_10_theDemoHallHasAgencyItemsAndADozenCasesAtEveryStageOneOverdue() {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin());
        long w = directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(1, "综合受理", "一楼", hall.sectionId()));
        for (String name : List.of("企业开办", "营业执照变更/注销", "社保卡补换", "食品经营许可", "代办服务受理")) {
            catalogue.saveItem(hall.siteId(), null, new ItemForm(name, 20, "申请书\n身份证", "", true, List.of(w)));
        }
        SecurityContextHolder.clearContext();

        demo.seed(hall.siteId());

        assertThat(cases.agencyItems(hall.siteId())).extracting(AgencyCases.ItemTerms::timeLimitDays)
                .containsExactly(3, 3, 5, 10, 5);
        assertThat(cases.agencyItems(hall.siteId())).allMatch(t -> t.departmentId() != null);
        List<CaseSummary> all = cases.cases(hall.siteId(), null, 100);
        assertThat(all).hasSize(12);
        EnumSet<State> states = EnumSet.noneOf(State.class);
        all.forEach(c -> states.add(c.state()));
        assertThat(states).containsExactlyInAnyOrder(State.values());
        assertThat(all).filteredOn(CaseSummary::overdue).hasSize(1);
        assertThat(all).filteredOn(c -> c.state() == State.ACCEPTED).allMatch(c -> c.dueOn() != null && c.holderStation() != null);
        assertThat(all).filteredOn(c -> c.onTime() != null).extracting(CaseSummary::onTime).contains(true, false);
        assertThat(jdbc.sql("SELECT count(*) FROM agency_mail WHERE site_id = :s AND direction = 'OUT'").param("s", hall.siteId())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM agency_handovers WHERE site_id = :s AND confirmed_by = handed_by")
                .param("s", hall.siteId()).query(Integer.class).single()).as("two names on every handover").isZero();
        assertThat(jdbc.sql("SELECT tracking_no FROM agency_mail WHERE site_id = :s AND direction = 'IN'").param("s", hall.siteId())
                .query(String.class).list()).allMatch(t -> t.matches("EA\\d{9}CN"));
    }

    /** Issue 14, done when: the office sees on one page which cases are overdue and where each file is. */
    @Test
    void r14_3_r14_4_theOfficeSeesTheOverdueCasesAndWhoHoldsEachFileOnOnePage() throws Exception {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.admin());
        long w = directory.saveWindow(hall.siteId(), null, new Forms.WindowForm(1, "综合受理", "一楼", hall.sectionId()));
        for (String name : List.of("企业开办", "营业执照变更/注销", "社保卡补换", "食品经营许可", "代办服务受理")) {
            catalogue.saveItem(hall.siteId(), null, new ItemForm(name, 20, "申请书\n身份证", "", true, List.of(w)));
        }
        SecurityContextHolder.clearContext();
        demo.seed(hall.siteId());
        CaseSummary late = cases.cases(hall.siteId(), null, 100).stream().filter(CaseSummary::overdue).findFirst()
                .orElseThrow();

        String page = mvc.perform(get("/agency").param("overdue", "true")
                        .with(user(users.loadUserByUsername(hall.admin()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("已超期").contains("case-" + late.id()).contains(late.holder());
        assertThat(page.split("id=\"case-", -1)).as("only the overdue case is listed").hasSize(2);
    }

    @Test
    void r14_10_s10NumbersOfTheDemoCarryTheirCheckDigit() {
        assertThat(DemoAgency.s10("EA", 12345678, "CN")).isEqualTo("EA123456785CN");
        assertThat(DemoAgency.s10("RR", 47312482, "CN")).isEqualTo("RR473124829CN");
    }
}
