package org.hallsafe.notice;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hallsafe.platform.PlainText;
import org.hallsafe.platform.PlausibleDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A notice as the office writes it, on the page and in the API: kind, title, Markdown body, validity in the hall's
 * time (until may be empty: no end), and the channels to publish on.
 */
record NoticeForm(
        @NotNull(message = "{validation.required}") Kind kind,
        @NotBlank(message = "{validation.required}") @PlainText(max = NoticeForm.TITLE) String title,
        @NotBlank(message = "{validation.required}") @PlainText(max = NoticeForm.BODY, multiline = true) String body,
        @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        @PlausibleDate(PlausibleDate.Horizon.YEAR) LocalDateTime validFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @PlausibleDate(PlausibleDate.Horizon.DECADE) LocalDateTime validUntil,
        @NotEmpty(message = "{notice.channels.required}") @Size(max = 5, message = "{notice.channels.required}") List<Channel> channels) {

    static final int TITLE = 100;
    static final int BODY = 20000;

    /** An empty notice of the kind, valid from now, on the website and the screens. */
    static NoticeForm empty(Kind kind, LocalDateTime now) {
        return new NoticeForm(kind == null ? Kind.OTHER : kind, "", "", now.withSecond(0).withNano(0), null,
                List.of(Channel.WEBSITE, Channel.WECHAT, Channel.SCREEN));
    }

    /** Rules across fields: the end comes after the start. */
    Map<String, String> ruleProblems() {
        Map<String, String> p = new LinkedHashMap<>();
        if (channels != null && channels.stream().anyMatch(java.util.Objects::isNull)) {
            p.put("channels", "notice.channels.required");
        }
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            p.put("validUntil", "notice.validUntil.afterFrom");
        }
        return p;
    }
}
