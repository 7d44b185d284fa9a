package org.hallsafe.shared;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 2: the document type and the body temperature are shared value types, one vocabulary for the gate,
 * the bookings and staff health, with their rules in the type, checked without Spring or a database.
 */
class Issue13SharedValueTypesTest {

    private static String idCard(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    @Test
    void r13_2_aDocumentTypeChecksNormalisesAndMasksItsNumbers() {
        String id = idCard("43090219850612123");
        assertThat(DocumentType.problem(DocumentType.ID_CARD, id)).isNull();
        assertThat(DocumentType.problem(DocumentType.ID_CARD, id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0')))
                .isEqualTo("idNumber.CHECK_DIGIT");
        assertThat(DocumentType.problem(DocumentType.PASSPORT, " ")).isEqualTo("validation.required");
        assertThat(DocumentType.problem(DocumentType.PASSPORT, "E1234567")).isNull();
        assertThat(DocumentType.problem(DocumentType.PASSPORT, "E1<script>")).isEqualTo("gate.docNo.invalid");
        assertThat(DocumentType.problem(null, "E1234567")).as("a number whose type is not chosen yet").isNull();

        assertThat(DocumentType.PASSPORT.normalise(" e1234567 ")).isEqualTo("E1234567");
        assertThat(DocumentType.PASSPORT.mask("E1234567")).isEqualTo("E1****67");
        assertThat(DocumentType.ID_CARD.mask(id)).isEqualTo(new IdNumber(id).masked()).doesNotContain(id.substring(6, 14));
    }

    @Test
    void r13_2_aBodyTemperatureIsWhatAThermometerCanShow() {
        assertThat(BodyTemperature.plausible(new BigDecimal("36.5"))).isTrue();
        assertThat(BodyTemperature.plausible(new BigDecimal("34.0"))).isTrue();
        assertThat(BodyTemperature.plausible(new BigDecimal("43.00"))).isTrue();
        assertThat(BodyTemperature.plausible(new BigDecimal("33.9"))).isFalse();
        assertThat(BodyTemperature.plausible(new BigDecimal("43.1"))).isFalse();
        assertThat(BodyTemperature.plausible(new BigDecimal("36.55"))).as("one decimal at most").isFalse();
        assertThat(BodyTemperature.plausible(null)).isFalse();
    }
}
