package org.hallsafe.appointments;

import java.util.UUID;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.hallsafe.appointments.AppointmentForms.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 17 item 2: the booking code (typed, or its QR code scanned) leads the exit scan to the booking's screening. */
@HallSafeTest
class Issue17ExitByCodeTest {

    @Autowired Fixture fixture;
    @Autowired Bookings bookings;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r17_2_theBookingCodeLeadsToTheBookingsScreeningAndASecondScanSaysItIsDone() throws Exception {
        Fixture.Ready r = fixture.create(4, 40);
        Bookings.Booking b = bookings.book(r.site(), Fixture.form(r.business(), fixture.slot(r, r.window1(), "09:30"), "陈静",
                Fixture.idNumber(), Fixture.phone(), Channel.WEB));
        fixture.at(r.monday(), "09:20");
        mvc.perform(post("/api/v1/screening/screenings").with(httpBasic(r.hall().screener(), TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"submissionId":"%s","personType":"CITIZEN","mask":"DISPOSABLE_MEDICAL","temperature":36.4,
                         "noSymptoms":true,"bookingCode":"%s"}""".formatted(UUID.randomUUID(), b.code())))
                .andExpect(status().isCreated());
        long screening = bookings.byId(r.site(), b.id()).screeningId();

        fixture.at(r.monday(), "10:05");
        var screener = fixture.halls().signIn(r.hall().screener());
        mvc.perform(post("/gate/exit").with(user(screener)).with(csrf()).param("bookingCode", " " + b.code().toLowerCase() + " "))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("exit"));
        assertThat(jdbc.sql("SELECT left_at FROM screenings WHERE id = :id").param("id", screening)
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(fixture.time(r.monday(), "10:05"));

        fixture.at(r.monday(), "10:30");
        mvc.perform(post("/api/v1/gate/exits").with(httpBasic(r.hall().screener(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"bookingCode\":\"" + b.code() + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.alreadyLeft").value(true))
                .andExpect(jsonPath("$.screeningId").value(screening));
        assertThat(jdbc.sql("SELECT left_at FROM screenings WHERE id = :id").param("id", screening)
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(fixture.time(r.monday(), "10:05"));
    }
}
