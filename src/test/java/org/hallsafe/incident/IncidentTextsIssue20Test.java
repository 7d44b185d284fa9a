package org.hallsafe.incident;

import java.util.Locale;

import org.hallsafe.HallSafeTest;
import org.hallsafe.TestHall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20, item 7: an incident reported as keys reads in its reader's language; an old one as it was stored. */
@HallSafeTest
class IncidentTextsIssue20Test {

    @Autowired TestHall halls;
    @Autowired Incidents incidents;
    @Autowired IncidentTexts texts;

    @AfterEach
    void tearDown() {
        LocaleContextHolder.resetLocaleContext();
        SecurityContextHolder.clearContext();
    }

    @Test
    void r20_7_aRefusalReadsInTheReadersLanguageAndOldRowsAsStored() {
        TestHall.Hall hall = halls.create();
        halls.signIn(hall.leader());
        long id = incidents.report(hall.siteId(), "screening", "r20-7-a",
                Incidents.Text.of("gate.incident.title", "王五", Incidents.Words.of("gate.personType.CITIZEN")),
                Incidents.Text.of("gate.incident.details", "2026-12-02 09:00", "王五",
                        Incidents.Words.of("gate.personType.CITIZEN"), "138****0000",
                        Incidents.Words.of("gate.reason.NO_MASK", "gate.reason.FEVER"), "37.9", "screener"));
        long old = incidents.report(hall.siteId(), "screening", "r20-7-old", "入口劝返：老记录", "详情");
        Incidents.Incident incident = incidents.get(hall.siteId(), id);
        // the SMS and other readers of title() keep the hall's Chinese sentence
        assertThat(incident.title()).isEqualTo("入口劝返：王五（办事群众）");

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(texts.title(incident)).isEqualTo("Refused at the entrance: 王五 (Citizen)");
        assertThat(incidents.record(hall.siteId(), id).details()).contains("Why: no mask, temperature too high")
                .contains("Temperature: 37.9 °C").doesNotContain("原因");
        assertThat(texts.title(incidents.get(hall.siteId(), old))).isEqualTo("入口劝返：老记录");
        assertThat(incidents.record(hall.siteId(), old).details()).isEqualTo("详情");

        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(texts.title(incident)).isEqualTo("入口劝返：王五（办事群众）");
        assertThat(incidents.record(hall.siteId(), id).details()).contains("原因：未戴口罩、体温超标");
    }
}
