package org.hallsafe.shared;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Phone numbers are checked when typed and shown masked (PIPL masking: first three and last four of a mobile). */
class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "13012345678", "15912345678", "15012345678", "18612345678", "18000000000"})
    void acceptsMobileNumbers(String raw) {
        assertThat(PhoneNumber.isValid(raw)).isTrue();
        assertThat(new PhoneNumber(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"138123456789", "1381234567", "12345678901", "23812345678", "1381234567a", ""})
    void refusesMalformedMobileNumbers(String raw) {
        assertThat(PhoneNumber.isValid(raw)).isFalse();
        assertThatThrownBy(() -> new PhoneNumber(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNull() {
        assertThat(PhoneNumber.isValid(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0737-4221234", "07374221234", "010-12345678"})
    void acceptsLandlineWithAreaCode(String raw) {
        assertThat(PhoneNumber.isValid(raw)).isTrue();
    }

    @Test
    void stripsSpaces() {
        assertThat(new PhoneNumber(" 138 1234 5678 ").value()).isEqualTo("13812345678");
    }

    @Test
    void masksMobileKeepingFirstThreeAndLastFour() {
        PhoneNumber phone = new PhoneNumber("13812345678");
        assertThat(phone.masked()).isEqualTo("138****5678");
        assertThat(phone.toString()).isEqualTo("138****5678").doesNotContain("13812345678");
    }

    @Test
    void masksLandlineKeepingAreaCodeAndLastFour() {
        String masked = new PhoneNumber("0737-4221234").masked();
        assertThat(masked).startsWith("0737-").endsWith("1234").isNotEqualTo("0737-4221234");
        assertThat(masked).hasSize("0737-4221234".length());
    }

    static Stream<String> randomMobileNumbers() {
        Random random = new Random(20260101L);
        return Stream.generate(() -> {
            StringBuilder number = new StringBuilder("1").append(3 + random.nextInt(7));
            for (int i = 0; i < 9; i++) {
                number.append(random.nextInt(10));
            }
            return number.toString();
        }).limit(200);
    }

    @ParameterizedTest
    @MethodSource("randomMobileNumbers")
    void maskingKeepsFirstThreeAndLastFourAndStarsTheRest(String number) {
        PhoneNumber phone = new PhoneNumber(number);
        String masked = phone.masked();
        assertThat(masked).hasSize(11);
        assertThat(masked.substring(0, 3)).isEqualTo(number.substring(0, 3));
        assertThat(masked.substring(3, 7)).isEqualTo("****");
        assertThat(masked.substring(7)).isEqualTo(number.substring(7));
        assertThat(masked).isNotEqualTo(phone.value());
        assertThat(phone.toString()).doesNotContain(number);
    }
}
