package org.hallsafe.screening;

import java.math.BigDecimal;
import java.util.Set;

import org.hallsafe.screening.Gate.Symptom;
import org.springframework.stereotype.Service;

/**
 * What other modules may read of a hall's gate (staff health checks a reading like the gate does): the fever
 * threshold and the symptoms the hall asks about. The gate desk itself stays screening's own.
 */
@Service
public class ReadingRules {

    /** A hall's rules for a reading. */
    public record HallRules(BigDecimal feverThreshold, Set<Symptom> symptoms) {
    }

    private final GateDesk desk;

    ReadingRules(GateDesk desk) {
        this.desk = desk;
    }

    /** The hall's rules, read once per request by the caller. */
    public HallRules of(long siteId) {
        GateDesk.Settings settings = desk.settings(siteId);
        return new HallRules(settings.feverThreshold(), settings.symptoms());
    }
}
