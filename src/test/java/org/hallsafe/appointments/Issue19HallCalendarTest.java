package org.hallsafe.appointments;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.hallsafe.HallSafeTest;
import org.hallsafe.appointments.AppointmentForms.GenerateForm;
import org.hallsafe.organization.HallCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 19, item 7: appointments read the one hall calendar that the calendar screen keeps. */
@HallSafeTest
class Issue19HallCalendarTest {

    @Autowired Fixture fixture;
    @Autowired Slots slots;
    @Autowired HallCalendar calendar;
    @Autowired MockMvc mvc;

    private Fixture.Ready r;
    private UserDetails office;

    @BeforeEach
    void setUp() {
        r = fixture.create(4, 40);
        office = fixture.halls().signIn(r.hall().officeDirector());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r19_7_noSlotsOnAHolidayAndSlotsOnATiaoxiuWeekendFromTheScreensCalendar() throws Exception {
        LocalDate tuesday = r.monday().plusDays(1);
        LocalDate saturday = r.monday().plusDays(5);
        mvc.perform(post("/appointments/calendar/days").with(user(office)).with(csrf())
                .param("day", tuesday.toString()).param("open", "false").param("note", "元旦"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("daySaved", true));
        mvc.perform(post("/appointments/calendar/days").with(user(office)).with(csrf())
                .param("day", saturday.toString()).param("open", "true").param("note", "元旦调休上班"))
                .andExpect(status().is3xxRedirection());

        slots.generate(r.site(), new GenerateForm(tuesday, saturday.plusDays(1), List.of(r.window1()), 4, 40, null));
        assertThat(slots.day(r.site(), tuesday)).as("a holiday has no slots").isEmpty();
        assertThat(slots.day(r.site(), saturday)).as("a 调休 Saturday has a working day's slots").hasSize(13);
        assertThat(slots.day(r.site(), saturday.plusDays(1))).as("an ordinary Sunday").isEmpty();
        assertThat(slots.days(r.site(), r.business(), 14)).extracting(Slots.Day::day)
                .contains(saturday).doesNotContain(tuesday, saturday.plusDays(1));
    }

    @Test
    void r19_7_theCalendarFacadeReadsWhatTheAppointmentsScreenWrites() throws Exception {
        LocalDate friday = r.monday().plusDays(4);
        mvc.perform(post("/appointments/calendar/days").with(user(office)).with(csrf())
                .param("day", r.monday().plusDays(2).toString()).param("open", "false").param("note", "春节"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/appointments/calendar/days").with(user(office)).with(csrf())
                .param("day", friday.toString()).param("open", "true").param("note", "提前下班")
                .param("opens", "09:00").param("closes", "12:00"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("daySaved", true));
        // special hours that end before they start are refused beside the form, and nothing is stored
        mvc.perform(post("/appointments/calendar/days").with(user(office)).with(csrf())
                .param("day", r.monday().plusDays(3).toString()).param("open", "true").param("note", "错")
                .param("opens", "12:00").param("closes", "09:00"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("dayProblem", "calendar.hours.invalid"));

        assertThat(calendar.isWorkingDay(r.site(), r.monday().plusDays(2))).isFalse();
        assertThat(calendar.hours(r.site(), r.monday().plusDays(2)).note()).isEqualTo("春节");
        HallCalendar.DayHours short_ = calendar.hours(r.site(), friday);
        assertThat(short_.open()).isTrue();
        assertThat(short_.opens()).isEqualTo(LocalTime.of(9, 0));
        assertThat(short_.closes()).isEqualTo(LocalTime.of(12, 0));
        assertThat(calendar.hours(r.site(), r.monday().plusDays(3)).exception()).isFalse();
        assertThat(calendar.days(r.site(), r.monday())).extracting(HallCalendar.CalendarDay::note)
                .containsExactly("春节", "提前下班");
        assertThat(calendar.workingDaysBetween(r.site(), r.monday(), r.monday().plusDays(7))).as("Tue, Thu, Fri, Mon")
                .isEqualTo(4);

        slots.generate(r.site(), new GenerateForm(friday, friday, List.of(r.window1()), 4, 40, null));
        assertThat(slots.day(r.site(), friday)).as("09:00–12:00 in half hours").hasSize(6);
        String page = mvc.perform(get("/appointments/calendar").with(user(office))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("春节", "提前下班", "09:00–12:00");
    }
}
