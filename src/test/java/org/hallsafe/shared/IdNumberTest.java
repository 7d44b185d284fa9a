package org.hallsafe.shared;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * R-ORG-1: resident identity card numbers (GB 11643-1999) are checked when typed and are only ever shown masked
 * (PIPL masking: area code and last four readable, the birth date and sequence starred).
 */
class IdNumberTest {

    private static final List<String> AREAS = List.of("430902", "430903", "430921", "430922", "430923", "430981");

    /** Appends the check character the code under test computes. */
    private static String withCheck(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    /** A valid number whose check character is X, found by walking the sequence numbers. */
    private static String numberEndingInX() {
        for (int seq = 0; seq < 1000; seq++) {
            String first17 = "430902" + "19900101" + String.format("%03d", seq);
            if (IdNumber.checkCharacter(first17) == 'X') {
                return first17 + 'X';
            }
        }
        throw new AssertionError("no sequence number gives check character X");
    }

    @Test
    void computesKnownCheckCharacters() {
        // worked out independently of the code under test
        assertThat(IdNumber.checkCharacter("43090219850612123")).isEqualTo('9');
        assertThat(IdNumber.checkCharacter("43092219850612123")).isEqualTo('4');
        assertThat(IdNumber.checkCharacter("43090219900101001")).isEqualTo('X');
    }

    @Test
    void acceptsValidNumbersForEveryAreaCode() {
        for (String area : AREAS) {
            for (String birth : List.of("19500101", "19850612", "20001231", "20120229")) {
                String number = withCheck(area + birth + "123");
                assertThat(IdNumber.check(number)).as(number).isEqualTo(IdNumber.Problem.NONE);
                assertThat(new IdNumber(number).value()).isEqualTo(number);
            }
        }
    }

    @Test
    void acceptsCheckCharacterX() {
        String number = numberEndingInX();
        assertThat(number).endsWith("X");
        assertThat(IdNumber.check(number)).isEqualTo(IdNumber.Problem.NONE);
        assertThat(new IdNumber(number).value()).isEqualTo(number);
    }

    @Test
    void acceptsLowerCaseXAndNormalisesItToUpperCase() {
        String number = numberEndingInX();
        String lower = number.substring(0, 17) + "x";
        assertThat(IdNumber.check(lower)).isEqualTo(IdNumber.Problem.NONE);
        assertThat(new IdNumber(lower).value()).isEqualTo(number);
    }

    @Test
    void stripsSurroundingWhitespace() {
        String number = withCheck("43090219850612123");
        assertThat(new IdNumber("  " + number + " ").value()).isEqualTo(number);
    }

    @Test
    void refusesWrongCheckDigit() {
        String number = withCheck("43090219850612123");
        char wrong = number.charAt(17) == '0' ? '1' : '0';
        String bad = number.substring(0, 17) + wrong;
        assertThat(IdNumber.check(bad)).isEqualTo(IdNumber.Problem.CHECK_DIGIT);
        assertThatThrownBy(() -> new IdNumber(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesXWhereADigitIsDue() {
        String number = withCheck("43090219850612123");
        assertThat(number).doesNotEndWith("X");
        assertThat(IdNumber.check(number.substring(0, 17) + "X")).isEqualTo(IdNumber.Problem.CHECK_DIGIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"43090219850612123", "4309021985061212391", "430902850612123", "1"})
    void refusesWrongLength(String raw) {
        assertThat(IdNumber.check(raw)).isEqualTo(IdNumber.Problem.LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4309021985061212AB", "A30902198506121239", "430902-98506121239", "43090219850612123Y"})
    void refusesLetters(String raw) {
        assertThat(IdNumber.check(raw)).isEqualTo(IdNumber.Problem.CHARACTERS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"19851312", "19850012", "19850600", "19850632"})
    void refusesImpossibleBirthDate(String birth) {
        String number = withCheck("430902" + birth + "123");
        assertThat(IdNumber.check(number)).isEqualTo(IdNumber.Problem.BIRTH_DATE);
    }

    @Test
    void refusesBadMonthEvenWithoutCheckingTheCheckDigit() {
        assertThat(IdNumber.check("430902198013011234")).isEqualTo(IdNumber.Problem.BIRTH_DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void refusesBlank(String raw) {
        assertThat(IdNumber.check(raw)).isEqualTo(IdNumber.Problem.EMPTY);
    }

    @Test
    void refusesNull() {
        assertThat(IdNumber.check(null)).isEqualTo(IdNumber.Problem.EMPTY);
        assertThatThrownBy(() -> new IdNumber(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masksAllButAreaCodeAndLastFour() {
        String number = withCheck("43090219850612123");
        assertThat(new IdNumber(number).masked())
                .isEqualTo("430902********123" + number.charAt(17))
                .matches("430902\\*{8}123[0-9X]");
    }

    @Test
    void masksNumberEndingInX() {
        assertThat(new IdNumber(numberEndingInX()).masked()).isEqualTo("430902********001X");
    }

    @Test
    void toStringNeverShowsTheFullNumber() {
        String number = withCheck("43090219850612123");
        IdNumber id = new IdNumber(number);
        assertThat(id.toString()).doesNotContain(number).doesNotContain("19850612").isEqualTo(id.masked());
    }

    static Stream<String> randomValidNumbers() {
        Random random = new Random(20260101L);
        LocalDate start = LocalDate.of(1940, 1, 1);
        return Stream.generate(() -> {
            String area = AREAS.get(random.nextInt(AREAS.size()));
            LocalDate birth = start.plusDays(random.nextInt(70 * 365));
            String seq = String.format("%03d", random.nextInt(1000));
            return withCheck(area + birth.toString().replace("-", "") + seq);
        }).limit(200);
    }

    @ParameterizedTest
    @MethodSource("randomValidNumbers")
    void maskingKeepsAreaCodeAndLastFourAndStarsTheRest(String number) {
        IdNumber id = new IdNumber(number);
        String masked = id.masked();
        assertThat(masked).hasSize(18);
        assertThat(masked.substring(0, 6)).isEqualTo(number.substring(0, 6));
        assertThat(masked.substring(14)).isEqualTo(number.substring(14));
        assertThat(masked.substring(6, 14)).isEqualTo("********");
        assertThat(masked).isNotEqualTo(id.value());
        assertThat(id.toString()).doesNotContain(number);
    }
}
