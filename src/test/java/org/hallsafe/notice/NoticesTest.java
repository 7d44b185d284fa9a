package org.hallsafe.notice;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestAccounts;
import org.hallsafe.TestHall;
import org.hallsafe.organization.Directory;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15, items 1, 2, 3 (website), 6 and 7; R-SVC-1 and R-REQ-2: the approval flow, withdrawal and expiry on every
 * channel at once, the sanitizer, the Atom feed, the fragment, the postponed-opening link, the knowledge library and
 * the API.
 */
@HallSafeTest
class NoticesTest {

    @Autowired MockMvc mvc;
    @Autowired NoticeDesk desk;
    @Autowired Notices notices;
    @Autowired NoticeFixture fixture;
    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired UserDetailsService users;
    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired DemoNotices demo;

    private TestHall.Hall hall;
    private String code;
    private UserDetails office;
    private UserDetails leader;

    @BeforeEach
    void setUp() {
        hall = halls.create();
        code = directory.site(hall.siteId()).code();
        office = users.loadUserByUsername(hall.officeDirector());
        leader = users.loadUserByUsername(hall.leader());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    private String publicList() throws Exception {
        return page(get("/public/notices").param("hall", code));
    }

    private String feed() throws Exception {
        return page(get("/public/notices/feed.atom").param("hall", code));
    }

    private String api() throws Exception {
        return page(get("/api/v1/notices/public").param("hall", code));
    }

    private long draft(String title, String body) {
        halls.signIn(hall.officeDirector());
        return desk.create(hall.siteId(), fixture.form(Kind.PROGRESS, title, body, null, List.of(Channel.WEBSITE, Channel.SCREEN)));
    }

    // ---- item 1: the approval flow, versions, audit

    @Test
    void r15_1_aNoticeCannotBePublishedWithoutApprovalAndTheAuthorDoesNotApproveIt() throws Exception {
        long id = draft("第三周工作进展", "入口测温全部到位。");
        assertThatThrownBy(() -> desk.publish(hall.siteId(), id)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo("notice.error.notApproved"));
        // the page answers 409 with the reason in words; nothing is published
        String refused = mvc.perform(post("/notices/{id}/publish", id).with(user(office)).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("通告还没有审核通过，不能发布");
        // the author cannot approve what they wrote
        String own = mvc.perform(post("/notices/{id}/approve", id).with(user(office)).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(own).contains("自己写的通告要由另一位同事审核");
        assertThat(publicList()).doesNotContain("第三周工作进展");
        assertThat(notices.published(hall.siteId(), id)).isEmpty();

        mvc.perform(post("/notices/{id}/approve", id).with(user(leader)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(publicList()).as("approved is not yet published").doesNotContain("第三周工作进展");
        mvc.perform(post("/notices/{id}/publish", id).with(user(office)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(publicList()).contains("第三周工作进展");
        assertThat(page(get("/public/notices/{id}", id).param("hall", code))).contains("入口测温全部到位");
    }

    @Test
    void r15_1_everyVersionIsKeptAChangeNeedsANewApprovalAndEveryStepIsAudited() throws Exception {
        long id = draft("口罩发放安排", "第一版");
        desk.update(hall.siteId(), id, fixture.form(Kind.PROGRESS, "口罩发放安排", "第二版", null, List.of(Channel.WEBSITE)));
        halls.signIn(hall.leader());
        desk.approve(hall.siteId(), id);
        halls.signIn(hall.officeDirector());
        desk.update(hall.siteId(), id, fixture.form(Kind.PROGRESS, "口罩发放安排（更正）", "第三版", null, List.of(Channel.WEBSITE)));
        assertThat(desk.notice(hall.siteId(), id).status()).as("a change after approval is a draft again").isEqualTo(Status.DRAFT);
        assertThat(desk.versions(hall.siteId(), id)).extracting(NoticeDesk.Version::body).containsExactly("第三版", "第二版", "第一版");
        halls.signIn(hall.leader());
        desk.approve(hall.siteId(), id);
        halls.signIn(hall.officeDirector());
        desk.publish(hall.siteId(), id);
        assertThatThrownBy(() -> desk.update(hall.siteId(), id, fixture.form(Kind.PROGRESS, "改", "改", null, List.of(Channel.WEBSITE))))
                .as("a published notice is withdrawn before it changes").isInstanceOf(InvalidInputException.class);
        desk.withdraw(hall.siteId(), id);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
                SELECT action FROM audit_log WHERE site_id = :site AND target_type = 'notice' AND target_id = :id ORDER BY id""")
                .param("site", hall.siteId()).param("id", String.valueOf(id)).query(String.class).list())
                .containsExactly("CREATED", "UPDATED", "APPROVED", "UPDATED", "APPROVED", "PUBLISHED", "WITHDRAWN"));
        String shown = page(get("/notices/{id}", id).with(user(office)));
        assertThat(shown).contains("v3 · 口罩发放安排（更正）").contains("v1 · 口罩发放安排").contains("已撤回");
    }

    @Test
    void r15_1_anotherHallsNoticeIsNotFound() throws Exception {
        long id = draft("本大厅通告", "正文");
        TestHall.Hall other = halls.create();
        UserDetails otherOffice = users.loadUserByUsername(other.officeDirector());
        mvc.perform(get("/notices/{id}", id).with(user(otherOffice))).andExpect(status().isNotFound());
        mvc.perform(post("/notices/{id}/approve", id).with(user(users.loadUserByUsername(other.leader()))).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(desk.notice(hall.siteId(), id).status()).isEqualTo(Status.DRAFT);
    }

    // ---- withdrawal and expiry: every channel at once (R-SVC-1, R-REQ-2)

    @Test
    void rSvc1_r15_1_withdrawalRemovesTheNoticeFromThePublicPageFeedAndApiAtOnce() throws Exception {
        long id = fixture.publish(hall, Kind.OTHER, "窗口调整公告", "二楼 5 号窗口暂停。");
        assertThat(publicList()).contains("窗口调整公告");
        assertThat(feed()).contains("窗口调整公告");
        assertThat(api()).contains("窗口调整公告");
        assertThat(notices.published(hall.siteId(), Channel.SCREEN, clock.instant())).extracting(PublishedNotice::id).contains(id);

        halls.signIn(hall.officeDirector());
        desk.withdraw(hall.siteId(), id);
        SecurityContextHolder.clearContext();

        assertThat(publicList()).doesNotContain("窗口调整公告");
        assertThat(feed()).doesNotContain("窗口调整公告");
        assertThat(api()).doesNotContain("窗口调整公告");
        mvc.perform(get("/public/notices/{id}", id).param("hall", code)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/notices/public/{id}", id).param("hall", code)).andExpect(status().isNotFound());
        assertThat(notices.published(hall.siteId(), Channel.SCREEN, clock.instant())).extracting(PublishedNotice::id).doesNotContain(id);
        mvc.perform(get("/public/notices").param("hall", code)).andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-cache")));
    }

    @Test
    void rReq2_r15_1_aNoticePastItsEndLeavesEveryChannelAndIsMarkedExpired() throws Exception {
        long id = fixture.publish(hall, fixture.form(Kind.PROGRESS, "本周消毒安排", "每天三次。",
                fixture.now().plusHours(2), List.of(Channel.WEBSITE, Channel.SCREEN)));
        assertThat(publicList()).contains("本周消毒安排");
        clock.advance(Duration.ofHours(3));
        try {
            assertThat(publicList()).as("gone at its end, before the job runs").doesNotContain("本周消毒安排");
            assertThat(notices.published(hall.siteId(), Channel.SCREEN, clock.instant())).extracting(PublishedNotice::id)
                    .doesNotContain(id);
            assertThat(desk.expire()).isGreaterThanOrEqualTo(1);
            assertThat(desk.notice(hall.siteId(), id).status()).isEqualTo(Status.EXPIRED);
        } finally {
            clock.advance(Duration.ofHours(-3));
        }
    }

    // ---- the sanitizer

    @Test
    void r15_1_theSanitizerRemovesScriptsEventHandlersAndJavascriptLinks() throws Exception {
        String evil = """
                # 标题

                <script>alert('x')</script>正文 <img src="x" onerror="alert(1)"> <img src="/public/notices/images/7" onerror="alert(2)">

                [点我](javascript:alert(3)) <a href="JaVaScRiPt:alert(4)">再点</a> <a href="https://www.gov.cn" onclick="alert(5)">政府网</a>

                <iframe src="https://evil.example"></iframe><p style="color:red" onmouseover="alert(6)">样式</p>
                <svg onload="alert(7)"></svg><form action="https://evil.example"><input name="a"></form>
                [数据](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
                """;
        String html = NoticeMarkdown.toSafeHtml(evil);
        assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("alert(").doesNotContain("onerror")
                .doesNotContain("onclick").doesNotContain("onmouseover").doesNotContain("onload").doesNotContain("javascript:")
                .doesNotContain("<iframe").doesNotContain("style=").doesNotContain("<svg").doesNotContain("<form")
                .doesNotContain("href=\"data:").doesNotContain("src=\"x\"");
        assertThat(html).contains("<h2>标题</h2>").contains("正文").contains("src=\"/public/notices/images/7\"")
                .contains("href=\"https://www.gov.cn\"").containsPattern("rel=\"(?=[^\"]*nofollow)(?=[^\"]*noopener)(?=[^\"]*noreferrer)[a-z ]+\"").contains("样式");
        // and the same on the public page, the feed and the API
        fixture.publish(hall, Kind.OTHER, "安全测试", evil);
        for (String out : List.of(publicPage("安全测试"), feed())) {
            assertThat(out.toLowerCase()).doesNotContain("alert(").doesNotContain("onerror").doesNotContain("javascript:")
                    .doesNotContain("&lt;script");
        }
    }

    private String publicPage(String title) throws Exception {
        long id = jdbc.sql("SELECT id FROM notices WHERE site_id = :s AND title = :t").param("s", hall.siteId()).param("t", title)
                .query(Long.class).single();
        return page(get("/public/notices/{id}", id).param("hall", code));
    }

    // ---- item 2: the postponed opening comes from one place

    @Test
    void rSvc1_r15_2_postponingAsksForThePublishedNoticeTheBookingAndDutyPagesShowItAndOpeningWithdrawsIt() throws Exception {
        UserDetails admin = users.loadUserByUsername(hall.admin());
        String refused = settings(admin, true).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("推迟开放前，请先在“通告管理”里发布一则“推迟开放通告”").contains("写推迟开放通告");

        long id = fixture.publishPostponed(hall, "关于政务服务大厅推迟开放的通告", "大厅推迟至**2月10日**开放，急办事项请网上办理。");
        settings(admin, true).andExpect(status().is3xxRedirection());
        assertThat(page(get("/appointments/calendar").with(user(admin)))).contains("关于政务服务大厅推迟开放的通告");
        String booking = page(get("/appointments/book").param("hall", code));
        assertThat(booking).contains("关于政务服务大厅推迟开放的通告").contains("<strong>2月10日</strong>");
        String dutyDesk = page(get("/duty").with(user(users.loadUserByUsername(accounts.create(Role.STAFF, hall.siteId())))));
        assertThat(dutyDesk).contains("关于政务服务大厅推迟开放的通告").contains("<strong>2月10日</strong>");
        assertThat(publicList()).contains("关于政务服务大厅推迟开放的通告");
        assertThat(notices.postponedOpening(hall.siteId())).map(PublishedNotice::id).contains(id);

        settings(admin, false).andExpect(status().is3xxRedirection());
        assertThat(notices.postponedOpening(hall.siteId())).isEmpty();
        assertThat(desk.notice(hall.siteId(), id).status()).isEqualTo(Status.WITHDRAWN);
        assertThat(publicList()).doesNotContain("关于政务服务大厅推迟开放的通告");
        assertThat(page(get("/appointments/book").param("hall", code))).doesNotContain("关于政务服务大厅推迟开放的通告");
    }

    private org.springframework.test.web.servlet.ResultActions settings(UserDetails who, boolean postponed) throws Exception {
        var request = post("/appointments/settings").with(user(who)).with(csrf())
                .param("slotMinutes", "30").param("windowCapacity", "4").param("hallCap", "40")
                .param("perPersonDaily", "2").param("daysAhead", "14").param("noShowMinutes", "30")
                .param("_postponed", "on").param("_smsVerification", "on").param("postponedMessage", "")
                .param("hotline", "0737-4221234").param("reminderDayText", "明天{time}").param("reminderHourText", "{time}");
        if (postponed) {
            request.param("postponed", "true");
        }
        return mvc.perform(request);
    }

    // ---- item 3: the website channel

    @Test
    void rSvc1_r15_3_theAtomFeedParsesWithRomeAndLinksEachNoticesStablePage() throws Exception {
        long first = fixture.publish(hall, Kind.KNOWLEDGE, "正确佩戴口罩", "盖住**口、鼻和下巴**。");
        long second = fixture.publish(hall, Kind.PROGRESS, "第一周进展 <&>", "一切正常。");
        var response = mvc.perform(get("/public/notices/feed.atom").param("hall", code)).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/atom+xml");
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.getContentAsByteArray())));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).contains(directory.site(hall.siteId()).name());
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly("第一周进展 <&>", "正确佩戴口罩");
        SyndEntry mask = feed.getEntries().get(1);
        assertThat(mask.getLink()).endsWith("/public/notices/" + first + "?hall=" + code);
        assertThat(mask.getContents().get(0).getValue()).contains("<strong>口、鼻和下巴</strong>");
        assertThat(mask.getDescription().getValue()).isEqualTo("盖住口、鼻和下巴。");
        assertThat(mask.getCategories().get(0).getName()).isEqualTo("KNOWLEDGE");
        // the link is the stable page, readable without an account, phone-first, Chinese with English
        String page = page(get("/public/notices/{id}", second).param("hall", code));
        assertThat(page).contains("第一周进展 &lt;&amp;&gt;").contains("width=device-width").contains("English");
        String english = page(get("/public/notices/{id}", second).param("hall", code).param("lang", "en"));
        assertThat(english).contains("Work progress").contains("第一周进展");
    }

    @Test
    void r15_3_theEmbeddableFragmentIsPlainHtmlWithAbsoluteLinksAndThePublicPagesCarryTheSecurityHeaders() throws Exception {
        long id = fixture.publish(hall, Kind.KNOWLEDGE, "七步洗手法", "内、外、夹、弓、大、立、腕。");
        var response = mvc.perform(get("/public/notices/embed").param("hall", code)).andExpect(status().isOk()).andReturn().getResponse();
        String fragment = response.getContentAsString();
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(fragment.strip()).startsWith("<section").contains("七步洗手法")
                .contains("href=\"http://localhost/public/notices/" + id + "?hall=" + code + "\"")
                .doesNotContain("<script").doesNotContain("<html").doesNotContain("style=");
        for (String path : List.of("/public/notices", "/public/notices/" + id, "/public/notices/feed.atom", "/public/notices/embed",
                "/api/v1/notices/public")) {
            mvc.perform(get(path).param("hall", code)).andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Referrer-Policy", "same-origin"));
        }
        mvc.perform(get("/public/notices").param("hall", "NO-SUCH-HALL")).andExpect(status().isNotFound());
    }

    @Test
    void r15_3_anonymousReadsAreRateLimitedPerAddress() throws Exception {
        fixture.publish(hall, Kind.OTHER, "限流测试", "正文");
        String address = "10.15.3." + (1 + (int) (System.nanoTime() % 250));
        int answered = 0;
        int status = 200;
        while (status == 200 && answered < 700) {
            status = mvc.perform(get("/api/v1/notices/public").param("hall", code).with(r -> {
                r.setRemoteAddr(address);
                return r;
            })).andReturn().getResponse().getStatus();
            answered++;
        }
        assertThat(status).isEqualTo(429);
        // 600 in ten minutes, refilled evenly: the 601st (and a few more while the loop ran) is refused
        assertThat(answered).isBetween(601, 640);
        var page = mvc.perform(get("/public/notices").param("hall", code).with(r -> {
            r.setRemoteAddr(address);
            return r;
        })).andExpect(status().isTooManyRequests()).andReturn().getResponse();
        assertThat(page.getHeader("Retry-After")).isNotBlank();
    }

    // ---- item 6: the prevention-knowledge library

    @Test
    void rReq2_r15_6_theKnowledgeLibraryIsPublishedForStaffAndCitizens() throws Exception {
        demo.load(hall.siteId());
        String staffPage = page(get("/notices/knowledge").with(user(users.loadUserByUsername(accounts.create(Role.STAFF, hall.siteId())))));
        assertThat(staffPage).contains("正确佩戴口罩").contains("七步洗手法").contains("发热了怎么办").contains("本大厅防控须知")
                .doesNotContain("大厅防控工作进展");
        assertThat(publicList()).contains("正确佩戴口罩").contains("七步洗手法").contains("发热了怎么办").contains("本大厅防控须知")
                .contains("大厅防控工作进展");
        assertThat(notices.published(hall.siteId(), Channel.SCREEN, clock.instant())).filteredOn(n -> n.kind() == Kind.KNOWLEDGE)
                .hasSize(4);
    }

    // ---- item 7: the API

    @Test
    void r15_7_theOfficeWritesApprovesPublishesAndWithdrawsThroughTheApiAndThePublicReadsPublishedOnly() throws Exception {
        String json = """
                {"kind":"PROGRESS","title":"API 通告","body":"**进展**","validFrom":"2026-01-01T08:00:00",
                 "channels":["WEBSITE","SCREEN"]}""";
        String created = mvc.perform(post("/api/v1/notices").with(user(office)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.safeHtml").value("<p><strong>进展</strong></p>\n"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/v1/notices/{id}/publish", id).with(user(office)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors.status").exists());
        mvc.perform(post("/api/v1/notices/{id}/approve", id).with(user(office))).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/notices/public/{id}", id).param("hall", code)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/notices/{id}/approve", id).with(user(leader))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(post("/api/v1/notices/{id}/publish", id).with(user(office))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(get("/api/v1/notices/public/{id}", id).param("hall", code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("API 通告"))
                .andExpect(jsonPath("$.url").value("http://localhost/public/notices/" + id + "?hall=" + code));
        mvc.perform(post("/api/v1/notices/{id}/withdraw", id).with(user(office))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/notices/public/{id}", id).param("hall", code)).andExpect(status().isNotFound());
        // a field too long or missing comes back named, nothing stored
        long before = jdbc.sql("SELECT count(*) FROM notices WHERE site_id = :s").param("s", hall.siteId()).query(Long.class).single();
        mvc.perform(post("/api/v1/notices").with(user(office)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.replace("API 通告", "长".repeat(101))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.title").exists());
        mvc.perform(post("/api/v1/notices").with(user(office)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.replace("[\"WEBSITE\",\"SCREEN\"]", "[]")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.channels").exists());
        assertThat(jdbc.sql("SELECT count(*) FROM notices WHERE site_id = :s").param("s", hall.siteId()).query(Long.class).single())
                .isEqualTo(before);
        // staff without the permission cannot write; anonymous cannot write
        mvc.perform(post("/api/v1/notices").with(user(users.loadUserByUsername(hall.screener())))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/notices").contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isUnauthorized());
    }

    @Test
    void r15_1_theOfficesFormKeepsWhatWasTypedAndSaysWhatIsWrongBesideTheField() throws Exception {
        String html = mvc.perform(post("/notices").with(user(office)).with(csrf()).param("kind", "PROGRESS")
                        .param("title", "长".repeat(101)).param("body", "正文留着").param("validFrom", "2026-12-02T08:00")
                        .param("validUntil", "2026-12-01T08:00"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("正文留着").contains("截止时间要晚于生效时间").contains("请至少选一个发布渠道");
    }
}
