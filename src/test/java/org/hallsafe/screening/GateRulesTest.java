package org.hallsafe.screening;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Validation;
import org.hallsafe.platform.FormShape;
import org.hallsafe.screening.Gate.Decision;
import org.hallsafe.screening.Gate.Mask;
import org.hallsafe.screening.Gate.PersonType;
import org.hallsafe.screening.Gate.Symptom;
import org.hallsafe.shared.DocumentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** R-SCR-1, R-SCR-2: the gate's rules and the checks on what the screener typed. */
class GateRulesTest {

    private static final BigDecimal DEFAULT = new BigDecimal("37.3");
    private static final Set<Symptom> NONE = EnumSet.noneOf(Symptom.class);

    private static Gate.Outcome decide(String mask, String temperature, Set<Symptom> symptoms, boolean recheck) {
        return Gate.decide(Mask.valueOf(mask), new BigDecimal(temperature), symptoms, DEFAULT, recheck);
    }

    @Test
    void rScr2_refusesEntryWithoutAMask() {
        assertThat(decide("NONE", "36.5", NONE, false)).isEqualTo(new Gate.Outcome(Decision.REFUSED, List.of("NO_MASK")));
    }

    @ParameterizedTest
    @EnumSource(Symptom.class)
    void rScr2_refusesEntryWithEachSymptom(Symptom symptom) {
        Gate.Outcome outcome = decide("DISPOSABLE_MEDICAL", "36.5", EnumSet.of(symptom), false);
        assertThat(outcome.decision()).isEqualTo(Decision.REFUSED);
        assertThat(outcome.reasons()).containsExactly("SYMPTOM_" + symptom.name());
    }

    @Test
    void admitsAt37Point2AndStopsAt37Point3ByDefault() {
        assertThat(decide("N95_KN95", "37.2", NONE, false).decision()).isEqualTo(Decision.ADMITTED);
        assertThat(decide("N95_KN95", "37.3", NONE, false))
                .isEqualTo(new Gate.Outcome(Decision.RECHECK, List.of("FEVER")));
        assertThat(decide("N95_KN95", "37.3", NONE, true))
                .isEqualTo(new Gate.Outcome(Decision.REFUSED, List.of("FEVER")));
    }

    @Test
    void followsAThresholdTheHallConfigured() {
        BigDecimal strict = new BigDecimal("37.0");
        assertThat(Gate.decide(Mask.OTHER, new BigDecimal("36.9"), NONE, strict, false).decision()).isEqualTo(Decision.ADMITTED);
        assertThat(Gate.decide(Mask.OTHER, new BigDecimal("37.0"), NONE, strict, false).decision()).isEqualTo(Decision.RECHECK);
    }

    @Test
    void refusesAtOnceWhenAFeverComesWithASymptomOrNoMask() {
        assertThat(decide("NONE", "38.0", EnumSet.of(Symptom.COUGH), false))
                .isEqualTo(new Gate.Outcome(Decision.REFUSED, List.of("NO_MASK", "FEVER", "SYMPTOM_COUGH")));
    }

    @Test
    void admitsAReMeasureBelowTheThreshold() {
        assertThat(decide("DISPOSABLE_MEDICAL", "36.9", NONE, true).decision()).isEqualTo(Decision.ADMITTED);
    }

    private static GateForm citizen(DocumentType type, String docNo, String temperature) {
        return new GateForm(UUID.randomUUID(), PersonType.CITIZEN, null, "王芳", type, docNo, "13812345678",
                Mask.DISPOSABLE_MEDICAL, temperature == null ? null : new BigDecimal(temperature), List.of(), true, "",
                null, null, "", null);
    }

    private static final FormShape SHAPE = new FormShape(Validation.buildDefaultValidatorFactory().getValidator());

    /** The shape (Bean Validation) and the rules, as the desk checks them. */
    private static List<String> problems(GateForm form) {
        return SHAPE.problemsOf(form, form.ruleProblems(EnumSet.allOf(Symptom.class), false)).entrySet().stream()
                .map(p -> p.getKey() + ":" + p.getValue()).toList();
    }

    @Test
    void checksIdCardNumbersWithTheGb11643CheckDigitAcceptingX() {
        assertThat(problems(citizen(DocumentType.ID_CARD, "43090219900101001X", "36.5"))).isEmpty();
        assertThat(problems(citizen(DocumentType.ID_CARD, "430902199001010011", "36.5")))
                .containsExactly("docNo:idNumber.CHECK_DIGIT");
        assertThat(problems(citizen(DocumentType.ID_CARD, "4309021990", "36.5"))).containsExactly("docNo:idNumber.LENGTH");
    }

    @Test
    void acceptsOtherDocumentsWithoutACheckDigit() {
        assertThat(problems(citizen(DocumentType.PASSPORT, "E12345678", "36.5"))).isEmpty();
        assertThat(problems(citizen(DocumentType.HK_MACAU_PERMIT, "C01234567", "36.5"))).isEmpty();
        assertThat(problems(citizen(DocumentType.TAIWAN_PERMIT, "12345678", "36.5"))).isEmpty();
    }

    @Test
    void refusesAMissingOrImpossibleTemperature() {
        assertThat(problems(citizen(DocumentType.PASSPORT, "E12345678", null))).containsExactly("temperature:gate.temperature.required");
        assertThat(problems(citizen(DocumentType.PASSPORT, "E12345678", "45.1"))).containsExactly("temperature:gate.temperature.range");
        assertThat(problems(citizen(DocumentType.PASSPORT, "E12345678", "33.9"))).containsExactly("temperature:gate.temperature.range");
        assertThat(problems(citizen(DocumentType.PASSPORT, "E12345678", "36.55"))).containsExactly("temperature:gate.temperature.range");
        assertThat(problems(citizen(DocumentType.PASSPORT, "E12345678", "43.0"))).isEmpty();
    }

    @Test
    void asksForEveryRequiredAnswerAtOnce() {
        GateForm empty = new GateForm(UUID.randomUUID(), PersonType.CITIZEN, null, "", DocumentType.ID_CARD, "", "",
                null, null, List.of(), false, "", null, null, "", null);
        assertThat(problems(empty)).containsExactly("name:validation.required", "docNo:validation.required",
                "phone:validation.required", "mask:gate.mask.required", "temperature:gate.temperature.required",
                "symptoms:gate.symptoms.required");
    }
}
