package org.hallsafe.agency;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.agency.AgencyCases.Channel;
import org.hallsafe.agency.AgencyCases.Opening;
import org.hallsafe.agency.AgencyCases.State;
import org.hallsafe.duty.Duty;
import org.hallsafe.duty.DutyForms.ConsultationForm;
import org.hallsafe.duty.DutyForms.Outcome;
import org.hallsafe.platform.Deliveries;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.RetentionJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 14, items 1, 6, 8, 9 (R-SVC-4): a case opened from every channel with its code and materials list, once per
 * submission; the citizen's look-up by code and full phone, refused with one of them and rate-limited; personal data
 * sealed, masked and audited on reveal, and gone after the retention period; the API.
 */
@HallSafeTest
@ExtendWith(OutputCaptureExtension.class)
class AgencyCasesTest {

    @Autowired CaseFixture fixture;
    @Autowired AgencyCases cases;
    @Autowired TestHall halls;
    @Autowired Duty duty;
    @Autowired Deliveries deliveries;
    @Autowired RetentionJob retention;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;

    private CaseFixture.Ready r;

    @BeforeEach
    void setUp() {
        r = fixture.create();
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    // ---- item 1: opening from every channel

    @Test
    void r14_1_rSvc4_aCitizenAppliesOnTheCitizensPageAndKeepsACodeAndTheMaterialsList() throws Exception {
        String phone = CaseFixture.phone();
        MvcResult applied = mvc.perform(apply(UUID.randomUUID(), r.business(), "黄丽", phone, "湖南省岳阳市岳阳楼区巴陵中路 1 号"))
                .andReturn();
        assertThat(applied.getResponse().getStatus()).isEqualTo(302);
        assertThat(applied.getResponse().getRedirectedUrl()).startsWith("/agency/applied");
        String code = (String) applied.getFlashMap().get(PublicAgencyPages.APPLIED);
        assertThat(code).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}");
        // the page that shows the code once is read in AgencyBrowserTest; opened again it shows nothing of the case
        assertThat(mvc.perform(get("/agency/applied").param("hall", r.code())).andReturn().getResponse().getRedirectedUrl())
                .startsWith("/agency/status");

        Map<String, Object> row = row(code);
        assertThat(row.get("channel")).isEqualTo("ONLINE");
        assertThat(row.get("state")).isEqualTo("APPLIED");
        assertThat(row.get("created_by")).isEqualTo("citizen");
        assertThat(row.get("time_limit_days")).as("an item without its own terms").isEqualTo(5);
        assertThat(jdbc.sql("SELECT name FROM agency_materials WHERE case_id = :id ORDER BY position")
                .param("id", row.get("id")).query(String.class).list())
                .containsExactly("营业执照申请书", "全体股东身份证", "公司章程");
        // the citizens' item list offers 申请代办 for items marked 可代办 only
        String book = mvc.perform(get("/appointments/book").param("hall", r.code())).andReturn().getResponse().getContentAsString();
        assertThat(book).contains("agency-" + r.business()).doesNotContain("agency-" + r.notAgency());
    }

    @Test
    void r14_1_rSvc4_theDutyDeskOpensACaseFromACallWithTheCallersDetails() throws Exception {
        halls.signIn(r.office());
        long call = duty.log(r.site(), new ConsultationForm(UUID.randomUUID(), null, "刘志强", "13807371234", r.business(),
                "想办企业开办，不方便来大厅", "可以代办，材料寄来", Outcome.AGENCY, "", null, org.hallsafe.shared.DocumentType.ID_CARD, ""));
        SecurityContextHolder.clearContext();
        String calls = mvc.perform(get("/duty/calls").with(user(users.loadUserByUsername(r.office())))).andReturn().getResponse()
                .getContentAsString();
        assertThat(calls).as("the call's outcome 转代办服务 links to a new case").contains("/agency/cases/new?call=" + call);
        String form = mvc.perform(get("/agency/cases/new").param("call", String.valueOf(call)).with(office())).andReturn()
                .getResponse().getContentAsString();
        assertThat(form).contains("刘志强").contains("138****1234").contains("value=\"" + r.business() + "\" selected=\"selected\"");

        MvcResult opened = mvc.perform(post("/agency/cases").with(office()).with(csrf())
                .param("submissionId", UUID.randomUUID().toString()).param("callId", String.valueOf(call))
                .param("itemId", String.valueOf(r.business())).param("applicant", "刘志强").param("phone", "13807371234")
                .param("address", "湖南省岳阳市经开区金凤路 66 号")).andReturn();
        assertThat(opened.getResponse().getStatus()).isEqualTo(302);
        long id = Long.parseLong(opened.getResponse().getRedirectedUrl().replace("/agency/cases/", ""));
        Map<String, Object> row = jdbc.sql("SELECT channel, call_id, created_by FROM agency_cases WHERE id = :id")
                .param("id", id).query().singleRow();
        assertThat(row).containsEntry("channel", "PHONE").containsEntry("call_id", call).containsEntry("created_by", r.office());
        String page = mvc.perform(get("/agency/cases/" + id).with(office())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("电话转代办").contains("刘*").contains("企业开办（设立登记）").contains("登记代办件");
    }

    @Test
    void r14_1_aWindowOpensACaseAndAnotherHallsCallIsRefusedBesideTheField() throws Exception {
        MvcResult opened = mvc.perform(post("/agency/cases").with(office()).with(csrf())
                .param("submissionId", UUID.randomUUID().toString()).param("channel", "WINDOW")
                .param("itemId", String.valueOf(r.card())).param("applicant", "陈丽华").param("phone", CaseFixture.phone())
                .param("address", "湖南省岳阳市五里牌街道 301 号")).andReturn();
        assertThat(opened.getResponse().getStatus()).isEqualTo(302);
        long id = Long.parseLong(opened.getResponse().getRedirectedUrl().replace("/agency/cases/", ""));
        assertThat(cases.find(r.site(), id).orElseThrow().channel()).isEqualTo(Channel.WINDOW);

        CaseFixture.Ready other = fixture.create();
        halls.signIn(other.office());
        long foreignCall = duty.log(other.site(), new ConsultationForm(UUID.randomUUID(), null, "外馆", "13807371235", null,
                "咨询", "", Outcome.AGENCY, "", null, org.hallsafe.shared.DocumentType.ID_CARD, ""));
        SecurityContextHolder.clearContext();
        MockHttpServletResponse refused = mvc.perform(post("/agency/cases").with(office()).with(csrf())
                .param("submissionId", UUID.randomUUID().toString()).param("callId", String.valueOf(foreignCall))
                .param("itemId", String.valueOf(r.card())).param("applicant", "陈丽华").param("phone", CaseFixture.phone())
                .param("address", "湖南省岳阳市")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("这通来电不在本大厅的记录里").contains("陈丽华");
        assertThat(mvc.perform(get("/agency/cases/new").param("call", String.valueOf(foreignCall)).with(office()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/agency/cases/" + id).with(user(users.loadUserByUsername(other.office()))))
                .andReturn().getResponse().getStatus()).as("another hall's case").isEqualTo(404);
    }

    @Test
    void r14_1_theSameSubmissionSentTwiceAtOnceOpensOneCase() throws Exception {
        UUID submission = UUID.randomUUID();
        Opening o = new Opening(submission, r.business(), Channel.ONLINE, "周芳", "", CaseFixture.phone(), "岳阳市平江县", "", null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<AgencyCases.Opened> task = () -> cases.open(r.site(), o);
            List<Future<AgencyCases.Opened>> all = pool.invokeAll(List.of(task, task, task, task));
            List<String> codes = all.stream().map(f -> {
                try {
                    return f.get().code();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).distinct().toList();
            assertThat(codes).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(cases.open(r.site(), o).replay()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM agency_cases WHERE submission_id = :s").param("s", submission)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM agency_materials m JOIN agency_cases c ON c.id = m.case_id WHERE c.submission_id = :s")
                .param("s", submission).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void r14_1_anItemNotMarkedForAgencyIsRefusedAndTheItemsTermsApply() throws Exception {
        assertThatThrownBy(() -> cases.open(r.site(), new Opening(UUID.randomUUID(), r.notAgency(), Channel.ONLINE, "王静", "",
                CaseFixture.phone(), "岳阳市", "", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsKey("itemId"));
        // the office sets the item's time limit and section; a case opened afterwards carries them
        MockHttpServletResponse bad = mvc.perform(post("/agency/items/" + r.business()).with(office()).with(csrf())
                .param("timeLimitDays", "0")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("请输入1到60之间的整数");
        assertThat(mvc.perform(post("/agency/items/" + r.business()).with(office()).with(csrf()).param("timeLimitDays", "3")
                .param("departmentId", String.valueOf(r.hall().sectionId()))).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(mvc.perform(post("/agency/items/" + r.business()).with(staff()).with(csrf()).param("timeLimitDays", "9"))
                .andReturn().getResponse().getStatus()).as("staff do not set time limits").isEqualTo(403);
        assertThat(mvc.perform(get("/agency/items").with(office())).andReturn().getResponse().getContentAsString())
                .contains("企业开办（设立登记）").contains("社保卡补换").doesNotContain("发票代开").contains("局办公室");
        var opened = cases.open(r.site(), new Opening(UUID.randomUUID(), r.business(), Channel.ONLINE, "王静", "",
                CaseFixture.phone(), "岳阳市", "", null));
        assertThat(jdbc.sql("SELECT time_limit_days, department_id FROM agency_cases WHERE id = :id").param("id", opened.id())
                .query().singleRow()).containsEntry("time_limit_days", 3).containsEntry("department_id", r.hall().sectionId());
    }

    // ---- item 6: the citizen's look-up

    @Test
    void r14_6_rSvc4_aCitizenFollowsTheCaseWithCodeAndFullPhone() throws Exception {
        String phone = CaseFixture.phone();
        var opened = cases.open(r.site(), new Opening(UUID.randomUUID(), r.business(), Channel.WECHAT, "赵敏", "新港贸易",
                phone, "岳阳市城陵矶新港区 18 号", "申请书、身份证复印件", null));
        long id = opened.id();
        jdbc.sql("UPDATE agency_materials SET state = 'MISSING' WHERE case_id = :id AND position = 3").param("id", id).update();
        jdbc.sql("""
                INSERT INTO agency_mail (site_id, case_id, direction, carrier, tracking_no, logged_at, logged_by)
                VALUES (:site, :id, 'IN', 'EMS', 'EA123456785CN', now(), 'mail')""").param("site", r.site()).param("id", id).update();
        MockHttpServletResponse found = status(opened.code().toLowerCase(), " " + phone + " ", "10.14.6.1");
        assertThat(found.getStatus()).isEqualTo(200);
        assertThat(found.getContentAsString()).contains("企业开办（设立登记）").contains("待收件").contains("公司章程")
                .contains("EA123456785CN").contains("未受理，未开始计时");

        jdbc.sql("UPDATE agency_cases SET state = 'ACCEPTED', accepted_at = now(), due_on = :due WHERE id = :id")
                .param("due", java.time.LocalDate.now(clock).plusDays(14)).param("id", id).update();
        assertThat(status(opened.code(), phone, "10.14.6.1").getContentAsString()).contains("已受理").contains("还剩");

        // the SMS at opening: the code and where to send the materials
        assertThat(deliveries.of(r.site(), "agency", String.valueOf(id))).extracting(Deliveries.Status::purpose)
                .containsExactly("agency.sms.opened");
    }

    @Test
    void r14_6_theOpeningSmsCarriesTheCodeButTheLogNeverHoldsIt(CapturedOutput output) {
        var opened = cases.open(r.site(), new Opening(UUID.randomUUID(), r.card(), Channel.ONLINE, "孙丽", "", CaseFixture.phone(),
                "岳阳市君山区", "", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> output.getAll().contains("社保卡补换代办申请已登记，件号 *********"));
        assertThat(output.getAll()).doesNotContain(opened.code()).doesNotContain(CaseCodes.display(opened.code()));
    }

    @Test
    void r14_6_aCodeWithoutItsPhoneOrAPhoneWithoutItsCodeFindsNothing() throws Exception {
        String phone = CaseFixture.phone();
        var opened = cases.open(r.site(), new Opening(UUID.randomUUID(), r.card(), Channel.ONLINE, "吴涛", "", phone,
                "岳阳市汨罗市", "", null));
        MockHttpServletResponse codeOnly = status(opened.code(), "", "10.14.6.2");
        assertThat(codeOnly.getStatus()).isEqualTo(400);
        assertThat(codeOnly.getContentAsString()).contains("此项必填").doesNotContain("社保卡补换");
        MockHttpServletResponse phoneOnly = status("", phone, "10.14.6.2");
        assertThat(phoneOnly.getStatus()).isEqualTo(400);
        assertThat(phoneOnly.getContentAsString()).contains("请输入件号").doesNotContain("社保卡补换");
        MockHttpServletResponse wrongPhone = status(opened.code(), CaseFixture.phone(), "10.14.6.2");
        assertThat(wrongPhone.getStatus()).isEqualTo(400);
        assertThat(wrongPhone.getContentAsString()).contains("件号和手机号对不上").doesNotContain("社保卡补换");
        // the API answers the same, naming the field
        MockHttpServletResponse api = mvc.perform(post("/api/v1/agency/public/status").param("hall", r.code())
                .with(from("10.14.6.2")).contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + opened.code() + "\"}"))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(400);
        assertThat(api.getContentAsString()).contains("phone").doesNotContain("社保卡补换");
    }

    @Test
    void r14_6_lookUpsAreRateLimitedAndWrongPhonesLockTheCode() throws Exception {
        String phone = CaseFixture.phone();
        var opened = cases.open(r.site(), new Opening(UUID.randomUUID(), r.card(), Channel.ONLINE, "李伟", "", phone,
                "岳阳市湘阴县", "", null));
        // five wrong phone numbers for one code (from five addresses) lock the code for a while, right phone or not
        for (int i = 0; i < 5; i++) {
            assertThat(status(opened.code(), CaseFixture.phone(), "10.14.7." + i).getStatus()).isEqualTo(400);
        }
        MockHttpServletResponse locked = status(opened.code(), phone, "10.14.7.9");
        assertThat(locked.getStatus()).isEqualTo(429);
        assertThat(locked.getContentAsString()).contains("操作太频繁，请").doesNotContain("社保卡补换");
        // one address: 30 look-ups an hour
        for (int i = 0; i < 30; i++) {
            assertThat(status("ZZZZ" + String.format("%04d", i).replace('0', 'Q').replace('1', 'R'), phone, "10.14.8.1")
                    .getStatus()).isEqualTo(400);
        }
        assertThat(status("ZZZZYYYY", phone, "10.14.8.1").getStatus()).isEqualTo(429);
    }

    // ---- item 8: personal data

    @Test
    void r14_8_personalDataIsSealedInTheTableMaskedOnPagesAndItsRevealAudited() throws Exception {
        String phone = CaseFixture.phone();
        var opened = cases.open(r.site(), new Opening(UUID.randomUUID(), r.business(), Channel.ONLINE, "欧阳春花", "湘楚建材",
                phone, "湖南省岳阳市岳阳楼区巴陵中路 88 号 欧阳春花收", "", null));
        Map<String, Object> row = jdbc.sql("SELECT applicant_name, phone, address, applicant_masked, phone_masked, address_masked "
                + "FROM agency_cases WHERE id = :id").param("id", opened.id()).query().singleRow();
        for (String column : List.of("applicant_name", "phone", "address")) {
            String stored = new String((byte[]) row.get(column), StandardCharsets.ISO_8859_1);
            assertThat(stored).doesNotContain(phone).doesNotContain("欧阳").doesNotContain("巴陵中路");
            assertThat(new String((byte[]) row.get(column), StandardCharsets.UTF_8)).doesNotContain("欧阳春花").doesNotContain("巴陵中路");
        }
        assertThat(row.get("applicant_masked")).isEqualTo("欧***");
        assertThat((String) row.get("phone_masked")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat((String) row.get("address_masked")).endsWith("****").doesNotContain("巴陵中路");

        String list = mvc.perform(get("/agency").with(staff())).andReturn().getResponse().getContentAsString();
        String page = mvc.perform(get("/agency/cases/" + opened.id()).with(staff())).andReturn().getResponse().getContentAsString();
        for (String shown : List.of(list, page)) {
            assertThat(shown).contains("欧***").contains((String) row.get("phone_masked")).doesNotContain(phone)
                    .doesNotContain("欧阳春花").doesNotContain("巴陵中路");
        }
        assertThat(page).doesNotContain("id=\"reveal\"");
        assertThat(mvc.perform(post("/agency/cases/" + opened.id() + "/reveal").with(staff()).with(csrf())).andReturn()
                .getResponse().getStatus()).as("staff may not reveal").isEqualTo(403);

        int before = audited(opened.id());
        assertThat(mvc.perform(get("/agency/cases/" + opened.id()).with(office())).andReturn().getResponse()
                .getContentAsString()).contains("id=\"reveal\"");
        String revealed = mvc.perform(post("/agency/cases/" + opened.id() + "/reveal").with(office()).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(revealed).contains("欧阳春花").contains(phone).contains("巴陵中路 88 号");
        // the audit log is written from an event after the commit
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(audited(opened.id()) - before).isEqualTo(3));
    }

    @Test
    void r14_8_theRetentionJobRemovesAClosedCasesPersonalDataAfterItsPeriod() throws Exception {
        var sent = cases.open(r.site(), new Opening(UUID.randomUUID(), r.card(), Channel.ONLINE, "王静", "", CaseFixture.phone(),
                "岳阳市临湘市长安街道 8 号", "身份证复印件", null));
        var recent = cases.open(r.site(), new Opening(UUID.randomUUID(), r.card(), Channel.ONLINE, "王静", "", CaseFixture.phone(),
                "岳阳市临湘市长安街道 8 号", "", null));
        var running = cases.open(r.site(), new Opening(UUID.randomUUID(), r.card(), Channel.ONLINE, "王静", "", CaseFixture.phone(),
                "岳阳市临湘市长安街道 8 号", "", null));
        Timestamp longAgo = Timestamp.from(clock.instant().minus(Duration.ofDays(181)));
        jdbc.sql("UPDATE agency_cases SET state = 'SENT', sent_at = :at, created_at = :at WHERE id = :id")
                .param("at", longAgo).param("id", sent.id()).update();
        jdbc.sql("UPDATE agency_cases SET state = 'SENT', sent_at = :at WHERE id = :id")
                .param("at", Timestamp.from(clock.instant().minus(Duration.ofDays(20)))).param("id", recent.id()).update();
        jdbc.sql("UPDATE agency_cases SET state = 'ACCEPTED', created_at = :at, updated_at = :at WHERE id = :id")
                .param("at", longAgo).param("id", running.id()).update();

        assertThat(retention.run().orElseThrow()).containsKey("agency_cases");

        Map<String, Object> gone = jdbc.sql("SELECT applicant_name, phone, phone_hash, address, applicant_masked, phone_masked, "
                + "address_masked, sending, anonymised_at, code, item_id FROM agency_cases WHERE id = :id")
                .param("id", sent.id()).query().singleRow();
        assertThat(gone.get("applicant_name")).isNull();
        assertThat(gone.get("phone")).isNull();
        assertThat(gone.get("phone_hash")).isNull();
        assertThat(gone.get("address")).isNull();
        assertThat(gone).containsEntry("applicant_masked", "已匿名").containsEntry("phone_masked", "已匿名")
                .containsEntry("address_masked", "已匿名").containsEntry("sending", "").containsEntry("item_id", r.card());
        assertThat(gone.get("anonymised_at")).isNotNull();
        for (long kept : new long[] {recent.id(), running.id()}) {
            assertThat(jdbc.sql("SELECT applicant_name FROM agency_cases WHERE id = :id").param("id", kept).query(byte[].class)
                    .single()).as("a case sent lately, or not closed, keeps its applicant").isNotNull();
        }
    }

    // ---- item 9: the API

    @Test
    void r14_9_aWeChatPageOpensACaseOnceAndStaffReadCasesThroughTheDocumentedApi() throws Exception {
        String phone = CaseFixture.phone();
        UUID submission = UUID.randomUUID();
        String body = "{\"submissionId\":\"" + submission + "\",\"itemId\":" + r.business() + ",\"applicant\":\"杨磊\","
                + "\"company\":\"巴陵餐饮\",\"phone\":\"" + phone + "\",\"address\":\"岳阳市南湖新区龙山路 9 号\"}";
        MockHttpServletResponse first = mvc.perform(post("/api/v1/agency/public/cases").param("hall", r.code())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(first.getStatus()).isEqualTo(201);
        String code = com.jayway.jsonpath.JsonPath.read(first.getContentAsString(), "$.code");
        MockHttpServletResponse again = mvc.perform(post("/api/v1/agency/public/cases").param("hall", r.code())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(again.getContentAsString()).contains(code).contains("\"replay\":true");
        assertThat(row(code).get("channel")).isEqualTo("WECHAT");

        MockHttpServletResponse st = mvc.perform(post("/api/v1/agency/public/status").param("hall", r.code())
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\",\"phone\":\"" + phone + "\"}"))
                .andReturn().getResponse();
        assertThat(st.getStatus()).isEqualTo(200);
        assertThat(st.getContentAsString()).contains("\"state\":\"APPLIED\"").contains("企业开办（设立登记）").doesNotContain(phone);

        String list = mvc.perform(get("/api/v1/agency/cases").with(staff())).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(code).contains("杨*").doesNotContain(phone);
        long id = ((Number) row(code).get("id")).longValue();
        assertThat(mvc.perform(get("/api/v1/agency/cases/" + id).with(staff())).andReturn().getResponse().getContentAsString())
                .contains(code);
        CaseFixture.Ready other = fixture.create();
        assertThat(mvc.perform(get("/api/v1/agency/cases/" + id).with(user(users.loadUserByUsername(other.staff()))))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/agency/cases")).andReturn().getResponse().getStatus()).isEqualTo(401);

        String docs = mvc.perform(get("/v3/api-docs").with(office())).andReturn().getResponse().getContentAsString();
        assertThat(docs).contains("/api/v1/agency/public/cases").contains("/api/v1/agency/public/status")
                .contains("/api/v1/agency/cases/{id}").contains("\"agency\"");
    }

    @Test
    void r14_9_badInputOnTheFormAndTheApiIsRefusedFieldByField() throws Exception {
        MockHttpServletResponse api = mvc.perform(post("/api/v1/agency/public/cases").param("hall", r.code())
                .contentType(MediaType.APPLICATION_JSON).content("{\"itemId\":" + r.business() + ",\"applicant\":\"a\\u0000b\","
                        + "\"phone\":\"12345\",\"sending\":\"" + "长".repeat(501) + "\"}")).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(400);
        assertThat(api.getContentAsString()).contains("submissionId").contains("applicant").contains("phone")
                .contains("address").contains("sending");
        MockHttpServletResponse page = mvc.perform(apply(UUID.randomUUID(), r.business(), "张".repeat(51), "12345", ""))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString()).contains("内容太长").contains("电话号码格式不对").contains("此项必填")
                .contains("张".repeat(51));
        MockHttpServletResponse noItem = mvc.perform(apply(UUID.randomUUID(), r.notAgency(), "张三", CaseFixture.phone(), "岳阳市"))
                .andReturn().getResponse();
        assertThat(noItem.getStatus()).isEqualTo(400);
        assertThat(noItem.getContentAsString()).contains("请选择一个可代办的事项");
        assertThat(mvc.perform(get("/agency/apply").param("hall", r.code()).param("item", String.valueOf(r.notAgency())))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM agency_cases WHERE site_id = :s").param("s", r.site()).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void r14_1_theStaffListFiltersByStateAndTheCitizensPagesNeedNoAccount() throws Exception {
        var a = cases.open(r.site(), new Opening(UUID.randomUUID(), r.business(), Channel.ONLINE, "甲", "", CaseFixture.phone(),
                "岳阳市", "", null));
        var b = cases.open(r.site(), new Opening(UUID.randomUUID(), r.card(), Channel.ONLINE, "乙", "", CaseFixture.phone(),
                "岳阳市", "", null));
        jdbc.sql("UPDATE agency_cases SET state = 'WITHDRAWN', withdrawn_reason = '改为到大厅办理' WHERE id = :id")
                .param("id", b.id()).update();
        String withdrawn = mvc.perform(get("/agency").param("state", "WITHDRAWN").with(staff())).andReturn().getResponse()
                .getContentAsString();
        assertThat(withdrawn).contains(CaseCodes.display(b.code())).doesNotContain(CaseCodes.display(a.code()));
        assertThat(cases.cases(r.site(), State.APPLIED, 10)).extracting(AgencyCases.CaseSummary::id).containsExactly(a.id());
        assertThat(mvc.perform(get("/agency/apply").param("hall", r.code())).andReturn().getResponse().getContentAsString())
                .contains("企业开办（设立登记）").contains("受理起算").doesNotContain("发票代开");
        assertThat(mvc.perform(get("/agency/status").param("hall", r.code())).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/agency")).andReturn().getResponse().getStatus()).as("staff pages need an account").isEqualTo(302);
    }

    // ----

    private MockHttpServletRequestBuilder apply(UUID submission, long item, String applicant, String phone, String address) {
        return post("/agency/apply").param("hall", r.code()).with(csrf()).param("submissionId", submission.toString())
                .param("itemId", String.valueOf(item)).param("applicant", applicant).param("company", "")
                .param("phone", phone).param("address", address).param("sending", "");
    }

    private MockHttpServletResponse status(String code, String phone, String address) throws Exception {
        return mvc.perform(post("/agency/status").param("hall", r.code()).with(csrf()).with(from(address))
                .param("code", code).param("phone", phone)).andReturn().getResponse();
    }

    private Map<String, Object> row(String code) {
        return jdbc.sql("SELECT * FROM agency_cases WHERE code = :code").param("code", code).query().singleRow();
    }

    private int audited(long caseId) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'PERSONAL_DATA_READ' AND target_type = 'agency-case' "
                + "AND target_id = :id").param("id", String.valueOf(caseId)).query(Integer.class).single();
    }

    private RequestPostProcessor office() {
        return user(users.loadUserByUsername(r.office()));
    }

    private RequestPostProcessor staff() {
        return user(users.loadUserByUsername(r.staff()));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
