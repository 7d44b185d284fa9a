package org.hallsafe.appointments;

import java.time.Clock;
import java.time.LocalDate;

import org.hallsafe.organization.Views.SiteView;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.RetentionProperties;
import org.hallsafe.platform.SmsGateway;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What every public booking page shows at its top and needs to speak truthfully (issue 20, item 5): the hall with its
 * name and logo, its booking settings, today, and whether an SMS really leaves (without a gateway no page says
 * "短信已发送": the code stays on the screen).
 */
@Component
class PublicHall {

    private final Catalogue catalogue;
    private final HallLogos logos;
    private final SmsGateway gateway;
    private final RetentionProperties retention;
    private final Clock clock;

    PublicHall(Catalogue catalogue, HallLogos logos, SmsGateway gateway, RetentionProperties retention, Clock clock) {
        this.catalogue = catalogue;
        this.logos = logos;
        this.gateway = gateway;
        this.retention = retention;
        this.clock = clock;
    }

    SiteView show(String code, Model model) {
        SiteView site = catalogue.hall(code).orElseThrow(() -> NotFoundException.of("hall", code));
        model.addAttribute("hall", site);
        model.addAttribute("hallLogo", logos.exists(site.id()));
        model.addAttribute("smsGateway", gateway.configured());
        model.addAttribute("settings", catalogue.settings(site.id()));
        model.addAttribute("today", LocalDate.now(clock));
        return site;
    }

    boolean smsGateway() {
        return gateway.configured();
    }

    /** How long a booking's name, ID number and phone are kept after its time (hallsafe.retention.bookings). */
    long retentionDays() {
        return retention.period(RetentionProperties.DataClass.BOOKINGS).toDays();
    }
}
