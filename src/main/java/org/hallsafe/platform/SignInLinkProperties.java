package org.hallsafe.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One-time sign-in links (issue 16, item 8), under {@code hallsafe.sign-in-links.*}.
 *
 * @param validity how long a printed link opens: long enough to hand the sheets out, short enough that a sheet left
 *     on a desk soon opens nothing
 * @param baseUrl the address staff phones reach HallSafe at, printed in the links and QR codes (e.g.
 *     {@code https://hallsafe.example.gov.cn}); empty: the address the sheet was printed from
 */
@ConfigurationProperties("hallsafe.sign-in-links")
public record SignInLinkProperties(
        @DefaultValue("72h") Duration validity,
        @DefaultValue("") String baseUrl) {

    public SignInLinkProperties {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("hallsafe.sign-in-links.validity must be above zero: " + validity);
        }
    }
}
