package org.hallsafe.appointments;

import org.hallsafe.HallSafeTest;
import org.hallsafe.appointments.AppointmentForms.SettingsForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13, item 4 in appointments: a hall's settings are read once per request. */
@HallSafeTest
class Issue13AppointmentsTest {

    @Autowired Fixture fixture;
    @Autowired Catalogue catalogue;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void leave() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    @Test
    void r13_5_hallSettingsAreReadOncePerRequestAndSavingThemIsSeenAtOnce() {
        Fixture.Ready r = fixture.create(4, 40);
        fixture.halls().signIn(r.hall().admin());
        catalogue.saveSettings(r.site(), new SettingsForm(30, 4, 40, 2, 14, 30, false, false, "", "", "{code}", "{code}"));

        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThat(catalogue.settings(r.site()).perPersonDaily()).isEqualTo(2);
        // changed behind the request's back: the request keeps the rules it read (one read per request)
        jdbc.sql("UPDATE appointment_settings SET per_person_daily = 5 WHERE site_id = :site").param("site", r.site()).update();
        assertThat(catalogue.settings(r.site()).perPersonDaily()).isEqualTo(2);
        // saving within the request forgets what it read
        catalogue.saveSettings(r.site(), new SettingsForm(30, 4, 40, 3, 14, 30, false, false, "", "", "{code}", "{code}"));
        assertThat(catalogue.settings(r.site()).perPersonDaily()).isEqualTo(3);

        // a new request, and work outside any request (jobs), read afresh
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        jdbc.sql("UPDATE appointment_settings SET per_person_daily = 4 WHERE site_id = :site").param("site", r.site()).update();
        assertThat(catalogue.settings(r.site()).perPersonDaily()).isEqualTo(4);
        RequestContextHolder.resetRequestAttributes();
        jdbc.sql("UPDATE appointment_settings SET per_person_daily = 6 WHERE site_id = :site").param("site", r.site()).update();
        assertThat(catalogue.settings(r.site()).perPersonDaily()).isEqualTo(6);
    }
}
