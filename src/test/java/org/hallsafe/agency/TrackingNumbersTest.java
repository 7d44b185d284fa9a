package org.hallsafe.agency;

import org.hallsafe.agency.TrackingNumbers.Carrier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #14 item 5: tracking numbers by their carrier's format. */
class TrackingNumbersTest {

    @Test
    void r14_5_anS10NumberWithTheRightCheckDigitIsAccepted() {
        // 4·8+7·6+3·4+1·2+2·3+4·5+8·9+2·7 = 200; 200 mod 11 = 2; 11 − 2 = 9
        assertThat(TrackingNumbers.checkDigit("47312482")).isEqualTo(9);
        var checked = TrackingNumbers.check(Carrier.CHINA_POST, " rr 473124829 gb ");
        assertThat(checked.ok()).isTrue();
        assertThat(checked.number()).isEqualTo("RR473124829GB");
        assertThat(checked.flagged()).isFalse();
        assertThat(TrackingNumbers.check(Carrier.EMS, "EA473124829CN").ok()).isTrue();
    }

    @Test
    void r14_5_anS10NumberWithAWrongCheckDigitIsRefused() {
        assertThat(TrackingNumbers.check(Carrier.CHINA_POST, "RR473124828GB").problem())
                .isEqualTo("agency.tracking.s10Check");
        assertThat(TrackingNumbers.check(Carrier.EMS, "EA473124820CN").problem())
                .isEqualTo("agency.tracking.s10Check");
        assertThat(TrackingNumbers.check(Carrier.CHINA_POST, "R473124829GB").problem())
                .isEqualTo("agency.tracking.s10");
    }

    @Test
    void r14_5_theCheckDigitsTenAndElevenBecomeZeroAndFive() {
        assertThat(TrackingNumbers.checkDigit("00000000")).isEqualTo(5); // sum 0 → 11 → 5
        assertThat(TrackingNumbers.checkDigit("10000000")).isEqualTo(3); // 8 → 3
        assertThat(TrackingNumbers.checkDigit("10001000")).isEqualTo(5); // 8 + 3 = 11 → 0 → 11 → 5
        // 1·9 + 2·7 = 23 → 23 mod 11 = 1 → 10 → 0
        assertThat(TrackingNumbers.checkDigit("00000012")).isEqualTo(0);
        assertThat(TrackingNumbers.check(Carrier.CHINA_POST, "RA000000120CN").ok()).isTrue();
        assertThat(TrackingNumbers.check(Carrier.CHINA_POST, "RA000000125CN").ok()).isFalse();
    }

    @Test
    void r14_5_emsDomesticAndSfNumbersByTheirLengths() {
        assertThat(TrackingNumbers.check(Carrier.EMS, "1100123456789").ok()).isTrue();
        assertThat(TrackingNumbers.check(Carrier.EMS, "110012345678").problem()).isEqualTo("agency.tracking.s10");
        assertThat(TrackingNumbers.check(Carrier.SF, "123456789012").ok()).isTrue();
        assertThat(TrackingNumbers.check(Carrier.SF, "sf1234567890123").number()).isEqualTo("SF1234567890123");
        assertThat(TrackingNumbers.check(Carrier.SF, "SF1234567890123").ok()).isTrue();
        assertThat(TrackingNumbers.check(Carrier.SF, "12345678901").problem()).isEqualTo("agency.tracking.sf");
    }

    @Test
    void r14_5_anUnknownCarrierIsFreeTextButFlagged() {
        var checked = TrackingNumbers.check(Carrier.OTHER, "yt-2288 0001");
        assertThat(checked.ok()).isTrue();
        assertThat(checked.flagged()).isTrue();
        assertThat(checked.number()).isEqualTo("YT-22880001");
        assertThat(TrackingNumbers.check(Carrier.OTHER, "<script>").ok()).isFalse();
        assertThat(TrackingNumbers.check(Carrier.OTHER, "").problem()).isEqualTo("validation.required");
        assertThat(TrackingNumbers.check(Carrier.OTHER, "A".repeat(41)).problem()).isEqualTo("agency.tracking.tooLong");
    }
}
