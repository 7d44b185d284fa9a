package org.hallsafe.appointments;

import java.time.Duration;
import java.util.UUID;

import org.hallsafe.HallSafeTest;
import org.hallsafe.appointments.AppointmentForms.BookingForm;
import org.hallsafe.appointments.AppointmentForms.Channel;
import org.hallsafe.appointments.AppointmentForms.SettingsForm;
import org.hallsafe.appointments.AppointmentForms.Status;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.shared.DocumentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 12, items 3, 4, 5 and the codes part of 14: rate limits on the citizens' booking pages, public API and
 * sign-in; one phone cannot hoard places; an SMS code books once; a booking code answers nothing without its phone.
 * Every other test sends from 127.0.0.1, which the test configuration exempts from the per-address limits; these
 * tests send from addresses of their own and meet the real default limits.
 */
@HallSafeTest
@ExtendWith(OutputCaptureExtension.class)
class Issue12PublicBookingTest {

    @Autowired Fixture fixture;
    @Autowired Bookings bookings;
    @Autowired Catalogue catalogue;
    @Autowired SmsChallenges challenges;
    @Autowired MockMvc mvc;

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

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private long slot(String time) {
        return fixture.slot(r, r.window1(), time);
    }

    private BookingForm web(String phone, String smsCode) {
        return new BookingForm(UUID.randomUUID(), r.business(), slot("09:00"), "陈静", DocumentType.ID_CARD,
                Fixture.idNumber(), phone, smsCode, Channel.WEB);
    }

    // ---- item 3: rate limits

    @Test
    void r12_3_signInPerAddressAnswers429WithRetryAfter() throws Exception {
        // default: 30 sign-ins per 15 minutes from one address
        for (int i = 0; i < 30; i++) {
            MockHttpServletResponse answer = mvc.perform(post("/login").with(csrf()).with(from("10.12.3.1"))
                    .param("username", "nobody-" + i).param("password", "wrong")).andReturn().getResponse();
            assertThat(answer.getStatus()).isEqualTo(302);
        }
        MockHttpServletResponse refused = mvc.perform(post("/login").with(csrf()).with(from("10.12.3.1"))
                .param("username", "nobody-x").param("password", "wrong")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isPositive();
        assertThat(refused.getForwardedUrl()).as("the sign-in page again, with the wait").isEqualTo("/login");
        assertThat(mvc.perform(post("/login").with(csrf()).with(from("10.12.3.2")).param("username", "nobody-x")
                .param("password", "wrong")).andReturn().getResponse().getStatus()).as("another address").isEqualTo(302);
        String page = mvc.perform(get("/login").requestAttr("rateLimitMinutes", 7L)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("操作太频繁，请 7 分钟后再试");
    }

    @Test
    void r12_3_apiSignInFailuresPerAddressAnswer429ProblemDetail() throws Exception {
        for (int i = 0; i < 30; i++) {
            assertThat(mvc.perform(get("/api/v1/appointments/bookings").param("day", r.monday().toString())
                    .with(httpBasic("nobody-api-" + i, "wrong")).with(from("10.12.3.9"))).andReturn().getResponse()
                    .getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse refused = mvc.perform(get("/api/v1/appointments/bookings")
                .param("day", r.monday().toString()).with(httpBasic("nobody-api-x", "wrong")).with(from("10.12.3.9")))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":429").contains("分钟后再试");
    }

    @Test
    void r12_3_publicBookingPerAddressAnswers429OnThePage() throws Exception {
        // default: 60 booking attempts an hour from one address; these are refused as incomplete and store nothing
        for (int i = 0; i < 60; i++) {
            assertThat(bookPage("10.12.4.1", "").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = bookPage("10.12.4.1", "");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isPositive();
        assertThat(refused.getContentAsString()).contains("操作太频繁，请").contains("分钟后再试")
                .contains("value=\"陈静\"");
    }

    private MockHttpServletResponse bookPage(String address, String phone) throws Exception {
        return mvc.perform(post("/appointments/book").param("hall", r.code()).with(csrf()).with(from(address))
                .param("submissionId", UUID.randomUUID().toString()).param("itemId", String.valueOf(r.business()))
                .param("slotId", String.valueOf(slot("09:00"))).param("name", "陈静").param("docType", "ID_CARD")
                .param("docNo", "").param("phone", phone)).andReturn().getResponse();
    }

    @Test
    void r12_3_publicBookingPerPhoneAnswers429InTheApi() throws Exception {
        String phone = Fixture.phone();
        // default: 10 booking attempts an hour per phone, from any address; these have too short an ID number
        for (int i = 0; i < 10; i++) {
            assertThat(apiBook(phone, "43090219760304" + i).getStatus()).isEqualTo(400);
        }
        MockHttpServletResponse refused = apiBook(phone, "430902197603041");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("操作太频繁");
        assertThat(apiBook(Fixture.phone(), "430902197603042").getStatus()).as("another phone").isEqualTo(400);
    }

    private MockHttpServletResponse apiBook(String phone, String docNo) throws Exception {
        return mvc.perform(post("/api/v1/appointments/public/bookings").param("hall", r.code())
                .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN").content("""
                        {"submissionId":"%s","itemId":%d,"slotId":%d,"name":"陈静","docType":"ID_CARD","docNo":"%s","phone":"%s"}"""
                        .formatted(UUID.randomUUID(), r.business(), slot("09:00"), docNo, phone)))
                .andReturn().getResponse();
    }

    @Test
    void r12_3_smsCodesPerPhoneAnswer429() throws Exception {
        String phone = Fixture.phone();
        // default: 5 codes an hour per phone (and one a minute, which answers "wait" beside the field)
        for (int i = 0; i < 5; i++) {
            assertThat(sms(phone, "10.12.6.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = sms(phone, "10.12.6.2");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getContentAsString()).contains("操作太频繁，请");
    }

    private MockHttpServletResponse sms(String phone, String address) throws Exception {
        return mvc.perform(post("/appointments/book/sms").param("hall", r.code()).with(csrf()).with(from(address))
                .header("HX-Request", "true").param("phone", phone).param("itemId", String.valueOf(r.business())))
                .andReturn().getResponse();
    }

    // ---- item 4: one phone, one SMS code

    @Test
    void r12_4_onePhoneWithManyValidIdNumbersBooksOnlyTwoADay() {
        String phone = Fixture.phone();
        int booked = 0;
        for (int i = 0; i < 6; i++) {
            try {
                bookings.book(r.site(), web(phone, null));
                booked++;
            } catch (InvalidInputException e) {
                assertThat(e.problems()).containsEntry("phone", "appointments.book.phoneDaily");
            }
        }
        assertThat(booked).isEqualTo(2);
    }

    @Test
    void r12_4_oneSmsCodeBooksOnceAndOnlyTheItemItWasSentFor() {
        fixture.halls().signIn(r.hall().admin());
        catalogue.saveSettings(r.site(), new SettingsForm(30, 10, 100, 2, 14, 30, true, false, "", "", "{code}", "{code}"));
        SecurityContextHolder.clearContext();
        String phone = Fixture.phone();
        String code = challenges.send(r.site(), phone, r.socialCard());
        assertThatThrownBy(() -> bookings.book(r.site(), web(phone, code)))
                .as("sent for another item").isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsKey("smsCode"));
        fixture.at(r.monday().minusDays(3), "10:02");
        String second = challenges.send(r.site(), phone, r.business());
        assertThat(bookings.book(r.site(), web(phone, second)).status()).isEqualTo(Status.BOOKED);
        assertThatThrownBy(() -> bookings.book(r.site(), web(phone, second)))
                .as("the same code for a second person").isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsKey("smsCode"));
    }

    // ---- item 5: codes

    @Test
    void r12_5_codesAreEightOfThirtyTwoSymbolsShownInTwoGroups() {
        String phone = Fixture.phone();
        Bookings.Booking b = bookings.book(r.site(), web(phone, null));
        assertThat(b.code()).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}");
        assertThat(b.displayCode()).isEqualTo(b.code().substring(0, 4) + " " + b.code().substring(4));
        assertThat(bookings.mine(r.site(), b.displayCode().toLowerCase(), phone).id())
                .as("typed with the space and in small letters").isEqualTo(b.id());
    }

    @Test
    void r12_5_bookedPageNeedsCodeAndPhone() throws Exception {
        String phone = Fixture.phone();
        Bookings.Booking b = bookings.book(r.site(), web(phone, null));
        MockHttpServletResponse guessed = mvc.perform(get("/appointments/booked").param("hall", r.code())
                .param("code", b.code())).andReturn().getResponse();
        assertThat(guessed.getStatus()).isEqualTo(302);
        assertThat(guessed.getRedirectedUrl()).contains("/appointments/manage").doesNotContain(b.code());
        assertThat(guessed.getContentAsString()).doesNotContain("企业开办");

        // right after booking on the page, the confirmation shows the code once, carried in the flash
        var result = mvc.perform(post("/appointments/book").param("hall", r.code()).with(csrf())
                .param("submissionId", UUID.randomUUID().toString()).param("itemId", String.valueOf(r.business()))
                .param("slotId", String.valueOf(slot("10:00"))).param("name", "黄丽").param("docType", "ID_CARD")
                .param("docNo", Fixture.idNumber()).param("phone", Fixture.phone()).param("consent", "true")).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("code=");
        String code = (String) result.getFlashMap().get(PublicBookingPages.BOOKED);
        assertThat(code).hasSize(8);
        jakarta.servlet.http.Cookie session = result.getResponse().getCookie("SESSION");
        assertThat(session).as("the flash lives in the session the booking form already has").isNotNull();
        MockHttpServletResponse confirmation = mvc.perform(get(result.getResponse().getRedirectedUrl()).cookie(session))
                .andReturn().getResponse();
        assertThat(confirmation.getStatus()).as(String.valueOf(confirmation.getRedirectedUrl())).isEqualTo(200);
        String page = confirmation.getContentAsString();
        assertThat(page).contains(code.substring(0, 4) + " " + code.substring(4)).contains("企业开办");
        assertThat(mvc.perform(get(result.getResponse().getRedirectedUrl()).cookie(session)).andReturn().getResponse()
                .getStatus()).as("shown once: opened again it asks for code and phone").isEqualTo(302);

        String manage = mvc.perform(post("/appointments/manage").param("hall", r.code()).with(csrf())
                .param("code", b.code()).param("phone", "")).andReturn().getResponse().getContentAsString();
        assertThat(manage).as("the code alone finds nothing").doesNotContain("id=\"my-booking\"");
    }

    @Test
    void r12_5_wrongPhonesLockTheCodeForAWhile() throws Exception {
        String phone = Fixture.phone();
        Bookings.Booking b = bookings.book(r.site(), web(phone, null));
        // default: 5 wrong phones per code in 24 hours, from any address
        for (int i = 0; i < 5; i++) {
            assertThat(apiCancel(b.code(), "1390737" + String.format("%04d", i), "10.12.7." + i).getStatus()).isEqualTo(400);
        }
        MockHttpServletResponse locked = apiCancel(b.code(), phone, "10.12.7.9");
        assertThat(locked.getStatus()).as("even with the right phone now").isEqualTo(429);
        assertThat(locked.getHeader("Retry-After")).isNotBlank();
        assertThat(bookings.find(r.site(), b.code()).orElseThrow().status()).isEqualTo(Status.BOOKED);
        Bookings.Booking other = bookings.book(r.site(), web(Fixture.phone(), null));
        assertThat(apiCancel(other.code(), "13907370000", "10.12.7.9").getStatus()).as("other codes are not locked")
                .isEqualTo(400);
    }

    private MockHttpServletResponse apiCancel(String code, String phone, String address) throws Exception {
        return mvc.perform(post("/api/v1/appointments/public/bookings/{code}/cancel", code).param("hall", r.code())
                .with(from(address)).contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\"" + phone + "\"}"))
                .andReturn().getResponse();
    }

    @Test
    void r12_5_lookUpsPerAddressAnswer429OnThePage() throws Exception {
        // default: 30 look-ups an hour from one address
        for (int i = 0; i < 30; i++) {
            assertThat(manage("10.12.8.1", "ZZZZ" + String.format("%04d", i)).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = manage("10.12.8.1", "ZZZZYYYY");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getContentAsString()).contains("操作太频繁，请");
    }

    private MockHttpServletResponse manage(String address, String code) throws Exception {
        return mvc.perform(post("/appointments/manage").param("hall", r.code()).with(csrf()).with(from(address))
                .param("code", code).param("phone", "13907370001")).andReturn().getResponse();
    }

    // ---- item 14: no codes in the log

    @Test
    void r12_14_theLogHoldsNoSmsCodeAndNoBookingCode(CapturedOutput output) {
        String phone = Fixture.phone();
        String sms = challenges.send(r.site(), phone, r.business());
        Bookings.Booking b = bookings.book(r.site(), web(Fixture.phone(), null));
        // the outbox's worker sends after the commit, on a thread of its own
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(output.getAll()).contains("SMS (no gateway configured)"));
        assertThat(output.getAll()).doesNotContain(sms).doesNotContain(b.code());
    }
}
