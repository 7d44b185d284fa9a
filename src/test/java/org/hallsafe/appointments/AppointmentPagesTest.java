package org.hallsafe.appointments;

import java.time.LocalDateTime;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.appointments.AppointmentForms.Channel;
import org.hallsafe.platform.Role;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** R-SVC-2, R-SVC-3 on the staff's pages and through the API: slots, rules, the window's list, the citizen's changes. */
@HallSafeTest
class AppointmentPagesTest {

    @Autowired Fixture fixture;
    @Autowired Bookings bookings;
    @Autowired Catalogue catalogue;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private Fixture.Ready r;
    private UserDetails office;

    @BeforeEach
    void setUp() {
        r = fixture.create(4, 40);
        office = fixture.halls().signIn(r.hall().officeDirector());
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private int slotCount() {
        return jdbc.sql("SELECT count(*) FROM slots WHERE site_id = :s").param("s", r.site()).query(Integer.class).single();
    }

    @Test
    void rSvc3_theOfficeMakesSlotsWeeksAheadReleasesThemLaterAndChangesPlaces() throws Exception {
        int before = slotCount();
        String page = mvc.perform(post("/appointments/slots/generate").with(user(office)).with(csrf())
                        .param("from", r.monday().plusDays(7).toString()).param("to", r.monday().toString())
                        .param("windowIds", String.valueOf(r.window1())).param("capacity", "0").param("hallCap", "40"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("结束日期应在开始日期之后").contains("请输入1到500之间的整数").contains("<details class=\"card card-body mb-3\" open");
        assertThat(slotCount()).isEqualTo(before);

        LocalDateTime release = r.monday().minusDays(1).atTime(9, 0);
        mvc.perform(post("/appointments/slots/generate").with(user(office)).with(csrf())
                        .param("from", r.monday().plusDays(7).toString()).param("to", r.monday().plusDays(7).toString())
                        .param("windowIds", String.valueOf(r.window1())).param("capacity", "3").param("hallCap", "30")
                        .param("releaseAt", release.toString()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("generated"));
        assertThat(slotCount()).isEqualTo(before + 13);
        String later = r.monday().plusDays(7).toString();
        mvc.perform(get("/api/v1/appointments/public/slots").param("hall", r.code()).param("item", String.valueOf(r.business()))
                .param("day", later)).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        String grid = mvc.perform(get("/appointments/slots").param("day", later).with(user(office)))
                .andReturn().getResponse().getContentAsString();
        assertThat(grid).contains("未放号").contains("slot-grid");
        mvc.perform(post("/appointments/slots/release").param("day", later).with(user(office)).with(csrf()))
                .andExpect(flash().attribute("released", 13));
        mvc.perform(get("/api/v1/appointments/public/slots").param("hall", r.code()).param("item", String.valueOf(r.business()))
                .param("day", later)).andExpect(jsonPath("$.length()").value(13)).andExpect(jsonPath("$[0].remaining").value(3));

        long nine = fixture.slot(r, r.window1(), "09:00");
        bookings.book(r.site(), Fixture.form(r.business(), nine, "陈静", Fixture.idNumber(), "13907370001", Channel.WEB));
        bookings.book(r.site(), Fixture.form(r.business(), nine, "李强", Fixture.idNumber(), "13907370002", Channel.WEB));
        mvc.perform(post("/appointments/slots/{id}/capacity", nine).param("capacity", "1").with(user(office)).with(csrf()))
                .andExpect(flash().attribute("problem", "appointments.slots.belowBooked"));
        mvc.perform(post("/appointments/slots/{id}/capacity", nine).param("capacity", "6").with(user(office)).with(csrf()))
                .andExpect(flash().attribute("changed", true));
        assertThat(jdbc.sql("SELECT capacity FROM slots WHERE id = :id").param("id", nine).query(Integer.class).single()).isEqualTo(6);
        mvc.perform(post("/appointments/slots/hall-cap").param("startsAt", fixture.time(r.monday(), "09:00").toString())
                .param("cap", "1").with(user(office)).with(csrf()))
                .andExpect(flash().attribute("problem", "appointments.slots.belowBooked"));
    }

    @Test
    void rSvc3_aSlotThatFilledUpMeanwhileOffersTheNextFreeSlotsOnThePage() throws Exception {
        long nine = fixture.slot(r, r.window1(), "09:00");
        for (int i = 0; i < 4; i++) {
            bookings.book(r.site(), Fixture.form(r.business(), nine, "赵" + i, Fixture.idNumber(), "1390737000" + i, Channel.WEB));
        }
        String page = mvc.perform(post("/appointments/book").param("hall", r.code()).with(csrf())
                        .param("submissionId", java.util.UUID.randomUUID().toString()).param("itemId", String.valueOf(r.business()))
                        .param("slotId", String.valueOf(nine)).param("name", "陈静").param("docType", "ID_CARD")
                        .param("docNo", Fixture.idNumber()).param("phone", "13907370009").param("consent", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("这个时段已约满").contains("还有名额的时段")
                .contains("slot=" + fixture.slot(r, r.window1(), "08:30")).contains("value=\"陈静\"");
        String desk = mvc.perform(post("/appointments/desk").with(user(office)).with(csrf())
                        .param("submissionId", java.util.UUID.randomUUID().toString()).param("itemId", String.valueOf(r.business()))
                        .param("slotId", String.valueOf(nine)).param("name", "陈静").param("docType", "ID_CARD")
                        .param("docNo", Fixture.idNumber()).param("phone", "13907370009").param("channel", "PHONE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(desk).contains("这个时段已约满").contains("还有名额的时段");
    }

    @Test
    void rSvc1_postponedOpeningNeedsItsNoticeAndTheRulesKeepWhatWasTyped() throws Exception {
        String page = mvc.perform(post("/appointments/settings").with(user(office)).with(csrf())
                        .param("slotMinutes", "30").param("windowCapacity", "4").param("hallCap", "0")
                        .param("perPersonDaily", "2").param("daysAhead", "14").param("noShowMinutes", "30")
                        .param("postponed", "true").param("_postponed", "on").param("_smsVerification", "on").param("postponedMessage", "").param("hotline", "0737-4221234")
                        .param("reminderDayText", "明天{time}").param("reminderHourText", "{time}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("推迟开放前，请先在“通告管理”里发布一则“推迟开放通告”").contains("请输入1到5000之间的整数").contains("value=\"0737-4221234\"");
        assertThat(catalogue.settings(r.site()).postponed()).isFalse();
        String items = mvc.perform(post("/appointments/items").with(user(office)).with(csrf()).param("name", "公积金提取")
                .param("minutes", "20").param("onlineUrl", "gjj").param("_agency", "on")).andReturn().getResponse().getContentAsString();
        assertThat(items).contains("请至少选择一个窗口").contains("链接应以").contains("value=\"公积金提取\"");
    }

    @Test
    void rSvc3_theWindowCallsTheNextPersonAndACitizenCancelsByCodeAndPhone() throws Exception {
        Bookings.Booking b = bookings.book(r.site(), Fixture.form(r.business(), fixture.slot(r, r.window1(), "09:00"), "陈静",
                Fixture.idNumber(), "13907370001", Channel.WEB));
        String manage = mvc.perform(post("/appointments/manage").param("hall", r.code()).with(csrf())
                .param("code", b.code()).param("phone", "13907370009")).andReturn().getResponse().getContentAsString();
        assertThat(manage).contains("没有找到").doesNotContain("取消预约<");
        manage = mvc.perform(post("/appointments/manage").param("hall", r.code()).with(csrf())
                .param("code", b.code()).param("phone", "13907370001")).andReturn().getResponse().getContentAsString();
        assertThat(manage).contains("企业开办（设立登记）").contains("已预约").contains("取消预约");
        manage = mvc.perform(post("/appointments/manage").param("hall", r.code()).with(csrf()).param("action", "cancel")
                .param("code", b.code()).param("phone", "13907370001")).andReturn().getResponse().getContentAsString();
        assertThat(manage).contains("已取消预约，名额已释放").contains("已取消");

        Bookings.Booking c = bookings.book(r.site(), Fixture.form(r.business(), fixture.slot(r, r.window1(), "09:30"), "李强",
                Fixture.idNumber(), "13907370002", Channel.WEB));
        fixture.at(r.monday(), "09:20");
        jdbc.sql("UPDATE bookings SET status = 'ARRIVED', arrived_at = now() WHERE id = :id").param("id", c.id()).update();
        mvc.perform(post("/appointments/window/{w}/next", r.window1()).with(user(office)).with(csrf()))
                .andExpect(flash().attribute("called", c.code()));
        String list = mvc.perform(get("/appointments").param("window", String.valueOf(r.window1())).with(user(office)))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("李强").contains("已叫号").contains("叫下一位").contains("已取消");
    }

    @Test
    void rSvc3_theApiBooksForACallerAndAnswersFullWithTheNextFreeSlots() throws Exception {
        String staff = accounts.create(Role.STAFF, r.site());
        long nine = fixture.slot(r, r.window5(), "09:00");
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/api/v1/appointments/bookings").with(httpBasic(staff, TestAccounts.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"submissionId":"%s","itemId":%d,"slotId":%d,"name":"赵%d","docType":"ID_CARD","docNo":"%s",
                             "phone":"1380737000%d","channel":"WALK_IN"}""".formatted(java.util.UUID.randomUUID(),
                            r.socialCard(), nine, i, Fixture.idNumber(), i)))
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.channel").value("WALK_IN"))
                    .andExpect(jsonPath("$.phoneMasked").value("138****000" + i));
        }
        mvc.perform(post("/api/v1/appointments/public/bookings").param("hall", r.code()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"submissionId":"%s","itemId":%d,"slotId":%d,"name":"钱芳","docType":"ID_CARD","docNo":"%s",
                                 "phone":"13807371111","channel":"PHONE","consent":true}""".formatted(java.util.UUID.randomUUID(),
                                r.socialCard(), nine, Fixture.idNumber())))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.title").value("full"))
                .andExpect(jsonPath("$.nextSlots[0].remaining").value(4));
        mvc.perform(post("/api/v1/appointments/bookings").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/appointments/public/items").param("hall", r.code()))
                .andExpect(jsonPath("$.length()").value(2)).andExpect(jsonPath("$[*].agency").value(org.hamcrest.Matchers.hasItem(true)));
    }
}
