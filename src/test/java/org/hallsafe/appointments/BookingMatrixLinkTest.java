package org.hallsafe.appointments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hallsafe.HallSafeTest;
import org.hallsafe.appointments.AppointmentForms.Channel;
import org.hallsafe.organization.MeasureStatusProvider;
import org.hallsafe.organization.MeasureStatusProvider.MeasureStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Issue 16 item 2: R-SVC from appointments, per window: the day's bookings, and the cell lists exactly them. */
@HallSafeTest
class BookingMatrixLinkTest {

    @Autowired Fixture fixture;
    @Autowired Bookings bookings;
    @Autowired List<MeasureStatusProvider> providers;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r16_2_aWindowsServiceCellCountsTheDaysBookingsAndListsExactlyThoseCounted() throws Exception {
        Fixture.Ready r = fixture.create(4, 40);
        fixture.halls().signIn(r.hall().admin());
        List<String> states = List.of("DONE", "ARRIVED", "BOOKED", "NO_SHOW", "CANCELLED", "REFUSED");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            Bookings.Booking b = bookings.book(r.site(), Fixture.form(r.business(),
                    fixture.slot(r, r.window1(), i < 3 ? "09:00" : "09:30"), "陈静", Fixture.idNumber(), Fixture.phone(),
                    Channel.WEB));
            jdbc.sql("UPDATE bookings SET status = :s WHERE id = :id").param("s", states.get(i)).param("id", b.id()).update();
            codes.add(b.code());
        }
        String atFive = bookings.book(r.site(), Fixture.form(r.socialCard(), fixture.slot(r, r.window5(), "10:00"), "李娜",
                Fixture.idNumber(), Fixture.phone(), Channel.WEB)).code();
        fixture.at(r.monday(), "17:00");

        MeasureStatusProvider measure = providers.stream().filter(BookingMeasure.class::isInstance).findFirst().orElseThrow();
        assertThat(measure.measureCode()).isEqualTo("R-SVC");
        Map<Long, MeasureStatus> windows = measure.windowStatuses(r.site(), r.monday());
        assertThat(windows).as("served and arrived done, booked due, no-show overdue; cancelled and refused nowhere")
                .containsEntry(r.window1(), new MeasureStatus(2, 1, 1)).containsEntry(r.window5(), new MeasureStatus(0, 1, 0));
        assertThat(measure.windowStatuses(r.site(), r.monday().minusDays(1))).isEmpty();

        String html = mvc.perform(get(measure.windowLink(r.site(), r.window1(), r.monday()))
                .with(user(fixture.halls().signIn(r.hall().admin())))).andReturn().getResponse().getContentAsString();
        assertThat(html).contains(codes.subList(0, 4)).doesNotContain(codes.get(4), codes.get(5), atFive);
    }
}
