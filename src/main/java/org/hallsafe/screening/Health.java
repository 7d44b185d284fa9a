package org.hallsafe.screening;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.hallsafe.screening.Gate.Symptom;

/** A reading's health data, sealed as one value: temperature, symptoms and the note on "other". */
record Health(BigDecimal temperature, Set<Symptom> symptoms, String note) {

    String seal() {
        return temperature.toPlainString() + "|"
                + symptoms.stream().map(Enum::name).collect(Collectors.joining(",")) + "|" + (note == null ? "" : note);
    }

    /** Opens a sealed reading; none (removed by the retention job) is a reading without temperature or symptoms. */
    static Health open(String sealed) {
        if (sealed == null) {
            return new Health(null, EnumSet.noneOf(Symptom.class), "");
        }
        String[] parts = sealed.split("\\|", 3);
        Set<Symptom> symptoms = parts[1].isEmpty() ? EnumSet.noneOf(Symptom.class)
                : Arrays.stream(parts[1].split(",")).map(Symptom::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Symptom.class)));
        return new Health(new BigDecimal(parts[0]), symptoms, parts.length > 2 ? parts[2] : "");
    }
}
