package org.hallsafe.appointments;

import java.util.UUID;

import org.hallsafe.HallSafeTest;
import org.hallsafe.appointments.AppointmentForms.Status;
import org.hallsafe.platform.SmsGateway;
import org.hallsafe.platform.TestSmsGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 20, item 5, on the server: the separate consent to the ID number (PIPL art. 29) on the page and the API,
 * "我的预约" by phone and SMS code, truthful SMS words with and without a gateway, the hall's logo.
 */
@HallSafeTest
class Issue20PublicBookingTest {

    @Autowired Fixture fixture;
    @Autowired Bookings bookings;
    @Autowired SmsChallenges challenges;
    @Autowired SmsGateway gateway;
    @Autowired TestSmsGateway testGateway;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    private Fixture.Ready r;

    @BeforeEach
    void setUp() {
        r = fixture.create(10, 100);
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** The browser's session: Spring Session keeps it by the SESSION cookie (a MockHttpSession would be ignored). */
    private jakarta.servlet.http.Cookie cookie;

    private MvcResult send(MockHttpServletRequestBuilder request) throws Exception {
        if (cookie != null) {
            request.cookie(cookie);
        }
        MvcResult result = mvc.perform(request).andReturn();
        if (result.getResponse().getCookie("SESSION") != null) {
            cookie = result.getResponse().getCookie("SESSION");
        }
        return result;
    }

    private long slot(String time) {
        return fixture.slot(r, r.window1(), time);
    }

    private int bookingsOfHall() {
        return jdbc.sql("SELECT count(*) FROM bookings WHERE site_id = :s").param("s", r.site()).query(Integer.class).single();
    }

    private MockHttpServletResponse api(String consent) throws Exception {
        return mvc.perform(post("/api/v1/appointments/public/bookings").param("hall", r.code())
                .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN").content("""
                        {"submissionId":"%s","itemId":%d,"slotId":%d,"name":"陈静","docType":"ID_CARD","docNo":"%s",
                         "phone":"%s"%s}""".formatted(UUID.randomUUID(), r.business(), slot("09:00"), Fixture.idNumber(),
                        Fixture.phone(), consent)))
                .andReturn().getResponse();
    }

    @Test
    void r20_5_theApiRefusesABookingWithoutTheSeparateConsentWith400NamingTheField() throws Exception {
        for (String missing : new String[] {"", ",\"consent\":false", ",\"consent\":null"}) {
            MockHttpServletResponse refused = api(missing);
            assertThat(refused.getStatus()).as(missing).isEqualTo(400);
            assertThat(refused.getContentType()).startsWith("application/problem+json");
            assertThat(refused.getContentAsString()).contains("\"consent\"").contains("勾选同意");
        }
        assertThat(bookingsOfHall()).as("nothing stored").isZero();
        MockHttpServletResponse booked = api(",\"consent\":true");
        assertThat(booked.getStatus()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT consent_at FROM bookings WHERE site_id = :s").param("s", r.site())
                .query(java.sql.Timestamp.class).single()).as("when the consent was given is kept").isNotNull();
    }

    private MvcResult bookOnThePage(String consent) throws Exception {
        var request = post("/appointments/book").param("hall", r.code()).with(csrf())
                .param("submissionId", UUID.randomUUID().toString()).param("itemId", String.valueOf(r.business()))
                .param("slotId", String.valueOf(slot("10:00"))).param("name", "黄丽").param("docType", "ID_CARD")
                .param("docNo", "430902199001010028").param("phone", "13807370088");
        if (consent != null) {
            request.param("consent", consent);
        }
        return send(request);
    }

    @Test
    void r20_5_thePageRefusesWithoutConsentBesideTheTickAndKeepsWhatWasTyped() throws Exception {
        String page = bookOnThePage(null).getResponse().getContentAsString();
        assertThat(page).contains("id=\"consent-problem\"").contains("请先勾选同意")
                .contains("value=\"黄丽\"").contains("value=\"430902199001010028\"").contains("value=\"13807370088\"")
                .as("the notice says how long, from the hall's retention setting").contains("预约时间过后 28 天");
        assertThat(bookingsOfHall()).isZero();
    }

    @Test
    void r20_5_withoutAnSmsGatewayNoPageSaysAnSmsWasSentAndTheCodeStaysOnTheScreen() throws Exception {
        assertThat(gateway.configured()).as("the tests run without a gateway").isFalse();
        MvcResult booked = bookOnThePage("true");
        String code = (String) booked.getFlashMap().get(PublicBookingPages.BOOKED);
        String page = send(get(booked.getResponse().getRedirectedUrl())).getResponse().getContentAsString();
        assertThat(page).doesNotContain("短信已发送").contains("不会收到短信").contains("请截图保存")
                .contains(code.substring(0, 4) + " " + code.substring(4));
        assertThat(page.split("<h1", -1)).as("one <h1>").hasSize(2);
        String sms = mvc.perform(post("/appointments/book/sms").param("hall", r.code()).with(csrf())
                .header("HX-Request", "true").param("phone", Fixture.phone()).param("itemId", String.valueOf(r.business())))
                .andReturn().getResponse().getContentAsString();
        assertThat(sms).doesNotContain("验证码已发送").contains("本厅暂未开通短信");
        String form = mvc.perform(get("/appointments/book/form").param("hall", r.code())
                .param("item", String.valueOf(r.business())).param("slot", String.valueOf(slot("10:00"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(form).doesNotContain("用于接收预约短信").contains("不会收到短信");
        String mine = mvc.perform(get("/appointments/manage/mine").param("hall", r.code())).andReturn().getResponse()
                .getContentAsString();
        assertThat(mine).contains("id=\"mine-no-sms\"").contains("请用预约码和手机号查询");
    }

    @Test
    void r20_5_withAnSmsGatewayThePagesSayTheSmsWasSent() throws Exception {
        testGateway.take();
        try {
            String sms = mvc.perform(post("/appointments/book/sms").param("hall", r.code()).with(csrf())
                    .header("HX-Request", "true").param("phone", Fixture.phone()).param("itemId", String.valueOf(r.business())))
                    .andReturn().getResponse().getContentAsString();
            assertThat(sms).contains("验证码已发送");
            assertThat(gateway.configured()).isTrue();
            MvcResult booked = bookOnThePage("true");
            String page = send(get(booked.getResponse().getRedirectedUrl())).getResponse().getContentAsString();
            assertThat(page).contains("短信已发送").doesNotContain("不会收到短信");
            assertThat(mvc.perform(get("/appointments/manage/mine").param("hall", r.code())).andReturn().getResponse()
                    .getContentAsString()).doesNotContain("id=\"mine-no-sms\"");
        } finally {
            testGateway.disarm();
        }
    }

    @Test
    void r20_5_myBookingsOpenOnlyWithThePhoneAndItsSmsCodeAndCancel() throws Exception {
        String phone = Fixture.phone();
        Bookings.Booking first = bookings.book(r.site(), Fixture.form(r.business(), slot("09:00"), "孙梅", Fixture.idNumber(), phone, AppointmentForms.Channel.WEB));
        Bookings.Booking second = bookings.book(r.site(), Fixture.form(r.socialCard(), fixture.slot(r, r.window5(), "09:00"), "孙梅", Fixture.idNumber(), phone, AppointmentForms.Channel.WEB));
        Bookings.Booking other = bookings.book(r.site(), Fixture.form(r.business(), slot("09:30"), "周强", Fixture.idNumber(), Fixture.phone(), AppointmentForms.Channel.WEB));
        String code = challenges.sendMine(r.site(), phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        String refused = send(post("/appointments/manage/mine").param("hall", r.code()).with(csrf())
                .param("phone", phone).param("smsCode", wrong)).getResponse().getContentAsString();
        assertThat(refused).contains("验证码不对").contains("value=\"" + phone + "\"").doesNotContain(first.displayCode());
        String noCode = send(post("/appointments/manage/mine").param("hall", r.code()).with(csrf())
                .param("phone", phone)).getResponse().getContentAsString();
        assertThat(noCode).contains("请输入6位短信验证码").doesNotContain(first.displayCode());
        assertThat(send(post("/appointments/manage/mine/cancel").param("hall", r.code()).with(csrf())
                .param("id", String.valueOf(first.id()))).getResponse().getStatus()).isEqualTo(302);
        assertThat(bookings.byId(r.site(), first.id()).status()).as("nothing cancelled before the code").isEqualTo(Status.BOOKED);

        MockHttpServletResponse opened = send(post("/appointments/manage/mine").param("hall", r.code()).with(csrf())
                .param("phone", phone).param("smsCode", code)).getResponse();
        assertThat(opened.getStatus()).isEqualTo(302);
        String list = send(get("/appointments/manage/mine").param("hall", r.code())).getResponse().getContentAsString();
        assertThat(list).contains(first.displayCode()).contains(second.displayCode()).contains("社保卡补换")
                .doesNotContain(other.displayCode()).contains("id=\"cancel-" + first.id() + "\"");
        send(post("/appointments/manage/mine/cancel").param("hall", r.code()).with(csrf())
                .param("id", String.valueOf(other.id())));
        assertThat(bookings.byId(r.site(), other.id()).status()).as("another phone's booking").isEqualTo(Status.BOOKED);
        send(post("/appointments/manage/mine/cancel").param("hall", r.code()).with(csrf())
                .param("id", String.valueOf(first.id())));
        assertThat(bookings.byId(r.site(), first.id()).status()).isEqualTo(Status.CANCELLED);
        cookie = null;
        assertThat(send(post("/appointments/manage/mine").param("hall", r.code()).with(csrf())
                .param("phone", phone).param("smsCode", code)).getResponse()
                .getContentAsString()).as("a code opens the list once").contains("验证码已失效");
    }

    @Test
    void r20_5_theAdminUploadsTheHallsLogoCheckedByContentAndThePublicPagesShowIt() throws Exception {
        UserDetails office = fixture.halls().signIn(r.hall().officeDirector());
        SecurityContextHolder.clearContext();
        assertThat(mvc.perform(get("/appointments/book").param("hall", r.code())).andReturn().getResponse()
                .getContentAsString()).as("a plain mark without a logo").contains("class=\"hall-mark\"").doesNotContain("hall-logo");
        MvcResult bad = mvc.perform(multipart("/appointments/settings/logo").file(new MockMultipartFile("logo", "logo.png",
                "image/png", "<html><script>alert(1)</script></html>".getBytes())).with(user(office)).with(csrf())).andReturn();
        assertThat(bad.getFlashMap().get("logoProblem")).isEqualTo("appointments.logo.type");
        assertThat(mvc.perform(get("/appointments/book/logo").param("hall", r.code())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        byte[] png = Issue20LogoCheckTest.picture("png");
        mvc.perform(multipart("/appointments/settings/logo").file(new MockMultipartFile("logo", "hall.bin",
                "application/octet-stream", png)).with(user(office)).with(csrf()));
        MockHttpServletResponse logo = mvc.perform(get("/appointments/book/logo").param("hall", r.code())).andReturn().getResponse();
        assertThat(logo.getContentType()).isEqualTo("image/png");
        assertThat(logo.getContentAsByteArray()).isEqualTo(png);
        assertThat(logo.getHeader("Content-Security-Policy")).contains("sandbox");
        assertThat(mvc.perform(get("/appointments/book").param("hall", r.code())).andReturn().getResponse()
                .getContentAsString()).contains("class=\"hall-logo\"").contains("/appointments/book/logo?hall=" + r.code());
    }
}
