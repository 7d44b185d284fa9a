package org.hallsafe.notice;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notices, under {@code hallsafe.notice.*}.
 *
 * @param publicBaseUrl the address citizens reach HallSafe at, e.g. {@code https://zwfw.example.gov.cn}: the Atom
 *     feed's links, the QR codes of posters and the exports use it. Empty: the address of the request being answered
 * @param expiryCheck how often published notices past their end are marked expired (they leave every channel at
 *     their end in any case; this only records it)
 * @param feedSize how many notices the Atom feed and the embeddable fragment carry
 */
@ConfigurationProperties("hallsafe.notice")
public record NoticeProperties(
        @DefaultValue("") String publicBaseUrl,
        @DefaultValue("5m") Duration expiryCheck,
        @DefaultValue("20") int feedSize) {
}
