package org.hallsafe.agency;

import java.util.List;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.platform.Deliveries;
import org.hallsafe.platform.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Receiving materials (issue 14, item 2): envelopes in, the materials check, the one-time notice, acceptance. */
@HallSafeTest
class AgencyReceivingTest {

    @Autowired TestHall halls;
    @Autowired AgencyCases cases;
    @Autowired MaterialChecks checks;
    @Autowired MailRoom mail;
    @Autowired Catalogue catalogue;
    @Autowired Deliveries deliveries;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;

    TestHall.Hall hall;
    UserDetails clerk;
    long item;

    @BeforeEach
    void setUp() {
        hall = halls.create();
        clerk = halls.signIn(hall.officeDirector());
        item = AgencyFixture.item(catalogue, jdbc, hall, 5, null);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r14_2_rSvc4_theOneTimeNoticeListsEveryMissingAndWrongMaterialAtOnceSendsItBySmsAndPausesTheCase() throws Exception {
        AgencyCases.Opened c = AgencyFixture.open(cases, hall, item, "");
        List<MaterialChecks.Material> m = checks.of(hall.siteId(), c.id());
        assertThat(m).extracting(MaterialChecks.Material::name).containsExactlyElementsOf(AgencyFixture.MATERIALS);
        checks.check(hall.siteId(), c.id(), List.of(
                new MaterialChecks.Mark(m.get(0).id(), MaterialChecks.Finding.RECEIVED, ""),
                new MaterialChecks.Mark(m.get(1).id(), MaterialChecks.Finding.MISSING, ""),
                new MaterialChecks.Mark(m.get(2).id(), MaterialChecks.Finding.TO_CORRECT, "租赁合同缺少出租方签章")));

        MaterialChecks.Notice notice = checks.sendNotice(hall.siteId(), c.id());

        assertThat(notice.noticeText()).contains("法定代表人身份证复印件（缺少）", "经营场所使用证明（需补正：租赁合同缺少出租方签章）",
                CaseCodes.display(c.code())).doesNotContain("营业执照复印件");
        assertThat(state(c.id())).isEqualTo("SUPPLEMENT");
        assertThat(notice.endedAt()).as("the case waits on the citizen").isNull();
        assertThat(deliveries.of(hall.siteId(), "agency", String.valueOf(c.id())))
                .filteredOn(d -> d.purpose().startsWith("agency.sms.supplement")).singleElement()
                .satisfies(d -> assertThat(d.phoneMasked()).isEqualTo("139****5678"));
        assertThatThrownBy(() -> checks.sendNotice(hall.siteId(), c.id())).as("one notice, with everything in it")
                .isInstanceOf(InvalidInputException.class);
        // the print view, for the applicant at a window or in the envelope
        mvc.perform(get("/agency/cases/{id}/notices/{n}", c.id(), notice.id()).with(user(clerk)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("租赁合同缺少出租方签章")));

        // the citizen sends the two: the case is accepted, the clock starts, and the citizen gets the due date
        AgencyFixture.receiveAll(checks, hall.siteId(), c.id());
        assertThat(state(c.id())).isEqualTo("ACCEPTED");
        assertThat(checks.notices(hall.siteId(), c.id())).singleElement().satisfies(n -> assertThat(n.endedAt()).isNotNull());
        assertThat(deliveries.of(hall.siteId(), "agency", String.valueOf(c.id())))
                .extracting(Deliveries.Status::purpose).contains("agency.sms.accepted");
        assertThat(jdbc.sql("SELECT due_on FROM agency_cases WHERE id = :id").param("id", c.id()).query(java.time.LocalDate.class)
                .single()).isNotNull();
    }

    @Test
    void r14_2_anEnvelopeIsMatchedByTheCodeWrittenOnItAndAnotherLaterBySearch() {
        AgencyCases.Opened c = AgencyFixture.open(cases, hall, item, "北京星河餐饮有限公司");
        // the code as written on an envelope: lower case, with a space
        MailRoom.Envelope byCode = mail.logIn(hall.siteId(), new MailRoom.Incoming(TrackingNumbers.Carrier.SF, "",
                "SF" + digits(13), 6, CaseCodes.display(c.code()).toLowerCase(), ""));
        assertThat(byCode.caseId()).isEqualTo(c.id());
        assertThat(byCode.loggedBy()).isEqualTo(hall.officeDirector());
        assertThat(byCode.loggedAt()).isEqualTo(clock.instant());

        MailRoom.Envelope plain = mail.logIn(hall.siteId(), new MailRoom.Incoming(TrackingNumbers.Carrier.SF, "",
                digits(12), null, "", "信封上没有件号"));
        assertThat(plain.caseId()).isNull();
        assertThat(mail.unmatched(hall.siteId())).extracting(MailRoom.Envelope::id).containsExactly(plain.id());
        assertThat(mail.search(hall.siteId(), "星河餐饮")).extracting(MailRoom.Found::id).containsExactly(c.id());
        assertThat(mail.search(hall.siteId(), "139 1234 5678")).as("by the applicant's full phone number")
                .extracting(MailRoom.Found::id).containsExactly(c.id());
        mail.match(hall.siteId(), plain.id(), c.id());

        assertThat(mail.unmatched(hall.siteId())).isEmpty();
        assertThat(mail.ofCase(hall.siteId(), c.id())).extracting(MailRoom.Envelope::id).containsExactly(byCode.id(), plain.id());
        assertThatThrownBy(() -> mail.match(hall.siteId(), plain.id(), c.id())).isInstanceOf(InvalidInputException.class);
        MailRoom.Envelope again = mail.logIn(hall.siteId(), new MailRoom.Incoming(TrackingNumbers.Carrier.SF, "",
                plain.trackingNo(), null, "", ""));
        assertThat(again.id()).as("the same envelope scanned twice is logged once").isEqualTo(plain.id());
    }

    @Test
    void r14_2_badInputIsAnswered4xxWithTheFieldNamedNever5xx() throws Exception {
        AgencyCases.Opened c = AgencyFixture.open(cases, hall, item, "");
        long first = checks.of(hall.siteId(), c.id()).get(0).id();
        String[][] bodies = {
                {"{\"carrier\":\"CHINA_POST\",\"trackingNo\":\"RR123456789CN\"}", "trackingNo"},
                {"{\"carrier\":\"EMS\",\"trackingNo\":\"" + digits(13) + "\",\"caseCode\":\"ZZZZ ZZZZ\"}", "caseCode"},
                {"{\"carrier\":\"OTHER\",\"trackingNo\":\"AB-1234\"}", "carrierOther"},
                {"{\"carrier\":\"SF\",\"trackingNo\":\"" + digits(12) + "\",\"sheets\":0}", "sheets"},
                {"{\"carrier\":\"SF\",\"trackingNo\":\"" + "1".repeat(41) + "\"}", "trackingNo"},
                {"{\"trackingNo\":\"" + digits(12) + "\"}", "carrier"}};
        for (String[] b : bodies) {
            mvc.perform(post("/api/v1/agency/mail/in").with(user(clerk)).contentType(MediaType.APPLICATION_JSON).content(b[0]))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors." + b[1]).isNotEmpty());
        }
        mvc.perform(post("/api/v1/agency/mail/in").with(user(clerk)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"carrier\":\"PIGEON\",\"trackingNo\":\"1\"}")).andExpect(status().is4xxClientError());
        mvc.perform(post("/api/v1/agency/cases/{id}/materials", c.id()).with(user(clerk)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"materials\":[{\"materialId\":" + first + ",\"finding\":\"TO_CORRECT\",\"note\":\"\"}]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors['materials[0].note']").isNotEmpty());
        mvc.perform(post("/api/v1/agency/cases/{id}/notice", c.id()).with(user(clerk)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.notice").isNotEmpty());
        mvc.perform(post("/api/v1/agency/cases/{id}/materials", 999_999_999L).with(user(clerk))
                .contentType(MediaType.APPLICATION_JSON).content("{\"materials\":[]}")).andExpect(status().isNotFound());

        // the pages: the message beside the field, what was typed kept
        mvc.perform(post("/agency/mail").with(user(clerk)).with(csrf()).param("carrier", "CHINA_POST").param("trackingNo", "RR123456789CN")
                .param("sheets", "abc").param("note", "挂号信"))
                .andExpect(status().is(422))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("RR123456789CN")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("挂号信")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("invalid-feedback")));
        mvc.perform(post("/agency/cases/{id}/materials", c.id()).with(user(clerk)).with(csrf()).param("finding-" + first, "TO_CORRECT")
                .param("note-" + first, ""))
                .andExpect(status().is(422))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请写明需要补正什么")));
        assertThat(checks.of(hall.siteId(), c.id())).allSatisfy(m -> assertThat(m.state()).isEqualTo("EXPECTED"));
        assertThat(mail.recent(hall.siteId(), 10)).as("nothing half saved").isEmpty();
    }

    private String state(long caseId) {
        return jdbc.sql("SELECT state FROM agency_cases WHERE id = :id").param("id", caseId).query(String.class).single();
    }

    private static String digits(int n) {
        StringBuilder s = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? 1 + r.nextInt(9) : r.nextInt(10));
        }
        return s.toString();
    }
}
